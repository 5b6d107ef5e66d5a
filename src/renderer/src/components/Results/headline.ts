import type { RunRecord } from '../../../../shared/result'
import type { ResultView, RunView } from '../../lib/results/runView'

/** The figures the headline cards show: the rows the analysis chose, never recomputed here. */
export interface Headline {
  /** The 1-worker baseline row (null only for a migrated record that did not keep it). */
  one: ResultView | null
  /** T1: the baseline's median, or a migrated record's recovered T1. */
  t1Ms: number
  /**
   * The worker count the verdict is about (the highest significant speedup,
   * else the highest speedup measured); null when only one worker was measured,
   * so the 1-worker card is never shown twice.
   */
  top: ResultView | null
  correct: boolean
}

export function headlineOf(record: RunRecord, view: RunView): Headline | null {
  if (view.rows.length === 0) return null
  const one = view.rows.find((r) => r.workers === 1) ?? null
  const others = view.rows.filter((r) => r.workers !== 1)
  const chosen = view.analysis.verdict.workers
  const top =
    others.find((r) => r.workers === chosen) ??
    (others.length ? others.reduce((a, b) => (b.workers > a.workers ? b : a)) : null)
  return {
    one,
    t1Ms: one ? one.medianMs : (record.legacyBaselineMs ?? Number.NaN),
    top,
    correct: record.correct
  }
}
