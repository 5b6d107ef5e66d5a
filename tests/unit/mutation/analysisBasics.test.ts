/**
 * The speedup definitions and the repetition rule, pinned from their formulas
 * with numbers worked by hand (docs/MUTATION.md): S = T1/TN, E = S/N,
 * Karp–Flatt e = (1/S − 1/N)/(1 − 1/N), Gustafson S = N − f(N − 1), the
 * scaled speedup N·T1/TN with relative errors in quadrature, and hyperfine's
 * rule (at least 5 repetitions and 3 s, at most 100).
 */
import { describe, expect, it } from 'vitest'
import { efficiency, karpFlatt, speedup } from '../../../src/shared/analysis/speedup'
import { speedupNumerator, speedupOf } from '../../../src/shared/analysis/speedupDefinition'
import { gustafsonSpeedup } from '../../../src/shared/analysis/gustafsonSpeedup'
import { scaledSpeedup } from '../../../src/shared/analysis/scaledSpeedup'
import {
  expectedRepetitions,
  fixedRepetitions,
  needsMoreRepetitions
} from '../../../src/shared/analysis/chooseRepetitions'
import { describeTimings } from '../../../src/shared/analysis/describeTimings'
import { expectedRepsText, planRun } from '../../../src/shared/analysis/runPlan'
import { defaultRunConfig } from '../../../src/shared/config'
import { meanInterval } from '../../../src/shared/stats/meanInterval'
import { medianInterval } from '../../../src/shared/stats/medianInterval'

const close = (actual: number | null, expected: number, rel = 1e-15): void => {
  expect(actual).not.toBeNull()
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected))
}

describe('speedup, efficiency, Karp–Flatt', () => {
  it('S = T1/TN, NaN when TN is not positive', () => {
    expect(speedup(12, 4)).toBe(3)
    expect(speedup(12, 0)).toBeNaN()
    expect(speedup(12, -2)).toBeNaN()
    expect(efficiency(3, 4)).toBe(0.75)
  })

  it('e = (1/S − 1/N)/(1 − 1/N); none for N ≤ 1 or S not positive', () => {
    // S = 2 on 4: (0.5 − 0.25)/0.75 = 1/3; perfect S = N gives 0; S = 1 gives 1
    close(karpFlatt(2, 4), 1 / 3)
    expect(karpFlatt(4, 4)).toBe(0)
    expect(karpFlatt(1, 3)).toBe(1)
    expect(karpFlatt(1, 1)).toBeNull()
    expect(karpFlatt(0.9, 0.5)).toBeNull()
    expect(karpFlatt(0, 4)).toBeNull()
    expect(karpFlatt(-1, 4)).toBeNull()
    expect(karpFlatt(Number.NaN, 4)).toBeNull()
  })
})

describe('speedup definition per workload', () => {
  it('split divides T1 by TN; replicate and weak multiply T1 (and its error) by N', () => {
    const t1 = { value: 10, error: 2 }
    expect(speedupNumerator('split', t1, 4)).toEqual({ value: 10, error: 2 })
    expect(speedupNumerator('replicate', t1, 4)).toEqual({ value: 40, error: 8 })
    expect(speedupNumerator('weak', t1, 3)).toEqual({ value: 30, error: 6 })
    expect(speedupOf('split', 12, 4, 3)).toBe(3)
    expect(speedupOf('replicate', 12, 4, 3)).toBe(9)
    expect(speedupOf('split', 12, 0, 3)).toBeNaN()
    expect(speedupOf('weak', 12, -1, 3)).toBeNaN()
  })

  it('Gustafson: S = N − f·(N − 1)', () => {
    close(gustafsonSpeedup(0.1, 8), 7.3)
    expect(gustafsonSpeedup(0, 8)).toBe(8)
    expect(gustafsonSpeedup(1, 8)).toBe(1)
  })
})

