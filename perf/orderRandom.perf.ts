/**
 * Seeded random order against the fixed interleave (npm run perf -- orderRandom):
 * TRIALS pairs of runs (sum split 0…2·10^7, workers 1,2,3,4, warm pool, 1
 * warm-up, 8 repetitions), one in a seeded random order each round, one in the
 * listed order every round, alternating; per side the median relative width of
 * the speedup's 95% interval ((high − low) ÷ 2S) over the counts and runs.
 * Figures from a shared machine move with its load. ORDER_TRIALS sets TRIALS (default 8).
 */
import { resolve } from 'node:path'
import { createEngine } from '../src/engine'
import { analyzeRun } from '../src/shared/analysis'
import type { RunConfig } from '../src/shared/config'
import { medianOfFinite } from './median'

const TRIALS = Number(process.env.ORDER_TRIALS ?? 8)
const config: RunConfig = {
  range: { start: 0, end: 20_000_000 },
  workers: [1, 2, 3, 4],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  warmup: 1,
  reps: 8,
  serial: false
}

const median = medianOfFinite

async function main(): Promise<void> {
  const engine = createEngine({
    workerPath: resolve(__dirname, '../out/main/worker.js'),
    log: () => {}
  })
  const width = { random: [] as number[], fixed: [] as number[] }
  try {
    for (let i = 0; i < TRIALS; i++) {
      for (const fixedOrder of [false, true]) {
        const record = await engine.run({ ...config, seed: 2000 + i }, { fixedOrder })
        for (const w of analyzeRun(record).workers) {
          if (w.workers === 1 || !w.speedupInterval) continue
          const s = w.speedup.speedup
          ;(fixedOrder ? width.fixed : width.random).push(
            (w.speedupInterval.upper - w.speedupInterval.lower) / (2 * s)
          )
        }
      }
    }
  } finally {
    await engine.dispose()
  }
  const r = median(width.random)
  const f = median(width.fixed)
  console.log(
    `${TRIALS} pairs; ${JSON.stringify(config)}; machine shared with other work\n` +
      `speedup interval ±${(r * 100).toFixed(1)} % (seeded random order) vs ±${(f * 100).toFixed(1)} % ` +
      `(fixed interleave): ratio ${(r / f).toFixed(2)} (n = ${width.random.length} and ${width.fixed.length})`
  )
}

void main()
