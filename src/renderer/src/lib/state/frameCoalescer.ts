/**
 * Hands on only the latest of a stream of values, at most once per animation
 * frame: a burst of progress events never re-renders more than the screen shows.
 */
export class FrameCoalescer<T> {
  readonly #deliver: (value: T) => void
  #pending: T | null = null
  #frame = 0

  constructor(deliver: (value: T) => void) {
    this.#deliver = deliver
  }

  push(value: T): void {
    this.#pending = value
    if (this.#frame) return
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0
      const latest = this.#pending
      this.#pending = null
      if (latest !== null) this.#deliver(latest)
    })
  }

  /** Drops whatever is waiting for the next frame. */
  cancel(): void {
    cancelAnimationFrame(this.#frame)
    this.#frame = 0
    this.#pending = null
  }
}
