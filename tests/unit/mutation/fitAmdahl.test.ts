/**
 * Amdahl's fit, number by number: the law itself, the uncertainty formula
 * recomputed from its definition, the ceiling and its delta-method error, and
 * the edges where they are null (docs/MUTATION.md).
 */
import { describe, expect, it } from 'vitest'
import { amdahlSpeedup, fitAmdahl } from '../../../src/shared/stats/fitAmdahl'

const law = (f: number, workers: number[]) =>
  workers.map((n) => ({ workers: n, speedup: n / (1 + f * (n - 1)) }))

describe('fitAmdahl, number by number', () => {
  it('is Amdahl’s law: S(N) = N / (1 + f(N − 1))', () => {
    expect(amdahlSpeedup(0.1, 4)).toBeCloseTo(4 / 1.3, 14)
    expect(amdahlSpeedup(0.25, 5)).toBe(2.5)
    expect(amdahlSpeedup(0.7, 1)).toBe(1)
    expect(amdahlSpeedup(0, 8)).toBe(8)
  })

  it('recovers f, the ceiling 1/f and zero errors from noiseless data', () => {
    const fit = fitAmdahl([{ workers: 1, speedup: 1 }, ...law(0.2, [2, 4, 8])])!
    expect(fit.serialFraction).toBeCloseTo(0.2, 6)
    expect(fit.ceiling!).toBeCloseTo(5, 4)
    expect(fit.serialFractionError!).toBeLessThan(1e-6)
    expect(fit.ceilingError!).toBeLessThan(1e-4)
    expect(fit).toMatchObject({ model: 'amdahl', n: 3, dof: 2, atBound: false, weighted: false })
    expect(fit.residuals.map((r) => r.workers)).toEqual([2, 4, 8])
  })

  it('gives σ_f = √(RSS/(n − 1) / Σ w·J²) and σ_ceiling = σ_f / f², from noisy data', () => {
    const points = [
      { workers: 2, speedup: 1.71 },
      { workers: 3, speedup: 2.02 },
      { workers: 4, speedup: 2.61 },
      { workers: 6, speedup: 2.9 }
    ]
    const fit = fitAmdahl(points)!
    const f = fit.serialFraction
    const rss = points.reduce((s, p) => s + (p.speedup - amdahlSpeedup(f, p.workers)) ** 2, 0)
    expect(fit.rss).toBeCloseTo(rss, 12)
    const jacobian = points.map(
      (p) => (-p.workers * (p.workers - 1)) / (1 + f * (p.workers - 1)) ** 2
    )
    const information = jacobian.reduce((s, j) => s + j * j, 0)
    const sigma = Math.sqrt(rss / (points.length - 1) / information)
    expect(fit.serialFractionError!).toBeCloseTo(sigma, 12)
    expect(fit.ceiling!).toBeCloseTo(1 / f, 12)
    expect(fit.ceilingError!).toBeCloseTo(sigma / f ** 2, 10)
    expect(fit.residuals[2]).toEqual({
      workers: 4,
      observed: 2.61,
      predicted: amdahlSpeedup(f, 4),
      residual: 2.61 - amdahlSpeedup(f, 4)
    })
    expect(fit.aicc).not.toBeNull()
    expect(fit.rSquared!).toBeGreaterThan(0.8)
    expect(fit.rSquared!).toBeLessThan(1)
  })

  it('has no uncertainty from a single point (no degree of freedom)', () => {
    const fit = fitAmdahl([{ workers: 4, speedup: 3 }])!
    expect(fit.serialFraction).toBeCloseTo(1 / 9, 6)
    expect(fit).toMatchObject({ n: 1, dof: 0, serialFractionError: null, ceilingError: null })
    expect(fit.ceiling!).toBeCloseTo(9, 4)
  })

  it('holds superlinear data at f = 0: no ceiling, no ceiling error, at the bound', () => {
    const fit = fitAmdahl([
      { workers: 2, speedup: 2.3 },
      { workers: 4, speedup: 4.8 }
    ])!
    expect(fit).toMatchObject({
      serialFraction: 0,
      ceiling: null,
      ceilingError: null,
      atBound: true
    })
    expect(fit.serialFractionError).not.toBeNull()
  })

  it('weights by 1/error² only when asked, and is null without a point above one worker', () => {
    const points = [
      { workers: 2, speedup: 1.8, error: 0.01 },
      { workers: 4, speedup: 2.4, error: 0.5 },
      { workers: 8, speedup: 3.9, error: 0.5 }
    ]
    const plain = fitAmdahl(points)!
    const weighted = fitAmdahl(points, { weighted: true })!
    expect([plain.weighted, weighted.weighted]).toEqual([false, true])
    // The precise point at N = 2 pulls the weighted fit to f ≈ 2/1.8 − 1 = 0.111.
    expect(Math.abs(weighted.serialFraction - 0.111)).toBeLessThan(
      Math.abs(plain.serialFraction - 0.111)
    )
    expect(fitAmdahl([{ workers: 1, speedup: 1 }])).toBeNull()
    expect(fitAmdahl([])).toBeNull()
  })
})

describe('fitAmdahl without information', () => {
  it('gives no uncertainty when the weights vanish (errors so large 1/error² underflows)', () => {
    const fit = fitAmdahl(
      [
        { workers: 2, speedup: 1.8, error: 1e200 },
        { workers: 4, speedup: 3, error: 1e200 }
      ],
      { weighted: true }
    )!
    expect(fit.weighted).toBe(true)
    expect(fit.serialFractionError).toBeNull()
    expect(fit.ceilingError).toBeNull()
  })
})
