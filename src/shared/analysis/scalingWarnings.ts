import { median } from 'simple-statistics'
import { findOutliers, OUTLIER_MIN_RELATIVE, OUTLIER_THRESHOLD } from '../stats/findOutliers'
import { mannKendall } from '../stats/mannKendall'
import { medianInterval } from '../stats/medianInterval'
import type { ConfidenceInterval } from '../stats/types'

export type WarningSeverity = 'info' | 'warning'

interface WarningBase {
  severity: WarningSeverity
  /** The worker count the warning is about. */
  workers: number
}

/** A problem with one worker count's measurements that the user can act on. */
export type ScalingWarning =
  | (WarningBase & {
      code: 'outliers'
      /** Repetitions (1-based, in measured order) and their times. */
      repetitions: number[]
      valuesMs: number[]
      /** Each one's modified Z (how far from the median, in typical spreads), signed. */
      scores?: number[]
      threshold: number
      /** Median of all the repetitions, ms, and how many there were. */
      medianMs: number
      count: number
      /** How far from the median (÷ median) a flagged sample is at least. */
      minRelative: number
    })
  | (WarningBase & {
      code: 'slow-first-repetition'
      firstMs: number
      restMedianMs: number
      ratio: number
      /** The warm-ups ran until steady (and stopped too early), rather than a fixed count. */
      warmupAuto?: boolean
    })
  | (WarningBase & { code: 'job-shorter-than-spawn'; jobMs: number; spawnMs: number })
  | (WarningBase & {
      code: 'wide-interval'
      medianMs: number
      halfWidthMs: number
      relativeHalfWidth: number
      level: number
    })
  | (WarningBase & { code: 'more-workers-than-cores'; logicalCores: number })
  | (WarningBase & {
      code: 'trend'
      direction: 'slowing' | 'speeding-up'
      pValue: number
      slopeMsPerRepetition: number
      /** Change over the run (Sen's slope × (n − 1)) relative to the median. */
      relativeChange: number
    })
  /** A command's copy printed something else than in its first repetition (issue 20). */
  | (WarningBase & { code: 'output-changed'; repetitions: number[]; copies: number[] })
  /** A command's copy printed more than is kept: the hash covers the first keptBytes. */
  | (WarningBase & { code: 'output-truncated'; bytes: number; keptBytes: number })
  /** --ignore-failure: repetitions in which a copy did not exit 0, and the first failure. */
  | (WarningBase & { code: 'copies-failed'; repetitions: number[]; first: string })
  /** --command without {workers}: the process is never told N, so every count runs one job. */
  | (WarningBase & { code: 'workers-unheard' })

export type WarningCode = ScalingWarning['code']

export interface WarningThresholds {
  /** |modified Z| above which a repetition is an outlier. */
  outlierZ: number
  /** First repetition ÷ median of the rest at or above which it is "much slower". */
  firstRepetitionRatio: number
  /** Interval half-width ÷ median above which the interval is "wide". */
  relativeHalfWidth: number
  /** Significance level of the trend test. */
  trendAlpha: number
  /** Smallest change over the run (÷ median) worth reporting as a trend. */
  trendMinChange: number
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = {
  outlierZ: OUTLIER_THRESHOLD,
  firstRepetitionRatio: 1.25,
  relativeHalfWidth: 0.1,
  trendAlpha: 0.05,
  trendMinChange: 0.05
}

export interface WarningInput {
  workers: number
  /** Wall times (ms) of the measured repetitions, warm-ups excluded, in the order they ran. */
  wallMs: readonly number[]
  /** Median time to start the workers (cold pools, or a spawn probe); null when unknown. */
  spawnMs?: number | null
  /** The job's own duration to compare with the spawn cost; the median wall time unless given. */
  jobMs?: number | null
  /** os.availableParallelism() of the machine; null when unknown. */
  logicalCores?: number | null
  /** The median's interval when already computed; otherwise a default bootstrap is run. */
  interval?: ConfidenceInterval | null
  thresholds?: Partial<WarningThresholds>
  /** The run's warm-up setting: 'auto' changes what to do about a slow first repetition. */
  warmup?: number | 'auto'
}

/**
 * Checks one worker count's repetitions for what makes its numbers untrustworthy
 * or misleading, each with a code, a severity and its numbers; findingText.ts
 * words it in English (the renderer in the user's language) with what to change.
 */
export function scalingWarnings(input: WarningInput): ScalingWarning[] {
  const limits = { ...DEFAULT_WARNING_THRESHOLDS, ...input.thresholds }
  const { workers, wallMs } = input
  const warnings: ScalingWarning[] = []
  const n = wallMs.length

  if (input.logicalCores != null && workers > input.logicalCores) {
    warnings.push({
      code: 'more-workers-than-cores',
      severity: 'warning',
      workers,
      logicalCores: input.logicalCores
    })
  }
  if (n === 0) return warnings
  const medianMs = median([...wallMs])

  const jobMs = input.jobMs ?? medianMs
  if (input.spawnMs != null && input.spawnMs > jobMs) {
    warnings.push({
      code: 'job-shorter-than-spawn',
      severity: 'warning',
      workers,
      jobMs,
      spawnMs: input.spawnMs
    })
  }

  if (n >= 3) {
    const outliers = findOutliers(wallMs, limits.outlierZ)
    if (outliers.indices.length > 0) {
      const reps = outliers.indices.map((i) => i + 1)
      warnings.push({
        code: 'outliers',
        severity: 'warning',
        workers,
        repetitions: reps,
        valuesMs: outliers.values,
        scores: outliers.indices.map((i) => outliers.scores[i]),
        threshold: limits.outlierZ,
        medianMs: outliers.median,
        count: n,
        minRelative: OUTLIER_MIN_RELATIVE
      })
    }

    const rest = wallMs.slice(1)
    const restMedianMs = median([...rest])
    const ratio = wallMs[0] / restMedianMs
    if (ratio >= limits.firstRepetitionRatio && wallMs[0] > Math.max(...rest)) {
      warnings.push({
        code: 'slow-first-repetition',
        severity: 'warning',
        workers,
        firstMs: wallMs[0],
        restMedianMs,
        ratio,
        ...(input.warmup === 'auto' ? { warmupAuto: true } : {})
      })
    }

    const trend = mannKendall(wallMs)
    const relativeChange = (trend.slope * (n - 1)) / medianMs
    if (trend.pValue < limits.trendAlpha && Math.abs(relativeChange) >= limits.trendMinChange) {
      const slowing = trend.slope > 0
      warnings.push({
        code: 'trend',
        severity: 'warning',
        workers,
        direction: slowing ? 'slowing' : 'speeding-up',
        pValue: trend.pValue,
        slopeMsPerRepetition: trend.slope,
        relativeChange
      })
    }
  }

  const interval = input.interval === undefined ? medianInterval(wallMs) : input.interval
  if (interval && interval.estimate > 0) {
    const relative = interval.halfWidth / interval.estimate
    if (relative > limits.relativeHalfWidth) {
      warnings.push({
        code: 'wide-interval',
        severity: 'warning',
        workers,
        medianMs: interval.estimate,
        halfWidthMs: interval.halfWidth,
        relativeHalfWidth: relative,
        level: interval.level
      })
    }
  }
  return warnings
}
