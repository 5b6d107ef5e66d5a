import type { ComparisonRefusal, RatioEstimate, RunComparison } from '../analysis/compareRuns'
import {
  formatFixed,
  formatMsCell,
  formatPercent,
  formatRatio,
  formatSignedPercent,
  formatSpeedup
} from '../format'

/**
 * English words for a comparison, shared by the CLI and the Markdown export
 * (the app words the same codes in English or Korean from its catalogs).
 */

const range = (r: { start: number; end: number }): string => `${r.start}:${r.end}`

/** Why two runs cannot be compared, saying what differs. */
export function refusalText(refusal: ComparisonRefusal): string {
  switch (refusal.code) {
    case 'different-range':
      return `the runs summed different ranges (baseline ${range(refusal.baseline)}, this run ${range(refusal.candidate)}): their times are not comparable`
    case 'different-workload':
      return `the runs used different workloads (baseline ${refusal.baseline}, this run ${refusal.candidate}): their times are not comparable`
    case 'no-common-workers':
      return `no worker count was measured in both runs (baseline ${refusal.baseline.join(',')}, this run ${refusal.candidate.join(',')})`
    case 'wrong-sum':
      return `the ${refusal.side === 'baseline' ? 'baseline' : 'new run'}'s total for ${refusal.workers} worker${refusal.workers === 1 ? '' : 's'} was wrong: its times measure a broken run`
    case 'no-samples':
      return `the ${refusal.side === 'baseline' ? 'baseline' : 'new run'} has no samples for ${refusal.workers} worker${refusal.workers === 1 ? '' : 's'}`
  }
}

/** 1.034 → "+3.4%", 0.95 → "−5.0%". */
export function changeText(ratio: number): string {
  return formatSignedPercent(ratio - 1)
}

/** "0.952× [0.931, 0.975]" or "0.952× (interval needs ≥ 3 samples)". */
export function ratioText(e: RatioEstimate): string {
  return e.low === null || e.high === null
    ? `${formatRatio(e.ratio)} (no interval: < 3 samples)`
    : `${formatRatio(e.ratio)} [${formatFixed(e.low, 3)}, ${formatFixed(e.high, 3)}]`
}

export const VERDICT_WORDS = {
  improved: 'improved',
  regressed: 'regressed',
  'no-change': 'no change'
} as const

/** One line per worker count that changed, or that nothing did. */
export function comparisonSummary(c: RunComparison): string[] {
  const lines: string[] = []
  for (const row of c.rows) {
    if (row.time.verdict === 'no-change') continue
    lines.push(
      `${row.workers} worker${row.workers === 1 ? '' : 's'}: ${VERDICT_WORDS[row.time.verdict]} — median ${changeText(row.time.ratio)} (${ratioText(row.time)})`
    )
  }
  if (lines.length === 0)
    lines.push(
      `No change beyond the ${formatPercent(c.threshold)} noise threshold at any worker count.`
    )
  return lines
}

/**
 * The comparison's table rows, one per worker count compared, as the CLI and
 * the Markdown report print them: both medians (ms), the time ratio and its
 * verdict, the speedups before → after, their ratio and its verdict.
 */
export function comparisonRows(c: RunComparison): string[][] {
  return c.rows.map((r) => [
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
}
