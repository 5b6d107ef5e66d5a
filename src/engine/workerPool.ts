import { availableParallelism } from 'node:os'
import type { KernelName } from '../shared/kernel'
import { BenchFailure } from '../shared/errors'
import { parseWorkerMessage } from '../shared/protocol'
import type { ResultMessage, RunJobMessage } from '../shared/protocol'
import type { WorkloadPart } from '../shared/workloads/parts'
import { now } from './clock'
import type { Backend, WorkerHandle } from './types'

/** What the pool learned about one job. Times are epoch ms (see clock.ts). */
export interface JobOutcome {
  result: ResultMessage
  dispatchedAt: number
  receivedAt: number
}

interface RunningJob {
  jobId: number
  resolve(outcome: JobOutcome): void
  reject(error: BenchFailure): void
  onProgress(fraction: number): void
  dispatchedAt: number
}

/** One worker of the pool and what it is doing. */
export class PoolWorker {
  readonly ready: Promise<void>
  /** Settles when the worker is gone. */
  readonly exited: Promise<void>
  settleExited!: () => void
  readyAt: number | null = null
  /** When the worker last said anything (epoch ms): the watchdog's reference. */
  lastHeard: number
  pid: number | null
  exit: { code: number | null; signal: string | null } | null = null
  job: RunningJob | null = null
  /** Kernels the worker's runtime can run, as its ready message said. */
  kernels: KernelName[] = ['js']
  settleReady!: { resolve(): void; reject(e: BenchFailure): void }

  constructor(
    readonly index: number,
    readonly handle: WorkerHandle,
    readonly spawnStart: number
  ) {
    this.pid = handle.pid
    this.lastHeard = spawnStart
    this.exited = new Promise<void>((resolve) => (this.settleExited = resolve))
    this.ready = new Promise<void>((resolve, reject) => {
      this.settleReady = { resolve, reject }
    })
    // A worker that dies before anyone awaits `ready` must not raise an unhandled rejection.
    this.ready.catch(() => undefined)
  }

  get name(): string {
    return this.handle.name
  }

  get label(): string {
    return this.pid === null ? this.name : `${this.name} (pid ${this.pid})`
  }
}

let nextJobId = 1

/** A worker that has not said it is ready by then is taken as failed (64 workers on 2 loaded cores take ~20 s). */
export const START_TIMEOUT_MS = 60_000
const EXIT_WAIT_MS = 2000
/** How often a computing worker reports progress. */
export const PROGRESS_INTERVAL_MS = 100
/**
 * A computing worker silent for this long is taken as hung (SIGSTOPped,
 * deadlocked) and stopped: 30 progress intervals, far above what a loaded
 * machine delays a slice by (CFS gives every runnable process a turn within
 * a few hundred ms even with 64 workers on 2 cores).
 */
export const SILENCE_TIMEOUT_MS = 30 * PROGRESS_INTERVAL_MS
/**
 * More busy workers than cores share them: each is scheduled about
 * busy ÷ cores times less often, and on a machine already loaded by other
 * programs a turn can come seconds apart (64 processes on 2 busy cores: 3.1 s
 * of silence was seen). The limit grows with that share, up to this factor.
 */
const MAX_SILENCE_SCALE = 10

/** The silence after which a busy worker is taken as hung, with `busy` workers on `cores` cores. */
export function silenceLimitMs(baseMs: number, busy: number, cores: number): number {
  return baseMs * Math.min(MAX_SILENCE_SCALE, Math.max(1, busy / Math.max(1, cores)))
}

/** Waits `ms`, or less when `done` settles first; never keeps the process alive. */
function raceTimeout(done: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
    timer.unref?.()
  })
  return Promise.race([done.then(() => undefined), elapsed]).finally(() => clearTimeout(timer))
}

export interface PoolOptions {
  startTimeoutMs?: number
  /** Silence during a job after which a worker is failed by name and killed. */
  silenceTimeoutMs?: number
}

/**
 * Workers of one backend: started, given jobs, watched for death, stopped.
 * After any worker dies the pool is broken: every pending job fails with a
 * message naming the worker, and the runner throws the pool away.
 */
export class WorkerPool {
  readonly workers: PoolWorker[] = []
  private failure: BenchFailure | null = null
  private stopping = false
  private readonly startTimeoutMs: number
  private readonly silenceTimeoutMs: number
  private watchdog: ReturnType<typeof setInterval> | null = null
  private rejectLost: (failure: BenchFailure) => void = () => undefined
  /**
   * Rejects when one of this pool's workers dies, even while it has no job: a
   * run busy elsewhere (the serial base case, on this thread) stops at once
   * instead of finding the dead worker at its next repetition.
   */
  readonly lost: Promise<never> = new Promise<never>((_, reject) => {
    this.rejectLost = reject
  })

