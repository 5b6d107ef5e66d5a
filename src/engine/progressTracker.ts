import { expectedRepetitions, fixedRepetitions } from '../shared/analysis/chooseRepetitions'
import { plannedWarmups, warmupLimit } from '../shared/config'
import type { RunConfig } from '../shared/config'
import type { RunProgress } from '../shared/result'
import { now } from './clock'

/**
 * Estimates how far a run is and how long it has left, and throttles progress
 * events to ~10 a second. Before anything is timed each repetition is
 * weighted by the time it should take (split work shrinks with N up to the
 * cores; replicated work grows past them). Once repetitions were timed, the
 * time left is what they took: each count's remaining repetitions at its own
 * median time, a count not yet timed scaled from the nearest timed one by
 * that model — so a pool start, a busy machine or a wrong guess of the
 * kernel's speed does not skew it (issue 19: within 2× once each count ran once).
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
  /** Wall time of every finished repetition (warm-ups too: the same job), by count. */
  private readonly timed = new Map<number, number[]>()
  /** Repetitions (warm-ups included) finished, by count. */
  private readonly finished = new Map<number, number>()
  private repStartedAt = 0
  /** The bar never goes back, even when the time left grows. */
  private lastFraction = 0
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
    this.repStartedAt = now()
    this.send(true)
  }

  workerProgress(index: number, fraction: number): void {
    if (!this.current) return
    this.current.perWorker[index] = fraction
    this.send(false)
  }

  endRep(): void {
    if (this.current) this.doneCost += this.current.cost
    if (this.current && this.phase !== 'spawning') {
      const times = this.timed.get(this.workers) ?? []
      times.push(now() - this.repStartedAt)
      this.timed.set(this.workers, times)
      this.finished.set(this.workers, (this.finished.get(this.workers) ?? 0) + 1)
    }
    this.current = null
    this.send(true)
  }

  finish(): void {
    this.phase = 'done'
    this.doneCost = this.totalCost
    this.send(true)
  }

  /** A repetition of `slot` as measured: its median, or scaled from the nearest timed count; null before any. */
  private repMsOf(slot: number): number | null {
    const own = this.timed.get(slot)
    if (own && own.length > 0) return medianOf(own)
    let nearest: number | null = null
    for (const n of this.timed.keys())
      if (nearest === null || Math.abs(n - slot) < Math.abs(nearest - slot)) nearest = n
    if (nearest === null) return null
    return (medianOf(this.timed.get(nearest)!) * this.costOf(slot)) / this.costOf(nearest)
  }

  /** Time left from the measured repetitions (ms), the running one's share done taken off; null before any. */
  timeLeftMs(inRep: number): number | null {
    if (this.timed.size === 0) return null
    let left = 0
    for (const n of this.counts) {
      const repMs = this.repMsOf(n)!
      // 'auto': the rule's count at the time measured (5 and 3 s, at most 100), not the
      // minimum the plan starts from before its first round.
      const reps =
        this.config.reps === 'auto'
          ? expectedRepetitions('auto', repMs)
          : (this.repsByCount.get(n) ?? 0)
      const planned = (this.warmups.get(n) ?? 0) + reps
      const remaining = Math.max(0, planned - (this.finished.get(n) ?? 0))
      left += remaining * repMs
    }
    if (this.current && this.phase !== 'spawning') {
      // The running repetition is among the remaining ones: take off what of it is done.
      const repMs = this.repMsOf(this.workers)!
      left -= Math.min(repMs, Math.max(repMs * inRep, now() - this.repStartedAt))
    }
    return Math.max(0, left)
  }

  private send(force: boolean): void {
    const t = now()
    if (!force && t - this.lastEmit < 100) return
    this.lastEmit = t
    const perWorker = this.current?.perWorker ?? []
    const inRep = perWorker.length ? perWorker.reduce((a, b) => a + b, 0) / perWorker.length : 0
    const elapsedMs = t - this.startedAt
    const left = this.phase === 'done' ? 0 : this.timeLeftMs(inRep)
    // One view, one quantity: once repetitions were timed, the bar is the share of the
    // measured time done, the same figures the time left comes from.
    let spent = 0
    for (const times of this.timed.values()) spent += times.reduce((a, b) => a + b, 0)
    if (this.current && this.phase !== 'spawning') spent += t - this.repStartedAt
    const byCost =
      this.totalCost > 0 ? (this.doneCost + (this.current?.cost ?? 0) * inRep) / this.totalCost : 1
    const byTime = left === null ? byCost : spent + left > 0 ? spent / (spent + left) : 1
    const fraction = this.phase === 'done' ? 1 : Math.max(this.lastFraction, Math.min(1, byTime))
    this.lastFraction = fraction
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
      etaMs: left,
      elapsedMs,
      perWorker: [...perWorker]
    })
  }
}

function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
