/** Every serializer of every format; the registry (registry.ts) says which writes what. */
export {
  CSV_COLUMNS,
  csvRows,
  FORMULA_TRIGGER,
  guardFormula,
  recordsToCsv,
  runToCsv
} from './runCsv'
export { STUDY_CSV_HEADERS, studyToCsv } from './studyCsv'
export { COMPARISON_CSV_COLUMNS, comparisonToCsv } from './comparisonCsv'
export { comparisonToJson } from './comparisonJson'
export type { ComparisonExport } from './comparisonJson'
export { studyToJson, toStudyExport } from './studyJson'
export type { StudyExport } from './studyJson'
export { recordsToJson } from './runsJson'
export {
  comparisonToMarkdown,
  escapeCell,
  escapeInline,
  runToMarkdown,
  studyToMarkdown
} from './markdown'
export {
  changeText,
  comparisonRows,
  comparisonSummary,
  ratioText,
  refusalText,
  VERDICT_WORDS
} from '../comparisonWords'
export { EXPORT_FORMATS, EXPORT_FORMAT_IDS, exportFormat } from './registry'
export type { ExportContext, ExportFormat, ExportFormatId } from './registry'
export { comparisonToHtml, runsToHtml, studyToHtml } from './html/htmlReport'
