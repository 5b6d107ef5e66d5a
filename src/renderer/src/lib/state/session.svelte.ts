import type { BenchApi } from '@shared/api'
import type { RunConfig } from '@shared/config'
import type { BenchError } from '@shared/errors'
import type { RunProgress, RunRecord } from '@shared/result'
import type { FrameScheduler } from './frameCoalescer'
import { RunLifecycle, type RunStatus } from './runLifecycle.svelte'

export type SessionStatus = RunStatus

/**
 * The benchmark in progress and the run on display. Starting, progress,
 * cancelling and errors are the shared run lifecycle's; this class adds
 * what is the single run's own: the run the Results view shows.
 */
export class BenchSession {
  /** The run the Results view shows: the one just finished, or one picked from history. */
  shown = $state.raw<RunRecord | null>(null)

  readonly lifecycle: RunLifecycle<RunConfig, RunRecord, RunProgress>

  constructor(api: BenchApi, onFinished: (record: RunRecord) => void, frames?: FrameScheduler) {
    this.lifecycle = new RunLifecycle(
      {
        start: (config) => api.run(config),
        startConfirmed: (config) => api.runConfirmed(config),
        onProgress: (listener) => api.onProgress(listener),
        cancel: () => api.cancel()
      },
      {
        result: (record) => {
          this.shown = record
          onFinished(record)
        },
        // Finished but not stored (a full disk): still shown, and exportable from main.
        failed: (error) => {
          if (error.run) this.shown = error.run
        }
      },
      frames
    )
  }

  get status(): SessionStatus {
    return this.lifecycle.status
  }

  get running(): boolean {
    return this.lifecycle.running
  }

  get progress(): RunProgress | null {
    return this.lifecycle.progress
  }

  get error(): BenchError | null {
    return this.lifecycle.error
  }

  /** The configuration of the run in progress (for the progress panel). */
  get runningConfig(): RunConfig | null {
    return this.lifecycle.config
  }

  /**
   * Asks the user whether to start a run whose estimated duration is above
   * the engine's bound (error 'needs-confirmation'); without it such a run
   * shows the error.
   */
  set confirmLong(ask: ((error: BenchError) => boolean) | null) {
    this.lifecycle.confirm = ask
  }

  get confirmLong(): ((error: BenchError) => boolean) | null {
    return this.lifecycle.confirm
  }

  /** Runs a configuration; resolves when it finished, failed or was cancelled. */
  run(config: RunConfig): Promise<void> {
    return this.lifecycle.run(config)
  }

  cancel(): Promise<void> {
    return this.lifecycle.cancel()
  }

  show(record: RunRecord): void {
    this.shown = record
  }

  dismissError(): void {
    this.lifecycle.dismissError()
  }
}
