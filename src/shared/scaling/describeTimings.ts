import { summarizeTimings, type TimingSummary } from '../stats'
import {
  medianInterval,
  type BootstrapInterval,
  type MedianIntervalOptions
} from './medianInterval'
import { meanInterval, type StudentTInterval } from './meanInterval'

/** Everything reported per worker count: n, median with its interval, mean ± σ with its interval, min…max. */
export interface TimingDescription extends TimingSummary {
  /** Bootstrap interval for the median (the headline); null for n < 2. */
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
    medianInterval: medianInterval(values, options),
    meanInterval: meanInterval(values, options.level)
  }
}
