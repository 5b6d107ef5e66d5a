/**
 * The trend test and the outlier rule, number by number: each test pins an S,
 * a p-value, a score or an index that a mutant of mannKendall.ts,
 * modifiedZScores.ts or findOutliers.ts changed (docs/MUTATION.md). Exact
 * p-values are counted by hand from the permutations (comments).
 */
import { describe, expect, it } from 'vitest'
import { mannKendall } from '../../../src/shared/stats/mannKendall'
import { modifiedZScores } from '../../../src/shared/stats/modifiedZScores'
import { findOutliers } from '../../../src/shared/stats/findOutliers'
import { normalTail } from '../../../src/shared/stats/normalCdf'

describe('mannKendall, number by number', () => {
  it('counts S, τ and Sen’s slope, with the exact p-value from the permutations', () => {
    // 3 values in order: 1 of 3! = 6 orders has S = 3, 1 has S = −3: p = 2/6.
    expect(mannKendall([1, 2, 3])).toEqual({
      n: 3,
      s: 3,
      tau: 1,
      slope: 1,
      method: 'mann-kendall-exact',
      z: null,
      pValue: 1 / 3
    })
    // Pairs of 3, 1, 2, 5: − − + + + + (S = 2). Inversions of 4 values: 1 3 5 6 5 3 1 (of 24);
    // |S| ≥ 2 ⟺ inversions ≤ 2 or ≥ 4: p = 2·9/24. Slopes −2 −½ ⅔ 1 2 3: median 5/6.
    const t = mannKendall([3, 1, 2, 5])
    expect(t).toMatchObject({ n: 4, s: 2, method: 'mann-kendall-exact', z: null })
    expect(t.tau).toBeCloseTo(2 / 6, 15)
    expect(t.slope).toBeCloseTo(5 / 6, 15)
    expect(t.pValue).toBeCloseTo(18 / 24, 15)
    // 6 values, S = 11 (2 inversions): 1 + 5 + 14 of 720 orders have ≤ 2: p = 2·20/720.
    expect(mannKendall([1, 3, 2, 4, 6, 5]).pValue).toBeCloseTo(40 / 720, 15)
    expect(mannKendall([1, 3, 2, 4, 6, 5]).s).toBe(11)
  })

  it('gives p = 1 for S = 0, and a falling series the same p as a rising one', () => {
    expect(mannKendall([2, 1, 3, 4, 0])).toMatchObject({ s: 0, tau: 0, pValue: 1 })
    const down = mannKendall([6, 4, 5, 3, 1, 2])
    expect(down.s).toBe(-11)
    expect(down.slope).toBe(-1)
    expect(down.pValue).toBeCloseTo(40 / 720, 15)
  })

  it('uses the normal approximation with the tie-corrected variance when values tie', () => {
    // 1 2 2 3: S = 5, one tie group of 2: Var = (4·3·13 − 2·1·9)/18 = 138/18,
    // z = (5 − 1)/√Var (continuity correction), p = 2·(1 − Φ(z)).
    const z = 4 / Math.sqrt(138 / 18)
    const up = mannKendall([1, 2, 2, 3])
    expect(up).toMatchObject({ n: 4, s: 5, method: 'mann-kendall-normal' })
    expect(up.z!).toBeCloseTo(z, 14)
    expect(up.pValue).toBeCloseTo(2 * normalTail(z), 14)
    expect(up.pValue).toBeCloseTo(0.148561774891869, 12)
    expect(up.slope).toBeCloseTo(7 / 12, 15)
    const down = mannKendall([3, 2, 2, 1])
    expect(down.s).toBe(-5)
    expect(down.z!).toBeCloseTo(-z, 14)
    expect(down.pValue).toBeCloseTo(up.pValue, 14)
    // Two tie groups: 1 1 2 2 3 — S = 8, Var = (5·4·15 − 2·(2·1·9))/18 = 264/18.
    const two = mannKendall([1, 1, 2, 2, 3])
    expect(two.s).toBe(8)
    expect(two.z!).toBeCloseTo(7 / Math.sqrt(264 / 18), 14)
  })

  it('gives z = 0 and p = 1 when every value ties', () => {
    expect(mannKendall([5, 5, 5])).toEqual({
      n: 3,
      s: 0,
      tau: 0,
      slope: 0,
      method: 'mann-kendall-normal',
      z: 0,
      pValue: 1
    })
  })

  it('is exact up to 50 values and normal beyond', () => {
    const rising = (n: number) => Array.from({ length: n }, (_, i) => i)
    const fifty = mannKendall(rising(50))
    expect(fifty.method).toBe('mann-kendall-exact')
    // Only the sorted order (and its reverse) reach |S| = 1225: p = 2/50!.
    expect(fifty.pValue).toBeLessThan(1e-60)
    const big = mannKendall(rising(51))
    expect(big.method).toBe('mann-kendall-normal')
    const variance = (51 * 50 * 107) / 18
    expect(big.s).toBe(1275)
    expect(big.z!).toBeCloseTo(1274 / Math.sqrt(variance), 12)
  })

  it('refuses fewer than three values', () => {
    expect(() => mannKendall([1, 2])).toThrow(
      new RangeError('a trend test needs at least 3 values')
    )
  })
})

describe('modifiedZScores and findOutliers, number by number', () => {
  it('scores by 0.6745·(x − median)/MAD', () => {
    expect(modifiedZScores([1, 2, 3, 4, 100])).toEqual({
      median: 3,
      mad: 1,
      scale: 'mad',
      scores: [-2 * 0.6745, -0.6745, 0, 0.6745, 97 * 0.6745]
    })
  })

  it('falls back to the mean absolute deviation (×1.253314) when the MAD is 0, and to 0 when that is too', () => {
    // Deviations 0 0 0 1: mean 0.25.
    const z = modifiedZScores([5, 5, 5, 6])
    expect(z).toMatchObject({ median: 5, mad: 0, scale: 'mean-absolute-deviation' })
    expect(z.scores).toEqual([0, 0, 0, 1 / (1.253314 * 0.25)])
    expect(modifiedZScores([5, 5, 5])).toEqual({
      median: 5,
      mad: 0,
      scale: 'none',
      scores: [0, 0, 0]
    })
    expect(() => modifiedZScores([])).toThrow(new RangeError('no values'))
  })

  it('flags a score strictly above the threshold, and a value at least 5% from the median', () => {
    const values = [1, 2, 3, 4, 100]
    expect(findOutliers(values)).toMatchObject({ threshold: 3.5, indices: [4], values: [100] })
    // The scores of 2 and 4 are exactly ∓0.6745: at the threshold is not above it.
    expect(findOutliers(values, 0.6745).indices).toEqual([0, 4])
    expect(findOutliers(values, 0.6744).indices).toEqual([0, 1, 3, 4])
    // 95 100 100 100 105: MAD 0, mean deviation 2, scores ±5/(1.253314·2) ≈ ±1.99;
    // each 5/100 = 5% from the median: at the minimum, so flagged.
    const near = [95, 100, 100, 100, 105]
    expect(findOutliers(near, 1).indices).toEqual([0, 4])
    expect(findOutliers(near, 1, 0.0500001).indices).toEqual([])
    expect(findOutliers(near, 2).indices).toEqual([])
  })

  it('flags far values around a median of 0 (no relative distance to measure)', () => {
    expect(findOutliers([-1, 0, 0, 0, 10]).indices).toEqual([4])
  })
})
