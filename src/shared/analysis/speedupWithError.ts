import type { ErrorBasis, Estimate } from '../stats/types'

/** "S ± e times faster", and efficiency E = S/N ± e/N. */
export interface SpeedupEstimate {
  workers: number
  speedup: number
  speedupError: number
  efficiency: number
  efficiencyError: number
  /** What the errors are: copied from the inputs' basis. */
  basis: ErrorBasis
}

/**
 * Speedup S = T1 / TN with its error carried through the ratio as in hyperfine's
 * relative_speed.rs: relative errors add in quadrature,
 * e_S = S·√((e1/T1)² + (eN/TN)²), which assumes T1 and TN were measured
 * independently. The N = 1 row is the reference measured against itself, so its
 * error is 0, not √2 times its relative error. Both errors must have the same
 * `basis` (σ of the repetitions, or the confidence-interval half-width of the
 * medians; the app uses the latter). Efficiency has the same relative error,
 * since N is exact. A TN ≤ 0 gives NaN, as `speedup()` does.
 */
export function speedupWithError(
  t1: Estimate,
  tn: Estimate,
  workers: number,
  basis: ErrorBasis = 'ci-half-width'
): SpeedupEstimate {
  if (!(workers >= 1)) throw new RangeError('workers must be at least 1')
  if (!(t1.value > 0) || !(tn.value > 0)) {
    return {
      workers,
      speedup: Number.NaN,
      speedupError: Number.NaN,
      efficiency: Number.NaN,
      efficiencyError: Number.NaN,
      basis
    }
  }
  const speedup = t1.value / tn.value
  const relative = workers === 1 ? 0 : Math.hypot(t1.error / t1.value, tn.error / tn.value)
  const speedupError = speedup * relative
  return {
    workers,
    speedup,
    speedupError,
    efficiency: speedup / workers,
    efficiencyError: speedupError / workers,
    basis
  }
}
