import { tick, untrack } from 'svelte'
import { queueDraw } from '../Charts/drawQueue'

/**
 * Counts up from 0 to `last`, one step per task, each after the browser has
 * had a chance to paint: a view shows its first piece at once and the
 * following ones a frame apart, so no single task draws them all. The steps
 * share the graphs' queue (drawQueue): a step that mounts a graph's card
 * queues the graph, and the next step waits its turn behind it, so a graph is
 * created in a task of its own, on a page laid out since its card appeared.
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
    let stopped = false
    let cancel = (): void => {}
    const next = (): void => {
      if (stopped) return
      cancel = queueDraw(() => {
        if (stopped) return
        this.stage++
        // Once the stage's pieces are mounted (and their graphs queued), queue the next stage.
        if (this.stage < this.#last) void tick().then(next)
      })
    }
    // Started from an $effect: reading the stage here must not make it rerun on every step.
    if (untrack(() => this.stage) < this.#last) next()
    return () => {
      stopped = true
      cancel()
    }
  }
}
