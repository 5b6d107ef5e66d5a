import { expectedRepsText } from '../shared/analysis/runPlan'
import type { RunPlanEstimate } from '../shared/analysis/runPlan'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** "about 12 s", "about 2 min 5 s". */
function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000))
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`
}

/** The line printed on stderr before a run: what it will measure, how often, how long. */
export function formatPlan(plan: RunPlanEstimate): string {
  const counts = `${plural(plan.counts.length, 'worker count')} (${plan.counts.join(', ')})`
  const warmup = plan.warmupUntilSteady
    ? `warm-ups until steady (at most ${plan.warmup}) + `
    : plan.warmup
      ? `${plural(plan.warmup, 'warm-up')} + `
      : ''
  // A command's duration is unknown before it ran: no guess from the sum's range ("about 1 s").
  const when =
    plan.estimatedMs === null
      ? 'its duration is estimated from the first repetition'
      : `about ${duration(plan.estimatedMs)} (estimated before timing)`
  if (!plan.auto) {
    return `speedup-lab: plan: ${counts} × ${warmup}${plural(plan.reps[0], 'repetition')}, ${when}`
  }
  const { minReps, minTimeMs, maxReps } = plan.rule
  const expected = plan.estimatedMs === null ? '' : ` (about ${expectedRepsText(plan)} here)`
  return (
    `speedup-lab: plan: ${counts} × ${warmup}repetitions chosen for you: at least ${minReps} and ` +
    `${minTimeMs / 1000} s per worker count, at most ${maxReps}${expected}; ` +
    `${when}. --reps N fixes the count.`
  )
}
