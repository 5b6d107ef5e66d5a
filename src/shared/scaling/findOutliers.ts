import { modifiedZScores, type ModifiedZScores } from './modifiedZScores'

/** The conventional cut-off for |modified Z| (Iglewicz & Hoaglin; hyperfine uses it too). */
export const OUTLIER_THRESHOLD = 3.5

export interface Outliers extends ModifiedZScores {
  threshold: number
  /** Positions (0-based, in the order given) whose |modified Z| exceeds the threshold. */
  indices: number[]
  values: number[]
}

/** Flags values whose |modified Z-score| exceeds `threshold` (3.5 unless given). */
export function findOutliers(
  values: readonly number[],
  threshold: number = OUTLIER_THRESHOLD
): Outliers {
  const z = modifiedZScores(values)
  const indices: number[] = []
  z.scores.forEach((score, i) => {
    if (Math.abs(score) > threshold) indices.push(i)
  })
  return { ...z, threshold, indices, values: indices.map((i) => values[i]) }
}
