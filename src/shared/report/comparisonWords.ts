/**
 * A comparison against a baseline in words (its codes: the time and speedup
 * verdicts, the refusals), for the CLI and the reports; the app words the
 * same codes from its own catalogs.
 */
import type { ComparisonRefusal, RatioEstimate, RunComparison } from '../analysis/compareRuns'
import {
  formatFixed,
  formatMsCell,
  formatPercent,
  formatRatio,
  formatSignedPercent,
  formatSpeedup
} from '../format'
import type { ReportLanguage } from './language'

type Verdict = 'improved' | 'regressed' | 'no-change'

interface ComparisonWords {
  verdict: Record<Verdict, string>
  noInterval: string
  changed: (workers: number, verdict: string, change: string, ratio: string) => string
  unchanged: (threshold: string) => string
}

const WORDS: Record<ReportLanguage, ComparisonWords> = {
  en: {
    verdict: { improved: 'improved', regressed: 'regressed', 'no-change': 'no change' },
    noInterval: 'no interval: < 3 samples',
    changed: (workers, verdict, change, ratio) =>
      `${workers} worker${workers === 1 ? '' : 's'}: ${verdict} — median ${change} (${ratio})`,
    unchanged: (threshold) =>
      `No change beyond the ${threshold} noise threshold at any worker count.`
  },
  ko: {
    verdict: { improved: '개선됨', regressed: '저하됨', 'no-change': '변화 없음' },
    noInterval: '구간 없음: 표본 3개 미만',
    changed: (workers, verdict, change, ratio) =>
      `워커 ${workers}개: ${verdict} — 중앙값 ${change} (${ratio})`,
    unchanged: (threshold) => `어떤 워커 수에서도 잡음 임계값 ${threshold}를 넘는 변화가 없습니다.`
  }
}

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

/** "0.952× [0.931, 0.975]" or "0.952× (no interval: < 3 samples)". */
export function ratioText(e: RatioEstimate, language: ReportLanguage = 'en'): string {
  return e.low === null || e.high === null
    ? `${formatRatio(e.ratio)} (${WORDS[language].noInterval})`
    : `${formatRatio(e.ratio)} [${formatFixed(e.low, 3)}, ${formatFixed(e.high, 3)}]`
}

/** The English verdict words (the CLI's table and the CSV read the codes). */
export const VERDICT_WORDS = WORDS.en.verdict

/** One line per worker count that changed, or that nothing did. */
export function comparisonSummary(c: RunComparison, language: ReportLanguage = 'en'): string[] {
  const w = WORDS[language]
  const lines: string[] = []
  for (const row of c.rows) {
    if (row.time.verdict === 'no-change') continue
    lines.push(
      w.changed(
        row.workers,
        w.verdict[row.time.verdict],
        changeText(row.time.ratio),
        ratioText(row.time, language)
      )
    )
  }
  if (lines.length === 0) lines.push(w.unchanged(formatPercent(c.threshold)))
  return lines
}

/**
 * The comparison's table rows, one per worker count compared: both medians
 * (ms), the time ratio and its verdict, the speedups before → after, their
 * ratio and its verdict.
 */
export function comparisonRows(c: RunComparison, language: ReportLanguage = 'en'): string[][] {
  const w = WORDS[language]
  return c.rows.map((r) => [
    String(r.workers),
    formatMsCell(r.baseline.medianMs),
    formatMsCell(r.candidate.medianMs),
    ratioText(r.time, language),
    w.verdict[r.time.verdict],
    r.speedup
      ? `${formatSpeedup(r.baseline.speedup)} → ${formatSpeedup(r.candidate.speedup)}`
      : '—',
    r.speedup ? ratioText(r.speedup, language) : '—',
    r.speedup ? w.verdict[r.speedup.verdict] : '—'
  ])
}
