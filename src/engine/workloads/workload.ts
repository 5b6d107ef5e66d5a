/**
 * The workload contract (issue 17): what the engine needs to know of a job
 * to run it on N workers, time it, and check it. The runner, the pool, the
 * timing, the statistics and every view are the same for every workload; a
 * workload adds only what is its own:
 *
 * - its config schema, in src/shared (the sum's range and kernel in config.ts),
 * - `plan`: the parts of one repetition for N workers, one per worker,
 * - the worker half (`PartRunner`, part.ts beside it): what a worker does
 *   with one part, with cancel and progress,
 * - `combine`: the workers' outputs into one result (timed as the merge),
 * - `check`: that result against what it must be.
 *
 * docs/ARCHITECTURE.md ("Workloads") says how to add one.
 */
import type { RunConfig } from '../../shared/config'
import type { CommandStartCost, ResultCheck, WorkerTiming } from '../../shared/result'
import type { JobName } from '../../shared/workloads/jobs'
import type { PartOutput, WorkloadPart } from '../../shared/workloads/parts'

/** What a worker says it can run (its ready message). */
export interface WorkerAbilities {
  /** e.g. "worker 2 (pid 123)", for messages. */
  label: string
  kernels: readonly string[]
}

/**
 * What a workload starts for a run besides the workers (a server, a data
 * file), before anything is timed, and stops after the run.
 */
export interface WorkloadSession<S = unknown> {
  /** What `plan` needs of it (an address, …). */
  readonly value: S
  /**
   * Rejects, naming what failed, when the session fails while the run goes on
   * (the runner then fails the run with that message). Never resolves otherwise.
   */
  readonly failed: Promise<never>
  /**
   * The CPU time (ms) the session's own process has used so far, or null when
   * it did not say: the runner reads it around each repetition, untimed
   * (the wait's latency server: how little the waiting costs the server).
   */
  cpuMs?(): Promise<number | null>
  /** A command's measured start cost of an empty copy (recorded in the run's protocol). */
  readonly startCost?: CommandStartCost
  close(): Promise<void>
}

/** A combined result checked: the result and what it must equal, and what was checked. */
export interface WorkloadCheck {
  /** Decimal strings (the total and its closed form; requests answered once and R). */
  actual: string
  expected: string
  correct: boolean
  check: ResultCheck
}

export interface Workload<
  P extends WorkloadPart = WorkloadPart,
  O extends PartOutput = PartOutput,
  C = unknown,
  S = unknown
> {
  readonly name: JobName
  /**
   * A repetition's wall is its parts' own span (first start → last end), not
   * dispatch → last result: for parts that are processes started together
   * once they are up (a command's copies), whose harness bookkeeping around
   * them is not the job's time.
   */
  readonly timesOwnSpan?: boolean
  /**
   * Starts what the run needs besides the workers; absent when it needs nothing.
   * `signal` aborts at a cancel: a session still starting stops what it started
   * and rejects (the runner closes a started one at once, beside the workers).
   */
  open?(
    config: RunConfig,
    ctx: { log: (line: string) => void; workerPath: string; signal?: AbortSignal }
  ): Promise<WorkloadSession<S>>
  /** Untimed work before each repetition on N workers (a command's --prepare). */
  prepare?(config: RunConfig, workers: number, session: S | null, rep: number): Promise<void>
  /**
   * The parts one repetition gives N workers, in worker order (one each). A
   * workload may give fewer than N (a command told to use N is one process).
   * `rep` is the measured repetition (1-based), 0 for a warm-up.
   */
  plan(config: RunConfig, workers: number, session: S | null, rep: number): P[]
  /** Throws BenchFailure 'invalid-input' when a worker's runtime cannot run this config. */
  assertRunnable?(config: RunConfig, worker: WorkerAbilities): void
  /** The outputs of one repetition combined into one result (the timed merge). */
  combine(outputs: O[]): C
  /** The combined result against what the parts must give. */
  check(config: RunConfig, parts: P[], outputs: O[], combined: C): WorkloadCheck
  /** The fields this workload adds to a worker's timing (the sum: kernel and ns per element). */
  timing?(output: O, part: P): Partial<WorkerTiming>
}

/** The worker half: what a worker does with one part. */
export interface PartIo {
  /** Fraction of the part done, 0…1 (the loop sends it at most every progress interval). */
  progress(fraction: number): void
  /** Aborted when the parent cancels the job: stop at the next chance. */
  readonly signal: AbortSignal
}

export interface PartRun<O extends PartOutput = PartOutput> {
  output: O
  /** When the part's work began and ended (epoch ms, the worker's monotonic clock). */
  startedAt: number
  endedAt: number
}

export interface PartRunner<
  P extends WorkloadPart = WorkloadPart,
  O extends PartOutput = PartOutput
> {
  readonly job: P['job']
  /** Why this runtime cannot run the part (a kernel it lacks), or null. */
  unavailable?(part: P, kernels: readonly string[]): string | null
  /** Runs the part; null when it stopped at a cancel. */
  run(part: P, io: PartIo): Promise<PartRun<O> | null>
}
