import { repetitionsText, warmupsText } from '../shared/report/repetitionsText'
import type { RunAnalysis } from '../shared/analysis'
import type { RunRecord } from '../shared/result'
import { groupDigits, runVerdictText } from '../shared/report'
import { methodRulesText } from '../shared/report/findings'
import { analyzeRun } from '../shared/analysis'
import { jobLine } from '../shared/report/jobLine'
import { tableToText } from '../shared/report/table'
import { runResultsTable } from '../shared/report/tables'

export { groupDigits }

/** The run's header: what was measured, where. */
export function formatHeader(run: RunRecord): string {
  const c = run.config
  const reps = `${warmupsText(run)}, ${repetitionsText(run)}`
  return [
    `${jobLine(c)} · ${reps}`,
    `${run.system.cpuModel} · ${run.system.logicalCores} logical cores (${run.system.availableParallelism} available) · Node ${run.system.nodeVersion}`
  ].join('\n')
}

/**
 * The results table, one row per worker count (the 1-worker baseline
 * included), every figure from the analysis's rows (runExport.ts), as in the
 * CSV and JSON: median ± σ, the median's 95% bootstrap interval (from six
 * repetitions), min…max, speedup ± e with its 95% interval and verdict,
 * efficiency, Karp–Flatt (split, 1 ≤ S ≤ N only).
 */
export function formatTable(run: RunRecord, analysis: RunAnalysis = analyzeRun(run)): string {
  return tableToText(runResultsTable(run, analysis, 'terminal'))
}

/** One line that answers the question the run asked, worded from the analysis's verdict. */
export function formatVerdict(run: RunRecord, analysis: RunAnalysis = analyzeRun(run)): string {
  return runVerdictText(run, analysis)
}

/** The Method section: each measurement rule (serial base case, warm-up, order, cores, contention) and how this run met it. */
export function formatMethod(run: RunRecord, analysis: RunAnalysis = analyzeRun(run)): string {
  return ['Method:', ...methodRulesText(analysis).map((line) => `  - ${line}`)].join('\n')
}
