/** Speedup of N workers over one: median T1 ÷ median TN. */
export function speedup(t1: number, tn: number): number {
  return tn > 0 ? t1 / tn : Number.NaN
}

/** Efficiency: speedup ÷ N (1 is perfect scaling). */
export function efficiency(s: number, n: number): number {
  return s / n
}

/**
 * Karp–Flatt experimentally determined serial fraction
 * e = (1/S − 1/N) ÷ (1 − 1/N); undefined (null) for N = 1.
 */
export function karpFlatt(s: number, n: number): number | null {
  if (n <= 1 || !(s > 0)) return null
  return (1 / s - 1 / n) / (1 - 1 / n)
}
