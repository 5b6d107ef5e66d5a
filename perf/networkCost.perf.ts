/**
 * The network-cost study's figures on this machine (npm run perf -- networkCost):
 * the break-even size (where 2 workers first beat 1) on local processes and
 * on the cluster over loopback, measured in one study side by side, then on
 * the cluster with the agent's link slowed by +1 and +5 ms each way (the
 * delaying TCP proxy of the test fixtures). A real nats-server on 127.0.0.1
 * and a real agent (the built CLI, 2 processes). Prints figures and ratios;
 * asserts nothing. PERF_QUICK=1 sweeps fewer sizes.
 */
import { availableParallelism, cpus, loadavg } from 'node:os'
import { breakEvenCell } from '../src/shared/report'
import { resolve } from 'node:path'
import { createEngine, runStudy } from '../src/engine'
import { analyzeStudy } from '../src/shared/analysis'
import type { NetworkCostAnalysis, SizeSweepAnalysis } from '../src/shared/analysis'
import { networkCost } from '../src/shared/analysis/networkCost'
import type { RunConfig } from '../src/shared/config'
import { halfDecades } from '../src/shared/study'
import type { StudyRecord } from '../src/shared/study'
import {
  natsServerMissing,
  startAgent,
  startDelayedAgent,
  startNatsServer
} from '../tests/helpers/cluster'

const quick = process.env.PERF_QUICK === '1'
const engine = createEngine({ workerPath: resolve(__dirname, '../out/main/worker.js') })
const SIZES = halfDecades(1e4, quick ? 1e7 : 1e8)

const fmt = (x: number | null, d = 2): string => (x === null ? '—' : x.toFixed(d))
const row = (cells: string[], widths: number[]): void =>
  console.log(`  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`)

const base = (server: string): RunConfig => ({
  // The backend comparison's own sweep: short, the sweeps are the subject here.
  range: { start: 0, end: 1_000_000 },
  workers: [1, 2],
  workload: 'split',
  backend: 'process',
  cluster: { server },
  pool: 'warm',
  warmup: 1,
  reps: quick ? 3 : 5
})

const loads = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

function describeSweep(label: string, rtt: number | null, s: SizeSweepAnalysis): string[] {
  const sizes = s.points.map((p) => p.size)
  const shares = s.points.filter((p) => p.networkMs !== null && p.tn.value > 0)
  const share =
    shares.length > 0
      ? `${fmt((100 * shares[0].networkMs!) / shares[0].tn.value, 1)}% … ${fmt((100 * shares[shares.length - 1].networkMs!) / shares[shares.length - 1].tn.value, 2)}%`
      : '—'
  return [label, s.pool, rtt === null ? '—' : fmt(rtt, 2), breakEvenCell(s.breakEven, sizes), share]
}

