import type { RunComparison } from '../shared/analysis/compareRuns'
import { comparisonRows, comparisonSummary } from '../shared/comparison'
import { layoutTable } from './table'
import { formatPercent } from '../shared/format'

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
  const rows = comparisonRows(c)
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
