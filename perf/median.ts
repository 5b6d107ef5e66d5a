/** The median of the finite values in `xs` (NaN when there are none): the perf scripts' figures skip failed runs. */
export function medianOfFinite(xs: readonly number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b)
  if (!s.length) return Number.NaN
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
