/** A measured value with its uncertainty (same unit as the value). */
export interface Estimate {
  value: number
  /** σ, or the half-width of a confidence interval: see `ErrorBasis`. */
  error: number
}

/**
 * What an `error` means. `stddev` is hyperfine's choice (spread of single
 * repetitions); `ci-half-width` is the half-width of a confidence interval for
 * the estimate itself (e.g. the 95% bootstrap interval of the median), which
 * shrinks as repetitions are added and is what "S ± e" should mean for a median.
 */
export type ErrorBasis = 'stddev' | 'ci-half-width'

/** One worker count's speedup over one worker, for the model fits. */
export interface ScalingPoint {
  workers: number
  speedup: number
  /** Uncertainty of the speedup; used only by weighted fits and the Karp–Flatt trend. */
  error?: number
}

/** A confidence interval and how it was made. */
export interface ConfidenceInterval {
  method: 'bootstrap-percentile' | 'student-t'
  /** Nominal coverage, e.g. 0.95. */
  level: number
  /** The point estimate the interval is for (median or mean). */
  estimate: number
  lower: number
  upper: number
  /** (upper − lower) / 2: the "±" to show, even where the interval is not symmetric. */
  halfWidth: number
}
