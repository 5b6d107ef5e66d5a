import { summarizeTimings, type TimingSummary } from '../stats/summarizeTimings'
import {
  medianInterval,
  type BootstrapInterval,
  type MedianIntervalOptions
} from '../stats/medianInterval'
import { meanInterval, type StudentTInterval } from '../stats/meanInterval'

/**
 * Fewest repetitions for which the median's 95% interval is computed. Below
 * six, no distribution-free interval of the median reaches 95% coverage (all
 * n values fall on one side of the true median with probability 2·0.5ⁿ ≥ 6.25%),
 * and the percentile bootstrap just returns min…max: it is reported as
 * missing instead, and the mean's Student-t interval carries the uncertainty.
 */
export const MIN_REPS_FOR_MEDIAN_INTERVAL = 6

/** Everything reported per worker count: n, median with its interval, mean ± σ with its interval, min…max. */
export interface TimingDescription extends TimingSummary {
  /** Bootstrap interval for the median (the headline); null for n < 6 (see above). */
  medianInterval: BootstrapInterval | null
  /** Student-t interval for the mean; null for n < 2. */
  meanInterval: StudentTInterval | null
}

/** Summarizes one worker count's wall times (ms) with both confidence intervals. */
export function describeTimings(
  values: readonly number[],
  options: MedianIntervalOptions = {}
): TimingDescription {
  return {
    ...summarizeTimings(values),
    medianInterval:
      values.length >= MIN_REPS_FOR_MEDIAN_INTERVAL ? medianInterval(values, options) : null,
    meanInterval: meanInterval(values, options.level)
  }
}
