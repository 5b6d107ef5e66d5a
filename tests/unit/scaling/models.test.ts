import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  amdahlSpeedup,
  compareScalingModels,
  fitAmdahl,
  fitUsl,
  uslSpeedup,
  type ScalingPoint
} from '../../../src/shared/scaling'
import { relativeError, seededNormal } from './helpers'
import { formatValue } from '../../../src/shared/format'

// reference_values.py: the speedups and their errors the Amdahl reference fit uses.
const AMDAHL_DATA: ScalingPoint[] = [
  { workers: 1, speedup: 1, error: 0 },
  { workers: 2, speedup: 1.89, error: 0.02 },
  { workers: 3, speedup: 2.73, error: 0.04 },
  { workers: 4, speedup: 3.41, error: 0.05 },
  { workers: 6, speedup: 4.71, error: 0.09 },
  { workers: 8, speedup: 5.97, error: 0.15 }
]
const USL_DATA: ScalingPoint[] = [2, 4, 8, 12, 16, 24, 32].map((workers, i) => ({
  workers,
  speedup: [1.93, 3.61, 6.05, 7.7, 8.62, 9.41, 9.18][i]
}))

/** Speedups from a model with multiplicative noise of relative size `noise`. */
function noisy(
  model: (n: number) => number,
  workers: number[],
  noise: number,
  seed: number
): ScalingPoint[] {
  const normal = seededNormal(seed)
  return workers.map((n) => ({ workers: n, speedup: model(n) * (1 + noise * normal()) }))
}

describe('fitAmdahl', () => {
  it('matches the least-squares optimum computed with mpmath (and scipy to 1e-8)', () => {
    const fit = fitAmdahl(AMDAHL_DATA)!
    expect(relativeError(fit.serialFraction, 0.05071275798178175)).toBeLessThan(1e-12)
    expect(relativeError(fit.serialFractionError!, 0.0015906792644149396)).toBeLessThan(1e-9)
    expect(relativeError(fit.rss, 0.01421249911670007)).toBeLessThan(1e-12)
    // numpy: 1 − RSS/TSS at the optimum.
    expect(fit.rSquared).toBeCloseTo(0.9986419379971965, 10)
    expect(fit).toMatchObject({ n: 5, dof: 4, weighted: false, atBound: false })
    expect(fit.ceiling).toBeCloseTo(1 / fit.serialFraction, 12)
    expect(fit.residuals.map((r) => r.workers)).toEqual([2, 3, 4, 6, 8])
  })

  it('weights by 1/error² when asked (scipy curve_fit with sigma, relative)', () => {
    const fit = fitAmdahl(AMDAHL_DATA.slice(1), { weighted: true })!
    expect(fit.weighted).toBe(true)
    expect(relativeError(fit.serialFraction, 0.053246726160417326)).toBeLessThan(1e-12)
    expect(relativeError(fit.serialFractionError!, 0.0019193145911120804)).toBeLessThan(1e-9)
    // The N = 1 row (error 0) is not used, so it does not stop the weighting...
    expect(fitAmdahl(AMDAHL_DATA, { weighted: true })!.serialFraction).toBe(fit.serialFraction)
    // ...but a used point without an error does: no weight can be made up for it.
    const missing = AMDAHL_DATA.map((p, i) => (i === 3 ? { ...p, error: undefined } : p))
    expect(fitAmdahl(missing, { weighted: true })!.weighted).toBe(false)
  })

  it('recovers f from noisy synthetic data, and its uncertainty covers the truth ~95% of the time', () => {
    const f = 0.08
    const workers = [2, 3, 4, 6, 8, 12, 16]
    const coverage = (noise: 'additive' | 'relative', weighted: boolean): number => {
      let covered = 0
      const trials = 1000
      for (let seed = 0; seed < trials; seed++) {
        const normal = seededNormal(seed)
        const points = workers.map((n) => {
          const s = amdahlSpeedup(f, n)
          const speedup = noise === 'additive' ? s + 0.1 * normal() : s * (1 + 0.02 * normal())
          return { workers: n, speedup, error: 0.02 * s }
        })
        const fit = fitAmdahl(points, { weighted })!
        expect(Math.abs(fit.serialFraction - f)).toBeLessThan(0.03)
        // t(0.975, 6): the uncertainty is estimated from 7 points, 1 parameter.
        if (Math.abs(fit.serialFraction - f) <= 2.4469 * fit.serialFractionError!) covered++
      }
      return covered / trials
    }
    // Equal noise everywhere: the plain fit's uncertainty is honest.
    expect(coverage('additive', false)).toBeGreaterThan(0.93)
    expect(coverage('additive', false)).toBeLessThan(0.965)
    // Noise proportional to S (as timing noise makes it): honest only when weighted.
    expect(coverage('relative', true)).toBeGreaterThan(0.93)
    expect(coverage('relative', true)).toBeLessThan(0.965)
    expect(coverage('relative', false)).toBeLessThan(0.9)
  })

  it('recovers f exactly from noiseless data (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0005, max: 0.9, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 2, max: 128 }), { minLength: 1, maxLength: 8 }),
        (f, workers) => {
          const fit = fitAmdahl(workers.map((n) => ({ workers: n, speedup: amdahlSpeedup(f, n) })))!
          expect(relativeError(fit.serialFraction, f)).toBeLessThan(1e-9)
        }
      )
    )
  })

  it('holds f at 0 for perfect or superlinear scaling, with no ceiling', () => {
    const fit = fitAmdahl([
      { workers: 2, speedup: 2.05 },
      { workers: 4, speedup: 4.2 }
    ])!
    expect(fit.serialFraction).toBe(0)
    expect(fit.atBound).toBe(true)
    expect(fit.ceiling).toBeNull()
  })

  it('needs a worker count above one; with one point f is Karp–Flatt and has no uncertainty', () => {
    expect(fitAmdahl([{ workers: 1, speedup: 1 }])).toBeNull()
    const one = fitAmdahl([{ workers: 2, speedup: 1.8 }])!
    expect(one.serialFraction).toBeCloseTo((1 / 1.8 - 1 / 2) / (1 - 1 / 2), 12)
    expect(one.serialFractionError).toBeNull()
  })
})

