import { fixedRepetitions } from '@shared/analysis/chooseRepetitions'
import { plannedWarmups } from '@shared/config'
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
 * measured repetitions in rounds, each round running every count once in a
 * random order drawn from the run's seed — with what is done, running and
 * still to come. Within the round in progress only the count running is
 * known: the others' step in it stays pending until the next round starts.
 * Warm-ups until steady ('auto') show the fewest the rule takes, more as
 * they happen.
 */
export function runPlan(config: RunConfig, progress: RunProgress | null): PlanRow[] {
  const counts = [...new Set([1, ...config.workers])].sort((a, b) => a - b)
  // 'auto': the count the engine reports once it has timed a round, else the minimum.
  const reps =
    config.reps !== 'auto'
      ? config.reps
      : progress && progress.phase !== 'warmup' && progress.phase !== 'spawning'
        ? Math.max(progress.reps, progress.rep)
        : fixedRepetitions(config.reps)
  const warmups =
    config.warmup === 'auto' && progress?.phase === 'warmup'
      ? Math.max(plannedWarmups(config.warmup), progress.rep)
      : plannedWarmups(config.warmup)
  const length = warmups + reps
  /** Steps before this index are done for every count; `current` is the running count's step. */
  let roundsDone = 0
  let current: { workers: number; at: number } | null = null
  if (progress?.phase === 'done') roundsDone = length
  else if (progress?.phase === 'warmup') {
    roundsDone = progress.rep - 1
    current = { workers: progress.workers, at: progress.rep - 1 }
  } else if (progress?.phase === 'measuring') {
    roundsDone = warmups + progress.rep - 1
    current = { workers: progress.workers, at: warmups + progress.rep - 1 }
  }
  return counts.map((workers) => {
    const steps = Array.from({ length }, (_, at) => {
      const state: StepState =
        current?.workers === workers && at === current.at
          ? 'current'
          : at < roundsDone
            ? 'done'
            : 'pending'
      return { warmup: at < warmups, state }
    })
    return { workers, steps, done: steps.filter((s) => s.state === 'done').length }
  })
}
