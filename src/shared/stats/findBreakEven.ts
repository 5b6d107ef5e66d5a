import type { Estimate } from './types'

/** One problem size with its times (same unit) for one worker and for N workers. */
export interface SizePoint {
  /** Problem size, e.g. range length; must be > 0 (interpolation is in log-size). */
  size: number
  t1: Estimate
  tn: Estimate
}

export interface BreakEvenPoint {
  size: number
  /** ln(TN/T1): negative where N workers are faster. */
  logRatio: number
  beats: boolean
  /** N is faster even at the pessimistic ends of both errors (TN + eN < T1 − e1). */
  clearlyBeats: boolean
}

export interface BreakEven {
  /**
   * `crosses`: N loses at small sizes and wins from some size on, once.
   * `mixed`: the winner changes more than once (noise, or a cache effect);
   * `size` is then the first crossing into a win.
   * `always`: N wins at every measured size; `never`: at none.
   */
  status: 'crosses' | 'mixed' | 'always' | 'never'
  /** Interpolated size where N first beats one; null for `always` and `never`. */
  size: number | null
  beatsAtAllSizes: boolean
  /** The measured sizes on either side of the crossing. */
  bracket: { below: number; above: number } | null
  /**
   * The break-even size with the timings pushed to the ends of their errors:
   * `lower` from the optimistic side (TN − eN vs T1 + e1), `upper` from the
   * pessimistic one (TN + eN vs T1 − e1). Where that side has no crossing the
   * end is the nearest measured size that still bounds it (the largest size
   * for a `lower` that never wins; the smallest for an `upper` that always
   * wins), or null when it lies beyond the measured sizes: below the smallest
   * for `lower`, above the largest for `upper`.
   */
  interval: { lower: number | null; upper: number | null }
  /** How many times the winner changes along the sizes. */
  changes: number
  points: BreakEvenPoint[]
}

/**
 * Finds the problem size where N workers first beat one. Sizes are sorted; at
 * each, r = ln(TN/T1) (negative: N is faster). The break-even size is where r
 * crosses zero going up in size, interpolated linearly in (ln size, r) between
 * the two bracketing sizes: times grow roughly as powers of the size, so both
 * axes are logarithmic.
 */
export function findBreakEven(sizePoints: readonly SizePoint[]): BreakEven {
  const sorted = [...sizePoints]
    .filter((p) => p.size > 0 && p.t1.value > 0 && p.tn.value > 0)
    .sort((a, b) => a.size - b.size)
  if (sorted.length === 0) throw new RangeError('no problem sizes with positive times')
  const sizes = sorted.map((p) => p.size)
  const central = sorted.map((p) => Math.log(p.tn.value / p.t1.value))
  const optimistic = sorted.map((p) => logRatio(p.tn.value - p.tn.error, p.t1.value + p.t1.error))
  const pessimistic = sorted.map((p) => logRatio(p.tn.value + p.tn.error, p.t1.value - p.t1.error))

  const points = sorted.map((p, i) => ({
    size: p.size,
    logRatio: central[i],
    beats: central[i] < 0,
    clearlyBeats: pessimistic[i] < 0
  }))
  let changes = 0
  for (let i = 1; i < points.length; i++) if (points[i].beats !== points[i - 1].beats) changes++
  const crossing = firstCrossing(sizes, central)
  const beatsAtAllSizes = points.every((p) => p.beats)
  const status = beatsAtAllSizes
    ? 'always'
    : points.every((p) => !p.beats)
      ? 'never'
      : changes === 1 && crossing !== null
        ? 'crosses'
        : 'mixed'
  const smallest = sizes[0]
  const largest = sizes[sizes.length - 1]
  const optimisticNever = optimistic.every((r) => r >= 0)
  const pessimisticNever = pessimistic.every((r) => r >= 0)
  return {
    status,
    size: crossing?.size ?? null,
    beatsAtAllSizes,
    bracket: crossing ? { below: crossing.below, above: crossing.above } : null,
    interval: {
      lower: firstCrossing(sizes, optimistic)?.size ?? (optimisticNever ? largest : null),
      upper: firstCrossing(sizes, pessimistic)?.size ?? (pessimisticNever ? null : smallest)
    },
    changes,
    points
  }
}

/** ln(tn/t1), or +∞ (N cannot be shown to win) when an error pushes a time to ≤ 0. */
function logRatio(tn: number, t1: number): number {
  if (!(t1 > 0)) return Number.POSITIVE_INFINITY
  if (!(tn > 0)) return Number.NEGATIVE_INFINITY
  return Math.log(tn / t1)
}

/** The first i with r[i] ≥ 0 and r[i + 1] < 0, interpolated in (ln size, r). */
function firstCrossing(
  sizes: readonly number[],
  r: readonly number[]
): { size: number; below: number; above: number } | null {
  for (let i = 0; i + 1 < sizes.length; i++) {
    if (r[i] >= 0 && r[i + 1] < 0) {
      const [x0, x1] = [Math.log(sizes[i]), Math.log(sizes[i + 1])]
      // Infinite ratios (errors larger than the time) pin the crossing to that end.
      const t = !Number.isFinite(r[i])
        ? 1
        : !Number.isFinite(r[i + 1])
          ? 0
          : r[i] / (r[i] - r[i + 1])
      return { size: Math.exp(x0 + t * (x1 - x0)), below: sizes[i], above: sizes[i + 1] }
    }
  }
  return null
}
