/**
 * Facts a finding is worded from that are not stored in it but follow from
 * its numbers alone (which sizes a break-even could use, which point a weak
 * scaling summary is read at, which case of a Karp–Flatt series applies).
 * Every catalog reads them from here, so English and Korean state the same.
 */
import type { GustafsonAnalysis, SizePointAnalysis, SizeSweepAnalysis } from './types'
import type { ScaledSpeedup } from './scaledSpeedup'
import type { KarpFlattSeries, KarpFlattTrend } from './karpFlattSeries'

/** The sizes of a sweep that had usable times on both sides, as the break-even used them. */
export function usableSizes(s: SizeSweepAnalysis): SizePointAnalysis[] {
  return s.points.filter((p) => p.t1.value > 0 && p.tn.value > 0)
}

/** The widest worker count of a weak-scaling run, which its summary is read at. */
export function widestScaled(g: GustafsonAnalysis): ScaledSpeedup | null {
  return g.points.reduce<ScaledSpeedup | null>(
    (a, b) => (a === null || b.workers > a.workers ? b : a),
    null
  )
}

/** What a Karp–Flatt series says: no point above one worker, a single point, or its trend. */
export type KarpFlattCode = 'no-points' | 'one-point' | KarpFlattTrend

export const KARP_FLATT_CODES: readonly KarpFlattCode[] = [
  'no-points',
  'one-point',
  'insufficient',
  'growing',
  'shrinking',
  'flat'
]

export function karpFlattCode(series: KarpFlattSeries): KarpFlattCode {
  if (series.points.length === 0) return 'no-points'
  if (series.points.length === 1) return 'one-point'
  return series.trend
}
