import type { RunRecord } from '../result'

/**
 * The repetitions a run measured, fewest to most: "30 reps", "5–33 reps (auto)".
 * With 'auto' each worker count stops on its own, so the counts differ; the
 * range is ordered, never in the order the counts were listed ("33–30").
 */
export function repetitionsText(run: RunRecord): string {
  const c = run.config
  const done = run.results.map((r) => r.samples.length)
  if (c.reps !== 'auto') return `${c.reps} rep${c.reps === 1 ? '' : 's'}`
  if (done.length === 0) return 'reps (auto)'
  const lo = Math.min(...done)
  const hi = Math.max(...done)
  return `${lo === hi ? lo : `${lo}–${hi}`} reps (auto)`
}
