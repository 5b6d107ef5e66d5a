import { karpFlatt } from './speedup'
import { normalQuantile } from '../stats/normalQuantile'
import { studentTQuantile } from '../stats/studentTQuantile'
import type { ScalingPoint } from '../stats/types'

export interface KarpFlattPoint {
  workers: number
  /** e(N) = (1/S − 1/N) / (1 − 1/N). */
  serialFraction: number
  /** σ_e = σ_S / (S²(1 − 1/N)) when the speedup has an error, else null. */
  error: number | null
}

export type KarpFlattTrend = 'growing' | 'flat' | 'shrinking' | 'insufficient'

export interface KarpFlattSeries {
  points: KarpFlattPoint[]
  trend: KarpFlattTrend
  /** Least-squares slope of e against N (per added worker) and its standard error. */
  slope: number | null
  slopeError: number | null
  /**
   * The weighted mean of e(N) (inverse-variance weights when every point has
   * an error, else equal) that a flat trend is read at; null without points.
   * findingText.ts words the series (trend, first and last point, this mean).
   */
  meanSerialFraction: number | null
  /**
   * Worker counts above one left out, and why: `not-significant` (the speedup's
   * 95% interval includes 1), `oversubscribed` (more workers than cores),
   * `out-of-range` (S outside 1…N). Set by analyzeRun; absent when built alone.
   */
  left?: { workers: number; reason: 'not-significant' | 'oversubscribed' | 'out-of-range' }[]
}

/** A change of e smaller than this across the sweep is called flat whatever its significance. */
export const KARP_FLATT_MIN_CHANGE = 0.005

/** A flat series whose mean e is at most this has no measurable serial part. */
export const KARP_FLATT_NEAR_ZERO = 0.001

/**
 * Karp–Flatt's experimentally determined serial fraction for every worker count
 * above one, and what its trend says. A constant e is what Amdahl's law assumes
 * (a true serial part); an e that grows with N is overhead that grows with the
 * number of workers. The trend is a weighted least-squares line through e(N)
 * (a line because under the USL e(N) = σ + κN exactly: its slope is κ):
 * with errors on every point its slope is judged against them (|b| > 1.96·SE);
 * without, against the scatter about the line (t with n − 2 df, needs 3
 * points); a change of under 0.005 across the sweep counts as flat.
 */
export function karpFlattSeries(points: readonly ScalingPoint[]): KarpFlattSeries {
  const series: KarpFlattPoint[] = []
  for (const p of [...points].sort((a, b) => a.workers - b.workers)) {
    const e = karpFlatt(p.speedup, p.workers)
    if (e === null) continue
    const error =
      p.error !== undefined && p.error >= 0
        ? p.error / (p.speedup ** 2 * (1 - 1 / p.workers))
        : null
    series.push({ workers: p.workers, serialFraction: e, error })
  }
  const n = series.length
  if (n === 0) {
    return {
      points: series,
      trend: 'insufficient',
      slope: null,
      slopeError: null,
      meanSerialFraction: null
    }
  }
  const first = series[0]
  const last = series[n - 1]
  if (n === 1) {
    return {
      points: series,
      trend: 'insufficient',
      slope: null,
      slopeError: null,
      meanSerialFraction: first.serialFraction
    }
  }

  const withErrors = series.every((p) => p.error !== null && p.error > 0)
  const w = series.map((p) => (withErrors ? 1 / (p.error as number) ** 2 : 1))
  const sw = w.reduce((a, b) => a + b, 0)
  const xBar = series.reduce((s, p, i) => s + w[i] * p.workers, 0) / sw
  const yBar = series.reduce((s, p, i) => s + w[i] * p.serialFraction, 0) / sw
  const sxx = series.reduce((s, p, i) => s + w[i] * (p.workers - xBar) ** 2, 0)
  const sxy = series.reduce(
    (s, p, i) => s + w[i] * (p.workers - xBar) * (p.serialFraction - yBar),
    0
  )
  const slope = sxx > 0 ? sxy / sxx : 0
  let slopeError: number | null = null
  let critical = Number.NaN
  if (withErrors && sxx > 0) {
    slopeError = Math.sqrt(1 / sxx)
    critical = normalQuantile(0.975)
  } else if (n >= 3 && sxx > 0) {
    const rss = series.reduce(
      (s, p, i) => s + w[i] * (p.serialFraction - yBar - slope * (p.workers - xBar)) ** 2,
      0
    )
    slopeError = Math.sqrt(rss / (n - 2) / sxx)
    critical = studentTQuantile(0.975, n - 2)
  }
  const change = slope * (last.workers - first.workers)
  const base = { points: series, slope, slopeError, meanSerialFraction: yBar }

  if (slopeError === null) {
    return {
      ...base,
      trend: 'insufficient'
    }
  }
  return { ...base, trend: karpFlattTrend(slope, slopeError, critical, change) }
}

/**
 * The trend of a series with a slope error: growing or shrinking only when the
 * slope is significant (|b| > critical·SE, strictly: a slope exactly at the
 * critical value is not) and e changes by at least KARP_FLATT_MIN_CHANGE across
 * the sweep (exactly that much counts); else flat. Apart so that its two
 * boundaries can be checked at the exact values (tests/unit/mutation).
 */
export function karpFlattTrend(
  slope: number,
  slopeError: number,
  critical: number,
  change: number
): 'growing' | 'flat' | 'shrinking' {
  const significant = Math.abs(slope) > critical * slopeError
  if (significant && change >= KARP_FLATT_MIN_CHANGE) return 'growing'
  if (significant && change <= -KARP_FLATT_MIN_CHANGE) return 'shrinking'
  return 'flat'
}