async function main(): Promise<void> {
  const missing = natsServerMissing()
  if (missing) {
    console.log(`network-cost perf skipped: ${missing}`)
    return
  }
  console.log(
    `Network-cost study — ${cpus()[0]?.model.trim()}, ${availableParallelism()} cores, Node ${process.versions.node}`
  )
  console.log(`  load average at start: ${loads()} (the machine is shared: figures are noisy)`)
  console.log(
    `  sizes ${SIZES[0].toLocaleString('en-US')} … ${SIZES[SIZES.length - 1].toLocaleString('en-US')} ` +
      `(${SIZES.length}, half decades), 1 vs 2 workers, split, js kernel, ` +
      `${base('').warmup} warm-up + ${base('').reps} reps per point, warm and cold pools`
  )
  const server = await startNatsServer()
  const widths = [28, 5, 8, 56, 16]
  const lines: string[][] = []
  /** Per scenario, the warm sweep's medians: what the break-even is read from. */
  const warm: { label: string; sweep: SizeSweepAnalysis }[] = []
  const costs: { label: string; cost: NetworkCostAnalysis }[] = []
  let local: SizeSweepAnalysis[] = []
  try {
    // 1. Loopback: the study itself, processes and cluster side by side.
    {
      const agent = startAgent(server.url, ['--processes', '2', '--name', 'loopback'], 2)
      await agent.ready
      try {
        const t0 = Date.now()
        const study = await runStudy(engine, {
          base: base(server.url),
          sizes: SIZES,
          backends: ['process', 'cluster']
        })
        const a = analyzeStudy(study)
        const rtt = rttOf(study)
        local = a.sizeSweeps.filter((s) => s.backend === 'process')
        for (const s of local) lines.push(describeSweep('local processes', null, s))
        for (const s of a.sizeSweeps.filter((x) => x.backend === 'cluster'))
          lines.push(describeSweep('cluster, loopback', rtt, s))
        for (const s of a.sizeSweeps.filter((x) => x.pool === 'warm'))
          warm.push({ label: s.backend === 'cluster' ? 'loopback' : 'local', sweep: s })
        for (const cost of a.networkCost) costs.push({ label: 'loopback', cost })
        console.log(`  (loopback study: ${((Date.now() - t0) / 1000).toFixed(0)} s)`)
      } finally {
        await agent.stop()
      }
    }
    // 2. The agent behind the delaying proxy: the cluster's sweep alone, read against the local one.
    for (const delay of [1, 5]) {
      const agent = await startDelayedAgent(
        server.port,
        delay,
        ['--processes', '2', '--name', `d${delay}`],
        2
      )
      try {
        await agent.ready
        const study = await runStudy(engine, {
          base: { ...base(server.url), backend: 'cluster' },
          sizes: SIZES
        })
        const a = analyzeStudy(study)
        const rtt = rttOf(study)
        for (const s of a.sizeSweeps) {
          lines.push(describeSweep(`cluster, +${delay} ms each way`, rtt, s))
          if (s.pool === 'warm') warm.push({ label: `+${delay} ms`, sweep: s })
          const mine = local.find((l) => l.pool === s.pool)
          if (mine) {
            // The same reading the study makes, with this run's cluster sweep.
            costs.push({ label: `+${delay} ms`, cost: networkCost(mine, s) })
          }
        }
      } finally {
        await agent.stop()
      }
    }
  } finally {
    await engine.dispose()
    await server.stop()
  }
  console.log('\nbreak-even size (2 workers first beat 1), bounds at the ends of the 95% errors:')
  row(['backend', 'pool', 'RTT ms', 'break-even', 'network share'], widths)
  for (const l of lines) row(l, widths)
  console.log('\nwarm pool, T1 / T2 medians (ms) per size:')
  console.log(`  ${'size'.padStart(12)}  ${warm.map((w) => w.label.padStart(17)).join('  ')}`)
  for (const size of SIZES) {
    const cells = warm.map(({ sweep }) => {
      const p = sweep.points.find((x) => x.size === size)
      return (p ? `${fmt(p.t1.value, 2)} / ${fmt(p.tn.value, 2)}` : '—').padStart(17)
    })
    console.log(`  ${size.toLocaleString('en-US').padStart(12)}  ${cells.join('  ')}`)
  }
  console.log('\ncluster break-even ÷ local break-even (same pool):')
  for (const { label, cost } of costs)
    console.log(
      `  ${label.padEnd(10)} ${cost.pool.padEnd(5)} ${cost.difference.padEnd(16)} ` +
        `${cost.ratio === null ? '— (not both placed)' : `${fmt(cost.ratio, 1)}×`}` +
        `${cost.apart ? ' (beyond the errors)' : ' (within the errors)'}`
    )
  console.log(`\n  load average at end: ${loads()}`)
}

/** The slowest agent link the study's cluster runs measured (median over them), ms. */
function rttOf(study: StudyRecord): number | null {
  const rtts = study.sizeRuns.flatMap((r) => r.run.system.cluster?.agents.map((x) => x.rttMs) ?? [])
  if (rtts.length === 0) return null
  const sorted = [...rtts].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
