import type { RunConfig } from '../shared/config'
import type { ResultCheck, Sample, WorkerCountResult } from '../shared/result'

/** Measured samples and the checked result for one worker count (the last repetition's). */
export interface CountMeasurement {
  workers: number
  samples: Sample[]
  /** The workload's combined result and what it had to be (decimal strings). */
  sum: string
  expectedSum: string
  correct: boolean
  check?: ResultCheck
}

/**
 * Turns the measurements into the stored per-worker-count results: the
 * samples and the checked totals, nothing derived (the analysis derives every
 * figure). Every measured count is kept, so the 1-worker baseline is stored
 * and shown even when the worker list did not name it.
 */
export function aggregate(
  measurements: CountMeasurement[],
  reportWorkers: number[]
): WorkerCountResult[] {
  const byWorkers = new Map(measurements.map((m) => [m.workers, m]))
  if (!byWorkers.has(1)) throw new Error('the 1-worker baseline was not measured')
  return reportWorkers.map((workers) => {
    const m = byWorkers.get(workers)
    if (!m) throw new Error(`worker count ${workers} was not measured`)
    return {
      workers,
      sum: m.sum,
      expectedSum: m.expectedSum,
      correct: m.correct,
      ...(m.check ? { check: m.check } : {}),
      samples: m.samples
    }
  })
}

/** Worker counts to measure: the requested ones, deduplicated, with 1 added when missing. */
export function countsToMeasure(config: RunConfig): number[] {
  return [...new Set([1, ...config.workers])].sort((a, b) => a - b)
}

/**
 * Worker counts to report: the 1-worker baseline first when the user did not
 * name it (it is measured anyway, and every speedup is relative to it), then
 * the requested ones in the order given (deduplicated).
 */
export function countsToReport(config: RunConfig): number[] {
  return [...new Set([...(config.workers.includes(1) ? [] : [1]), ...config.workers])]
}
