import type { RunAnalysis, RunVerdictCode, SpeedupInterval } from '../../../../shared/analysis'
import { formatDuration, formatPercent, formatSpeedup } from '@shared/format'
import type { JobName } from '@shared/workloads/jobs'
import type { Messages } from '../i18n/en'
import { DEFAULT_WAIT } from '@shared/config'
import { waitIdealSpeedup } from './idealLine'

/**
 * What the Results tab says first about a run, in the user's language: a
 * headline from the analysis's verdict (the best significant speedup with its
 * interval, or "no significant speedup"), and, without a speedup, why not.
 * Worded here from the verdict's code and numbers; nothing is recomputed.
 */
export interface VerdictHeadline {
  code: RunVerdictCode
  /** `good`: a significant speedup; `bad`: a wrong total; `none`: no significant speedup. */
  tone: 'good' | 'none' | 'bad'
  title: string
  /** The interval as the title words it ("95% CI 1.90–1.96×"), kept on one line; null without one. */
  ci: string | null
  /** Under a speedup: how far from ideal it is. */
  detail: string | null
  /** Why there is no significant speedup, most decisive first (empty for a speedup). */
  reasons: string[]
}

/** "1.90–1.96×": the interval with one × at its end. */
function ciText(interval: SpeedupInterval, m: Messages, locale: string): string {
  const low = formatSpeedup(interval.lower, locale).replace(/×$/, '')
  return m.verdictBlock.ci(low, formatSpeedup(interval.upper, locale))
}

/** The widest worker count whose compute was too small to time. */
export function tooSmallRow(analysis: RunAnalysis): RunAnalysis['workers'][number] | null {
  return analysis.workers
    .filter((w) => w.tooSmall)
    .reduce<RunAnalysis['workers'][number] | null>(
      (a, b) => (a === null || b.workers > a.workers ? b : a),
      null
    )
}

/**
 * `job`: a user's command (true or 'command'), whose check is "every copy
 * exited 0" (not a total) and whose remedy is more work, not a larger range;
 * or the wait, whose check is "every request answered once" and whose remedy
 * is more requests or a longer delay. Anything else words the sum.
 */
export function verdictHeadline(
  analysis: RunAnalysis,
  m: Messages,
  locale: string,
  job: boolean | JobName = false,
  /** The wait's requests R: its ideal with N workers is R ÷ ceil(R/N), not N. */
  requests: number = DEFAULT_WAIT.requests
): VerdictHeadline {
  const t = m.verdictBlock
  const command = job === true || job === 'command'
  const c = command ? m.command : job === 'wait' ? m.wait : null
  const v = analysis.verdict
  const workers = v.workers ?? 0
  const speedup = formatSpeedup(v.speedup, locale)
  const over = analysis.workers.filter((w) => w.oversubscribed).map((w) => w.workers)
  const oversubscribed = over.length
    ? [t.oversubscribed(over.join(', '), analysis.context.logicalCores)]
    : []
  const none = (reasons: string[]): VerdictHeadline => ({
    code: v.code,
    tone: 'none',
    title: t.noSpeedup,
    ci: null,
    detail: null,
    reasons: [...reasons, ...oversubscribed]
  })

  switch (v.code) {
    case 'faster': {
      // A faster verdict always has its interval: without one it is no-difference.
      const ci = v.interval ? ciText(v.interval, m, locale) : ''
      const weak = analysis.speedupDefinition === 'N·T1/TN'
      return {
        code: v.code,
        tone: 'good',
        title: (weak ? t.fasterScaled : t.faster)(workers, speedup, ci),
        ci: ci || null,
        detail:
          job === 'wait'
            ? t.ofIdealWait(
                formatPercent(
                  (v.speedup ?? Number.NaN) / waitIdealSpeedup(requests, workers),
                  locale
                ),
                waitIdealSpeedup(requests, workers),
                requests,
                workers
              )
            : t.efficiency(formatPercent(v.efficiency, locale), workers),
        reasons: []
      }
    }
    case 'wrong-total':
      return {
        code: v.code,
        tone: 'bad',
        title: c ? c.wrongTitle : t.wrongTotal,
        ci: null,
        detail: null,
        reasons: [(c ? c.wrongReason : m.verdicts.wrongTotal)(v.wrongWorkers.join(', '))]
      }
    case 'baseline-only':
      return none([t.baselineOnly])
    case 'too-small': {
      // The widest count too small to time: its own compute, named with its worker count.
      const row = tooSmallRow(analysis)
      return none([
        (c ? c.tooSmall : t.tooSmall)(
          row?.workers ?? 0,
          formatDuration(row?.tooSmall?.computeMs ?? Number.NaN, locale),
          formatDuration(row?.tooSmall?.overheadMs ?? Number.NaN, locale)
        )
      ])
    }
    case 'slower':
    case 'no-difference': {
      if (!v.interval) return none([t.fewReps(v.minReps, workers, speedup)])
      const ci = ciText(v.interval, m, locale)
      const slower = c ? c.slower : t.slower
      return none([(v.code === 'slower' ? slower : t.includesOne)(workers, speedup, ci)])
    }
  }
}
