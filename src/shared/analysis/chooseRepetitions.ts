/**
 * Repetitions chosen for the user, as hyperfine chooses its runs: unless a
 * count is fixed, every worker count is measured at least `minReps` times
 * and for at least `minTimeMs` of wall time in all, and never more than
 * `maxReps` times. A fast job gets many repetitions, a slow one five.
 */
export const AUTO_REPETITIONS = { minReps: 5, minTimeMs: 3000, maxReps: 100 } as const

/** What a configuration asks for: a fixed count, or 'auto'. */
export type Repetitions = number | 'auto'

/** Given the wall times measured so far for one worker count, is another repetition due? */
export function needsMoreRepetitions(wallMs: readonly number[], reps: Repetitions): boolean {
  if (reps !== 'auto') return wallMs.length < reps
  const { minReps, minTimeMs, maxReps } = AUTO_REPETITIONS
  if (wallMs.length >= maxReps) return false
  if (wallMs.length < minReps) return true
  return wallMs.reduce((a, b) => a + b, 0) < minTimeMs
}

/** How many repetitions a worker count will get when one takes about `repMs`. */
export function expectedRepetitions(reps: Repetitions, repMs: number): number {
  if (reps !== 'auto') return reps
  const { minReps, minTimeMs, maxReps } = AUTO_REPETITIONS
  const wanted = repMs > 0 && Number.isFinite(repMs) ? Math.ceil(minTimeMs / repMs) : minReps
  return Math.min(maxReps, Math.max(minReps, wanted))
}

/** A fixed count wherever one is needed (a study's runs): 'auto' becomes the minimum. */
export function fixedRepetitions(reps: Repetitions): number {
  return reps === 'auto' ? AUTO_REPETITIONS.minReps : reps
}
