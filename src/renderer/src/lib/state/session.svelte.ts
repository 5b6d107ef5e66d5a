import type { BenchApi } from '@shared/api'
import type { RunConfig } from '@shared/config'
import type { BenchError } from '@shared/errors'
import type { RunProgress, RunRecord } from '@shared/result'
import { FrameCoalescer } from './frameCoalescer'

export type SessionStatus = 'idle' | 'running' | 'cancelling'

/**
 * The benchmark in progress and the run on display. Progress events are
 * coalesced to one update per animation frame, so a stream of them never
 * re-renders more than the screen can show.
 */
export class BenchSession {
  status = $state<SessionStatus>('idle')
  progress = $state.raw<RunProgress | null>(null)
  error = $state.raw<BenchError | null>(null)
  /** The run the Results view shows: the one just finished, or one picked from history. */
  shown = $state.raw<RunRecord | null>(null)
  /** The configuration of the run in progress (for the progress panel). */
  runningConfig = $state.raw<RunConfig | null>(null)

  readonly running = $derived(this.status !== 'idle')

  readonly #api: BenchApi
  readonly #onFinished: (record: RunRecord) => void
  readonly #progressFrames = new FrameCoalescer<RunProgress>((p) => {
    if (this.status !== 'idle') this.progress = p
  })

  /**
   * Asks the user whether to start a run whose estimated duration is above
   * the engine's bound (error 'needs-confirmation'); without it such a run
   * shows the error.
   */
  confirmLong: ((error: BenchError) => boolean) | null = null

  constructor(api: BenchApi, onFinished: (record: RunRecord) => void) {
    this.#api = api
    this.#onFinished = onFinished
  }

  /** Runs a configuration; resolves when it finished, failed or was cancelled. */
  async run(config: RunConfig): Promise<void> {
    if (this.status !== 'idle') return
    this.status = 'running'
    this.error = null
    this.progress = null
    this.runningConfig = config
    const unsubscribe = this.#api.onProgress((p) => this.#progressFrames.push(p))
    try {
      let result = await this.#api.run(config)
      if (
        !result.ok &&
        result.error.code === 'needs-confirmation' &&
        this.confirmLong?.(result.error)
      )
        result = await this.#api.runConfirmed(config)
      if (result.ok) {
        this.shown = result.value
        this.#onFinished(result.value)
      } else {
        this.error = result.error
        // Finished but not stored (a full disk): still shown, and exportable from main.
        if (result.error.run) this.shown = result.error.run
      }
    } catch (e) {
      // The contract says failures are values; a rejected call is a broken bridge.
      this.error = { code: 'internal', message: e instanceof Error ? e.message : String(e) }
    } finally {
      unsubscribe()
      this.#progressFrames.cancel()
      this.progress = null
      this.runningConfig = null
      this.status = 'idle'
    }
  }

  async cancel(): Promise<void> {
    if (this.status !== 'running') return
    this.status = 'cancelling'
    const result = await this.#api.cancel()
    if (!result.ok) this.error = result.error
  }

  show(record: RunRecord): void {
    this.shown = record
  }

  dismissError(): void {
    this.error = null
  }
}
