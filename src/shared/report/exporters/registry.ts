/**
 * The export formats, each declared once: its file extension, the name its
 * save dialog filters by, the CLI options that write it, and its writers
 * (a run or several, a study, a comparison). The CLI (src/cli) and the app's
 * service (src/main/service/benchService.ts) both write through this table.
 * A new format is one more entry here and one module beside this file.
 */
import type { RunAnalysis, StudyAnalysis } from '../../analysis'
import { analyzeRun } from '../../analysis/analyzeRun'
import type { RunComparison } from '../../analysis/compareRuns'
import type { RunRecord } from '../../result'
import type { StudyRecord } from '../../study'
import type { SystemInfo } from '../../system'
import type { RunSummary } from '../../history'
import { runToJson } from '../../runExport'
import type { ReportLanguage } from '../language'
import { comparisonToCsv } from './comparisonCsv'
import { comparisonToJson } from './comparisonJson'
import { comparisonToHtml, runsToHtml, studyToHtml } from './html/htmlReport'
import type { FontSource } from './html/fontFaces'
import { comparisonToMarkdown, runToMarkdown, studyToMarkdown } from './markdown'
import { recordsToCsv, runToCsv } from './runCsv'
import { recordsToJson } from './runsJson'
import { studyToCsv } from './studyCsv'
import { studyToJson } from './studyJson'

export const EXPORT_FORMAT_IDS = ['json', 'csv', 'markdown', 'html'] as const
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number]

/** What a writer may need beyond the record: the language (HTML), the font, the version. */
export interface ExportContext {
  language: ReportLanguage
  fonts?: FontSource
  version?: string
  /** A comparison's machine (the candidate run's), for the HTML report. */
  system?: SystemInfo
  /** The stored runs, where a contended run's reference point (a quiet run of the same job on this machine) is found. */
  history?: readonly RunSummary[]
}

export interface ExportFormat {
  id: ExportFormatId
  /** The format's name in a save dialog's filter and in messages ("CSV", "HTML report"). */
  name: string
  extension: string
  /** The CLI option that writes a run or a study in this format (--csv FILE). */
  flag: string
  /** The CLI option that writes the comparison with --baseline (--comparison-csv FILE). */
  comparisonFlag: string
  /** The CLI help of `flag`. */
  help: string
  /** One run, its analysis given (the CLI). */
  run(record: RunRecord, analysis: RunAnalysis, ctx: ExportContext): string
  /** Runs from the history (the app's export; one run reads as `run`). */
  runs(records: readonly RunRecord[], ctx: ExportContext): string
  study(record: StudyRecord, analysis: StudyAnalysis, ctx: ExportContext): string
  comparison(c: RunComparison, ctx: ExportContext): string
}

const html = (ctx: ExportContext) => ({
  language: ctx.language,
  fonts: ctx.fonts,
  version: ctx.version,
  history: ctx.history
})

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'json',
    name: 'JSON',
    extension: 'json',
    flag: 'json',
    comparisonFlag: 'comparison-json',
    help:
      'write the run as JSON: { format, config, system, verdict, results, warnings, models, ' +
      'run } (a study: its runs and analysis); docs/run-export.schema.json',
    run: (r, a) => runToJson(r, a),
    runs: (rs, ctx) => recordsToJson(rs, new Date(), ctx.history),
    study: (s, a) => studyToJson(s, a),
    comparison: (c) => comparisonToJson(c)
  },
  {
    id: 'csv',
    name: 'CSV',
    extension: 'csv',
    flag: 'csv',
    comparisonFlag: 'comparison-csv',
    help: 'write the results as CSV (RFC 4180)',
    run: (r, a) => runToCsv(r, a),
    runs: (rs) => recordsToCsv(rs),
    study: (s, a) => studyToCsv(s, a),
    comparison: (c) => comparisonToCsv(c)
  },
  {
    id: 'markdown',
    name: 'Markdown',
    extension: 'md',
    flag: 'markdown',
    comparisonFlag: 'comparison-markdown',
    help: 'write a Markdown report (tables and the verdict)',
    run: (r, a) => runToMarkdown(r, a),
    // One report per run, in the order asked, separated by a rule.
    runs: (rs, ctx) =>
      rs.map((r) => runToMarkdown(r, analyzeRun(r, { history: ctx.history }))).join('\n---\n\n'),
    study: (s, a) => studyToMarkdown(s, a),
    comparison: (c) => comparisonToMarkdown(c)
  },
  {
    id: 'html',
    name: 'HTML report',
    extension: 'html',
    flag: 'html',
    comparisonFlag: 'comparison-html',
    help:
      'write an HTML report: one file that opens in any browser, with the ' +
      'verdict, the tables and the charts (in the language of --lang)',
    run: (r, _a, ctx) => runsToHtml([r], html(ctx)),
    runs: (rs, ctx) => runsToHtml(rs, html(ctx)),
    study: (s, a, ctx) => studyToHtml(s, a, html(ctx)),
    comparison: (c, ctx) => comparisonToHtml(c, html(ctx), ctx.system)
  }
]

export function exportFormat(id: ExportFormatId): ExportFormat {
  return EXPORT_FORMATS.find((f) => f.id === id)!
}