describe('scaledSpeedup', () => {
  it('S = N·T1/TN with relative errors in quadrature, f = (N − S)/(N − 1)', () => {
    // T1 = 10 ± 1, TN = 20 ± 2 on 4: S = 2, rel = √(0.1² + 0.1²), f = 2/3
    const r = scaledSpeedup({ value: 10, error: 1 }, { value: 20, error: 2 }, 4)
    expect(r.workers).toBe(4)
    expect(r.scaledSpeedup).toBe(2)
    close(r.scaledSpeedupError, 2 * Math.SQRT2 * 0.1, 1e-15)
    close(r.serialFraction, 2 / 3)
    close(r.serialFractionError, (2 * Math.SQRT2 * 0.1) / 3, 1e-15)
    expect(r.basis).toBe('ci-half-width')
    expect(scaledSpeedup({ value: 10, error: 1 }, { value: 5, error: 0 }, 2, 'stddev').basis).toBe(
      'stddev'
    )
  })

  it('one worker is the reference: no error, no serial fraction', () => {
    const r = scaledSpeedup({ value: 10, error: 1 }, { value: 8, error: 2 }, 1)
    expect(r.scaledSpeedup).toBe(1.25)
    expect(r.scaledSpeedupError).toBe(0)
    expect(r.serialFraction).toBeNull()
    expect(r.serialFractionError).toBeNull()
  })

  it('NaN for a time that is not positive; refuses fewer than one worker', () => {
    expect(scaledSpeedup({ value: 0, error: 0 }, { value: 5, error: 0 }, 2).scaledSpeedup).toBeNaN()
    expect(scaledSpeedup({ value: 5, error: 0 }, { value: 0, error: 0 }, 2).scaledSpeedup).toBeNaN()
    for (const n of [0, 0.5, Number.NaN])
      expect(() => scaledSpeedup({ value: 1, error: 0 }, { value: 1, error: 0 }, n)).toThrow(
        new RangeError('workers must be at least 1')
      )
  })
})

describe('repetitions: fixed, or at least 5 and 3 s, at most 100', () => {
  it('a fixed count is measured exactly', () => {
    expect(needsMoreRepetitions([1, 2], 3)).toBe(true)
    expect(needsMoreRepetitions([1, 2, 3], 3)).toBe(false)
    expect(expectedRepetitions(7, 10)).toBe(7)
    expect(fixedRepetitions(8)).toBe(8)
    expect(fixedRepetitions('auto')).toBe(5)
  })

  it('auto: five at least, then until 3 s in all, never past 100', () => {
    expect(needsMoreRepetitions(Array(4).fill(10_000), 'auto')).toBe(true)
    expect(needsMoreRepetitions(Array(5).fill(599), 'auto')).toBe(true) // 2995 ms
    expect(needsMoreRepetitions(Array(5).fill(600), 'auto')).toBe(false) // 3000 ms
    expect(needsMoreRepetitions(Array(99).fill(1), 'auto')).toBe(true)
    expect(needsMoreRepetitions(Array(100).fill(1), 'auto')).toBe(false)
  })

  it('auto expects ⌈3000/rep⌉ clamped to 5…100, 5 for an unknown time', () => {
    expect(expectedRepetitions('auto', 400)).toBe(8) // ⌈7.5⌉
    expect(expectedRepetitions('auto', 100)).toBe(30)
    expect(expectedRepetitions('auto', 1000)).toBe(5) // 3, raised to 5
    expect(expectedRepetitions('auto', 1)).toBe(100) // 3000, cut to 100
    expect(expectedRepetitions('auto', 31)).toBe(97) // ⌈96.8⌉
    for (const ms of [0, -5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(expectedRepetitions('auto', ms)).toBe(5)
  })
})

describe('describeTimings', () => {
  const six = [10, 12, 11, 13, 15, 14]
  it('has a median interval from six repetitions, not from five', () => {
    expect(describeTimings(six.slice(0, 5)).medianInterval).toBeNull()
    expect(describeTimings(six).medianInterval).toEqual(medianInterval(six))
  })

  it('passes the level to both intervals', () => {
    const d = describeTimings(six, { level: 0.9 })
    expect(d.meanInterval).toEqual(meanInterval(six, 0.9))
    expect(d.medianInterval).toEqual(medianInterval(six, { level: 0.9 }))
    expect(d.meanInterval).not.toEqual(meanInterval(six))
    expect(d.medianMs).toBe(12.5)
    expect(d.n).toBe(6)
  })
})

describe('planRun', () => {
  it('measures 1 and each asked count once, ascending; warm-up until steady only with auto', () => {
    const base = defaultRunConfig(4)
    const plan = planRun({ ...base, workers: [4, 2, 2], warmup: 'auto' }, 4)
    expect(plan.counts).toEqual([1, 2, 4])
    expect(plan.warmupUntilSteady).toBe(true)
    expect(planRun({ ...base, workers: [3], warmup: 2 }, 4).warmupUntilSteady).toBe(false)
  })

  it('words equal expected repetitions as one number, else fewest–most', () => {
    const plan = planRun({ ...defaultRunConfig(2), workers: [2], reps: 7 }, 2)
    expect(expectedRepsText({ ...plan, reps: [7, 7] })).toBe('7')
    expect(expectedRepsText({ ...plan, reps: [30, 5, 12] })).toBe('5–30')
  })
})
