/**
 * Comparing runs (npm run perf -- compare): what the seeded bootstrap costs,
 * and how its verdicts behave on synthetic runs of known truth:
 * 1. time of compareRuns for 2, 8 and 64 worker counts at 5 and 100 samples
 *    (2,000 resamples each, medians and speedups), side by side;
 * 2. false alarms: two runs drawn from the same distribution (5 % noise):
 *    how often a count is called improved or regressed (should be ~0);
 * 3. power: the candidate 10 % slower: how often it is called regressed.
 * Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks'
import { compareRuns } from '../src/shared/analysis/compareRuns'
import type { MeasuredRun } from '../src/shared/analysis/measuredRun'
import { seededRandom } from '../src/shared/stats/seededRandom'

/** A run whose wall times are `center(n)` × (1 + noise·z), z standard normal (Box–Muller). */
function syntheticRun(
  id: string,
  counts: number[],
  samples: number,
  noise: number,
  slower: number,
  random: () => number
): MeasuredRun {
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  return {
    id,
    startedAt: '2026-01-01T00:00:00.000Z',
    config: { range: { start: 0, end: 1_000_000 }, workers: counts, workload: 'split' },
    results: counts.map((n) => ({
      workers: n,
      samples: Array.from({ length: samples }, () => ({
        wallMs: (100 / n + 2) * slower * Math.max(0.5, 1 + noise * normal())
      })),
      sum: '1',
      expectedSum: '1',
      correct: true
    }))
  }
}

const random = seededRandom(42)
console.log('1. compareRuns time (median of 5 calls)')
for (const samples of [5, 100]) {
  for (const countsN of [2, 8, 64]) {
    const counts = Array.from({ length: countsN }, (_, i) => i + 1)
    const a = syntheticRun('a', counts, samples, 0.05, 1, random)
    const b = syntheticRun('b', counts, samples, 0.05, 1, random)
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      compareRuns(a, b)
      times.push(performance.now() - t0)
    }
    times.sort((x, y) => x - y)
    console.log(
      `  ${String(countsN).padStart(2)} worker counts × ${String(samples).padStart(3)} samples: ${times[2].toFixed(1)} ms`
    )
  }
}

const TRIALS = 200
for (const [label, slower] of [
  ['2. same distribution (5 % noise), 10 samples each: counts called changed', 1],
  ['3. candidate 10 % slower (5 % noise), 10 samples each: counts called regressed', 1.1]
] as const) {
  let changed = 0
  let regressed = 0
  let total = 0
  for (let t = 0; t < TRIALS; t++) {
    const a = syntheticRun('a', [1, 2], 10, 0.05, 1, random)
    const b = syntheticRun('b', [1, 2], 10, 0.05, slower, random)
    const outcome = compareRuns(a, b)
    if (!outcome.ok) throw new Error(outcome.refusal.code)
    for (const row of outcome.value.rows) {
      total++
      if (row.time.verdict !== 'no-change') changed++
      if (row.time.verdict === 'regressed') regressed++
    }
  }
  console.log(`${label}`)
  console.log(
    `  ${changed} of ${total} changed (${((100 * changed) / total).toFixed(1)} %), ${regressed} regressed (${((100 * regressed) / total).toFixed(1)} %)`
  )
}
