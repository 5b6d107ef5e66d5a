import { mean, sampleStandardDeviation } from 'simple-statistics'
import { studentTQuantile } from './studentTQuantile'
import type { ConfidenceInterval } from './types'

export interface StudentTInterval extends ConfidenceInterval {
  method: 'student-t'
  /** Degrees of freedom, n − 1. */
  df: number
  /** σ / √n. */
  standardError: number
  /** t quantile at 1 − α/2 with df degrees of freedom. */
  tCritical: number
}

/**
 * Student-t confidence interval for the mean: mean ± t(1 − α/2, n − 1)·s/√n.
 * Exact for normal data; timings are skewed to the right, which is why the
 * median's bootstrap interval is the headline and this one is secondary.
 * Null for fewer than two values.
 */
export function meanInterval(values: readonly number[], level = 0.95): StudentTInterval | null {
  if (!(level > 0 && level < 1)) throw new RangeError('level must be in (0, 1)')
  const n = values.length
  if (n < 2) return null
  const xs = [...values]
  const m = mean(xs)
  const standardError = sampleStandardDeviation(xs) / Math.sqrt(n)
  const tCritical = studentTQuantile(1 - (1 - level) / 2, n - 1)
  const halfWidth = tCritical * standardError
  return {
    method: 'student-t',
    level,
    df: n - 1,
    standardError,
    tCritical,
    estimate: m,
    lower: m - halfWidth,
    upper: m + halfWidth,
    halfWidth
  }
}
