import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  normalCdf,
  normalQuantile,
  regularizedBeta,
  studentTCdf,
  studentTQuantile
} from '../../../src/shared/scaling'
import { relativeError } from './helpers'

describe('studentTQuantile', () => {
  // Textbook two-sided 95% critical values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  it.each([
    [1, 12.7062],
    [4, 2.7764],
    [9, 2.2622],
    [29, 2.0452],
    [Number.POSITIVE_INFINITY, 1.96]
  ])('matches the printed table: t(0.975, %s) = %s', (df, table) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(table, 4 - (df === Infinity ? 2 : 0))
  })

  // scipy.stats.t.ppf (tests/unit/scaling/reference_values.py).
  it.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 4, 2.7764451051977934],
    [0.975, 9, 2.262157162798205],
    [0.975, 29, 2.045229642132703],
    [0.975, 100, 1.9839715185235518],
    [0.995, 5, 4.032142983555228],
    [0.9, 3, 1.637744353696209],
    [0.6, 1.5, 0.30074539256979543],
    [0.025, 9, -2.2621571627982053],
    [1e-10, 3, -2225.769284683093],
    [0.3, 12, -0.5386176682019164],
    [0.975, 1e6, 1.959966356814107]
  ])('agrees with scipy to 1e-12: t(%s, %s)', (p, df, reference) => {
    expect(relativeError(studentTQuantile(p, df), reference)).toBeLessThan(1e-12)
  })

  it('is the normal quantile at infinite degrees of freedom', () => {
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975))
  })

  it('rejects impossible arguments', () => {
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError)
    expect(studentTQuantile(1.5, 3)).toBeNaN()
    expect(studentTQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY)
    expect(studentTQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY)
  })

  it('inverts the CDF (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df)
          expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThan(1e-12)
        }
      )
    )
  })

  it('is antisymmetric and increasing in p (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 0.499, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.4, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (p, dp, df) => {
          // 1 − p is itself rounded (by up to ε/p relative), hence the loose tolerance.
          const [upper, lower] = [studentTQuantile(1 - p, df), studentTQuantile(p, df)]
          expect(relativeError(upper, -lower)).toBeLessThan(1e-8)
          expect(studentTQuantile(p + dp, df)).toBeGreaterThan(studentTQuantile(p, df))
        }
      )
    )
  })
})

describe('studentTCdf', () => {
  // scipy.stats.t.cdf.
  it.each([
    [2, 5, 0.9490302605850708],
    [-1.5, 3.5, 0.10890909350767251],
    [10, 2, 0.9950737714883372],
    [0.1, 50, 0.539627893173515],
    [40, 4, 0.9999988329918387],
    [-7, 1, 0.04516723530086655]
  ])('agrees with scipy: F(%s; %s)', (t, df, reference) => {
    expect(relativeError(studentTCdf(t, df), reference)).toBeLessThan(1e-13)
  })
})

describe('normal distribution', () => {
  // scipy.stats.norm.ppf / cdf.
  it.each([
    [0.975, 1.959963984540054],
    [1e-10, -6.361340902404056],
    [0.3, -0.5244005127080409],
    [1e-300, -37.0470962993612],
    [0.5000001, 2.506628273311648e-7]
  ])('quantile(%s) agrees with scipy', (p, reference) => {
    expect(relativeError(normalQuantile(p), reference)).toBeLessThan(1e-12)
  })

  it.each([
    [-3, 0.0013498980316300933],
    [1.5, 0.9331927987311419],
    [-20, 2.7536241186061556e-89],
    [0.01, 0.5039893563146316]
  ])('cdf(%s) agrees with scipy, deep into the tail', (z, reference) => {
    expect(relativeError(normalCdf(z), reference)).toBeLessThan(1e-13)
  })
})

describe('regularizedBeta', () => {
  // scipy.special.betainc(a, b, x).
  it.each([
    [0.3, 2, 3, 0.34829999999999994],
    [0.9, 0.5, 10, 0.9999999999815198],
    [0.01, 50, 0.5, 7.998227417904836e-102],
    [0.5, 200, 300, 0.9999964565197356]
  ])('I_%s(%s, %s) agrees with scipy', (x, a, b, reference) => {
    expect(relativeError(regularizedBeta(x, a, b), reference)).toBeLessThan(1e-12)
  })

  it('has the closed form 1 − (1 − x)^b when a = 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (x, b) => {
          expect(regularizedBeta(x, 1, b)).toBeCloseTo(1 - (1 - x) ** b, 12)
        }
      )
    )
  })
})
