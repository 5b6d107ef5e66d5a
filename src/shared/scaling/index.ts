/**
 * Scaling science: pure statistics and models for "how much faster with N
 * workers, and why not N times". No Node or DOM imports: main, CLI and renderer
 * all use it.
 */
export type { ConfidenceInterval, ErrorBasis, Estimate, ScalingPoint } from './types'

// Distributions
export { normalCdf } from './normalCdf'
export { normalQuantile } from './normalQuantile'
export { studentTCdf } from './studentTCdf'
export { studentTQuantile } from './studentTQuantile'
export { regularizedBeta } from './regularizedBeta'
export { seededRandom } from './seededRandom'
export { quantileSorted } from './quantileSorted'

// Intervals and summaries
export { medianInterval, DEFAULT_RESAMPLES, DEFAULT_SEED } from './medianInterval'
export type { BootstrapInterval, MedianIntervalOptions } from './medianInterval'
export { meanInterval } from './meanInterval'
export type { StudentTInterval } from './meanInterval'
export { describeTimings } from './describeTimings'
export type { TimingDescription } from './describeTimings'

// Speedup with error
export { speedupWithError } from './speedupWithError'
export type { SpeedupEstimate } from './speedupWithError'
export { scaledSpeedup } from './scaledSpeedup'
export type { ScaledSpeedup } from './scaledSpeedup'
export { gustafsonSpeedup } from './gustafsonSpeedup'

// Outliers, trends, warnings
export { modifiedZScores } from './modifiedZScores'
export type { ModifiedZScores } from './modifiedZScores'
export { findOutliers, OUTLIER_THRESHOLD } from './findOutliers'
export type { Outliers } from './findOutliers'
export { mannKendall } from './mannKendall'
export type { TrendTest } from './mannKendall'
export { scalingWarnings, DEFAULT_WARNING_THRESHOLDS } from './scalingWarnings'
export type {
  ScalingWarning,
  WarningCode,
  WarningInput,
  WarningSeverity,
  WarningThresholds
} from './scalingWarnings'

// Models
export { fitAmdahl, amdahlSpeedup } from './fitAmdahl'
export type { AmdahlFit, FitOptions } from './fitAmdahl'
export { fitUsl, uslSpeedup } from './fitUsl'
export type { UslFit } from './fitUsl'
export { compareScalingModels, AICC_MARGIN } from './compareScalingModels'
export type { ModelComparison } from './compareScalingModels'
export { karpFlattSeries, KARP_FLATT_MIN_CHANGE } from './karpFlattSeries'
export type { KarpFlattPoint, KarpFlattSeries, KarpFlattTrend } from './karpFlattSeries'
export type { Residual } from './leastSquares'
export { findBreakEven } from './findBreakEven'
export type { BreakEven, BreakEvenPoint, SizePoint } from './findBreakEven'
export { overheadBreakdown } from './overheadBreakdown'
export type { OverheadBreakdown, OverheadSample } from './overheadBreakdown'

// A whole run, analysed
export { analyzeRun, ANALYSIS_METHOD } from './analyzeRun'
export { analyzeStudy, formatCount, formatMiB, formatSize } from './analyzeStudy'
