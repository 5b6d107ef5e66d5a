import type { RunAnalysis } from '../../../../shared/analysis'
import type { RunRecord } from '../../../../shared/result'
import { resultRows, type RunResultRow } from '../../../../shared/runExport'
import { analyzeRun } from '../../../../shared/analysis/analyzeRun'
import { copiesExitedZero } from '../../../../shared/command/copyFigures'

/**
 * One worker count as the Results view shows it: the very row the CLI table,
 * the CSV and the JSON export are written from (shared/runExport.ts), with
 * the figures that may be missing as NaN for the charts.
 */
export type ResultView = Omit<RunResultRow, 'speedup' | 'efficiency'> & {
  speedup: number
  efficiency: number
  /** Every measured repetition's wall time, in the order they ran (the strip plot's dots). */
  wallSamplesMs: number[]
  /** A command: how many of its copies exited 0 over the repetitions, of how many (null otherwise). */
  copiesExited: { exited: number; copies: number } | null
}

/** What the Results view reads of a run: its analysis and its rows, by worker count. */
export interface RunView {
  analysis: RunAnalysis
  rows: ResultView[]
}

const cache = new WeakMap<RunRecord, RunView>()

/** The run's analysis and rows, computed once per record (the bootstrap is not free). */
export function runView(record: RunRecord): RunView {
  const hit = cache.get(record)
  if (hit) return hit
  const analysis = analyzeRun(record)
  const rows = resultRows(record, analysis)
    .map((r, i) => ({
      ...r,
      wallSamplesMs: record.results[i].samples.map((s) => s.wallMs),
      copiesExited: record.config.job === 'command' ? copiesExitedZero(record.results[i]) : null,
      speedup: r.speedup ?? Number.NaN,
      efficiency: r.efficiency ?? Number.NaN
    }))
    .sort((a, b) => a.workers - b.workers)
  const view = { analysis, rows }
  cache.set(record, view)
  return view
}
