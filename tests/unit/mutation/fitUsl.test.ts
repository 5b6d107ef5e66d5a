/**
 * The USL fit, number by number: the law, the figures every fit reports
 * recomputed from their definitions, and the edges (docs/MUTATION.md).
 */
import { describe, expect, it } from 'vitest'
import { fitUsl, uslSpeedup } from '../../../src/shared/stats/fitUsl'

const PEAKED = [2, 4, 8, 12, 16, 24, 32].map((workers, i) => ({
  workers,
  speedup: [1.93, 3.61, 6.05, 7.7, 8.62, 9.41, 9.18][i]
}))

describe('fitUsl, number by number', () => {
  it('is the USL: S(N) = N / (1 + σ(N − 1) + κN(N − 1))', () => {
    expect(uslSpeedup(0.1, 0.01, 5)).toBeCloseTo(5 / (1 + 0.4 + 0.2), 15)
    expect(uslSpeedup(0, 0, 7)).toBe(7)
    expect(uslSpeedup(0.5, 0.5, 1)).toBe(1)
  })

  it('reports RSS, R², AICc, residuals and the peak from their definitions', () => {
    const fit = fitUsl([{ workers: 1, speedup: 1 }, ...PEAKED])!
    const { sigma, kappa } = fit
    const predicted = PEAKED.map((p) => uslSpeedup(sigma, kappa, p.workers))
    const rss = PEAKED.reduce((s, p, i) => s + (p.speedup - predicted[i]) ** 2, 0)
    const mean = PEAKED.reduce((s, p) => s + p.speedup, 0) / 7
    const tss = PEAKED.reduce((s, p) => s + (p.speedup - mean) ** 2, 0)
    expect(fit).toMatchObject({ model: 'usl', n: 7, dof: 5, weighted: false })
    expect(fit.rss).toBeCloseTo(rss, 14)
    expect(fit.rSquared!).toBeCloseTo(1 - rss / tss, 12)
    // k = 3 parameters (σ, κ, the noise): 7 ln(RSS/7) + 6 + 24/3.
    expect(fit.aicc!).toBeCloseTo(7 * Math.log(rss / 7) + 14, 10)
    expect(fit.residuals.map((r) => r.workers)).toEqual([2, 4, 8, 12, 16, 24, 32])
    expect(fit.residuals[3].predicted).toBeCloseTo(predicted[3], 14)
    expect(fit.residuals[3].residual).toBeCloseTo(7.7 - predicted[3], 14)
    const peak = Math.sqrt((1 - sigma) / kappa)
    expect(fit.peakWorkers!).toBeCloseTo(peak, 10)
    expect(fit.peakSpeedup!).toBeCloseTo(uslSpeedup(sigma, kappa, peak), 10)
  })

  it('gives the standard errors of s²(JᵀJ)⁻¹ at the optimum, where the gradient vanishes', () => {
    const fit = fitUsl(PEAKED)!
    const { sigma, kappa } = fit
    let [a, b, d, g1, g2] = [0, 0, 0, 0, 0]
    for (const p of PEAKED) {
      const x = p.workers
      const den = 1 + sigma * (x - 1) + kappa * x * (x - 1)
      const js = (-x * (x - 1)) / den ** 2
      const jk = js * x
      const r = p.speedup - x / den
      a += js * js
      b += js * jk
      d += jk * jk
      g1 += js * r
      g2 += jk * r
    }
    expect(Math.abs(g1)).toBeLessThan(1e-9)
    expect(Math.abs(g2)).toBeLessThan(1e-7)
    const det = a * d - b * b
    const s2 = fit.rss / 5
    expect(fit.sigmaError!).toBeCloseTo(Math.sqrt((s2 * d) / det), 10)
    expect(fit.kappaError!).toBeCloseTo(Math.sqrt((s2 * a) / det), 12)
  })

  it('fits two counts exactly, with no degree of freedom left for errors or AICc', () => {
    const points = [2, 8].map((n) => ({ workers: n, speedup: uslSpeedup(0.05, 0.004, n) }))
    const fit = fitUsl(points)!
    expect(fit.sigma).toBeCloseTo(0.05, 9)
    expect(fit.kappa).toBeCloseTo(0.004, 10)
    expect(fit).toMatchObject({ n: 2, dof: 0, sigmaError: null, kappaError: null, aicc: null })
    expect(
      fitUsl([
        { workers: 4, speedup: 3 },
        { workers: 4, speedup: 3.1 }
      ])
    ).toBeNull()
  })

  it('holds σ at 0 when the data want a negative σ, and fits κ on that edge', () => {
    // Made with σ = −0.02, κ = 0.01: the constrained optimum is on the σ = 0 edge.
    const points = [2, 4, 8, 16].map((n) => ({ workers: n, speedup: uslSpeedup(-0.02, 0.01, n) }))
    const fit = fitUsl(points)!
    expect(fit.sigma).toBe(0)
    expect(fit.atBound).toEqual({ sigma: true, kappa: false })
    // On the edge, κ zeroes Σ r·∂S/∂κ.
    const gradient = points.reduce((g, p) => {
      const x = p.workers
      const den = 1 + fit.kappa * x * (x - 1)
      return g + (p.speedup - x / den) * ((-x * x * (x - 1)) / den ** 2)
    }, 0)
    expect(Math.abs(gradient)).toBeLessThan(1e-9)
    expect(fit.kappa).toBeCloseTo(0.00846637370414, 10)
    expect(fit.peakWorkers!).toBeCloseTo(Math.sqrt(1 / fit.kappa), 10)
  })

  it('has no peak when κ = 0 (Amdahl), and weights by 1/error² when asked', () => {
    // Made with κ = −0.001: the optimum is on the κ = 0 edge.
    const points = [2, 4, 8, 16].map((n) => ({ workers: n, speedup: uslSpeedup(0.1, -0.001, n) }))
    const flat = fitUsl(points)!
    expect(flat.kappa).toBe(0)
    expect(flat).toMatchObject({ peakWorkers: null, peakSpeedup: null })
    const weighted = fitUsl(
      PEAKED.map((p) => ({ ...p, error: 0.01 })),
      { weighted: true }
    )!
    expect(weighted.weighted).toBe(true)
    // Equal errors of 0.01: every weight is 10⁴, the RSS 10⁴ times the plain one.
    expect(weighted.rss).toBeCloseTo(fitUsl(PEAKED)!.rss * 1e4, 6)
  })

  it('agrees with scipy on the peaked data: σ, κ, their errors and the RSS', () => {
    // scipy.optimize.curve_fit(lambda n, s, k: n / (1 + s*(n-1) + k*n*(n-1)), x, y,
    //   p0=[0.05, 0.001], xtol=ftol=gtol=1e-15), errors √diag(pcov); scipy 1.17.
    const fit = fitUsl(PEAKED)!
    expect(fit.sigma).toBeCloseTo(0.03352932782244997, 9)
    expect(fit.kappa).toBeCloseTo(0.0014443842410729396, 11)
    expect(fit.sigmaError!).toBeCloseTo(0.0008236158307590492, 9)
    expect(fit.kappaError!).toBeCloseTo(3.485851657757232e-5, 11)
    expect(fit.rss).toBeCloseTo(0.00857547940647913, 12)
    expect(fit.atBound).toEqual({ sigma: false, kappa: false })
  })

  it('on the κ = 0 edge, σ is Amdahl’s least-squares σ (scipy, κ held at 0)', () => {
    // Made with κ = −0.001: the optimum is on the κ = 0 edge, found by the one-parameter fit.
    // scipy: curve_fit(lambda n, s: n / (1 + s*(n-1)), x, y, p0=[0.1]) → 0.08566958054639649.
    const points = [2, 4, 8, 16].map((n) => ({ workers: n, speedup: uslSpeedup(0.1, -0.001, n) }))
    const fit = fitUsl(points)!
    expect(fit.kappa).toBe(0)
    expect(fit.sigma).toBeCloseTo(0.08566958054639649, 9)
  })

  it('has no peak when σ ≥ 1, even with κ > 0 (S falls from the start)', () => {
    const points = [2, 3, 4, 6, 8].map((n) => ({ workers: n, speedup: uslSpeedup(1.5, 0.1, n) }))
    const fit = fitUsl(points)!
    expect(fit.sigma).toBeCloseTo(1.5, 12)
    expect(fit.kappa).toBeCloseTo(0.1, 12)
    expect(fit.peakWorkers).toBeNull()
    expect(fit.peakSpeedup).toBeNull()
  })
})

describe('fitUsl at σ = 1', () => {
  it('reports no peak when contention is exactly 1, even with coherency', () => {
    // S(N) = N / (1 + (N − 1) + N(N − 1)) = 1/N: σ = 1 and κ = 1 exactly.
    const fit = fitUsl([
      { workers: 1, speedup: 1 },
      { workers: 2, speedup: 0.5 },
      { workers: 4, speedup: 0.25 },
      { workers: 8, speedup: 0.125 }
    ])!
    expect([fit.sigma, fit.kappa, fit.rss]).toEqual([1, 1, 0])
    expect(fit.peakWorkers).toBeNull()
    expect(fit.peakSpeedup).toBeNull()
  })
})
