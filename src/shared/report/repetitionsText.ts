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

/**
 * The warm-ups a run discarded, fewest to most: "1 warm-up", "2–4 warm-ups
 * (until steady)"; from the record's protocol when it has one (warm-up until
 * steady takes its own count per worker count), else from the configuration.
 */
export function warmupsText(run: RunRecord): string {
  const c = run.config
  const taken = run.protocol?.warmups.map((w) => w.count) ?? []
  const plural = (text: string, n: number): string => `${text} warm-up${n === 1 ? '' : 's'}`
  if (c.warmup !== 'auto') return plural(String(c.warmup), c.warmup)
  if (taken.length === 0) return 'warm-ups until steady'
  const lo = Math.min(...taken)
  const hi = Math.max(...taken)
  return `${plural(lo === hi ? String(lo) : `${lo}–${hi}`, hi)} (until steady)`
}
