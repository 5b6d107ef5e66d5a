import { warmupLimit } from '../config'
import type { RunConfig } from '../config'
import { estimateRepMs, estimateRunMs } from '../limits'
import { AUTO_REPETITIONS, expectedRepetitions } from './chooseRepetitions'

/** What a run will do, said before it starts. */
export interface RunPlanEstimate {
  /** Worker counts measured (1 included: the baseline), ascending. */
  counts: number[]
  /** Warm-ups per count: the fixed count, or with 'auto' the most the steady rule may take. */
  warmup: number
  /** True when warm-ups go on until the times are steady (warmup 'auto'), at most `warmup`. */
  warmupUntilSteady: boolean
  /** True when the repetitions are chosen while running ('auto'). */
  auto: boolean
  /** Expected measured repetitions per count (exact when fixed). */
  reps: number[]
  /**
   * A guess at the whole run (ms), from the range length before anything is
   * timed; null for a user's command, whose duration nothing here can guess
   * (the engine estimates it from its first repetition).
   */
  estimatedMs: number | null
  rule: typeof AUTO_REPETITIONS
}

/** "30" or "15–30": the expected repetitions, fewest to most. */
export function expectedRepsText(plan: RunPlanEstimate): string {
  const lo = Math.min(...plan.reps)
  const hi = Math.max(...plan.reps)
  return lo === hi ? String(lo) : `${lo}–${hi}`
}

/**
 * The plan of a run: worker counts, repetitions (fixed, or 'auto' with the
 * rule and the count it should come to) and a rough duration. With 'auto'
 * every count takes at least the rule's minimum time, so the estimate is at
 * least counts × 3 s whatever the guess.
 */
export function planRun(config: RunConfig, cores: number): RunPlanEstimate {
  const counts = [...new Set([1, ...config.workers])].sort((a, b) => a - b)
  const guesses = counts.map((n) => estimateRepMs(config, n, cores))
  const reps = guesses.map((ms) => expectedRepetitions(config.reps, ms))
  // The engine's one estimate (limits.ts), the same the confirmation bound is checked against.
  const estimatedMs = config.job === 'command' ? null : estimateRunMs(config, cores)
  return {
    counts,
    warmup: warmupLimit(config.warmup),
    warmupUntilSteady: config.warmup === 'auto',
    auto: config.reps === 'auto',
    reps,
    estimatedMs,
    rule: AUTO_REPETITIONS
  }
}
