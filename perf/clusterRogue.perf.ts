/**
 * A rogue client on the cluster's server (issue 22; npm run perf -- clusterRogue):
 * it echoes an empty, a garbled and a replayed copy of every message it
 * hears (bounded, tests/helpers/rogue.ts), in a process of its own. 10 runs with it and 10 without,
 * alternated, on two real agents (2 thread workers each): how many were
 * exact, and the median wall time at 4 workers with the rogue ÷ without.
 * Asserts nothing.
 */
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { median } from 'simple-statistics'
import { createEngine } from '../src/engine'
import type { RunConfig } from '../src/shared/config'
import { natsServerMissing, startAgent, startNatsServer } from '../tests/helpers/cluster'
import { startRogueProcess } from '../tests/helpers/rogue'

const trials = Number(process.env.PERF_TRIALS ?? (process.env.PERF_QUICK === '1' ? 3 : 10))

async function main(): Promise<void> {
  const missing = natsServerMissing()
  if (missing) return void console.log(`cluster rogue perf skipped: ${missing}`)
  console.log(
    `A rogue client echoing every message — ${trials} + ${trials} runs, load average ${loadavg()[0].toFixed(1)}`
  )
  console.log('  (the machine is shared with other work: figures are noisy)')
  const server = await startNatsServer()
  const agents = [
    startAgent(server.url, ['--threads', '2', '--name', 'perf-a'], 2),
    startAgent(server.url, ['--threads', '2', '--name', 'perf-b'], 2)
  ]
  await Promise.all(agents.map((a) => a.ready))
  const log: string[] = []
  const engine = createEngine({
    workerPath: resolve(__dirname, '../out/main/worker.js'),
    log: (l) => log.push(l)
  })
  const config: RunConfig = {
    range: { start: 0, end: 100_000_000 },
    workers: [4],
    workload: 'split',
    backend: 'cluster',
    cluster: { server: server.url },
    pool: 'warm',
    warmup: 1,
    reps: 5
  }
  const at4 = (r: Awaited<ReturnType<typeof engine.run>>): number =>
    median(r.results.find((x) => x.workers === 4)!.samples.map((s) => s.wallMs))
  const clean: number[] = []
  const rogue: number[] = []
  let exact = 0
  let echoed = 0
  try {
    for (let t = 0; t < trials; t++) {
      const plain = await engine.run(config)
      clean.push(at4(plain))
      const r = await startRogueProcess(server.url, 50_000)
      try {
        const run = await engine.run(config)
        rogue.push(at4(run))
        if (run.correct) exact++
      } finally {
        await r.close()
        echoed += r.echoed()
      }
      console.log(
        `  trial ${String(t + 1).padStart(2)}: T4 ${clean[t].toFixed(1)} ms clean, ${rogue[t].toFixed(1)} ms with the rogue ` +
          `(${(rogue[t] / clean[t]).toFixed(3)}×)`
      )
    }
  } finally {
    await engine.dispose()
    await Promise.all(agents.map((a) => a.stop()))
    await server.stop()
  }
  const ratios = rogue.map((x, i) => x / clean[i])
  const dropped = log.filter((l) => /dropped .* outside the session/.test(l))
  console.log('')
  console.log(`  runs exact with the rogue:            ${exact} of ${trials}`)
  console.log(`  messages the rogue echoed (×3 copies): ${echoed}`)
  console.log(
    `  controller sessions that dropped some: ${dropped.length}; last: ${dropped.at(-1) ?? '—'}`
  )
  console.log(
    `  T4 with ÷ without, median of pairs:   ${median(ratios).toFixed(3)}× (worst pair ${Math.max(...ratios).toFixed(3)}×; ` +
      `median T4 ${median(rogue).toFixed(1)} vs ${median(clean).toFixed(1)} ms)`
  )
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
