import { analyzeRun } from '../../analysis/analyzeRun'
import type { RunSummary } from '../../history'
import type { RunRecord } from '../../result'
import { runsToJson, runToJson } from '../../runExport'

/**
 * Runs as the app exports them: one run exactly as the CLI's --json writes it
 * (`speedup-lab/run`), several as a `speedup-lab/runs` envelope of those.
 */
export function recordsToJson(
  runs: readonly RunRecord[],
  exportedAt = new Date(),
  history: readonly RunSummary[] = []
): string {
  return runs.length === 1
    ? runToJson(runs[0], analyzeRun(runs[0], { history }))
    : runsToJson(runs, exportedAt, history)
}
