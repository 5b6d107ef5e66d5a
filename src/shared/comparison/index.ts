export { comparisonToCsv, COMPARISON_CSV_COLUMNS } from './comparisonToCsv'
export { comparisonToJson } from './comparisonToJson'
export type { ComparisonExport } from './comparisonToJson'
export { comparisonToMarkdown } from './comparisonToMarkdown'
export {
  changeText,
  comparisonRows,
  comparisonSummary,
  ratioText,
  refusalText,
  VERDICT_WORDS
} from './comparisonText'
