/**
 * Stop latency (npm run perf -- cancel): from cancel() to the moment every
 * worker of the run has exited, for a cancel during spawn (a cold
 * repetition's worker just started), during compute (after the first
 * progress message) and at the last result (the moment the merge would
 * begin), on both backends. The issue's bound is 200 ms. Prints figures;
 * asserts nothing (tests/integration/faults.test.ts checks the behaviour).
 */
import { loadavg } from 'node:os'
import { median } from 'simple-statistics'
import type { Engine } from '../src/engine/types'
import type { RunConfig } from '../src/shared/config'
import { config } from '../tests/helpers/engine'
import { tappedEngine } from '../tests/helpers/faults'
import type { Tap, TappedWorker } from '../tests/helpers/faults'

const TRIES = Number(process.env.CANCEL_TRIES ?? 10)
const BOUND_MS = 200

type Stage = 'spawn' | 'compute' | 'last result'

/** One cancelled run: ms from cancel() until every worker it started has exited. */
async function stopLatency(backend: 'process' | 'thread', stage: Stage): Promise<number> {
  let t0 = 0
  let cancelled = false
  let results = 0
  let engine: Engine | null = null
  const cancel = (): void => {
    if (cancelled) return
    cancelled = true
    t0 = performance.now()
    void engine!.cancel()
  }
  const tap: Tap = {
    spawned: () => {
      if (stage === 'spawn') cancel()
    },
    received: (_w, m, deliver) => {
      const type = (m as { type?: string }).type
      if (stage === 'compute' && type === 'progress') cancel()
      if (stage === 'last result' && type === 'result' && ++results === 3) cancel()
      deliver(m)
    }
  }
  const tapped = tappedEngine(tap)
  engine = tapped.engine
  const cfg: RunConfig =
    stage === 'last result'
      ? config({ backend, workers: [2], reps: 1, warmup: 0, range: { start: 0, end: 4e6 } })
      : config({
          backend,
          pool: stage === 'spawn' ? 'cold' : 'warm',
          workers: [2],
          reps: 1,
          warmup: 0,
          range: { start: 0, end: 1e11 }
        })
  await engine.run(cfg).catch(() => undefined)
  const workers: TappedWorker[] = tapped.workers
  while (workers.some((w) => w.exited === null)) await new Promise((r) => setTimeout(r, 1))
  const ms = performance.now() - t0
  await engine.dispose()
  return ms
}

async function main(): Promise<void> {
  console.log(
    `Stop latency, cancel() → every worker exited; ${TRIES} tries each (bound ${BOUND_MS} ms)`
  )
  for (const backend of ['process', 'thread'] as const) {
    for (const stage of ['spawn', 'compute', 'last result'] as const) {
      const ms: number[] = []
      for (let i = 0; i < TRIES; i++) ms.push(await stopLatency(backend, stage))
      const worst = Math.max(...ms)
      console.log(
        `  ${`${backend}, ${stage}`.padEnd(24)} median ${median(ms).toFixed(1).padStart(6)} ms   ` +
          `max ${worst.toFixed(1).padStart(6)} ms   ${worst <= BOUND_MS ? 'within' : 'OVER'} ${BOUND_MS} ms`
      )
    }
  }
  console.log(`  load average (1 min) ${loadavg()[0].toFixed(2)}`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
