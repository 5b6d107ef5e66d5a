import { fixedRepetitions } from '../shared/analysis/chooseRepetitions'
import { plannedWarmups, warmupLimit } from '../shared/config'
import type { RunConfig } from '../shared/config'
import type { RunProgress } from '../shared/result'
import { now } from './clock'

/**
 * Estimates how far a run is, weighting each repetition by the time it
 * should take (split work shrinks with N up to the cores; replicated work
 * grows past them), and throttles progress events to ~10 a second.
 */
export class ProgressTracker {
  private readonly startedAt = now()
  private doneCost = 0
  private totalCost: number
  /** Repetitions expected per worker count; with 'auto', the minimum until the first round. */
  private repsByCount: Map<number, number>
  /** Warm-ups per count: planned (with 'auto', the fewest), then the ones taken. */
  private warmups: Map<number, number>
  private current: { cost: number; perWorker: number[] } | null = null
  private lastEmit = 0
  private phase: RunProgress['phase'] = 'spawning'
  private workers = 0
  private rep = 0

  constructor(
    private readonly runId: string,
    private readonly config: RunConfig,
    private readonly counts: number[],
    private readonly cores: number,
    private readonly emit: (p: RunProgress) => void
  ) {
    this.repsByCount = new Map(counts.map((n) => [n, fixedRepetitions(config.reps)]))
    this.warmups = new Map(counts.map((n) => [n, plannedWarmups(config.warmup)]))
    this.totalCost = this.costOfPlan()
  }

  private costOfPlan(): number {
    return this.counts.reduce(
      (sum, n) =>
        sum + ((this.warmups.get(n) ?? 0) + (this.repsByCount.get(n) ?? 0)) * this.costOf(n),
      0
    )
  }

  /** Repetitions chosen once the first round was timed (reps 'auto'): the estimate follows. */
  plan(repsByCount: Map<number, number>): void {
    this.repsByCount = new Map(repsByCount)
    this.totalCost = this.costOfPlan()
  }

  /** The warm-ups each count took (warm-up until steady): the estimate follows. */
  warmupsTaken(warmups: Map<number, number>): void {
    this.warmups = new Map(warmups)
    this.totalCost = this.costOfPlan()
  }

  /** Slot 0 is the serial base case: the 1-worker job without a worker. */
  costOf(slot: number): number {
    const workers = Math.max(1, slot)
    const spawn = this.config.pool === 'cold' ? 0.05 : 0
    if (this.config.workload === 'split') return 1 / Math.min(workers, this.cores) + spawn
    return Math.max(1, workers / this.cores) + spawn
  }

  beginRep(phase: RunProgress['phase'], workers: number, rep: number): void {
    this.phase = phase
    this.workers = workers
    this.rep = rep
    // Starting a warm pool is not part of the estimate: it weighs nothing.
    const cost = phase === 'spawning' ? 0 : this.costOf(workers)
    this.current = { cost, perWorker: new Array(Math.max(1, workers)).fill(0) }
    this.send(true)
  }

  workerProgress(index: number, fraction: number): void {
    if (!this.current) return
    this.current.perWorker[index] = fraction
    this.send(false)
  }

  endRep(): void {
    if (this.current) this.doneCost += this.current.cost
    this.current = null
    this.send(true)
  }

  finish(): void {
    this.phase = 'done'
    this.doneCost = this.totalCost
    this.send(true)
  }

  private send(force: boolean): void {
    const t = now()
    if (!force && t - this.lastEmit < 100) return
    this.lastEmit = t
    const perWorker = this.current?.perWorker ?? []
    const inRep = perWorker.length ? perWorker.reduce((a, b) => a + b, 0) / perWorker.length : 0
    const fraction = Math.min(
      1,
      this.totalCost > 0 ? (this.doneCost + (this.current?.cost ?? 0) * inRep) / this.totalCost : 1
    )
    const elapsedMs = t - this.startedAt
    this.emit({
      runId: this.runId,
      phase: this.phase,
      workers: this.workers,
      rep: this.rep,
      reps:
        this.phase === 'warmup'
          ? warmupLimit(this.config.warmup)
          : // An 'auto' estimate can fall short of the repetitions the rule ends up needing.
            Math.max(
              this.rep,
              this.repsByCount.get(this.workers) ?? fixedRepetitions(this.config.reps)
            ),
      fraction,
      etaMs:
        fraction > 0.02 && fraction < 1
          ? (elapsedMs * (1 - fraction)) / fraction
          : fraction >= 1
            ? 0
            : null,
      elapsedMs,
      perWorker: [...perWorker]
    })
  }
}
