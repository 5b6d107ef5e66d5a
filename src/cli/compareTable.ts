import type { RunComparison } from '../shared/analysis/compareRuns'
import { comparisonSummary } from '../shared/report/comparisonWords'
import { tableToText } from '../shared/report/table'
import { comparisonTable } from '../shared/report/tables'
import { formatPercent } from '../shared/format'

/**
 * The comparison against a baseline, hyperfine/criterion style: per worker
 * count both medians, their ratio with its 95 % interval and a verdict, and
 * the same for the speedup; then the verdict lines and what differs.
 */
export function formatComparison(c: RunComparison, baselinePath: string): string {
  const lines = [
    `Compared with the baseline ${baselinePath} (run ${c.baseline.id}, ${c.baseline.startedAt}):`,
    `ratios are this run ÷ baseline; ${formatPercent(c.confidence, 'en', 0)} bootstrap intervals, ` +
      `noise threshold ${formatPercent(c.threshold)}`,
    '',
    tableToText(comparisonTable(c)),
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
