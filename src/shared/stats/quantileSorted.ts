/**
 * The p-quantile of ascending values by linear interpolation between order
 * statistics (Hyndman & Fan type 7, the default of R and numpy), so reference
 * values can be reproduced outside the app.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length
  if (n === 0) throw new RangeError('no values')
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be in [0, 1]')
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, n - 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}
