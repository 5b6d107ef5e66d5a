import { fixedRepetitions } from '@shared/analysis/chooseRepetitions'
import type { RunConfig } from '@shared/config'
import type { RunProgress } from '@shared/result'

export type StepState = 'done' | 'current' | 'pending'

export interface PlanRow {
  workers: number
  /** One entry per repetition, warm-ups first. */
  steps: { warmup: boolean; state: StepState }[]
  done: number
}

/**
 * The run's schedule as the engine executes it — warm-ups first, then the
 * measured repetitions, worker counts interleaved within each (1, 2, 4, 1,
 * 2, 4, …) — with what is done, running and still to come.
 */
export function runPlan(config: RunConfig, progress: RunProgress | null): PlanRow[] {
  const counts = [...new Set([1, ...config.workers])].sort((a, b) => a - b)
  const perRound = counts.length
  // 'auto': the count the engine reports once it has timed a round, else the minimum.
  const reps =
    config.reps !== 'auto'
      ? config.reps
      : progress && progress.phase !== 'warmup' && progress.phase !== 'spawning'
        ? Math.max(progress.reps, progress.rep)
        : fixedRepetitions(config.reps)
  const total = (config.warmup + reps) * perRound
  let position = -1 // index of the step in progress; everything before it is done
  if (progress) {
    const index = counts.indexOf(progress.workers)
    if (progress.phase === 'done') position = total
    else if (progress.phase === 'warmup' && index >= 0)
      position = (progress.rep - 1) * perRound + index
    else if (progress.phase === 'measuring' && index >= 0)
      position = (config.warmup + progress.rep - 1) * perRound + index
  }
  return counts.map((workers, i) => {
    const steps = Array.from({ length: config.warmup + reps }, (_, round) => {
      const at = round * perRound + i
      const state: StepState = at < position ? 'done' : at === position ? 'current' : 'pending'
      return { warmup: round < config.warmup, state }
    })
    return { workers, steps, done: steps.filter((s) => s.state === 'done').length }
  })
}
