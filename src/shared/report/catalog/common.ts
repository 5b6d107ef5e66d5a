import { formatValue } from '../../format'
import type { KarpFlattPoint } from '../../analysis/karpFlattSeries'

/** " ± 0.012", or nothing without an error. */
export const plusMinus = (x: number | null, digits = 2): string =>
  x === null ? '' : ` ± ${formatValue(x, digits)}`

/** The range of e(N) over a series, as written: "0.050" twice, or "0.040" and "0.060". */
export function karpFlattRange(points: readonly KarpFlattPoint[]): { low: string; high: string } {
  const values = points.map((p) => p.serialFraction)
  return { low: formatValue(Math.min(...values)), high: formatValue(Math.max(...values)) }
}
