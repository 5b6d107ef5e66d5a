/**
 * The Student-t and incomplete gamma/beta functions behind every interval, at
 * the edges of their domains and where a branch exists for precision
 * (docs/MUTATION.md). References: mpmath at 40 digits (betainc, gammainc,
 * loggamma, the t density from its formula, t quantiles as roots of the exact
 * tail), printed by tests/unit/mutation/reference_values.py.
 */
import { describe, expect, it } from 'vitest'
import { studentTQuantile } from '../../../src/shared/stats/studentTQuantile'
import { studentTCdf, studentTDensity, studentTTail } from '../../../src/shared/stats/studentTCdf'
import { logGammaDifference } from '../../../src/shared/stats/logGammaDifference'
import { regularizedBeta } from '../../../src/shared/stats/regularizedBeta'
import { regularizedGammaP, regularizedGammaQ } from '../../../src/shared/stats/regularizedGammaQ'
import { normalCdf, normalTail } from '../../../src/shared/stats/normalCdf'
import { meanInterval } from '../../../src/shared/stats/meanInterval'

const close = (actual: number, expected: number, rel = 1e-14): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected))
}

describe('studentTQuantile', () => {
  it('refuses df ≤ 0 with its reason; NaN outside [0, 1]; 0 exactly at ½', () => {
    for (const df of [0, -1, Number.NaN])
      expect(() => studentTQuantile(0.9, df)).toThrow(
        new RangeError('degrees of freedom must be positive')
      )
    for (const p of [-0.1, 1.1, Number.NaN]) expect(studentTQuantile(p, 4)).toBeNaN()
    for (const df of [1, 2, 5]) expect(studentTQuantile(0.5, df)).toBe(0)
    // The ends of the distribution, for the closed forms and the solver alike.
    for (const df of [1, 2, 5, 1e6]) {
      expect(studentTQuantile(0, df)).toBe(Number.NEGATIVE_INFINITY)
      expect(studentTQuantile(1, df)).toBe(Number.POSITIVE_INFINITY)
    }
  })

  it('uses the exact Cauchy and ν = 2 forms far in the tail', () => {
    close(studentTQuantile(1e-300, 1), -1 / (Math.PI * 1e-300))
    close(studentTQuantile(1e-200, 2), -1 / Math.sqrt(2e-200))
  })

  it('ν = 2 in closed form, to the last bit where the closed form rounds exactly', () => {
    // (1 − 2q)/√(2q(1 − q)), correctly rounded (mpmath, 40 digits; scipy's stats.t.ppf gives the
    // same doubles). Solving the tail instead lands 1–3 units in the last place away.
    expect(studentTQuantile(0.975, 2)).toBe(4.302652729749462)
    expect(studentTQuantile(0.95, 2)).toBe(2.9199855803537242)
    expect(studentTQuantile(0.999, 2)).toBe(22.327124770119866)
    expect(studentTQuantile(0.7, 2)).toBe(0.6172133998483674)
  })

  it('from ν = 10⁵ on, the Cornish–Fisher series to rounding, all four terms', () => {
    close(studentTQuantile(1e-10, 1e5), -6.3620004198436915)
    close(studentTQuantile(1e-30, 1e5), -11.4678210211617, 2e-15)
    close(studentTQuantile(0.975, 1e5), 1.9599877075346093)
    close(studentTQuantile(1e-30, 2e5), -11.465922590611463, 2e-15)
  })

  it('near the centre, solves on P(0 < T < t) to keep relative precision', () => {
    close(studentTQuantile(0.5000001, 5), 2.634305522753727e-7, 1e-13)
  })
})