describe('fitUsl', () => {
  it('matches the least-squares optimum computed with mpmath (and scipy lm)', () => {
    const fit = fitUsl(USL_DATA)!
    expect(relativeError(fit.sigma, 0.03352932784258339)).toBeLessThan(1e-8)
    expect(relativeError(fit.kappa, 0.0014443842401888906)).toBeLessThan(1e-8)
    expect(relativeError(fit.rss, 0.008575479406479314)).toBeLessThan(1e-12)
    // scipy.optimize.curve_fit(method='lm') standard errors.
    expect(relativeError(fit.sigmaError!, 0.0008236158307590492)).toBeLessThan(1e-6)
    expect(relativeError(fit.kappaError!, 3.485851657757232e-5)).toBeLessThan(1e-6)
    expect(fit.peakWorkers).toBeCloseTo(Math.sqrt((1 - fit.sigma) / fit.kappa), 10)
    expect(fit.atBound).toEqual({ sigma: false, kappa: false })
  })

  it('recovers σ and κ from noisy synthetic data within their uncertainties', () => {
    const [sigma, kappa] = [0.04, 0.002]
    const workers = [2, 4, 6, 8, 12, 16, 24, 32, 48, 64]
    for (let seed = 0; seed < 20; seed++) {
      const fit = fitUsl(noisy((n) => uslSpeedup(sigma, kappa, n), workers, 0.01, 100 + seed))!
      expect(Math.abs(fit.sigma - sigma)).toBeLessThan(4 * fit.sigmaError!)
      expect(Math.abs(fit.kappa - kappa)).toBeLessThan(4 * fit.kappaError!)
      expect(fit.kappaError!).toBeLessThan(0.0005)
    }
  })

  it('recovers σ and κ exactly from noiseless data (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        (sigma, kappa) => {
          const points = [2, 4, 8, 16, 32].map((n) => ({
            workers: n,
            speedup: uslSpeedup(sigma, kappa, n)
          }))
          const fit = fitUsl(points)!
          expect(Math.abs(fit.sigma - sigma)).toBeLessThan(1e-8)
          expect(Math.abs(fit.kappa - kappa)).toBeLessThan(1e-9)
        }
      )
    )
  })

  it('keeps both parameters ≥ 0 when the unconstrained optimum would make one negative', () => {
    // Made with κ = −0.001: better than Amdahl at large N, so unconstrained least squares wants κ < 0.
    const points = [2, 4, 8, 16].map((n) => ({ workers: n, speedup: uslSpeedup(0.1, -0.001, n) }))
    const fit = fitUsl(points)!
    expect(fit.kappa).toBe(0)
    expect(fit.atBound.kappa).toBe(true)
    expect(fit.sigma).toBeGreaterThan(0)
    expect(fit.peakWorkers).toBeNull()
  })

  it('needs two distinct worker counts above one', () => {
    expect(fitUsl([{ workers: 4, speedup: 3 }])).toBeNull()
  })
})

describe('compareScalingModels', () => {
  it('chooses the USL for data with a peak, and says where the peak is', () => {
    const c = compareScalingModels(USL_DATA)
    expect(c.best).toBe('usl')
    expect(c.deltaAicc!).toBeGreaterThan(2)
    expect(c.basis).toBe('usl-better')
    expect(formatValue(c.usl!.peakWorkers!, 2)).toBe('26')
  })

  it('keeps Amdahl for Amdahl-shaped noisy data nearly always (false alarms about 4%)', () => {
    const workers = [2, 3, 4, 6, 8, 12, 16]
    let usl = 0
    for (let seed = 0; seed < 300; seed++) {
      const c = compareScalingModels(
        noisy((n) => amdahlSpeedup(0.05, n), workers, 0.01, 500 + seed)
      )
      if (c.best === 'usl') usl++
    }
    expect(usl / 300).toBeLessThan(0.1)
  })

  it('finds the USL in noisy USL-shaped data', () => {
    const workers = [2, 4, 6, 8, 12, 16, 24, 32]
    for (let seed = 0; seed < 20; seed++) {
      const c = compareScalingModels(noisy((n) => uslSpeedup(0.03, 0.002, n), workers, 0.01, seed))
      expect(c.best, c.basis).toBe('usl')
    }
  })

  it('cannot judge the USL with fewer than five worker counts above one', () => {
    const c = compareScalingModels(AMDAHL_DATA.slice(0, 4))
    expect(c.best).toBe('amdahl')
    expect(c.deltaAicc).toBeNull()
    expect(c.basis).toBe('usl-untestable')
    expect(c.amdahl!.n).toBe(3)
  })

  it('has nothing to fit without a worker count above one', () => {
    expect(compareScalingModels([{ workers: 1, speedup: 1 }]).best).toBeNull()
  })
})
