import type { StudyAnalysis } from './analysis'
import type { StudyRecord } from './study'

/** What a study's JSON export holds: tagged like the runs export, so an import can tell them apart. */
export interface StudyExport {
  format: 'speedup-lab/study'
  version: 1
  exportedAt: string
  study: StudyRecord
  analysis: StudyAnalysis
}

/**
 * A study and its analysis as pretty-printed JSON. Non-finite figures become
 * null (JSON has no NaN); sums stay exact decimal strings.
 */
export function studyToJson(
  study: StudyRecord,
  analysis: StudyAnalysis,
  exportedAt = new Date()
): string {
  const envelope: StudyExport = {
    format: 'speedup-lab/study',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    study,
    analysis
  }
  return JSON.stringify(envelope, null, 2) + '\n'
}
