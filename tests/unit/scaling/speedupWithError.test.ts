import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gustafsonSpeedup, scaledSpeedup, speedupWithError } from '../../../src/shared/scaling'

describe('speedupWithError', () => {
  it("carries relative errors through the ratio in quadrature (hyperfine's rule)", () => {
    // The tutorial's 1.88 s vs 0.77 s; reference_values.py: ratio·√((e1/t1)² + (en/tn)²).
    const s = speedupWithError({ value: 1880, error: 12 }, { value: 770, error: 9 }, 2)
    expect(s.speedup).toBeCloseTo(2.4415584415584415, 14)
    expect(s.speedupError).toBeCloseTo(0.032515751661322645, 14)
    expect(s.efficiency).toBeCloseTo(2.4415584415584415 / 2, 14)
    expect(s.efficiencyError).toBeCloseTo(0.032515751661322645 / 2, 14)
    expect(s.basis).toBe('ci-half-width')
  })

  it('gives the reference row (N = 1) no error: it is divided by itself', () => {
    const t = { value: 500, error: 20 }
    expect(speedupWithError(t, t, 1, 'stddev')).toMatchObject({
      speedup: 1,
      speedupError: 0,
      basis: 'stddev'
    })
  })

  it('returns NaN for a non-positive time, as speedup() does', () => {
    expect(speedupWithError({ value: 100, error: 1 }, { value: 0, error: 0 }, 2).speedup).toBeNaN()
  })

  it('is unchanged when every time is rescaled, and never below the larger relative error (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 2, max: 64 }),
        (t1, tn, r1, rn, c, n) => {
          const a = speedupWithError(
            { value: t1, error: r1 * t1 },
            { value: tn, error: rn * tn },
            n
          )
          const b = speedupWithError(
            { value: c * t1, error: c * r1 * t1 },
            { value: c * tn, error: c * rn * tn },
            n
          )
          expect(b.speedup).toBeCloseTo(a.speedup, 8)
          expect(b.speedupError).toBeCloseTo(a.speedupError, 8)
          expect(a.speedupError / a.speedup).toBeGreaterThanOrEqual(Math.max(r1, rn) - 1e-12)
        }
      )
    )
  })
})

describe('Gustafson', () => {
  it('gives N − f(N − 1)', () => {
    expect(gustafsonSpeedup(0.1, 8)).toBeCloseTo(7.3, 12)
    expect(gustafsonSpeedup(0, 8)).toBe(8)
    expect(gustafsonSpeedup(1, 8)).toBe(1)
  })

  it('computes the scaled speedup N·T1/TN of a weak-scaling run and the serial fraction it implies', () => {
    // Replicate workload: one worker does one share in 1000 ms; two workers do two shares in 1100 ms.
    const s = scaledSpeedup({ value: 1000, error: 10 }, { value: 1100, error: 11 }, 2)
    expect(s.scaledSpeedup).toBeCloseTo(2000 / 1100, 12)
    expect(s.scaledSpeedupError).toBeCloseTo((2000 / 1100) * Math.hypot(0.01, 0.01), 12)
    // f = (N − S)/(N − 1), and the model gives S back from it.
    expect(gustafsonSpeedup(s.serialFraction!, 2)).toBeCloseTo(s.scaledSpeedup, 12)
    expect(scaledSpeedup({ value: 5, error: 1 }, { value: 5, error: 1 }, 1)).toMatchObject({
      scaledSpeedup: 1,
      scaledSpeedupError: 0,
      serialFraction: null
    })
  })
})
