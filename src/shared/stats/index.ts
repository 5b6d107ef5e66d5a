/**
 * Pure statistics: distributions, intervals, outlier and trend tests, model
 * fits, number formatting. No domain knowledge (runs, workers, verdicts live
 * in ../analysis) and no Node or DOM imports; it never imports ../analysis.
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

// Fits
export { fitAmdahl, amdahlSpeedup } from './fitAmdahl'
export type { AmdahlFit, FitOptions } from './fitAmdahl'
export { fitUsl, uslSpeedup } from './fitUsl'
export type { UslFit } from './fitUsl'
export { compareScalingModels, AICC_MARGIN } from './compareScalingModels'
export type { ModelComparison } from './compareScalingModels'
export type { Residual } from './leastSquares'
export { findBreakEven } from './findBreakEven'
export type { BreakEven, BreakEvenPoint, SizePoint } from './findBreakEven'

// Formatting numbers for sentences
export { formatMs, formatPercent, formatPValue, formatValue } from './formatNumber'
