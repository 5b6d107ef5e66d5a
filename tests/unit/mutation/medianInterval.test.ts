/**
 * The bootstrap interval of the median against a plain reference written from
 * its definition (resample with replacement, median of each, type-7 quantiles
 * of those medians), with the same seeded generator: any change to the
 * resampling, the median of a resample or the quantiles moves a number
 * (docs/MUTATION.md).
 */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  medianInterval
} from '../../../src/shared/stats/medianInterval'
import { seededRandom } from '../../../src/shared/stats/seededRandom'

function reference(values: number[], level: number, resamples: number, seed: number) {
  const random = seededRandom(seed)
  const medians: number[] = []
  const medianOf = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b)
    const m = Math.floor(s.length / 2)
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
  }
  for (let r = 0; r < resamples; r++) {
    const sample: number[] = []
    for (let i = 0; i < values.length; i++)
      sample.push(values[Math.floor(random() * values.length)])
    medians.push(medianOf(sample))
  }
  medians.sort((a, b) => a - b)
  const q = (p: number): number => {
    const h = (medians.length - 1) * p
    const lo = Math.floor(h)
    const hi = Math.min(lo + 1, medians.length - 1)
    return medians[lo] + (h - lo) * (medians[hi] - medians[lo])
  }
  const lower = q((1 - level) / 2)
  const upper = q(1 - (1 - level) / 2)
  return { estimate: medianOf(values), lower, upper, halfWidth: (upper - lower) / 2 }
}

describe('medianInterval, number by number', () => {
  it('matches the definition for odd and even counts, at several levels', () => {
    const odd = [12.5, 10.1, 11.9, 30.2, 10.4, 11.1, 13.8]
    const even = [3, 9, 4, 1, 8, 2, 7, 5]
    for (const [values, level, resamples, seed] of [
      [odd, 0.95, 2000, 7],
      [even, 0.9, 1500, 11],
      [even, 0.5, 999, 3]
    ] as const) {
      const got = medianInterval([...values], { level, resamples, seed })!
      const want = reference([...values], level, resamples, seed)
      expect(got).toEqual({
        method: 'bootstrap-percentile',
        level,
        resamples,
        seed,
        ...want
      })
      expect(got.lower).toBeLessThan(got.upper)
    }
  })

  it('uses 95%, 10,000 resamples and the fixed seed unless told otherwise', () => {
    const values = [5.2, 4.9, 5.5, 5.1, 6.3]
    const got = medianInterval(values)!
    expect([got.level, got.resamples, got.seed]).toEqual([0.95, 10_000, 0x5eed])
    expect([DEFAULT_RESAMPLES, DEFAULT_SEED]).toEqual([10_000, 0x5eed])
    const want = reference(values, 0.95, 10_000, 0x5eed)
    expect([got.estimate, got.lower, got.upper]).toEqual([want.estimate, want.lower, want.upper])
  })

  it('needs two values; one or none gives no interval', () => {
    expect(medianInterval([])).toBeNull()
    expect(medianInterval([3])).toBeNull()
    expect(medianInterval([3, 3], { resamples: 10 })).toMatchObject({
      estimate: 3,
      lower: 3,
      upper: 3,
      halfWidth: 0
    })
  })

  it('refuses a level outside (0, 1) and a resample count that is not a positive integer', () => {
    for (const level of [0, 1, -0.1, 1.5, Number.NaN])
      expect(() => medianInterval([1, 2], { level })).toThrow(
        new RangeError('level must be in (0, 1)')
      )
    for (const resamples of [0, -3, 2.5])
      expect(() => medianInterval([1, 2], { resamples })).toThrow(
        new RangeError('resamples must be a positive integer')
      )
    expect(medianInterval([1, 2], { resamples: 1, level: 0.01 })).not.toBeNull()
  })
})
