import type { ErrorBasis, Estimate } from '../stats/types'

export interface ScaledSpeedup {
  workers: number
  /** N·T1/TN: work done per unit time relative to one worker. */
  scaledSpeedup: number
  scaledSpeedupError: number
  /** Gustafson's serial fraction f = (N − S)/(N − 1) implied by it; null for N = 1. */
  serialFraction: number | null
  serialFractionError: number | null
  basis: ErrorBasis
}

/**
 * Scaled speedup from measured weak-scaling times: T1 is one worker doing one
 * share, TN is N workers each doing one share (the `replicate` workload, where
 * every share is the whole range, is the tutorial's case). N workers finish N
 * times the work in TN, so S = N·T1/TN; perfect weak scaling keeps TN = T1 and
 * S = N. The error is carried through the ratio as for the strong-scaling
 * speedup (relative errors in quadrature; 0 for N = 1, the reference itself).
 */
export function scaledSpeedup(
  t1: Estimate,
  tn: Estimate,
  workers: number,
  basis: ErrorBasis = 'ci-half-width'
): ScaledSpeedup {
  if (!(workers >= 1)) throw new RangeError('workers must be at least 1')
  const s = t1.value > 0 && tn.value > 0 ? (workers * t1.value) / tn.value : Number.NaN
  const relative = workers === 1 ? 0 : Math.hypot(t1.error / t1.value, tn.error / tn.value)
  const error = s * relative
  return {
    workers,
    scaledSpeedup: s,
    scaledSpeedupError: error,
    serialFraction: workers > 1 ? (workers - s) / (workers - 1) : null,
    serialFractionError: workers > 1 ? error / (workers - 1) : null,
    basis
  }
}
