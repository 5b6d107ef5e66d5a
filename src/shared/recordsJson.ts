import type { RunRecord } from './result'

/** What a JSON export holds: a tagged envelope, so an import can tell what it reads. */
export interface RecordsExport {
  format: 'speedup-lab/runs'
  version: 1
  exportedAt: string
  runs: RunRecord[]
}

/**
 * Runs as pretty-printed JSON. Non-finite figures (a NaN speedup) become
 * null, as JSON has no NaN; sums stay exact decimal strings.
 */
export function recordsToJson(runs: readonly RunRecord[], exportedAt = new Date()): string {
  const envelope: RecordsExport = {
    format: 'speedup-lab/runs',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    runs: [...runs]
  }
  return JSON.stringify(envelope, null, 2) + '\n'
}
