import type { RunComparison } from '../analysis/compareRuns'
import { escapeInline, markdownTable } from '../markdownReport'
import { comparisonRows, comparisonSummary } from './comparisonText'
import { formatPercent } from '../format'

/** A Markdown report of a comparison: what was compared, the table, the verdicts. Pure. */
export function comparisonToMarkdown(c: RunComparison): string {
  const cfg = c.baseline.config
  const head = [
    '# Speedup Lab comparison',
    '',
    `Baseline ${escapeInline(c.baseline.id)} (${c.baseline.startedAt}) → ` +
      `candidate ${escapeInline(c.candidate.id)} (${c.candidate.startedAt})  `,
    `Range ${cfg.range.start} … ${cfg.range.end} · ${escapeInline(cfg.workload)} · ` +
      `${formatPercent(c.confidence, 'en', 0)} bootstrap intervals (${c.resamples} resamples, seed ${c.seed}) · ` +
      `noise threshold ${formatPercent(c.threshold)}`,
    ''
  ]
  const table = markdownTable(
    [
      'Workers',
      'Baseline median (ms)',
      'Candidate median (ms)',
      'Time ratio [95% CI]',
      'Time',
      'Speedup before → after',
      'Speedup ratio [95% CI]',
      'Speedup'
    ],
    ['right', 'right', 'right', 'right', 'left', 'right', 'right', 'left'],
    comparisonRows(c)
  )
  const notes: string[] = []
  for (const d of c.differences)
    notes.push(
      `- Compared across ${d.field}: ${escapeInline(d.baseline)} → ${escapeInline(d.candidate)}`
    )
  if (c.onlyInBaseline.length)
    notes.push(`- Only in the baseline (not compared): ${c.onlyInBaseline.join(', ')} workers`)
  if (c.onlyInCandidate.length)
    notes.push(`- Only in the candidate (not compared): ${c.onlyInCandidate.join(', ')} workers`)
  return [
    ...head,
    table,
    '',
    '## Verdict',
    '',
    ...comparisonSummary(c).map((l) => `- ${escapeInline(l)}`),
    ...(notes.length ? ['', '## Notes', '', ...notes] : []),
    ''
  ].join('\n')
}
