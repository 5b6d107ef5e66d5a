/**
 * The least-squares pieces the Amdahl and USL fits share, number by number:
 * each test pins a value that a mutant of leastSquares.ts changed
 * (docs/MUTATION.md). Expected values are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest'
import {
  aicc,
  fitOneParameter,
  invert2x2,
  residuals,
  rSquared,
  toFitData,
  weightedRss
} from '../../../src/shared/stats/leastSquares'

const data = { x: [2, 4, 8], y: [1.8, 3.1, 4.9], w: [1, 2, 0.5] }

describe('leastSquares, number by number', () => {
  it('sums weighted squared residuals', () => {
    // Prediction y = x/2: residuals 0.8, 1.1, 0.9 → 0.64 + 2·1.21 + 0.5·0.81.
    expect(weightedRss(data, (x) => x / 2)).toBeCloseTo(0.64 + 2.42 + 0.405, 12)
    expect(weightedRss({ x: [], y: [], w: [] }, (x) => x)).toBe(0)
  })

  it('inverts a symmetric 2×2 matrix, and refuses a singular or overflowing one', () => {
    // [[4, 1], [1, 3]]: det 11, inverse [[3, −1], [−1, 4]] / 11.
    const inverse = invert2x2(4, 1, 3)!
    expect(inverse[0]).toBeCloseTo(3 / 11, 15)
    expect(inverse[1]).toBeCloseTo(-1 / 11, 15)
    expect(inverse[2]).toBeCloseTo(4 / 11, 15)
    expect(invert2x2(1, 1, 1)).toBeNull()
    expect(invert2x2(2, 2, 2)).toBeNull()
    // det = −1: negative determinants are fine.
    expect(invert2x2(1, 2, 3)).toEqual([-3, 2, -1])
    expect(invert2x2(1e-150, 0, 1e-151)).toBeNull()
    // det = 1e-300 exactly (1e-150² rounds to it): at the limit is still singular.
    expect(1e-150 * 1e-150).toBe(1e-300)
    expect(invert2x2(1e-150, 0, 1e-150)).toBeNull()
    expect(invert2x2(1e-150, 0, 2e-150)).not.toBeNull()
    expect(invert2x2(1e200, 0, 1e200)).toBeNull()
    expect(invert2x2(Number.NaN, 0, 1)).toBeNull()
  })

  it('gives the weighted R² around the weighted mean, and null without spread', () => {
    // Weighted mean (1.8 + 6.2 + 2.45) / 3.5 = 10.45/3.5; TSS = Σ w (y − mean)².
    const mean = 10.45 / 3.5
    const tss = (1.8 - mean) ** 2 + 2 * (3.1 - mean) ** 2 + 0.5 * (4.9 - mean) ** 2
    expect(rSquared(data, 0.3)).toBeCloseTo(1 - 0.3 / tss, 12)
    expect(rSquared(data, 0)).toBe(1)
    expect(rSquared({ x: [2, 4], y: [3, 3], w: [1, 1] }, 0)).toBeNull()
  })

  it('computes AICc = n ln(RSS/n) + 2k + 2k(k + 1)/(n − k − 1), k = p + 1', () => {
    // n = 5, p = 1: k = 2, 5 ln(0.4) + 4 + 12/2.
    expect(aicc(2, 5, 1)).toBeCloseTo(5 * Math.log(0.4) + 10, 12)
    // n = 7, p = 2: k = 3, 7 ln(0.5/7) + 6 + 24/3.
    expect(aicc(0.5, 7, 2)).toBeCloseTo(7 * Math.log(0.5 / 7) + 14, 12)
    // n − k − 1 = 1 is enough; 0 is not.
    expect(aicc(1, 4, 1)).toBeCloseTo(4 * Math.log(0.25) + 4 + 12, 12)
    expect(aicc(1, 3, 1)).toBeNull()
    expect(aicc(1, 2, 1)).toBeNull()
    // A perfect fit is floored at RSS = 1e−300, not −∞; a tiny real RSS is kept.
    expect(aicc(0, 5, 1)).toBeCloseTo(5 * Math.log(1e-300 / 5) + 10, 9)
    expect(aicc(1e-200, 5, 1)).toBeCloseTo(5 * Math.log(1e-200 / 5) + 10, 9)
  })

  it('lists each point’s observed, predicted and residual', () => {
    expect(residuals(data, (x) => x / 2)).toEqual([
      { workers: 2, observed: 1.8, predicted: 1, residual: 1.8 - 1 },
      { workers: 4, observed: 3.1, predicted: 2, residual: 3.1 - 2 },
      { workers: 8, observed: 4.9, predicted: 4, residual: 4.9 - 4 }
    ])
  })

  it('drops N = 1 and unusable speedups, and weighs by 1/error² only when every error is positive', () => {
    const points = [
      { workers: 1, speedup: 1, error: 0.1 },
      { workers: 2, speedup: 1.9, error: 0.1 },
      { workers: 3, speedup: Number.NaN, error: 0.1 },
      { workers: 4, speedup: 0, error: 0.1 },
      { workers: 5, speedup: -1, error: 0.1 },
      { workers: 6, speedup: Number.POSITIVE_INFINITY, error: 0.1 },
      { workers: 8, speedup: 5, error: 0.5 }
    ]
    const weighted = toFitData(points, true)
    expect(weighted.x).toEqual([2, 8])
    expect(weighted.y).toEqual([1.9, 5])
    expect(weighted.w[0]).toBeCloseTo(100, 9)
    expect(weighted.w[1]).toBeCloseTo(4, 12)
    expect(weighted.weighted).toBe(true)
    expect(toFitData(points, false)).toEqual({ x: [2, 8], y: [1.9, 5], w: [1, 1], weighted: false })
    for (const error of [0, -0.1, undefined]) {
      const mixed = [
        { workers: 2, speedup: 1.9, error: 0.1 },
        { workers: 4, speedup: 3.5, error }
      ]
      expect(toFitData(mixed, true)).toEqual({
        x: [2, 4],
        y: [1.9, 3.5],
        w: [1, 1],
        weighted: false
      })
    }
    // An unusable point's missing error does not stop the others being weighted.
    const skipped = [
      { workers: 1, speedup: 1 },
      { workers: 2, speedup: 1.9, error: 0.5 }
    ]
    expect(toFitData(skipped, true)).toEqual({ x: [2], y: [1.9], w: [4], weighted: true })
  })

  describe('fitOneParameter', () => {
    const line = (x: number, theta: number): number => theta * x
    const dLine = (x: number): number => x

    it('finds an interior minimum to rounding', () => {
      // y = 1.5x exactly, inside [0, 10].
      const fit = fitOneParameter(
        { x: [1, 2, 3], y: [1.5, 3, 4.5], w: [1, 1, 1] },
        line,
        dLine,
        0,
        10
      )
      expect(fit.theta).toBeCloseTo(1.5, 12)
      expect(fit.rss).toBeLessThan(1e-20)
      expect(fit.atBound).toBe(false)
      // Noisy: θ = Σ w x y / Σ w x².
      const noisy = { x: [1, 2, 4], y: [1.1, 1.9, 4.3], w: [1, 2, 1] }
      const theta = (1.1 + 2 * 2 * 1.9 + 4 * 4.3) / (1 + 2 * 4 + 16)
      const f = fitOneParameter(noisy, line, dLine, 0, 10)
      expect(f.theta).toBeCloseTo(theta, 12)
      expect(f.rss).toBeCloseTo(
        weightedRss(noisy, (x) => theta * x),
        12
      )
      expect(f.atBound).toBe(false)
    })

    it('stops at the lower or the upper bound when the minimum lies beyond it', () => {
      const below = fitOneParameter({ x: [1, 2], y: [-1, -2], w: [1, 1] }, line, dLine, 0, 10)
      expect(below).toEqual({ theta: 0, rss: 5, atBound: true })
      const above = fitOneParameter({ x: [1, 2], y: [20, 40], w: [1, 1] }, line, dLine, 0, 10)
      expect(above).toEqual({ theta: 10, rss: 100 + 400, atBound: true })
      // A lower bound other than 0, from both sides: the grid spans [2, 10], not beyond.
      const beyond = fitOneParameter({ x: [1, 2], y: [12, 24], w: [1, 1] }, line, dLine, 2, 10)
      expect(beyond).toEqual({ theta: 10, rss: 4 + 16, atBound: true })
      const shifted = fitOneParameter({ x: [1, 2], y: [1, 2], w: [1, 1] }, line, dLine, 2, 10)
      expect(shifted).toEqual({ theta: 2, rss: 1 + 4, atBound: true })
    })

    it('a minimum exactly on a bound (slope 0 there) is at the bound', () => {
      // y = 0·x and y = 10·x exactly: the RSS is 0 at θ = 0 and at θ = 10, where the slope is 0.
      const low = fitOneParameter({ x: [1, 2], y: [0, 0], w: [1, 1] }, line, dLine, 0, 10)
      expect(low).toEqual({ theta: 0, rss: 0, atBound: true })
      const high = fitOneParameter({ x: [1, 2], y: [10, 20], w: [1, 1] }, line, dLine, 0, 10)
      expect(high).toEqual({ theta: 10, rss: 0, atBound: true })
    })

    it('lands exactly on a minimizer that is a double: 0.25, RSS 0', () => {
      const fit = fitOneParameter(
        { x: [1, 2, 3], y: [0.25, 0.5, 0.75], w: [1, 1, 1] },
        line,
        dLine,
        0,
        10
      )
      expect(fit).toEqual({ theta: 0.25, rss: 0, atBound: false })
    })

    it('finds the global minimum past a local one at the lower bound', () => {
      // RSS = f(θ)² with f(θ) = 0.1 + θ(θ − 3)² − θ/60: rising at θ = 0 (a local minimum,
      // RSS 0.01), lowest near θ = 3. mpmath (40 digits) puts the minimum at
      // θ = 3.002773930432754896, RSS 0.002497687858926285.
      const f = (t: number): number => 0.1 + t * (t - 3) ** 2 - t / 60
      const df = (t: number): number => (t - 3) ** 2 + 2 * t * (t - 3) - 1 / 60
      const fit = fitOneParameter(
        { x: [1], y: [0], w: [1] },
        (_x, t) => f(t),
        (_x, t) => df(t),
        0,
        10
      )
      expect(fit.theta).toBeCloseTo(3.002773930432755, 12)
      expect(fit.rss).toBeCloseTo(0.002497687858926285, 15)
      expect(fit.atBound).toBe(false)
      // Mirrored, the same at the upper bound: θ → 10 − θ.
      const mirrored = fitOneParameter(
        { x: [1], y: [0], w: [1] },
        (_x, t) => f(10 - t),
        (_x, t) => -df(10 - t),
        0,
        10
      )
      expect(mirrored.theta).toBeCloseTo(10 - 3.002773930432755, 12)
      expect(mirrored.atBound).toBe(false)
    })

    it('keeps the best grid point when the derivative disagrees with the model', () => {
      // A derivative of the wrong sign: no bracket to bisect, so the grid point
      // lo + (hi − lo)(k/400)² nearest 1.5, k = 155: 10 · 0.3875² = 1.5015625.
      const fit = fitOneParameter(
        { x: [1, 2, 3], y: [1.5, 3, 4.5], w: [1, 1, 1] },
        line,
        (x) => -x,
        0,
        10
      )
      expect(fit.theta).toBe(10 * 0.3875 ** 2)
      expect(fit.rss).toBeCloseTo(14 * (10 * 0.3875 ** 2 - 1.5) ** 2, 15)
      expect(fit.atBound).toBe(false)
    })

    it('keeps the best grid point when the derivative disagrees on one side only', () => {
      // Right below 1.5 and wrong above it, then the reverse: either way no bracket.
      const data = { x: [1, 2, 3], y: [1.5, 3, 4.5], w: [1, 1, 1] }
      for (const derivative of [
        (x: number, theta: number) => (theta > 1.5 ? -x : x),
        (x: number, theta: number) => (theta < 1.5 ? -x : x)
      ]) {
        const fit = fitOneParameter(data, line, derivative, 0, 10)
        expect(fit).toEqual({
          theta: 10 * 0.3875 ** 2,
          rss: weightedRss(data, (x) => 10 * 0.3875 ** 2 * x),
          atBound: false
        })
      }
    })

    it('a minimum inside the last grid interval is not the upper bound', () => {
      // y = 9.99x: the grid's best is its last point, 10, but the slope there is positive.
      const fit = fitOneParameter({ x: [1, 2], y: [9.99, 19.98], w: [1, 1] }, line, dLine, 0, 10)
      expect(fit.atBound).toBe(false)
      expect(fit.theta).toBeCloseTo(9.99, 12)
    })

    it('finds a minimum close to the lower bound, where the grid is dense', () => {
      const fit = fitOneParameter({ x: [1, 2], y: [0.001, 0.002], w: [1, 1] }, line, dLine, 0, 10)
      expect(fit.theta).toBeCloseTo(0.001, 14)
      expect(fit.atBound).toBe(false)
    })
  })
})

describe('fitOneParameter at its exact boundaries', () => {
  /** The search grid of fitOneParameter on [0, 1]: θ_k = (k/400)². */
  const grid = (k: number): number => (k / 400) ** 2
  /** A model with a flat inflection at c: the RSS's slope is exactly 0 there. */
  const cube = (c: number) => (_x: number, t: number) => (t - c) ** 3
  const cubeSlope = (c: number) => (_x: number, t: number) => 3 * (t - c) ** 2

  it('keeps the first of grid points whose RSS ties: a model θ does not move stays at the lower bound', () => {
    const fit = fitOneParameter(
      { x: [1, 2], y: [3, 4], w: [1, 1] },
      () => 2,
      () => 0,
      0,
      1
    )
    expect(fit).toEqual({ theta: 0, rss: 5, atBound: true })
  })

  // The best grid point is θ_101; the RSS's slope at its neighbour (θ_100 below, θ_102
  // above) is exactly 0, not signed, so the bracket around θ_101 still holds the minimum.
  it.each([
    ['below', 100, 0.9],
    ['above', 102, 0.1]
  ])('bisects when the RSS is exactly flat at the grid point %s the best one', (_, flat, at) => {
    const c = grid(flat)
    const target = Math.min(c, grid(101)) + at * Math.abs(grid(101) - c)
    const fit = fitOneParameter(
      { x: [1], y: [(target - c) ** 3], w: [1] },
      cube(c),
      cubeSlope(c),
      0,
      1
    )
    expect(fit.theta).toBe(target)
    expect(fit.theta).not.toBe(grid(101))
    expect(fit.rss).toBe(0)
    expect(fit.atBound).toBe(false)
  })
})
