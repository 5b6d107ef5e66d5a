/**
 * Scale by simulation (issue 22; npm run perf -- clusterScale): 8, 16, 32
 * and 64 agents of one thread worker each (one process, each agent its own
 * NATS connection) on a real nats-server on loopback, and the real
 * controller. Prints, per size: time until every agent answered discovery,
 * time to claim every worker and hear it ready, one round of N 1,000-element
 * jobs (wall, per job, and the overhead beyond compute), whether a run on
 * all N was exact; and each figure's ratio to the 8-agent one.
 * PERF_QUICK=1: fewer repetitions. Asserts nothing.
 */
import { availableParallelism, cpus, loadavg } from 'node:os'
import { createEngine } from '../src/engine'
import { natsServerMissing, startNatsServer } from '../tests/helpers/cluster'
import { WORKER_JS, measureScale, startSimulatedAgents } from '../tests/helpers/clusterScale'
import type { ScaleFigures } from '../tests/helpers/clusterScale'

const quick = process.env.PERF_QUICK === '1'
const sizes = (process.env.PERF_SIZES ?? '8,16,32,64').split(',').map(Number)

async function main(): Promise<void> {
  const missing = natsServerMissing()
  if (missing) return void console.log(`cluster scale perf skipped: ${missing}`)
  console.log(
    `Cluster scale by simulation — ${cpus()[0]?.model.trim()}, ${availableParallelism()} cores, ` +
      `Node ${process.versions.node}, load average ${loadavg()[0].toFixed(1)}`
  )
  console.log(
    '  (N agents × 1 thread worker in one process; the machine is shared: figures are noisy)'
  )
  const rows: ScaleFigures[] = []
  for (const n of sizes) {
    const server = await startNatsServer()
    const agents = await startSimulatedAgents(server.url, n)
    const engine = createEngine({ workerPath: WORKER_JS, cluster: { discoverMs: 1000 } })
    try {
      rows.push(
        await measureScale(
          engine,
          server.url,
          n,
          quick ? { discovery: 3, claim: 2, round: 5 } : { discovery: 7, claim: 5, round: 20 }
        )
      )
    } finally {
      await engine.dispose()
      await agents.stop()
      await server.stop()
    }
  }
  const base = rows[0]
  const cell = (x: number, b: number, d = 1): string =>
    `${x.toFixed(d).padStart(7)} (${(x / b).toFixed(2)}×)`
  console.log(
    `\n${'agents'.padEnd(7)}${'discovery ms'.padEnd(18)}${'claim N ms'.padEnd(18)}` +
      `${'round of N jobs ms'.padEnd(20)}${'per job ms'.padEnd(18)}${'overhead ms'.padEnd(18)}exact`
  )
  for (const r of rows)
    console.log(
      `${String(r.agents).padEnd(7)}${cell(r.discoveryMs, base.discoveryMs).padEnd(18)}` +
        `${cell(r.claimMs, base.claimMs).padEnd(18)}${cell(r.roundMs, base.roundMs).padEnd(20)}` +
        `${cell(r.perJobMs, base.perJobMs, 2).padEnd(18)}${cell(r.overheadMs, base.overheadMs).padEnd(18)}` +
        `${r.exact ? 'yes' : 'NO'}`
    )
  console.log(`\n  (ratios are to ${base.agents} agents; medians of the repetitions)`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
