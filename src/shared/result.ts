import type { KernelName, RunConfig } from './config'
import type { CpuLoad } from './cpuLoad'
import type { SystemInfo } from './system'
import type { JobName } from './workloads/jobs'

/** One worker's part of one repetition. Times are ms relative to the repetition's start. */
export interface WorkerTiming {
  /** e.g. "w1/4". */
  name: string
  pid: number | null
  /** Spawn began / the worker reported ready (cold pools only). */
  spawnStart: number | null
  readyAt: number | null
  /** When its job was dispatched, its compute started and ended, its result arrived. */
  dispatchedAt: number
  computeStart: number
  computeEnd: number
  receivedAt: number
  computeMs: number
  /** The kernel the worker ran and its compute ns per element (absent in older records). */
  kernel?: KernelName
  nsPerElement?: number | null
  /** Cluster workers: host, agent, measured round trip and clock offset (agent − controller, ms). */
  host?: string
  agent?: string
  rttMs?: number
  clockOffsetMs?: number
  /**
   * A command's copy (issue 20): its tree's user and system CPU time (ms) and
   * its main process's peak resident memory (bytes), null where the OS did not
   * report them (never 0 for "unknown"); its exit code or signal; a sha256 of
   * its first 1 MB of output and the output's whole size; how it failed when
   * the run ignores failures.
   */
  cpuUserMs?: number | null
  cpuSystemMs?: number | null
  peakRssBytes?: number | null
  exitCode?: number | null
  signal?: string | null
  outputHash?: string
  outputBytes?: number
  failure?: string
}

/** One measured repetition for one worker count. */
export interface Sample {
  rep: number
  /** Dispatch of the first job to arrival of the last result. */
  wallMs: number
  /** Cold pools: time to start every worker and see it ready; null when warm. */
  spawnMs: number | null
  /** wait: the latency server's CPU time during this repetition (it only waits: near 0). */
  serverCpuMs?: number
  /** Each worker's own compute time, in worker order. */
  computeMs: number[]
  /** Adding the partial sums. */
  mergeMs: number
  /** wall − slowest worker's compute: dispatch and messaging cost. */
  overheadMs: number
  /** Cluster runs: the largest of the workers' network round trips (measured before the run). */
  networkMs?: number
  workers: WorkerTiming[]
}

/**
 * What a workload checked of a worker count's combined result (issue 17):
 * `closed-form` (sum: the total against n·(a+b)/2), with the numbers that
 * word it. Written by every run since format version 3; added on read to
 * older records (they are all sums).
 */
export interface ResultCheck {
  /** The workload whose check it is. */
  job: JobName
  /**
   * What was checked, as a code the front ends word: 'closed-form' (sum),
   * 'each-request-once' (wait: every request id answered exactly once),
   * 'exit-codes' (command: every copy exited 0).
   */
  what: 'closed-form' | 'each-request-once' | 'exit-codes'
  /** The check's numbers, by name. */
  params?: Record<string, number>
}

/**
 * Everything measured for one worker count, and nothing derived from it: the
 * repetitions and the checked result. Medians, speedups, intervals and verdicts
 * come from `analyzeRun` (src/shared/analysis/analyzeRun.ts), never from here.
 */
export interface WorkerCountResult {
  workers: number
  /**
   * The last repetition's combined result and what its workload's check
   * expected, as decimal strings. Named after the first workload: for the sum,
   * the total and its closed form.
   */
  sum: string
  expectedSum: string
  correct: boolean
  /** What was checked (absent only on records of format 1 and 2 not yet migrated). */
  check?: ResultCheck
  /** The measured repetitions, warm-ups excluded, in the order they ran. */
  samples: Sample[]
}

export type RunStatus = 'completed'

/**
 * The serial base case (issue 19; Hoefler & Belli, SC'15): the job run in the
 * controller's own thread, with no worker, measured in the same rounds as the
 * worker counts, so the cost of having a worker at all shows beside T1.
 */
export interface SerialBaseline {
  /** Measured repetitions, warm-ups excluded (one in-thread "worker" timing each). */
  samples: Sample[]
  /** The workload's check of the result (the sum's closed form). */
  correct: boolean
}

/** The warm-ups one worker count (0: the serial base case) took before it was measured. */
export interface WarmupsTaken {
  workers: number
  /** Warm-up repetitions run and discarded. */
  count: number
  /** True when the steady rule ended them; false when the bound (or a fixed count) did. */
  steady: boolean
}

/**
 * How the run met the measurement rules (issue 19): the warm-ups each count
 * took, the order of the first measured round (drawn from config.seed), and
 * whether the serial base case was measured. Absent in older records.
 */
export interface RunProtocol {
  /** 'steady': warm-ups until two agreeing times (at most `warmupLimit`); 'fixed': config.warmup. */
  warmupRule: 'steady' | 'fixed'
  warmupLimit: number
  warmups: WarmupsTaken[]
  /** The first measured round's order of worker counts (0: serial); each round draws its own. */
  firstOrder: number[]
  /** Rounds of measured repetitions. */
  rounds: number
  /**
   * 'measured'; 'not-applicable' (a command: its copies are processes of their
   * own either way); 'unavailable' (this runtime could not run the job in-thread);
   * 'skipped' (the configuration said serial: false).
   */
  serial: 'measured' | 'not-applicable' | 'unavailable' | 'skipped'
  /**
   * A command run: what an empty copy costs inside the timed span (its
   * go, the copy up, → an empty job's end seen by the engine; hyperfine's
   * shell spawning time), the median of `samples` runs before the run. Its
   * CPU (the job's shell starting, before the go) is taken off every copy's
   * CPU; its wall is shown, not taken off (a job shorter than it would read 0).
   */
  commandStartCost?: CommandStartCost
}

export interface CommandStartCost {
  wallMs: number
  cpuMs: number
  samples: number
}

/** A finished run: what is stored in history and exported. */
export interface RunRecord {
  id: string
  startedAt: string
  finishedAt: string
  status: RunStatus
  config: RunConfig
  system: SystemInfo
  results: WorkerCountResult[]
  /** True when every worker count's total matched the closed form. */
  correct: boolean
  /**
   * Only on records migrated from the first history format whose worker list
   * lacked 1: that format measured the 1-worker baseline but kept only the
   * speedups, so its median T1 (ms) is recovered once, on read, from a stored
   * speedup. Absent on every record written since (they keep the 1-worker samples).
   */
  legacyBaselineMs?: number
  /**
   * What else used the CPU during the run (other processes, steal), measured
   * by the engine around it; absent in records from before it was measured.
   */
  load?: CpuLoad
  /** The serial base case, when it was measured (issue 19). */
  serial?: SerialBaseline
  /** How the run met the measurement rules (issue 19); absent in older records. */
  protocol?: RunProtocol
}

/** Streamed while a run goes on. */
export interface RunProgress {
  runId: string
  phase: 'spawning' | 'warmup' | 'measuring' | 'done'
  /** Worker count being measured and its repetition (1-based; warm-ups count separately). */
  workers: number
  rep: number
  reps: number
  /** Overall progress of the run 0…1 and an estimate of what is left. */
  fraction: number
  etaMs: number | null
  elapsedMs: number
  /** Per-worker progress of the current repetition, 0…1. */
  perWorker: number[]
}
