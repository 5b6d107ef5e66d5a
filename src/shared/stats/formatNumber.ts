/** Milliseconds for messages: three significant figures, no exponent for typical timings. */
export function formatMs(ms: number): string {
  const abs = Math.abs(ms)
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3
  return `${ms.toFixed(digits)} ms`
}

/** A fraction as a percentage for messages, e.g. 0.1234 → "12.3%". */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100
  return `${Math.abs(pct) >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`
}

/** A dimensionless value with `digits` significant figures ("0.0312", "1.84"). */
export function formatValue(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x)
  if (x === 0) return '0'
  return Number(x.toPrecision(digits)).toString()
}

/** A p-value for messages: "p = 0.012", or "p < 0.001" below that. */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${formatValue(p, 2)}`
}
