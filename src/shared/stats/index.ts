/**
 * Pure statistics: distributions, intervals, outlier and trend tests, model
 * fits, number formatting. No domain knowledge (runs, workers, verdicts live
 * in ../analysis) and no Node or DOM imports; it never imports ../analysis.
 *
 * The special functions (normal and Student-t CDF and quantile, regularized
 * incomplete beta and gamma) are kept hand-written; issue 9 measured the
 * alternative. With @stdlib (stats-base-dists-t-cdf, -t-quantile,
 * math-base-special-betainc, -erf, -erfc) the reference-value tests
 * (tests/unit/scaling/distributions.test.ts, scipy to 1e-12) still pass, but
 * those five functions bundle to 192 KB minified (53 KB gzipped, 238 npm
 * packages) against 5.7 KB for these files; and @stdlib's normal quantile is
 * off by a relative 2e-9 at p = 1e-10 and returns −∞ at p = 1e-300.
 */
export type { ConfidenceInterval, ErrorBasis, Estimate, ScalingPoint } from './types'

// Summaries and distributions
export { summarizeTimings } from './summarizeTimings'
export type { TimingSummary } from './summarizeTimings'
export { normalCdf } from './normalCdf'
export { normalQuantile } from './normalQuantile'
export { studentTCdf } from './studentTCdf'
export { studentTQuantile } from './studentTQuantile'
export { regularizedBeta } from './regularizedBeta'
export { seededRandom } from './seededRandom'
export { seededShuffle } from './seededShuffle'
export { quantileSorted } from './quantileSorted'

// Intervals
export { medianInterval, DEFAULT_RESAMPLES, DEFAULT_SEED } from './medianInterval'
export type { BootstrapInterval, MedianIntervalOptions } from './medianInterval'
export { meanInterval } from './meanInterval'
export type { StudentTInterval } from './meanInterval'

// Outliers and trends
export { modifiedZScores } from './modifiedZScores'
export type { ModifiedZScores } from './modifiedZScores'
export { findOutliers, OUTLIER_THRESHOLD, OUTLIER_MIN_RELATIVE } from './findOutliers'
export type { Outliers } from './findOutliers'
export { mannKendall } from './mannKendall'
export type { TrendTest } from './mannKendall'
export { warmedUp, STEADY_TOLERANCE } from './warmedUp'

// Fits
export { fitAmdahl, amdahlSpeedup } from './fitAmdahl'
export type { AmdahlFit, FitOptions } from './fitAmdahl'
export { fitUsl, uslSpeedup } from './fitUsl'
export type { UslFit } from './fitUsl'
export { compareScalingModels, AICC_MARGIN } from './compareScalingModels'
export type { ModelChoiceBasis, ModelComparison } from './compareScalingModels'
export type { Residual } from './leastSquares'
export { findBreakEven } from './findBreakEven'
export type { BreakEven, BreakEvenPoint, SizePoint } from './findBreakEven'
