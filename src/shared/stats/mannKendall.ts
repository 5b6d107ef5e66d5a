import { median } from 'simple-statistics'
import { normalTail } from './normalCdf'

/** Mann–Kendall test for a monotonic trend, with Sen's slope for its size. */
export interface TrendTest {
  /** `exact`: the permutation distribution of S (no ties, n ≤ 50); else the normal approximation. */
  method: 'mann-kendall-exact' | 'mann-kendall-normal'
  n: number
  /** S = #(later value larger) − #(later value smaller) over all pairs. */
  s: number
  /** Kendall's τ_a = S / (n(n − 1)/2), from −1 to 1. */
  tau: number
  /** Continuity-corrected z of the normal approximation (null when exact). */
  z: number | null
  /** Two-sided p-value for "no trend". */
  pValue: number
  /** Sen's slope: median of (x_j − x_i)/(j − i), in value units per step. */
  slope: number
}

const EXACT_MAX_N = 50

/**
 * Mann–Kendall trend test on values in the order they were measured: robust to
 * outliers and to the shape of the trend, and exact for the small numbers of
 * repetitions a benchmark has. Needs n ≥ 3.
 */
export function mannKendall(values: readonly number[]): TrendTest {
  const n = values.length
  if (n < 3) throw new RangeError('a trend test needs at least 3 values')
  let s = 0
  const slopes: number[] = []
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      s += Math.sign(values[j] - values[i])
      slopes.push((values[j] - values[i]) / (j - i))
    }
  }
  const pairs = (n * (n - 1)) / 2
  const ties = tieGroupSizes(values)
  const base = { n, s, tau: s / pairs, slope: median(slopes) }
  if (ties.length === 0 && n <= EXACT_MAX_N) {
    return { ...base, method: 'mann-kendall-exact', z: null, pValue: exactPValue(n, s) }
  }
  const variance =
    (n * (n - 1) * (2 * n + 5) - ties.reduce((acc, t) => acc + t * (t - 1) * (2 * t + 5), 0)) / 18
  const z = variance > 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0
  return {
    ...base,
    method: 'mann-kendall-normal',
    z,
    pValue: Math.min(1, 2 * normalTail(Math.abs(z)))
  }
}

/** Sizes (> 1) of groups of equal values. */
function tieGroupSizes(values: readonly number[]): number[] {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.values()].filter((c) => c > 1)
}

/**
 * P(|S| ≥ |s|) under "no trend", every ordering equally likely. Without ties
 * S = pairs − 2·inversions, and the number of inversions of a random
 * permutation follows the Mahonian distribution, built one element at a time.
 */
function exactPValue(n: number, s: number): number {
  const pairs = (n * (n - 1)) / 2
  let dist = new Float64Array([1])
  for (let k = 2; k <= n; k++) {
    // Inserting the k-th element adds 0 … k − 1 inversions, each with probability 1/k.
    const next = new Float64Array(dist.length + k - 1)
    let window = 0
    for (let i = 0; i < next.length; i++) {
      if (i < dist.length) window += dist[i]
      if (i - k >= 0) window -= dist[i - k]
      next[i] = window / k
    }
    dist = next
  }
  // |S| ≥ |s| ⟺ inversions ≤ (pairs − |s|)/2 or ≥ (pairs + |s|)/2.
  const low = (pairs - Math.abs(s)) / 2
  let tail = 0
  for (let i = 0; i <= low; i++) tail += dist[i]
  return Math.min(1, s === 0 ? 1 : 2 * tail)
}
