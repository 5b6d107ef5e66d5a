import type { RunConfig } from '../shared/config'
import type { RunProgress, RunRecord } from '../shared/result'
import type { SystemInfo } from '../shared/system'

/** One started worker, whatever it runs in (process or thread). */
export interface WorkerHandle {
  /** e.g. "w2/4" — used in logs and error messages. */
  readonly name: string
  readonly pid: number | null
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
  /** Called once when the worker is gone, with its exit code or signal. */
  onExit(listener: (code: number | null, signal: string | null) => void): void
  /** Stops the worker at once (SIGKILL / terminate). */
  kill(): void
  /** Set before onExit when the worker was lost rather than exited (a remote one): why. */
  readonly lostReason?: string | null
  /** Cluster workers: where the worker runs and the measured link to it. */
  readonly remote?: { host: string; agent: string; rttMs: number; clockOffsetMs: number }
}

/** Starts workers of one kind. */
export interface Backend {
  readonly kind: 'process' | 'thread' | 'cluster' | 'async' | 'in-process'
  spawn(name: string): WorkerHandle
}

export interface RunHooks {
  onProgress?: (progress: RunProgress) => void
  signal?: AbortSignal
  /**
   * The user confirmed a run estimated to take longer than CONFIRM_ABOVE_MS
   * (the app's dialog, the CLI's --yes). Without it such a run throws
   * 'needs-confirmation' before any worker starts.
   */
  confirmedLong?: boolean
  /**
   * Every round in the listed order (the fixed interleave the seeded random
   * order replaced), for perf/order.perf.ts's side-by-side only; the record's
   * protocol.firstOrder shows it.
   */
  fixedOrder?: boolean
}

/** What the app, the CLI and the tests drive. */
export interface Engine {
  /**
   * Validates `config` (throwing BenchFailure 'invalid-input' before any
   * worker starts), runs it, and resolves with the finished record. Throws
   * BenchFailure 'worker-crashed' / 'worker-error' / 'cancelled' / 'busy'.
   */
  run(config: unknown, hooks?: RunHooks): Promise<RunRecord>
  /**
   * A cluster configuration's preflight: connects, finds the agents and checks
   * they offer max(workers) workers for its pool, then disconnects; throws the
   * BenchFailure a run would ('invalid-input', 'unavailable'). A study on the
   * cluster calls it before anything is timed. (Optional: test doubles omit it.)
   */
  checkCluster?(config: RunConfig, signal?: AbortSignal): Promise<void>
  /** Cancels the run in progress, if any; resolves true when one was cancelled. */
  cancel(): Promise<boolean>
  readonly busy: boolean
  /** Stops every worker; the engine is unusable afterwards. */
  dispose(): Promise<void>
}

export type { RunConfig, SystemInfo }
