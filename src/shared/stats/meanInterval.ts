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
 * t quantiles already computed, by level and df: one costs ~80 µs (an
 * incomplete-beta inversion) and History computes an interval for every
 * worker count of every stored run, nearly all at the same few df.
 */
const quantiles = new Map<string, number>()

function tCriticalOf(level: number, df: number): number {
  const key = `${level}|${df}`
  let t = quantiles.get(key)
  if (t === undefined) {
    if (quantiles.size >= 1000) quantiles.clear()
    t = studentTQuantile(1 - (1 - level) / 2, df)
    quantiles.set(key, t)
  }
  return t
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
  const tCritical = tCriticalOf(level, n - 1)
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
