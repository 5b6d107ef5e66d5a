import type { RunComparison, WorkerCountComparison } from '@shared/analysis/compareRuns'
import { configKey } from '@shared/history'
import type { RunSummary } from '@shared/history'
import type { RunConfig } from '@shared/config'

/**
 * The newest stored run before `run` with the same configuration (range,
 * workload, backend, pool, kernel): the baseline the Results view compares
 * the run on show with, as criterion compares with its last measurement.
 */
export function previousComparable(
  runs: readonly RunSummary[],
  run: { id: string; startedAt: string; config: RunConfig }
): RunSummary | null {
  const key = configKey(run.config)
  let best: RunSummary | null = null
  for (const r of runs) {
    if (r.id === run.id || r.startedAt >= run.startedAt || configKey(r.config) !== key) continue
    if (!best || r.startedAt > best.startedAt) best = r
  }
  return best
}

/** The row the headline reads: the largest worker count both runs measured. */
export function headlineRow(comparison: RunComparison): WorkerCountComparison | null {
  return comparison.rows.reduce<WorkerCountComparison | null>(
    (top, row) => (!top || row.workers > top.workers ? row : top),
    null
  )
}
