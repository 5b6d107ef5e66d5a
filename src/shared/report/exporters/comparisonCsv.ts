import type { RunComparison, WorkerCountComparison } from '../../analysis/compareRuns'
import { figure, writeCsv, type Cell } from './writeCsv'

/** The comparison CSV: one row per worker count present in both runs. */
export const COMPARISON_CSV_COLUMNS: readonly {
  header: string
  value: (c: RunComparison, r: WorkerCountComparison) => Cell
}[] = [
  { header: 'baselineRunId', value: (c) => c.baseline.id },
  { header: 'candidateRunId', value: (c) => c.candidate.id },
  { header: 'rangeStart', value: (c) => c.baseline.config.range.start },
  { header: 'rangeEnd', value: (c) => c.baseline.config.range.end },
  { header: 'workload', value: (c) => c.baseline.config.workload },
  { header: 'workers', value: (_, r) => r.workers },
  { header: 'baselineN', value: (_, r) => r.baseline.n },
  { header: 'candidateN', value: (_, r) => r.candidate.n },
  { header: 'baselineMedianMs', value: (_, r) => figure(r.baseline.medianMs) },
  { header: 'candidateMedianMs', value: (_, r) => figure(r.candidate.medianMs) },
  { header: 'timeRatio', value: (_, r) => figure(r.time.ratio) },
  { header: 'timeRatioLow', value: (_, r) => figure(r.time.low) },
  { header: 'timeRatioHigh', value: (_, r) => figure(r.time.high) },
  { header: 'timeVerdict', value: (_, r) => r.time.verdict },
  { header: 'baselineSpeedup', value: (_, r) => figure(r.baseline.speedup) },
  { header: 'candidateSpeedup', value: (_, r) => figure(r.candidate.speedup) },
  { header: 'speedupRatio', value: (_, r) => figure(r.speedup?.ratio ?? null) },
  { header: 'speedupRatioLow', value: (_, r) => figure(r.speedup?.low ?? null) },
  { header: 'speedupRatioHigh', value: (_, r) => figure(r.speedup?.high ?? null) },
  { header: 'speedupVerdict', value: (_, r) => r.speedup?.verdict ?? null },
  { header: 'threshold', value: (c) => c.threshold }
]

/** RFC 4180 (CRLF, a header row), text cells guarded against formula injection. */
export function comparisonToCsv(c: RunComparison): string {
  return writeCsv(
    COMPARISON_CSV_COLUMNS.map((col) => col.header),
    c.rows.map((r) => COMPARISON_CSV_COLUMNS.map((col) => col.value(c, r)))
  )
}
