/**
 * The small building blocks of the statistics, pinned number by number from
 * their definitions (docs/MUTATION.md): type-7 quantiles worked by hand, the
 * summary of one timing, Fisher–Yates with a scripted generator, the normal
 * CDF and quantile at their edges and against values computed with mpmath
 * (50 digits, root of ncdf(x) = p; tests/unit/mutation/reference_values.py) or
 * scipy.stats.norm.ppf.
 */
import { describe, expect, it } from 'vitest'
import { quantileSorted } from '../../../src/shared/stats/quantileSorted'
import { summarizeTimings } from '../../../src/shared/stats/summarizeTimings'
import { seededShuffle } from '../../../src/shared/stats/seededShuffle'
import { normalCdf } from '../../../src/shared/stats/normalCdf'
import { normalQuantile } from '../../../src/shared/stats/normalQuantile'
import { warmedUp } from '../../../src/shared/stats/warmedUp'

const close = (actual: number, expected: number, rel = 1e-14): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected))
}

describe('quantileSorted (Hyndman & Fan type 7)', () => {
  it('interpolates between order statistics: h = (n − 1)·p', () => {
    // [1, 2, 4, 8]: p = 0.5 → h = 1.5 → 2 + 0.5·(4 − 2) = 3; p = 0.9 → h = 2.7 → 4 + 0.7·4
    expect(quantileSorted([1, 2, 4, 8], 0.5)).toBe(3)
    close(quantileSorted([1, 2, 4, 8], 0.9), 6.8)
    expect(quantileSorted([1, 2, 4, 8], 0)).toBe(1)
    expect(quantileSorted([1, 2, 4, 8], 1)).toBe(8)
    expect(quantileSorted([7], 0.3)).toBe(7)
  })

  it('refuses no values and p outside [0, 1] with its reason', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(new RangeError('no values'))
    for (const p of [-0.01, 1.01, Number.NaN])
      expect(() => quantileSorted([1, 2], p)).toThrow(new RangeError('p must be in [0, 1]'))
  })
})

describe('summarizeTimings', () => {
  it('gives σ = 0 for one timing (no spread to estimate) and the sample σ otherwise', () => {
    expect(summarizeTimings([5])).toEqual({
      n: 1,
      medianMs: 5,
      meanMs: 5,
      stddevMs: 0,
      minMs: 5,
      maxMs: 5
    })
    // [1, 3]: mean 2, Σ(x − x̄)² = 2, n − 1 = 1 → σ = √2
    expect(summarizeTimings([3, 1]).stddevMs).toBe(Math.SQRT2)
  })

  it('refuses an empty list with its reason', () => {
    expect(() => summarizeTimings([])).toThrow(new RangeError('no values to summarize'))
  })
})

describe('seededShuffle (Fisher–Yates)', () => {
  it('swaps item i with item ⌊r·(i + 1)⌋ from the last down to the second, n − 1 draws', () => {
    const draws = [0.5, 0.1, 0.9]
    let calls = 0
    const random = (): number => draws[calls++]
    // i = 3: j = ⌊0.5·4⌋ = 2 → a b d c; i = 2: j = ⌊0.1·3⌋ = 0 → d b a c; i = 1: j = ⌊0.9·2⌋ = 1
    expect(seededShuffle(['a', 'b', 'c', 'd'], random)).toEqual(['d', 'b', 'a', 'c'])
    expect(calls).toBe(3)
  })

  it('draws nothing for one item and leaves the input alone', () => {
    const items = [1, 2]
    let calls = 0
    expect(
      seededShuffle([9], () => {
        calls++
        return 0
      })
    ).toEqual([9])
    expect(calls).toBe(0)
    expect(seededShuffle(items, () => 0)).toEqual([2, 1])
    expect(items).toEqual([1, 2])
  })
})

describe('normalCdf', () => {
  it('is NaN for NaN, ½ at 0 and symmetric', () => {
    expect(normalCdf(Number.NaN)).toBeNaN()
    expect(normalCdf(0)).toBe(0.5)
    close(normalCdf(-1.5) + normalCdf(1.5), 1, 1e-15)
    close(normalCdf(-3), 0.0013498980316300933)
  })
})

describe('normalQuantile', () => {
  it('is NaN outside [0, 1] and ∓∞ at 0 and 1, exactly 0 at ½', () => {
    for (const p of [-0.1, 1.1, Number.NaN]) expect(normalQuantile(p)).toBeNaN()
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY)
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY)
    expect(normalQuantile(0.5)).toBe(0)
  })

  it('matches the quantile computed to 50 digits, both tails and near the centre', () => {
    close(normalQuantile(0.999), 3.090232306167813)
    close(normalQuantile(0.25), -0.6744897501960817)
    close(normalQuantile(0.75), 0.6744897501960817)
    close(normalQuantile(0.9), 1.2815515655446006, 1e-14)
    close(normalQuantile(1e-20), -9.262340089798407)
    // scipy.stats.norm.ppf(1e-300): far below where simple-statistics' probit is finite
    close(normalQuantile(1e-300), -37.04709629936119, 1e-13)
  })

  it('takes the upper tail from 1 − p, which is exact for p = 1 − 2⁻⁴⁰', () => {
    // Solving Φ(z) = p near 1 directly would lose ~4 digits; the tail q = 2⁻⁴⁰ keeps them.
    close(normalQuantile(1 - 2 ** -40), 7.047700256664409)
    close(normalQuantile(2 ** -40), -7.047700256664409)
  })
})

describe('warmedUp', () => {
  it('is steady when the last two times differ by at most the tolerance of the smaller, bound included', () => {
    // |100 − 110| = 10 = 0.1·100; |2 − 3| = 1 = 0.5·2
    expect(warmedUp([130, 100, 110])).toBe(true)
    expect(warmedUp([2, 3], 0.5)).toBe(true)
    expect(warmedUp([2, 3.0001], 0.5)).toBe(false)
  })

  it('takes two times of 0 as steady (nothing left to fall), a negative time never', () => {
    expect(warmedUp([5, 0, 0])).toBe(true)
    expect(warmedUp([0, 0], 0)).toBe(true)
    expect(warmedUp([-1, 0])).toBe(false)
    expect(warmedUp([0, -1])).toBe(false)
    // With no tolerance, equal negative times would pass |a − b| ≤ 0: refused first.
    expect(warmedUp([-1, -1], 0)).toBe(false)
    expect(warmedUp([-2, -1], 0)).toBe(false)
  })
})
