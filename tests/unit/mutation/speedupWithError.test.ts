/**
 * "S ± e": exact numbers for the error carried through the ratio, and the
 * edges (docs/MUTATION.md).
 */
import { describe, expect, it } from 'vitest'
import { speedupWithError } from '../../../src/shared/analysis/speedupWithError'

describe('speedupWithError, number by number', () => {
  it('adds the relative errors in quadrature and divides by N for efficiency', () => {
    // S = 10/4 = 2.5; relative = √(0.1² + 0.075²) = 0.125; e_S = 0.3125.
    expect(speedupWithError({ value: 10, error: 1 }, { value: 4, error: 0.3 }, 4)).toEqual({
      workers: 4,
      speedup: 2.5,
      speedupError: 0.3125,
      efficiency: 0.625,
      efficiencyError: 0.078125,
      basis: 'ci-half-width'
    })
    expect(
      speedupWithError({ value: 10, error: 1 }, { value: 4, error: 0.3 }, 4, 'stddev').basis
    ).toBe('stddev')
  })

  it('gives the one-worker reference no error, however noisy', () => {
    const one = speedupWithError({ value: 8, error: 2 }, { value: 8, error: 2 }, 1)
    expect([one.speedup, one.speedupError, one.efficiency, one.efficiencyError]).toEqual([
      1, 0, 1, 0
    ])
  })

  it('is NaN everywhere for a time that is not positive, keeping workers and basis', () => {
    for (const [t1, tn] of [
      [0, 1],
      [1, 0],
      [-1, 1],
      [1, Number.NaN]
    ]) {
      expect(
        speedupWithError({ value: t1, error: 0 }, { value: tn, error: 0 }, 2, 'stddev')
      ).toEqual({
        workers: 2,
        speedup: Number.NaN,
        speedupError: Number.NaN,
        efficiency: Number.NaN,
        efficiencyError: Number.NaN,
        basis: 'stddev'
      })
    }
  })

  it('refuses fewer than one worker', () => {
    const t = { value: 1, error: 0 }
    expect(() => speedupWithError(t, t, 0.5)).toThrow(new RangeError('workers must be at least 1'))
    expect(() => speedupWithError(t, t, Number.NaN)).toThrow(RangeError)
    expect(speedupWithError(t, t, 1).speedup).toBe(1)
  })
})
