import type { RunComparison } from '../../analysis/compareRuns'

/** What a comparison's JSON export holds: tagged like the runs and study exports. */
export interface ComparisonExport {
  format: 'speedup-lab/comparison'
  version: 1
  exportedAt: string
  comparison: RunComparison
}

/** A comparison as pretty-printed JSON; non-finite figures become null. */
export function comparisonToJson(comparison: RunComparison, exportedAt = new Date()): string {
  const envelope: ComparisonExport = {
    format: 'speedup-lab/comparison',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    comparison
  }
  return JSON.stringify(envelope, null, 2) + '\n'
}