describe('studentTCdf, tail and density', () => {
  it('refuses df ≤ 0, is NaN for NaN, normal at ν = ∞', () => {
    for (const df of [0, -2])
      expect(() => studentTCdf(1, df)).toThrow(
        new RangeError('degrees of freedom must be positive')
      )
    expect(studentTCdf(Number.NaN, 3)).toBeNaN()
    expect(studentTCdf(1.5, Number.POSITIVE_INFINITY)).toBe(normalCdf(1.5))
    expect(studentTTail(2, Number.POSITIVE_INFINITY)).toBe(normalTail(2))
  })

  it('keeps x and 1 − x exact at many degrees of freedom', () => {
    close(studentTCdf(0.5, 50000), 0.6914613610732708)
    close(studentTCdf(-0.5, 50000), 0.3085386389267292)
  })

  it('has the density Γ((ν+1)/2)/(√(νπ)Γ(ν/2))·(1 + t²/ν)^(−(ν+1)/2)', () => {
    close(studentTDensity(0, 1), 1 / Math.PI)
    close(studentTDensity(2, 5), 0.06509031032621647)
    close(studentTDensity(1.5, 30), 0.12896160173967175)
    close(studentTDensity(3, 1e6), 0.004431917105672042)
  })
})

describe('logGammaDifference and regularizedBeta', () => {
  it('lnΓ(a + b) − lnΓ(a) without cancellation for large a', () => {
    close(logGammaDifference(5e5, 0.5), 6.561181438702165)
    close(logGammaDifference(20, 0.5), 1.491616787331304, 2e-15)
    close(logGammaDifference(25, 3), 9.772809228894012)
  })

  it('refuses a or b ≤ 0 with its reason; 0 and 1 outside (0, 1); NaN for NaN', () => {
    for (const [a, b] of [
      [0, 1],
      [1, 0],
      [-1, 2],
      [Number.NaN, 1]
    ])
      expect(() => regularizedBeta(0.5, a, b)).toThrow(
        new RangeError('regularizedBeta needs a > 0 and b > 0')
      )
    expect(regularizedBeta(Number.NaN, 2, 3)).toBeNaN()
    expect(regularizedBeta(-0.5, 2, 3)).toBe(0)
    expect(regularizedBeta(1.5, 2, 3)).toBe(1)
  })

  it('takes lnΓ through the difference for the larger of a and b, whichever it is', () => {
    close(regularizedBeta(1e-7, 0.5, 5e5), 0.24817031195240424)
  })
})

describe('regularizedGammaQ and P', () => {
  it('refuses a ≤ 0 with its reason; NaN for NaN; Q = 1 and P = 0 at x ≤ 0', () => {
    for (const a of [0, -1]) {
      expect(() => regularizedGammaQ(a, 1)).toThrow(new RangeError('regularizedGammaQ needs a > 0'))
      expect(() => regularizedGammaP(a, 1)).toThrow(new RangeError('regularizedGammaP needs a > 0'))
    }
    expect(regularizedGammaQ(0.5, Number.NaN)).toBeNaN()
    expect(regularizedGammaP(0.5, Number.NaN)).toBeNaN()
    expect(regularizedGammaQ(0.5, -1)).toBe(1)
    expect(regularizedGammaP(0.5, -1)).toBe(0)
  })

  it('series below a + 1, continued fraction above, each to full relative precision', () => {
    close(regularizedGammaQ(0.5, 50), 1.523970604832105e-23, 1e-14)
    close(regularizedGammaQ(0.5, 0.01), 0.8875370839817152)
    close(regularizedGammaQ(2.5, 1), 0.8491450360846097)
    close(regularizedGammaQ(0.5, 4.5), 0.002699796063260189)
    close(regularizedGammaP(0.5, 0.01), 0.1124629160182849)
    close(regularizedGammaP(2.5, 1), 0.15085496391539036)
    close(regularizedGammaP(0.5, 4.5), 0.9973002039367398)
    close(normalCdf(3), 0.9986501019683699)
  })
})

describe('meanInterval', () => {
  it('refuses a level outside (0, 1) with its reason', () => {
    for (const level of [0, 1, -0.5, Number.NaN])
      expect(() => meanInterval([1, 2, 3], level)).toThrow(
        new RangeError('level must be in (0, 1)')
      )
  })
})
