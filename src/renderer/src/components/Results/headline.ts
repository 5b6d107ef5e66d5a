import type { RunRecord, WorkerCountResult } from '@shared/result'

/** The figures the headline cards show, computed from a run. */
export interface Headline {
  /** Median wall time with one worker (measured, or implied by the speedup when 1 was not reported). */
  t1Ms: number
  top: WorkerCountResult
  correct: boolean
}

export function headlineOf(record: RunRecord): Headline | null {
  if (record.results.length === 0) return null
  const sorted = [...record.results].sort((a, b) => a.workers - b.workers)
  const top = sorted[sorted.length - 1]
  const one = sorted.find((r) => r.workers === 1)
  return {
    t1Ms: one ? one.medianMs : top.speedup * top.medianMs,
    top,
    correct: record.correct
  }
}
