import type { BenchError, Result } from '@shared/errors'
import { animationFrames, FrameCoalescer, type FrameScheduler } from './frameCoalescer'

export type RunStatus = 'idle' | 'running' | 'cancelling'

/** How one kind of run reaches the engine (the single run and the study each have one). */
export interface RunChannel<TConfig, TRecord, TProgress> {
  start(config: TConfig): Promise<Result<TRecord>>
  /** Starts a run the user confirmed after 'needs-confirmation'; absent where none is asked. */
  startConfirmed?(config: TConfig): Promise<Result<TRecord>>
  /** Subscribes to progress events; returns the unsubscribe. */
  onProgress(listener: (progress: TProgress) => void): () => void
  cancel(): Promise<Result<unknown>>
}

export interface RunHandlers<TRecord> {
  /** A finished run (already stored by main). */
  result(record: TRecord): void
  /** A failed run, after `error` is set: e.g. to show a run that finished but was not stored. */
  failed?(error: BenchError): void
}

/**
 * The life of one run, whatever it runs: start, progress (coalesced to one
 * update per animation frame), cancel, the result, errors, and the question
 * asked before a run longer than the engine's bound. The single run
 * (BenchSession) and the study (ScalingState) each own one; neither repeats
 * this logic.
 */
export class RunLifecycle<TConfig, TRecord, TProgress> {
  status = $state<RunStatus>('idle')
  /** The latest progress while running; null otherwise. */
  progress = $state.raw<TProgress | null>(null)
  /** Why the last run failed (cancelled included), until dismissed or the next run. */
  error = $state.raw<BenchError | null>(null)
  /** The configuration of the run in progress. */
  config = $state.raw<TConfig | null>(null)

  readonly running = $derived(this.status !== 'idle')

  /**
   * Asks the user whether to start a run the engine wants confirmed (error
   * 'needs-confirmation'); without an answer of yes the error is shown.
   */
  confirm: ((error: BenchError) => boolean) | null = null

  readonly #channel: RunChannel<TConfig, TRecord, TProgress>
  readonly #handlers: RunHandlers<TRecord>
  readonly #progressFrames: FrameCoalescer<TProgress>
  /** Counts runs, so an answer meant for one run never lands on the next. */
  #runs = 0

  constructor(
    channel: RunChannel<TConfig, TRecord, TProgress>,
    handlers: RunHandlers<TRecord>,
    frames: FrameScheduler = animationFrames
  ) {
    this.#channel = channel
    this.#handlers = handlers
    // A frame that fires after the run ended must not bring its progress back.
    this.#progressFrames = new FrameCoalescer<TProgress>((p) => {
      if (this.status !== 'idle') this.progress = p
    }, frames)
  }

  /** Runs a configuration; resolves when it finished, failed or was cancelled. Ignored while one runs. */
  async run(config: TConfig): Promise<void> {
    if (this.status !== 'idle') return
    this.#runs++
    this.status = 'running'
    this.error = null
    this.progress = null
    this.config = config
    const unsubscribe = this.#channel.onProgress((p) => {
      if (this.status !== 'idle') this.#progressFrames.push(p)
    })
    try {
      let result = await this.#channel.start(config)
      if (
        !result.ok &&
        result.error.code === 'needs-confirmation' &&
        this.#channel.startConfirmed &&
        this.status === 'running' &&
        this.confirm?.(result.error)
      )
        result = await this.#channel.startConfirmed(config)
      if (result.ok) this.#handlers.result(result.value)
      else {
        this.error = result.error
        this.#handlers.failed?.(result.error)
      }
    } catch (e) {
      // The contract says failures are values; a rejected call is a broken bridge.
      this.error = { code: 'internal', message: e instanceof Error ? e.message : String(e) }
    } finally {
      unsubscribe()
      this.#progressFrames.cancel()
      this.progress = null
      this.config = null
      this.status = 'idle'
    }
  }

  /**
   * Asks the engine to stop. The run still ends through `run`: with the
   * 'cancelled' error, or with its result if it finished first (main has
   * stored it then, so it is shown, not dropped).
   */
  async cancel(): Promise<void> {
    if (this.status !== 'running') return
    const run = this.#runs
    this.status = 'cancelling'
    const result = await this.#channel.cancel()
    // A refusal that arrives after the run ended (it finished meanwhile) is no error.
    if (!result.ok && this.running && run === this.#runs) this.error = result.error
  }

  dismissError(): void {
    this.error = null
  }
}
