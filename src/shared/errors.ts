import type { ConfigIssue } from './config'
import type { SaveFailure } from './historySave'
import type { RunRecord } from './result'

export type BenchErrorCode =
  | 'invalid-input'
  | 'worker-crashed'
  | 'worker-error'
  | 'cancelled'
  | 'busy'
  | 'needs-confirmation'
  | 'not-found'
  | 'io'
  | 'forbidden'
  | 'internal'
  /** The cluster: server unreachable, credentials refused, too few workers. */
  | 'unavailable'
  /** The run finished but is not in history; `run` holds it, `saveFailure` says why. */
  | 'not-saved'

/** A failure that crosses a process boundary as a value, never as a thrown error. */
export interface BenchError {
  code: BenchErrorCode
  message: string
  /** For invalid-input: every problem, field and reason. */
  issues?: ConfigIssue[]
  /** For needs-confirmation: the run's estimated duration and the bound it is above (ms). */
  estimate?: { estimatedMs: number; confirmAboveMs: number }
  /** For worker failures: which worker and how it ended. */
  worker?: { name: string; pid: number | null; exitCode: number | null; signal: string | null }
  /** For not-saved: why the run could not be stored. */
  saveFailure?: SaveFailure
  /** For not-saved: the finished run, to show and export although it is not in history. */
  run?: RunRecord
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BenchError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (error: BenchError): Result<never> => ({ ok: false, error })

/** An error the engine throws; it carries a BenchError to hand on as a value. */
export class BenchFailure extends Error {
  constructor(readonly error: BenchError) {
    super(error.message)
    this.name = 'BenchFailure'
  }
}

export function toBenchError(e: unknown): BenchError {
  if (e instanceof BenchFailure) return e.error
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) }
}
