/**
 * The domain analysis: what a run or a study means — speedup, efficiency,
 * Karp–Flatt, scaled speedup, models, warnings, verdicts — computed from the
 * measured record alone by `analyzeRun` / `analyzeStudy`. Built on ../stats
 * (pure math), which never imports back.
 */
export * from './types'
export { analyzeRun, ANALYSIS_METHOD, MIN_TIMER_TICKS, TIMER_RESOLUTION_MS } from './analyzeRun'
export { analyzeStudy } from './analyzeStudy'
export { describeTimings, MIN_REPS_FOR_MEDIAN_INTERVAL } from './describeTimings'
export type { TimingDescription } from './describeTimings'
export { speedup, efficiency, karpFlatt } from './speedup'
export { speedupNumerator, speedupOf } from './speedupDefinition'
export { speedupWithError } from './speedupWithError'
export type { SpeedupEstimate } from './speedupWithError'
export { scaledSpeedup } from './scaledSpeedup'
export type { ScaledSpeedup } from './scaledSpeedup'
export { gustafsonSpeedup } from './gustafsonSpeedup'
export { karpFlattSeries, KARP_FLATT_MIN_CHANGE, KARP_FLATT_NEAR_ZERO } from './karpFlattSeries'
export type { KarpFlattPoint, KarpFlattSeries, KarpFlattTrend } from './karpFlattSeries'
export { scalingWarnings, DEFAULT_WARNING_THRESHOLDS } from './scalingWarnings'
export type {
  ScalingWarning,
  WarningCode,
  WarningInput,
  WarningSeverity,
  WarningThresholds
} from './scalingWarnings'
export { karpFlattCode, KARP_FLATT_CODES, usableSizes, widestScaled } from './findingFacts'
export type { KarpFlattCode } from './findingFacts'
export { compareKernels } from './kernelComparison'
export type { KernelComparison, KernelSweepSummary } from './kernelComparison'
export { overheadBreakdown } from './overheadBreakdown'
export type { OverheadBreakdown, OverheadSample } from './overheadBreakdown'
export { workerVerdict, runVerdictOf } from './runVerdictCode'
export {
  FINDING_CODES,
  WARNING_CODES,
  MODELS_CODES,
  RUN_VERDICT_CODES,
  BREAK_EVEN_STATUSES,
  STUDY_FINDING_CODES
} from './findingCodes'
