import { compareRuns } from '@shared/analysis/compareRuns'
import type { RunComparison, WorkerCountComparison } from '@shared/analysis/compareRuns'
import { configKey } from '@shared/history'
import type { RunSummary } from '@shared/history'
import type { RunConfig } from '@shared/config'
import type { RunRecord } from '@shared/result'
import { formatDateTime, formatSignedPercent } from '@shared/format'
import type { Messages } from '../i18n'

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

export interface SinceLastLine {
  text: string
  verdict: WorkerCountComparison['time']['verdict']
}

/**
 * What changed since `baseline`, as criterion says it: the shared comparison
 * (seeded bootstrap of the time ratio, as History's Compare shows it) read at
 * the largest worker count both runs measured — "faster: time −12% … −8%",
 * "no change: time −3% … +2%". Null when the two runs cannot be compared.
 */
export function sinceLastLine(
  baseline: RunRecord,
  record: RunRecord,
  m: Messages,
  locale: string
): SinceLastLine | null {
  const outcome = compareRuns(baseline, record)
  const row = outcome.ok ? headlineRow(outcome.value) : null
  if (!row) return null
  const date = formatDateTime(baseline.startedAt, locale)
  const change = (ratio: number): string => formatSignedPercent(ratio - 1, locale)
  const text =
    row.time.low === null || row.time.high === null
      ? m.results.sinceLastNoInterval(date, row.workers, change(row.time.ratio))
      : m.results.sinceLast(
          date,
          row.workers,
          m.results.sinceLastVerdict[row.time.verdict],
          `${change(row.time.low)} … ${change(row.time.high)}`,
          change(row.time.ratio)
        )
  return { text, verdict: row.time.verdict }
}
