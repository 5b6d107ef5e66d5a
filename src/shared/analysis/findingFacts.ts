/**
 * Facts a finding is worded from that are not stored in it but follow from
 * its numbers alone (which sizes a break-even could use, which point a weak
 * scaling summary is read at, which case of a Karp–Flatt series applies).
 * Every catalog reads them from here, so English and Korean state the same.
 */
import type { GustafsonAnalysis, SizePointAnalysis, SizeSweepAnalysis } from './types'
import type { ScaledSpeedup } from './scaledSpeedup'
import type { KarpFlattSeries, KarpFlattTrend } from './karpFlattSeries'
import type { BreakEven } from '../stats/findBreakEven'

/** The sizes of a sweep that had usable times on both sides, as the break-even used them. */
export function usableSizes(s: SizeSweepAnalysis): SizePointAnalysis[] {
  return s.points.filter((p) => p.t1.value > 0 && p.tn.value > 0)
}

/** The worker counts left out of e(N) for one reason, "2, 4" (empty when none). */
export function leftFor(
  series: KarpFlattSeries,
  reason: NonNullable<KarpFlattSeries['left']>[number]['reason']
): string {
  return (series.left ?? [])
    .filter((l) => l.reason === reason)
    .map((l) => l.workers)
    .join(', ')
}

/** The widest worker count of a weak-scaling run, which its summary is read at. */
export function widestScaled(g: GustafsonAnalysis): ScaledSpeedup | null {
  return g.points.reduce<ScaledSpeedup | null>(
    (a, b) => (a === null || b.workers > a.workers ? b : a),
    null
  )
}

/** What a Karp–Flatt series says: no point above one worker, a single point, or its trend. */
export type KarpFlattCode = 'no-points' | 'not-enough-evidence' | 'one-point' | KarpFlattTrend

export const KARP_FLATT_CODES: readonly KarpFlattCode[] = [
  'no-points',
  'not-enough-evidence',
  'one-point',
  'insufficient',
  'growing',
  'shrinking',
  'flat'
]

export function karpFlattCode(series: KarpFlattSeries): KarpFlattCode {
  // Counts above one were measured but none is evidence (series.left says why).
  if (series.points.length === 0) return series.left?.length ? 'not-enough-evidence' : 'no-points'
  if (series.points.length === 1) return 'one-point'
  return series.trend
}

/** Half a decade: a break-even is given as one figure only when its interval spans at most this ratio. */
export const BREAK_EVEN_MAX_SPAN = Math.sqrt(10)

/**
 * The break-even's error interval spans more than half a decade (or runs past
 * the sizes measured): the data place it only between two sizes, not at one.
 */
export function breakEvenTooWide(b: BreakEven): boolean {
  const { lower, upper } = b.interval
  return lower === null || upper === null || upper / lower > BREAK_EVEN_MAX_SPAN
}

/** N workers already won at the smallest size measured (so no "first" win lies above it). */
export function winsAtSmallest(s: SizeSweepAnalysis): boolean {
  return usableSizes(s)[0]?.winner === 'many'
}
