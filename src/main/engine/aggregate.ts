import type { RunConfig } from '../../shared/config'
import type { Sample, WorkerCountResult } from '../../shared/result'
import { efficiency, karpFlatt, speedup } from '../../shared/speedup'
import { summarizeTimings } from '../../shared/stats'
import { median } from 'simple-statistics'

/** Measured samples and the checked total for one worker count. */
export interface CountMeasurement {
  workers: number
  samples: Sample[]
  sum: bigint
  expectedSum: bigint
  correct: boolean
}

/**
 * Turns raw samples into the per-worker-count results: statistics of the
 * wall time, and speedup against the 1-worker median of the same run.
 * `reportWorkers` drops counts measured only as the baseline.
 */
export function aggregate(
  measurements: CountMeasurement[],
  reportWorkers: number[]
): WorkerCountResult[] {
  const byWorkers = new Map(measurements.map((m) => [m.workers, m]))
  const baseline = byWorkers.get(1)
  if (!baseline) throw new Error('the 1-worker baseline was not measured')
  const t1 = summarizeTimings(baseline.samples.map((s) => s.wallMs)).medianMs
  return reportWorkers.map((workers) => {
    const m = byWorkers.get(workers)
    if (!m) throw new Error(`worker count ${workers} was not measured`)
    const stats = summarizeTimings(m.samples.map((s) => s.wallMs))
    const spawns = m.samples.map((s) => s.spawnMs).filter((x): x is number => x !== null)
    const s = speedup(t1, stats.medianMs)
    return {
      workers,
      ...stats,
      spawnMedianMs: spawns.length ? median(spawns) : null,
      speedup: s,
      efficiency: efficiency(s, workers),
      karpFlatt: karpFlatt(s, workers),
      sum: m.sum.toString(),
      expectedSum: m.expectedSum.toString(),
      correct: m.correct,
      samples: m.samples
    }
  })
}

/** Worker counts to measure: the requested ones, deduplicated, with 1 added when missing. */
export function countsToMeasure(config: RunConfig): number[] {
  return [...new Set([1, ...config.workers])].sort((a, b) => a - b)
}

/** Worker counts to report, in the order the user gave (deduplicated). */
export function countsToReport(config: RunConfig): number[] {
  return [...new Set(config.workers)]
}
