/** When to deliver: the next animation frame in the app, a controlled clock in tests. */
export interface FrameScheduler {
  /** Calls `callback` once, later; returns a non-zero handle. */
  request(callback: () => void): number
  cancel(handle: number): void
}

export const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle)
}

/**
 * Hands on only the latest of a stream of values, at most once per animation
 * frame: a burst of progress events never re-renders more than the screen shows.
 */
export class FrameCoalescer<T> {
  readonly #deliver: (value: T) => void
  readonly #frames: FrameScheduler
  #pending: T | null = null
  #frame = 0

  constructor(deliver: (value: T) => void, frames: FrameScheduler = animationFrames) {
    this.#deliver = deliver
    this.#frames = frames
  }

  push(value: T): void {
    this.#pending = value
    if (this.#frame) return
    this.#frame = this.#frames.request(() => {
      this.#frame = 0
      const latest = this.#pending
      this.#pending = null
      if (latest !== null) this.#deliver(latest)
    })
  }

  /** Drops whatever is waiting for the next frame. */
  cancel(): void {
    if (this.#frame) this.#frames.cancel(this.#frame)
    this.#frame = 0
    this.#pending = null
  }
}
