import { median } from 'simple-statistics'

/** Modified Z-scores and the robust centre and scale behind them. */
export interface ModifiedZScores {
  median: number
  /** Median absolute deviation from the median. */
  mad: number
  /**
   * The scale used: the MAD; when more than half the values are identical the
   * MAD is 0, so the mean absolute deviation (× 1.2533 ≈ √(π/2),
   * the common fallback); `none` when every value is identical (all scores 0).
   */
  scale: 'mad' | 'mean-absolute-deviation' | 'none'
  scores: number[]
}

/** Converts a MAD to a σ-consistent scale for normal data: 1/Φ⁻¹(¾) = 1/0.6745. */
const MAD_CONSISTENCY = 0.6745
/** Converts a mean absolute deviation to a σ-consistent scale: √(π/2) ≈ 1.253314. */
const MEAN_AD_CONSISTENCY = 1.253314

/**
 * Iglewicz & Hoaglin's modified Z-score, 0.6745·(x − median)/MAD: a Z-score
 * whose centre and scale are not dragged by the outliers it looks for
 * (hyperfine's outlier rule).
 */
export function modifiedZScores(values: readonly number[]): ModifiedZScores {
  if (values.length === 0) throw new RangeError('no values')
  const xs = [...values]
  const centre = median(xs)
  const deviations = xs.map((x) => Math.abs(x - centre))
  const mad = median(deviations)
  if (mad > 0) {
    return {
      median: centre,
      mad,
      scale: 'mad',
      scores: xs.map((x) => (MAD_CONSISTENCY * (x - centre)) / mad)
    }
  }
  const meanAd = deviations.reduce((a, b) => a + b, 0) / deviations.length
  if (meanAd > 0) {
    return {
      median: centre,
      mad,
      scale: 'mean-absolute-deviation',
      scores: xs.map((x) => (x - centre) / (MEAN_AD_CONSISTENCY * meanAd))
    }
  }
  return { median: centre, mad, scale: 'none', scores: xs.map(() => 0) }
}
