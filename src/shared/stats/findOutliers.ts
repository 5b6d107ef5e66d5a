import { modifiedZScores, type ModifiedZScores } from './modifiedZScores'

/** The conventional cut-off for |modified Z| (Iglewicz & Hoaglin; hyperfine uses it too). */
export const OUTLIER_THRESHOLD = 3.5

export interface Outliers extends ModifiedZScores {
  threshold: number
  /** Positions (0-based, in the order given) whose |modified Z| exceeds the threshold. */
  indices: number[]
  values: number[]
}

/**
 * Least distance from the median, relative to it, for a value to be an
 * outlier. With tight timings the MAD is tiny and a value 4% away already has
 * a huge modified Z; hyperfine warns on Z alone but over many more runs.
 */
export const OUTLIER_MIN_RELATIVE = 0.05

/**
 * Flags values whose |modified Z-score| exceeds `threshold` (3.5 unless given)
 * AND that lie at least `minRelative` (5% unless given) from the median.
 */
export function findOutliers(
  values: readonly number[],
  threshold: number = OUTLIER_THRESHOLD,
  minRelative: number = OUTLIER_MIN_RELATIVE
): Outliers {
  const z = modifiedZScores(values)
  const indices: number[] = []
  z.scores.forEach((score, i) => {
    const relative = z.median !== 0 ? Math.abs(values[i] - z.median) / Math.abs(z.median) : Infinity
    if (Math.abs(score) > threshold && relative >= minRelative) indices.push(i)
  })
  return { ...z, threshold, indices, values: indices.map((i) => values[i]) }
}
