import type { RunAnalysis } from './analysis'
import type { RunRecord } from './result'
import { runToMarkdown } from './report/exporters/markdown'

/** The report's sections a summary keeps: what was run, the verdict and the table. */
const SUMMARY_SECTIONS = ['Verdict', 'Results']

/**
 * A run's summary in Markdown, to paste into a chat or an issue: the report's
 * title and configuration, its verdict and its results table — cut from the
 * one Markdown report, so the two never disagree.
 */
export function runSummaryMarkdown(run: RunRecord, analysis: RunAnalysis): string {
  const [head, ...sections] = runToMarkdown(run, analysis).trimEnd().split('\n\n## ')
  const kept = sections.filter((s) => SUMMARY_SECTIONS.some((name) => s.startsWith(`${name}\n`)))
  return `${[head, ...(kept.length ? kept : sections.slice(0, 2)).map((s) => `## ${s}`)].join('\n\n')}\n`
}
