/**
 * Warm-up until steady against a fixed single warm-up (npm run perf -- warmupSteady):
 * for the sum (js and wasm kernels) and the wait, TRIALS runs each way, side by
 * side (one with warmup 'auto', then one with warmup 1, alternating), and per
 * side: how many warm-ups the steady rule took (per worker count), and the
 * median interval's relative width (half-width ÷ median, the median over the
 * worker counts and runs). Figures from a shared machine move with its load.
 * WARMUP_TRIALS sets TRIALS (default 6).
 */
import { resolve } from 'node:path'
import { createEngine } from '../src/engine'
import { analyzeRun } from '../src/shared/analysis'
import type { RunConfig } from '../src/shared/config'
import { medianOfFinite } from './median'

const TRIALS = Number(process.env.WARMUP_TRIALS ?? 6)

const base: RunConfig = {
  range: { start: 0, end: 10_000_000 },
  workers: [1, 2],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  warmup: 1,
  reps: 8,
  serial: false
}
const jobs: { name: string; config: RunConfig }[] = [
  { name: 'sum js', config: { ...base, kernel: 'js' } },
  { name: 'sum wasm', config: { ...base, kernel: 'wasm', range: { start: 0, end: 40_000_000 } } },
  {
    name: 'wait',
    config: { ...base, job: 'wait', wait: { requests: 32, delayMs: 5 }, backend: 'thread' }
  }
]

const median = medianOfFinite

async function main(): Promise<void> {
  const engine = createEngine({
    workerPath: resolve(__dirname, '../out/main/worker.js'),
    log: () => {}
  })
  console.log(
    `${TRIALS} runs a side; workers 1,2, warm pool, 8 repetitions; machine shared with other work`
  )
  try {
    for (const job of jobs) {
      const taken: number[] = []
      const width = { auto: [] as number[], fixed: [] as number[] }
      for (let i = 0; i < TRIALS; i++) {
        for (const warmup of ['auto', 1] as const) {
          const record = await engine.run({ ...job.config, warmup, seed: 1000 + i })
          const a = analyzeRun(record)
          for (const w of a.workers)
            if (w.medianInterval)
              (warmup === 'auto' ? width.auto : width.fixed).push(
                w.medianInterval.halfWidth / w.medianMs
              )
          if (warmup === 'auto') for (const w of record.protocol?.warmups ?? []) taken.push(w.count)
        }
      }
      const a = median(width.auto)
      const f = median(width.fixed)
      console.log(
        `${job.name.padEnd(9)} warm-ups until steady: median ${median(taken)} (${Math.min(...taken)}…${Math.max(...taken)}) | ` +
          `median interval ±${(a * 100).toFixed(2)} % (until steady) vs ±${(f * 100).toFixed(2)} % (1 warm-up): ` +
          `ratio ${(a / f).toFixed(2)}`
      )
    }
  } finally {
    await engine.dispose()
  }
}

void main()
