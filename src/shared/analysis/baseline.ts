/**
 * T1, the time every speedup is divided from, and the time estimates the
 * speedups are built of: one rule for analyzeRun's rows and for the verdicts
 * History shows on every row (speedupVerdicts), so the two never differ.
 */
import type { RunRecord, WorkerCountResult } from '../result'
import type { Estimate } from '../stats/types'
import { describeTimings, type TimingDescription } from './describeTimings'

/** A worker count's repetition wall times (ms). */
export const wallTimes = (r: WorkerCountResult): number[] => r.samples.map((s) => s.wallMs)

/**
 * A median with the half-width of its 95% interval: the bootstrap's from six
 * repetitions, else the mean's Student-t (two to five); null with one.
 */
export function timeEstimate(d: TimingDescription): Estimate | null {
  const halfWidth = d.medianInterval?.halfWidth ?? d.meanInterval?.halfWidth ?? null
  return halfWidth === null || !Number.isFinite(halfWidth)
    ? null
    : { value: d.medianMs, error: halfWidth }
}

/** T1 with its interval half-width (null: one repetition), or a migrated record's recovered T1. */
export function baselineOf(record: RunRecord): {
  t1: Estimate
  hasInterval: boolean
  measured: boolean
} {
  const one = record.results.find((r) => r.workers === 1)
  if (one && one.samples.length > 0) {
    const d = describeTimings(wallTimes(one))
    const e = timeEstimate(d)
    return { t1: e ?? { value: d.medianMs, error: 0 }, hasInterval: e !== null, measured: true }
  }
  return {
    t1: { value: record.legacyBaselineMs ?? Number.NaN, error: 0 },
    hasInterval: false,
    measured: false
  }
}
