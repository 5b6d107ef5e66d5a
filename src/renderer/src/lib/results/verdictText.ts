import type { RunAnalysis } from '../../../../shared/analysis'
import { formatDuration, formatSpeedup } from '../../../../shared/format'
import type { Messages } from '../i18n/en'

/**
 * The run's verdict in the user's language, worded from the analysis's code
 * and numbers (the CLI words the same verdict in shared/runVerdict.ts).
 */
export function verdictText(analysis: RunAnalysis, m: Messages, locale: string): string {
  const t = m.verdicts
  const v = analysis.verdict
  const interval = v.interval
    ? t.interval(formatSpeedup(v.interval.lower, locale), formatSpeedup(v.interval.upper, locale))
    : t.noInterval(v.minReps)
  const speedup = formatSpeedup(v.speedup, locale)
  switch (v.code) {
    case 'wrong-total':
      return t.wrongTotal(v.wrongWorkers.join(', '))
    case 'baseline-only':
      return t.baselineOnly
    case 'too-small': {
      const small = analysis.workers.find((w) => w.tooSmall)?.tooSmall
      return t.tooSmall(
        formatDuration(small?.computeMs ?? Number.NaN, locale),
        formatDuration(small?.overheadMs ?? Number.NaN, locale)
      )
    }
    case 'faster':
      return t.faster(v.workers ?? 0, speedup, interval)
    case 'slower':
      return t.slower(v.workers ?? 0, speedup, interval)
    case 'no-difference':
      return t.noDifference(v.workers ?? 0, speedup, interval)
  }
}

/** The oversubscription warning, or null when every count fits the cores. */
export function oversubscribedText(analysis: RunAnalysis, m: Messages): string | null {
  const over = analysis.workers.filter((w) => w.oversubscribed).map((w) => w.workers)
  return over.length
    ? m.verdicts.oversubscribed(over.join(', '), analysis.context.logicalCores)
    : null
}
