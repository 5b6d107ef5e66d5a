import { untrack } from 'svelte'

/**
 * Counts up from 0 to `last`, one step per task, each after the browser has
 * had a chance to paint: a view shows its first piece at once and the
 * following ones a frame apart, so no single task draws them all.
 */
export class StagedReveal {
  stage = $state(0)
  readonly #last: number

  constructor(last: number) {
    this.#last = last
  }

  /** Every piece is drawn. */
  get done(): boolean {
    return this.stage >= this.#last
  }

  /** Whether the piece of this stage may be drawn. */
  reached(stage: number): boolean {
    return this.stage >= stage
  }

  /** Starts counting; returns the stop function (for an $effect's teardown). */
  start(): () => void {
    let frame = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    let fallback: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const step = (): void => {
      // Whichever of the frame's task and the fallback comes first; the other is dropped.
      clearTimeout(timer)
      clearTimeout(fallback)
      cancelAnimationFrame(frame)
      if (stopped) return
      this.stage++
      if (this.stage < this.#last) next()
    }
    const next = (): void => {
      // After the frame is painted (the task after requestAnimationFrame's);
      // a hidden window gets no frames, so a timer takes over after 250 ms.
      frame = requestAnimationFrame(() => {
        timer = setTimeout(step, 0)
      })
      fallback = setTimeout(step, 250)
    }
    // Started from an $effect: reading the stage here must not make it rerun on every step.
    if (untrack(() => this.stage) < this.#last) next()
    return () => {
      stopped = true
      cancelAnimationFrame(frame)
      clearTimeout(timer)
      clearTimeout(fallback)
    }
  }
}
