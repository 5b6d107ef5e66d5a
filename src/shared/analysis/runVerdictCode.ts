/**
 * The verdicts of a run, as codes with their numbers: the analysis decides
 * them once; every front end (CLI, renderer, exports) words or writes them.
 */

/** One worker count against the 1-worker baseline. */
export const WORKER_VERDICTS = [
  'baseline',
  'faster',
  'slower',
  'no-difference',
  'too-small'
] as const
export type WorkerVerdict = (typeof WORKER_VERDICTS)[number]

/**
 * The speedup's 95% interval: S·exp(∓e/S), e the medians' interval
 * half-widths carried through the ratio (log scale: ≈ S ± e, never below 0).
 */
export interface SpeedupInterval {
  lower: number
  upper: number
}

/**
 * A speedup is called faster or slower only when its 95% interval excludes 1;
 * without an interval (too few repetitions) it is no significant difference.
 * A job too small to time never gets a speedup claim.
 */
export function workerVerdict(
  workers: number,
  interval: SpeedupInterval | null,
  tooSmall: boolean
): WorkerVerdict {
  if (workers === 1) return 'baseline'
  if (tooSmall) return 'too-small'
  if (interval === null) return 'no-difference'
  if (interval.lower > 1) return 'faster'
  if (interval.upper < 1) return 'slower'
  return 'no-difference'
}

/** What a whole run says. */
export type RunVerdictCode =
  /** Some worker count's total differs from the closed form: no timing is worth reading. */
  | 'wrong-total'
  /** Only one worker was measured: nothing to compare. */
  | 'baseline-only'
  | 'faster'
  | 'slower'
  | 'no-difference'
  | 'too-small'

export interface RunVerdict {
  code: RunVerdictCode
  /**
   * The worker count the verdict is about: for `faster` the highest
   * significant speedup; for `slower` and `no-difference` the highest speedup
   * measured; null for `wrong-total`, `baseline-only` and `too-small`.
   */
  workers: number | null
  speedup: number | null
  /** Its 95% interval; null when too few repetitions allow none. */
  interval: SpeedupInterval | null
  efficiency: number | null
  /** Worker counts whose total was wrong (for `wrong-total`). */
  wrongWorkers: number[]
  /** The smallest number of repetitions of any worker count: why an interval may be missing. */
  minReps: number
}

export interface VerdictRow {
  workers: number
  speedup: number
  efficiency: number
  interval: SpeedupInterval | null
  verdict: WorkerVerdict
  correct: boolean
  reps: number
  /** More workers than the cores the run could use. */
  oversubscribed?: boolean
}

/** The run's verdict from its rows (any order). */
export function runVerdictOf(rows: readonly VerdictRow[]): RunVerdict {
  const minReps = rows.length ? Math.min(...rows.map((r) => r.reps)) : 0
  const none = { workers: null, speedup: null, interval: null, efficiency: null, minReps }
  const wrong = rows.filter((r) => !r.correct).map((r) => r.workers)
  if (wrong.length) return { code: 'wrong-total', ...none, wrongWorkers: wrong }
  const others = rows.filter((r) => r.workers !== 1)
  if (others.length === 0) return { code: 'baseline-only', ...none, wrongWorkers: [] }
  const pick = (candidates: readonly VerdictRow[], code: RunVerdictCode): RunVerdict => {
    const best = candidates.reduce((a, b) =>
      b.speedup > a.speedup || (b.speedup === a.speedup && b.workers < a.workers) ? b : a
    )
    return {
      code,
      workers: best.workers,
      speedup: best.speedup,
      interval: best.interval,
      efficiency: best.efficiency,
      wrongWorkers: [],
      minReps
    }
  }
  const faster = others.filter((r) => r.verdict === 'faster')
  if (faster.length) {
    // "Best" names an oversubscribed count only when it is significantly better than
    // the fastest within the cores (its interval wholly above that one's).
    const within = faster.filter((r) => !r.oversubscribed)
    if (within.length === 0) return pick(faster, 'faster')
    const bestWithin = pick(within, 'faster')
    const beyond = faster.filter(
      (r) =>
        r.oversubscribed &&
        r.interval !== null &&
        bestWithin.interval !== null &&
        r.interval.lower > bestWithin.interval.upper
    )
    return beyond.length ? pick(beyond, 'faster') : bestWithin
  }
  const timed = others.filter((r) => r.verdict !== 'too-small' && Number.isFinite(r.speedup))
  if (timed.length === 0) return { code: 'too-small', ...none, wrongWorkers: [] }
  if (timed.every((r) => r.verdict === 'slower')) return pick(timed, 'slower')
  return pick(
    timed.filter((r) => r.verdict !== 'slower'),
    'no-difference'
  )
}