  constructor(
    private readonly backend: Backend,
    private readonly log: (line: string) => void = () => undefined,
    options: PoolOptions | number = {}
  ) {
    const o = typeof options === 'number' ? { startTimeoutMs: options } : options
    this.startTimeoutMs = o.startTimeoutMs ?? START_TIMEOUT_MS
    this.silenceTimeoutMs = o.silenceTimeoutMs ?? SILENCE_TIMEOUT_MS
    this.lost.catch(() => undefined)
  }

  get size(): number {
    return this.workers.length
  }

  /** Starts `count` more workers; each one's `ready` settles when it says so (or dies). */
  spawn(count: number): PoolWorker[] {
    const started: PoolWorker[] = []
    for (let i = 0; i < count; i++) {
      const index = this.workers.length
      const spawnStart = now()
      const handle = this.backend.spawn(`worker ${index + 1}`)
      const worker = new PoolWorker(index, handle, spawnStart)
      this.workers.push(worker)
      started.push(worker)
      handle.onMessage((raw) => this.onMessage(worker, raw))
      handle.onExit((code, signal) => this.onExit(worker, code, signal))
      const timer = setTimeout(() => this.onStartTimeout(worker), this.startTimeoutMs)
      timer.unref?.()
      worker.ready.then(
        () => clearTimeout(timer),
        () => clearTimeout(timer)
      )
    }
    return started
  }

  /** Spawns `count` workers and waits until every one is ready. */
  async start(count: number): Promise<PoolWorker[]> {
    const started = this.spawn(count)
    await Promise.all(started.map((w) => w.ready))
    return started
  }

  /** Sends one part of a workload to `worker` and resolves with its output. */
  run(
    worker: PoolWorker,
    part: WorkloadPart,
    onProgress: (fraction: number) => void
  ): Promise<JobOutcome> {
    if (this.failure) return Promise.reject(this.failure)
    if (worker.job)
      return Promise.reject(
        new BenchFailure({ code: 'internal', message: `${worker.label} is busy` })
      )
    const jobId = nextJobId++
    return new Promise<JobOutcome>((resolve, reject) => {
      const dispatchedAt = now()
      worker.lastHeard = dispatchedAt
      worker.job = { jobId, resolve, reject, onProgress, dispatchedAt }
      this.startWatchdog()
      const message: RunJobMessage = {
        type: 'run',
        jobId,
        progressIntervalMs: PROGRESS_INTERVAL_MS,
        ...part
      }
      worker.handle.send(message)
    })
  }

