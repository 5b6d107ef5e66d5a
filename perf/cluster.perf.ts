/**
 * The cluster backend's figures on this machine (npm run perf -- cluster):
 * speedup at 2 remote workers on loopback vs 2 local processes on 0…10^9,
 * the overhead per job NATS adds, and the speedup as the agent's link gets
 * slower (0, 1, 5, 20 ms each way through a delaying TCP proxy).
 * A real nats-server on 127.0.0.1 and real agents (the built CLI). Prints
 * figures and ratios measured side by side; asserts nothing.
 */
import { availableParallelism, cpus } from 'node:os'
import { resolve } from 'node:path'
import { median, quantile } from 'simple-statistics'
import { createEngine } from '../src/engine'
import { analyzeRun } from '../src/shared/analysis/analyzeRun'
import type { RunConfig } from '../src/shared/config'
import type { RunRecord } from '../src/shared/result'
import {
  natsServerMissing,
  startAgent,
  startDelayedAgent,
  startNatsServer
} from '../tests/helpers/cluster'

const quick = process.env.PERF_QUICK === '1'
const engine = createEngine({ workerPath: resolve(__dirname, '../out/main/worker.js') })

const fmt = (x: number, d = 2): string => x.toFixed(d)
const row = (label: string, value: string): void => console.log(`  ${label.padEnd(60)} ${value}`)

const big: Omit<RunConfig, 'backend'> = {
  range: { start: 0, end: quick ? 200_000_000 : 1_000_000_000 },
  workers: [1, 2],
  workload: 'split',
  pool: 'warm',
  warmup: 1,
  reps: quick ? 3 : 5
}

async function main(): Promise<void> {
  const missing = natsServerMissing()
  if (missing) {
    console.log(`cluster perf skipped: ${missing}`)
    return
  }
  console.log(
    `Cluster performance — ${cpus()[0]?.model.trim()}, ${availableParallelism()} cores, Node ${process.versions.node}`
  )
  console.log('  (the machine is shared with other engineers: figures are noisy)')
  const server = await startNatsServer()
  const cluster = (config: Omit<RunConfig, 'backend'>): Promise<RunRecord> =>
    engine.run({ ...config, backend: 'cluster', cluster: { server: server.url } })
  const local = (config: Omit<RunConfig, 'backend'>): Promise<RunRecord> =>
    engine.run({ ...config, backend: 'process' })
  try {
    // 1. Speedup at 2: local processes and remote workers (one agent, 2 processes) alternately.
    const agent = startAgent(server.url, ['--processes', '2', '--name', 'perf'], 2)
    await agent.ready
    const pairs: { local: RunRecord; cluster: RunRecord }[] = []
    for (let i = 0; i < (quick ? 1 : 2); i++)
      pairs.push({ local: await local(big), cluster: await cluster(big) })
    const speedups = (k: 'local' | 'cluster'): number[] =>
      pairs.map((p) => analyzeRun(p[k]).workers[1].speedup.speedup)
    const t = (k: 'local' | 'cluster', n: 0 | 1): number =>
      median(pairs.map((p) => analyzeRun(p[k]).workers[n].medianMs))
    console.log(
      `\nsplit 0…${fmt(big.range.end, 0)}, warm, ${big.reps} reps (+1 warm-up), ${pairs.length} rounds:`
    )
    row(
      'local processes: T1 / T2 (median ms)',
      `${fmt(t('local', 0), 1)} / ${fmt(t('local', 1), 1)}`
    )
    row(
      'local processes: speedup at 2',
      `${speedups('local')
        .map((s) => fmt(s, 3))
        .join(', ')}×`
    )
    row(
      'cluster (loopback): T1 / T2 (median ms)',
      `${fmt(t('cluster', 0), 1)} / ${fmt(t('cluster', 1), 1)}`
    )
    row(
      'cluster (loopback): speedup at 2',
      `${speedups('cluster')
        .map((s) => fmt(s, 3))
        .join(', ')}×`
    )
    row('T2 cluster ÷ T2 local', `${fmt(t('cluster', 1) / t('local', 1), 3)}`)

    // 2. Overhead per job: a 1,000-element job, where the wall time is almost all overhead.
    const tiny: Omit<RunConfig, 'backend'> = {
      range: { start: 0, end: 1000 },
      workers: [1],
      workload: 'split',
      pool: 'warm',
      warmup: 3,
      reps: quick ? 15 : 40
    }
    const over = (r: RunRecord): number[] => r.results[0].samples.map((s) => s.overheadMs)
    const walls = (r: RunRecord): number[] => r.results[0].samples.map((s) => s.wallMs)
    const l = await local(tiny)
    const c = await cluster(tiny)
    const lo = median(over(l))
    const co = median(over(c))
    console.log(`\noverhead per job (0…1000, 1 worker, warm, ${tiny.reps} reps):`)
    row(
      'local process: wall, median / p90 (ms)',
      `${fmt(median(walls(l)), 3)} / ${fmt(quantile(walls(l), 0.9), 3)}`
    )
    row(
      'cluster: wall, median / p90 (ms)',
      `${fmt(median(walls(c)), 3)} / ${fmt(quantile(walls(c), 0.9), 3)}`
    )
    row('local process: overhead (wall − compute), median (ms)', fmt(lo, 3))
    row('cluster: overhead (wall − compute), median (ms)', fmt(co, 3))
    row('added by NATS per job, median (ms; target ≤ 1)', fmt(co - lo, 3))
    const rtt = c.system.cluster?.agents[0]?.rttMs ?? NaN
    row('bare request/reply to the agent before the run, median (ms)', fmt(rtt, 3))
    await agent.stop()

    // 3. Speedup at 2 as the agent's link slows down.
    console.log(`\nspeedup at 2 remote workers vs added latency (proxy between agent and server):`)
    for (const delay of [0, 1, 5, 20]) {
      const slow = await startDelayedAgent(
        server.port,
        delay,
        ['--processes', '2', '--name', `d${delay}`],
        2
      )
      await slow.ready
      try {
        const r = await cluster(big)
        const link = r.system.cluster?.agents[0]?.rttMs ?? NaN
        const over2 = median(r.results[1].samples.map((s) => s.overheadMs))
        const [a1, a2] = analyzeRun(r).workers
        row(
          `+${delay} ms each way: RTT ${fmt(link, 1)} ms`,
          `T1 ${fmt(a1.medianMs, 0)} ms, T2 ${fmt(a2.medianMs, 0)} ms, S ${fmt(a2.speedup.speedup, 3)}×, overhead@2 ${fmt(over2, 1)} ms`
        )
      } finally {
        await slow.stop()
      }
    }
  } finally {
    await engine.dispose()
    await server.stop()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
