import type { RunConfig } from '../../../shared/config'
import type { RunSummary } from '../../../shared/history'

/**
 * Which of the user's runs the explainer ("What am I measuring?") reads. Pure:
 * it picks from the history summaries (newest first) and the run on display;
 * the view then fetches the few full records it needs.
 */
export interface ExplainerPicks {
  /** The run the numbers come from by default: the one on display, else the newest. */
  subject: string | null
  /** The run set against the tutorial: the newest of the tutorial's shape (replicate), else the subject. */
  replay: string | null
  /** The newest run on processes and on threads, alike where possible (same job, other backend). */
  process: string | null
  thread: string | null
  /** The newest cold run, and a warm run of the same job and backend to set against it. */
  cold: string | null
  warm: string | null
  /** The newest split run with a worker count above one: what Amdahl's law is about. */
  split: string | null
  /** The newest wait run with a worker count above one: "Threads for waiting" (issue 17). */
  wait: string | null
}

/** The tutorial as its author ran it, and its own script on this project's 2-core build machine. */
export const TUTORIAL = {
  range: { start: 0, end: 50_000_000 },
  workers: 2,
  sequentialMs: 1880,
  parallelMs: 770,
  speedup: 2.4,
  total: '0',
  expectedTotal: '2499999950000000'
} as const

/** The same job, whatever the backend and pool. */
function sameJob(a: RunConfig, b: RunConfig): boolean {
  return (
    a.range.start === b.range.start &&
    a.range.end === b.range.end &&
    a.workload === b.workload &&
    a.workers.length === b.workers.length &&
    a.workers.every((w, i) => w === b.workers[i])
  )
}

const maxWorkers = (config: RunConfig): number => Math.max(...config.workers)

export function pickExplainerRuns(
  runs: readonly RunSummary[],
  shown: { id: string; config: RunConfig } | null
): ExplainerPicks {
  const newest = (
    test: (r: { config: RunConfig }) => boolean
  ): { id: string; config: RunConfig } | null =>
    shown && test(shown) ? shown : (runs.find(test) ?? null)
  const subject = shown ?? runs[0] ?? null

  // One run per backend: the subject for its own backend; for the other, the
  // newest run of the same job if there is one, else the newest at all.
  const ofBackend = (backend: RunConfig['backend']): string | null => {
    if (!subject) return null
    if (subject.config.backend === backend) return subject.id
    const alike = runs.find(
      (r) => r.config.backend === backend && sameJob(r.config, subject.config)
    )
    return (alike ?? runs.find((r) => r.config.backend === backend))?.id ?? null
  }

  const cold = newest((r) => r.config.pool === 'cold')
  const warm = cold
    ? newest(
        (r) =>
          r.config.pool === 'warm' &&
          r.config.backend === cold.config.backend &&
          sameJob(r.config, cold.config)
      )
    : null
  // The sum's lessons read sum runs; a wait run has its own section.
  const sum = (r: { config: RunConfig }): boolean => (r.config.job ?? 'sum') === 'sum'
  const split = newest((r) => sum(r) && r.config.workload === 'split' && maxWorkers(r.config) > 1)
  const wait = newest((r) => r.config.job === 'wait' && maxWorkers(r.config) > 1)
  const replay = newest(
    (r) => sum(r) && r.config.workload === 'replicate' && maxWorkers(r.config) > 1
  )

  return {
    subject: subject?.id ?? null,
    // The tutorial's total is a sum's: a wait or command run is not set against it.
    replay: replay?.id ?? (subject && sum(subject) ? subject.id : null),
    process: ofBackend('process'),
    thread: ofBackend('thread'),
    cold: cold?.id ?? null,
    warm: warm?.id ?? null,
    split: split?.id ?? null,
    wait: wait?.id ?? null
  }
}
