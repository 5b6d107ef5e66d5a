import type { ConfigIssue } from './config'

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
