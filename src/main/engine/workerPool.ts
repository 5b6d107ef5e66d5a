import type { KernelName } from '../../shared/kernel'
import { BenchFailure } from '../../shared/errors'
import { parseWorkerMessage } from '../../shared/protocol'
import type { ResultMessage } from '../../shared/protocol'
import type { Range } from '../../shared/range'
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
  readyAt: number | null = null
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

const GRACE_MS = 50
/** A worker that has not said it is ready by then is taken as failed (64 workers on 2 loaded cores take ~20 s). */
export const START_TIMEOUT_MS = 60_000
const EXIT_WAIT_MS = 2000

/**
 * Workers of one backend: started, given jobs, watched for death, stopped.
 * After any worker dies the pool is broken: every pending job fails with a
 * message naming the worker, and the runner throws the pool away.
 */
export class WorkerPool {
  readonly workers: PoolWorker[] = []
  private failure: BenchFailure | null = null
  private stopping = false

  constructor(
    private readonly backend: Backend,
    private readonly log: (line: string) => void = () => undefined,
    private readonly startTimeoutMs = START_TIMEOUT_MS
  ) {}

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

  /** Sends `range` to `worker` and resolves with its partial sum. */
  run(
    worker: PoolWorker,
    range: Range,
    onProgress: (fraction: number) => void,
    kernel: KernelName = 'js'
  ): Promise<JobOutcome> {
    if (this.failure) return Promise.reject(this.failure)
    if (worker.job)
      return Promise.reject(
        new BenchFailure({ code: 'internal', message: `${worker.label} is busy` })
      )
    const jobId = nextJobId++
    return new Promise<JobOutcome>((resolve, reject) => {
      const dispatchedAt = now()
      worker.job = { jobId, resolve, reject, onProgress, dispatchedAt }
      worker.handle.send({
        type: 'run',
        jobId,
        start: range.start,
        end: range.end,
        kernel,
        progressIntervalMs: 100
      })
    })
  }

  /**
   * Stops everything now: running jobs are told to cancel and rejected as
   * cancelled, and every worker is killed after a short grace.
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
    await Promise.race([this.allExited(), new Promise((r) => setTimeout(r, GRACE_MS))])
    await this.terminate()
  }

  /** Kills every worker and waits (bounded) until each one is gone. */
  async terminate(): Promise<void> {
    this.stopping = true
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
    await Promise.race([this.allExited(), new Promise((r) => setTimeout(r, EXIT_WAIT_MS))])
  }

  private allExited(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.workers.every((w) => w.exit)) resolve()
        else setTimeout(check, 5)
      }
      check()
    })
  }

  private onMessage(worker: PoolWorker, raw: unknown): void {
    const message = parseWorkerMessage(raw)
    if (!message) {
      this.log(`[${worker.label}] ignored a malformed message`)
      return
    }
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