  /** Checks busy workers for silence while any job runs; stops itself when none does. */
  private startWatchdog(): void {
    if (this.watchdog) return
    const every = Math.max(10, Math.min(1000, Math.floor(this.silenceTimeoutMs / 4)))
    this.watchdog = setInterval(() => {
      if (!this.workers.some((w) => w.job)) {
        this.stopWatchdog()
        return
      }
      // Decide after the poll phase: messages that arrived while this process
      // itself was blocked are read first, so a busy engine never blames a worker.
      setImmediate(() => this.checkSilence())
    }, every)
    this.watchdog.unref?.()
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog)
    this.watchdog = null
  }

  private checkSilence(): void {
    if (this.stopping || this.failure) return
    const t = now()
    const busy = this.workers.filter((w) => w.job && !w.exit).length
    const limit = silenceLimitMs(this.silenceTimeoutMs, busy, availableParallelism())
    const silent = this.workers.find((w) => w.job && !w.exit && t - w.lastHeard > limit)
    if (!silent) return
    const seconds = ((t - silent.lastHeard) / 1000).toFixed(1)
    const failure = new BenchFailure({
      code: 'worker-crashed',
      message: `${silent.label} stopped responding (silent for ${seconds} s during a job); it was stopped.`,
      worker: { name: silent.name, pid: silent.pid, exitCode: null, signal: null }
    })
    this.log(`[${silent.label}] silent for ${seconds} s: stopping it`)
    this.failure = failure
    for (const w of this.workers) {
      if (w.job) {
        const job = w.job
        w.job = null
        job.reject(failure)
      }
    }
    this.stopWatchdog()
    silent.handle.kill()
  }

  /**
   * Stops everything now: running jobs are told to cancel and rejected as
   * cancelled, and every worker is killed at once (a user waits for this: no grace period).
   */
  async cancel(): Promise<void> {
    const cancelled = new BenchFailure({ code: 'cancelled', message: 'The run was cancelled.' })
    if (!this.failure) this.failure = cancelled
    for (const w of this.workers) {
      if (w.job) {
        w.handle.send({ type: 'cancel', jobId: w.job.jobId })
        const job = w.job
        w.job = null
        job.reject(cancelled)
      }
      w.settleReady.reject(cancelled)
    }
    // A cancel can come from inside spawn() (a synchronous progress or spawn hook): let that
    // call finish registering its workers, so terminate() sees and kills every one of them.
    await Promise.resolve()
    await this.terminate()
  }

  /** Kills every worker and waits (bounded) until each one is gone. */
  async terminate(): Promise<void> {
    this.stopping = true
    this.stopWatchdog()
    const stopped = new BenchFailure({ code: 'cancelled', message: 'The pool was stopped.' })
    for (const w of this.workers) {
      w.settleReady.reject(stopped)
      if (w.job) {
        const job = w.job
        w.job = null
        job.reject(this.failure ?? stopped)
      }
      if (!w.exit) w.handle.kill()
    }
    await raceTimeout(this.allExited(), EXIT_WAIT_MS)
  }

  private allExited(): Promise<void> {
    return Promise.all(this.workers.map((w) => w.exited)).then(() => undefined)
  }

  private onMessage(worker: PoolWorker, raw: unknown): void {
    const message = parseWorkerMessage(raw)
    if (!message) {
      this.log(`[${worker.label}] ignored a malformed message`)
      return
    }
    worker.lastHeard = now()
    switch (message.type) {
      case 'ready':
        worker.readyAt = now()
        worker.kernels = message.kernels
        worker.pid = worker.pid ?? (this.backend.kind === 'process' ? message.pid : null)
        this.log(`[${worker.label}] ready`)
        worker.settleReady.resolve()
        return
      case 'progress':
        if (worker.job?.jobId === message.jobId) worker.job.onProgress(message.fraction)
        return
      case 'result': {
        const job = worker.job
        if (!job || job.jobId !== message.jobId) {
          this.log(`[${worker.label}] ignored a stale result for job ${message.jobId}`)
          return
        }
        worker.job = null
        job.resolve({ result: message, dispatchedAt: job.dispatchedAt, receivedAt: now() })
        return
      }
      case 'cancelled':
        this.log(`[${worker.label}] cancelled job ${message.jobId}`)
        return
      case 'error': {
        this.log(`[${worker.label}] error: ${message.message}`)
        const job = worker.job
        if (!job || (message.jobId !== null && message.jobId !== job.jobId)) return
        const failure = new BenchFailure({
          code: 'worker-error',
          message: `${worker.label} reported an error: ${message.message}`,
          worker: { name: worker.name, pid: worker.pid, exitCode: null, signal: null }
        })
        this.failure = this.failure ?? failure
        worker.job = null
        job.reject(failure)
        return
      }
    }
  }

  /** A worker that never says it is ready fails the pool like a crash, and is stopped. */
  private onStartTimeout(worker: PoolWorker): void {
    if (worker.readyAt !== null || worker.exit || this.stopping) return
    const failure = new BenchFailure({
      code: 'worker-crashed',
      message: `${worker.label} did not start within ${(this.startTimeoutMs / 1000).toFixed(this.startTimeoutMs < 10_000 ? 1 : 0)} s.`,
      worker: { name: worker.name, pid: worker.pid, exitCode: null, signal: null }
    })
    this.failure = this.failure ?? failure
    this.rejectLost(this.failure)
    worker.settleReady.reject(failure)
    for (const w of this.workers) {
      if (w.job) {
        const job = w.job
        w.job = null
        job.reject(failure)
      }
    }
    worker.handle.kill()
  }

  private onExit(worker: PoolWorker, code: number | null, signal: string | null): void {
    worker.exit = { code, signal }
    worker.settleExited()
    this.log(`[${worker.label}] exited (${signal ? `signal ${signal}` : `code ${code}`})`)
    if (this.stopping) return
    const how = signal ? `was killed by signal ${signal}` : `exited with code ${code}`
    const lost = worker.handle.lostReason
    const failure = new BenchFailure({
      code: 'worker-crashed',
      message: lost ? `${worker.label}: ${lost}.` : `${worker.label} ${how} before it finished.`,
      worker: { name: worker.name, pid: worker.pid, exitCode: code, signal }
    })
    this.failure = this.failure ?? failure
    this.rejectLost(this.failure)
    worker.settleReady.reject(failure)
    // Every job still waiting fails: the run cannot complete without this worker.
    for (const w of this.workers) {
      if (w.job) {
        const job = w.job
        w.job = null
        job.reject(failure)
      }
    }
  }
}
