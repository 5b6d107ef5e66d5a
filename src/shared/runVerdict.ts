import type { RunAnalysis } from './analysis'
import { contentionMessage } from './analysis/findingText'
import type { RunRecord } from './result'
import { formatFixed, formatMs, formatSpeedup, formatValue } from './format'

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** A decimal string with thousands separators (sums exceed 2^53, so no Number). */
export function groupDigits(decimal: string): string {
  return decimal.startsWith('-') ? `-${group(decimal.slice(1))}` : group(decimal)
}

/** "1.93× (95% interval 1.88–1.98×)", or says why there is no interval. */
function withInterval(
  speedup: number,
  interval: { lower: number; upper: number } | null,
  minReps: number
): string {
  return interval
    ? `${formatSpeedup(speedup)} (95% interval ${formatFixed(interval.lower, 2)}–${formatSpeedup(interval.upper)})`
    : `${formatSpeedup(speedup)} (no 95% interval: ${minReps} repetition${minReps === 1 ? '' : 's'} ` +
        `is too few; use --reps 5 or more)`
}

/**
 * The run's verdict in English (the CLI and the Markdown report), worded from
 * the analysis's code and numbers; the app words the same verdict through i18n.
 */
export function runVerdict(run: RunRecord, analysis: RunAnalysis): string {
  // When the cores were shared, that comes first: the figures after it measure the load.
  const shared = contentionMessage(analysis.contention)
  const verdict = verdictOnly(run, analysis)
  return shared ? `⚠ ${shared}\n${verdict}` : verdict
}

function verdictOnly(run: RunRecord, analysis: RunAnalysis): string {
  const v = analysis.verdict
  const sums = [...new Set(run.results.map((r) => r.expectedSum))]
  const sumText =
    sums.length === 1
      ? `the closed form ${groupDigits(sums[0])}`
      : `its closed form (${run.results.map((r) => `${r.workers}: ${groupDigits(r.expectedSum)}`).join('; ')})`
  const ok = `✓ Every total matches ${sumText}.`
  const scaled = analysis.speedupDefinition === 'N·T1/TN' ? 'scaled speedup N·T1/TN' : 'speedup'
  const oversubscribed = analysis.workers.filter((w) => w.oversubscribed).map((w) => w.workers)
  const coresNote = oversubscribed.length
    ? ` Warning: ${oversubscribed.join(', ')} workers exceed the ` +
      `${analysis.context.logicalCores} available cores.`
    : ''
  switch (v.code) {
    case 'wrong-total': {
      const r = run.results.find((x) => !x.correct)!
      return `✗ Wrong total with ${v.wrongWorkers.join(', ')} worker(s): expected ${groupDigits(r.expectedSum)}, got ${groupDigits(r.sum)}.`
    }
    case 'baseline-only':
      return `${ok} Only 1 worker was measured, so there is nothing to compare: add worker counts (e.g. --workers 1,2).`
    case 'too-small': {
      const small = analysis.workers.find((w) => w.tooSmall)?.tooSmall
      const detail = small
        ? ` each worker computes for ${formatMs(small.computeMs)}, against ${formatMs(small.overheadMs)} of overhead per repetition.`
        : ''
      return `${ok} Too small to measure a speedup:${detail} Use a larger range${run.config.pool === 'cold' ? ' or a warm pool' : ''}.`
    }
    case 'faster':
      return `${ok} Best: ${v.workers} workers, ${scaled} ${withInterval(v.speedup!, v.interval, v.minReps)} faster than 1 (efficiency ${formatValue((v.efficiency ?? Number.NaN) * 100, 3)} %).${coresNote}`
    case 'slower':
      return `${ok} Slower: even the best, ${v.workers} workers, has a ${scaled} of ${withInterval(v.speedup!, v.interval, v.minReps)}; overhead dominates this job. Use a larger range.${coresNote}`
    case 'no-difference':
      return `${ok} No significant difference from 1 worker: the best, ${v.workers} workers, has a ${scaled} of ${withInterval(v.speedup!, v.interval, v.minReps)}, an interval that includes 1.${coresNote}`
  }
}
