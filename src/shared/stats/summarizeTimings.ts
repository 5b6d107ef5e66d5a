import { max, mean, median, min, sampleStandardDeviation } from 'simple-statistics'

/** Summary of a set of timings (ms). σ is the sample standard deviation (0 for n = 1). */
export interface TimingSummary {
  n: number
  medianMs: number
  meanMs: number
  stddevMs: number
  minMs: number
  maxMs: number
}

export function summarizeTimings(values: readonly number[]): TimingSummary {
  if (values.length === 0) throw new RangeError('no values to summarize')
  const xs = [...values]
  return {
    n: xs.length,
    medianMs: median(xs),
    meanMs: mean(xs),
    stddevMs: xs.length > 1 ? sampleStandardDeviation(xs) : 0,
    minMs: min(xs),
    maxMs: max(xs)
  }
}
