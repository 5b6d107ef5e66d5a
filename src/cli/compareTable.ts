import type { RunComparison } from '../shared/analysis/compareRuns'
import { VERDICT_WORDS, comparisonSummary, ratioText } from '../shared/comparison'
import { layoutTable } from './table'
import { formatMsCell, formatPercent, formatSpeedup } from '../shared/format'

/**
 * The comparison against a baseline, hyperfine/criterion style: per worker
 * count both medians, their ratio with its 95 % interval and a verdict, and
 * the same for the speedup; then the verdict lines and what differs.
 */
export function formatComparison(c: RunComparison, baselinePath: string): string {
  const head = [
    'Workers',
    'Baseline (ms)',
    'This run (ms)',
    'Time ratio [95% CI]',
    'Time',
    'Speedup before → now',
    'Speedup ratio [95% CI]',
    'Speedup'
  ]
  const rows = c.rows.map((r) => [
    String(r.workers),
    formatMsCell(r.baseline.medianMs),
    formatMsCell(r.candidate.medianMs),
    ratioText(r.time),
    VERDICT_WORDS[r.time.verdict],
    r.speedup
      ? `${formatSpeedup(r.baseline.speedup)} → ${formatSpeedup(r.candidate.speedup)}`
      : '—',
    r.speedup ? ratioText(r.speedup) : '—',
    r.speedup ? VERDICT_WORDS[r.speedup.verdict] : '—'
  ])
  const lines = [
    `Compared with the baseline ${baselinePath} (run ${c.baseline.id}, ${c.baseline.startedAt}):`,
    `ratios are this run ÷ baseline; ${formatPercent(c.confidence, 'en', 0)} bootstrap intervals, ` +
      `noise threshold ${formatPercent(c.threshold)}`,
    '',
    layoutTable(head, rows, false),
    '',
    ...comparisonSummary(c)
  ]
  for (const d of c.differences)
    lines.push(`Note: compared across ${d.field}: ${d.baseline} → ${d.candidate}`)
  if (c.onlyInBaseline.length)
    lines.push(`Note: only in the baseline, not compared: ${c.onlyInBaseline.join(', ')} workers`)
  if (c.onlyInCandidate.length)
    lines.push(`Note: not in the baseline, not compared: ${c.onlyInCandidate.join(', ')} workers`)
  return lines.join('\n')
}
