import { randomInt, randomUUID } from 'node:crypto'
import { MAX_SEED, plannedWarmups, warmupLimit } from '../shared/config'
import type { RunConfig } from '../shared/config'
import { BenchFailure } from '../shared/errors'
import { kernelOf } from '../shared/kernel'
import { CONFIRM_ABOVE_MS, roughDuration } from '../shared/limits'
import type { RunProtocol, RunRecord, Sample, WorkerTiming } from '../shared/result'
import { seededRandom } from '../shared/stats/seededRandom'
import { seededShuffle } from '../shared/stats/seededShuffle'
import { warmedUp } from '../shared/stats/warmedUp'
import { jobOf } from '../shared/workloads/jobs'
import type { SystemInfo } from '../shared/system'
import { expectedRepetitions, needsMoreRepetitions } from '../shared/analysis/chooseRepetitions'
import { aggregate, countsToMeasure, countsToReport } from './aggregate'
import type { CountMeasurement } from './aggregate'
import { now } from './clock'
import { ProgressTracker } from './progressTracker'
import { inThreadBackend } from './backends/inThread'
import type { Backend, RunHooks } from './types'
import { WorkerPool } from './workerPool'
import type { JobOutcome, PoolWorker } from './workerPool'
import { workloadOf } from './workloads'
import type { WorkloadCheck, WorkloadSession } from './workloads'
import { rangesFor } from './workloads/sum'

export interface RunnerContext {
  backend: Backend
  /** The worker bundle: a workload's own processes (the latency server) start from it too. */
  workerPath: string
  system: SystemInfo
  log: (line: string) => void
}

/** The ranges the N sum workers get (the sum workload's plan; kept here for its callers). */
export const jobsFor = rangesFor

interface RepOutcome {
  sample: Omit<Sample, 'rep'>
  checked: WorkloadCheck
}

/** How long a worker alone needed: its compute, after its start-up when it was spawned cold. */
function criticalPath(worker: PoolWorker, t0: number, warm: boolean, computeMs: number): number {
  return (warm || worker.readyAt === null ? 0 : worker.readyAt - t0) + computeMs
}

/** How long a failed repetition waits to learn whether the workload's session failed first. */
const SESSION_FAILURE_GRACE_MS = 500

/** The serial base case's slot among the worker counts of a round (it has no worker). */
export const SERIAL = 0

const cancelled = (): BenchFailure =>
  new BenchFailure({ code: 'cancelled', message: 'The run was cancelled.' })

/**
 * Runs a validated configuration of any workload in rounds: each round runs
 * one repetition of every count still due, in a random order drawn from the
 * run's seed (so drift and periodic noise hit every count alike, and the
 * order can be replayed). The serial base case (the job in this thread, no
 * worker) takes its place in every round. Warm-ups come first and are
 * discarded: a fixed number, or ('auto') until the times are steady. Every
 * repetition's combined result is checked by the workload.
 */
export async function runBenchmark(
  requested: RunConfig,
  ctx: RunnerContext,
  hooks: RunHooks = {}
): Promise<RunRecord> {
  // The record says which workload and kernel ran, even when the caller left them to the default.
  // The seed too: a request without one gets a fresh one, recorded so the order can be replayed.
  const config: RunConfig = {
    ...requested,
    job: jobOf(requested),
    kernel: kernelOf(requested),
    seed: requested.seed ?? randomInt(0, MAX_SEED + 1)
  }
  const random = seededRandom(config.seed!)
  const workload = workloadOf(config)
  let session: WorkloadSession | null = null
  const id = randomUUID()
  const startedAt = new Date().toISOString()
  const counts = countsToMeasure(config)
  // Set once the serial base case is known to run (its slot joins the counts).
  let tracker!: ProgressTracker
  const pools = new Set<WorkerPool>()
  const signal = hooks.signal
  // A cancel stops the workers and the workload's session (the wait's latency server)
  // together, at once: nothing waits for the other to go first.
  const onAbort = (): void => {
    for (const pool of pools) void pool.cancel()
    void session?.close()
  }
  signal?.addEventListener('abort', onAbort)
  const throwIfCancelled = (): void => {
    if (signal?.aborted) throw cancelled()
  }

  /**
   * A command's copy that failed or ran past --timeout fails the run by name: which worker
   * count and repetition, then the copy ("2 workers, repetition 3: copy 1 of 2 (pid …)
   * exited with code 3"), not "worker 1 reported an error", the engine's host of the copies.
   */
  const namedRep = async (
    slot: number,
    rep: number,
    measure: () => Promise<RepOutcome>
  ): Promise<RepOutcome> => {
    try {
      return await measure()
    } catch (e) {
      if (jobOf(config) !== 'command' || !(e instanceof BenchFailure)) throw e
      if (e.error.code !== 'worker-error') throw e
      const copy = e.error.message.replace(/^.*? reported an error: /, '')
      const where = `${slot} ${slot === 1 ? 'worker' : 'workers'}, ${rep === 0 ? 'a warm-up' : `repetition ${rep}`}`
      throw new BenchFailure({ ...e.error, message: `${where}: ${copy}` })
    }
  }

  /** One repetition on `workers` of a ready pool (warm) or of workers spawned now (cold). */
  const measureRep = async (
    slot: number,
    warmPool: WorkerPool | null,
    rep: number
  ): Promise<RepOutcome> => {
    // The serial base case is the 1-worker job, run by the in-thread pool.
    const workers = Math.max(1, slot)
    // Untimed work before the repetition (a command's --prepare).
    await workload.prepare?.(config, workers, session?.value ?? null, rep)
    throwIfCancelled()
    const parts = workload.plan(config, workers, session?.value ?? null, rep)
    // One part per worker; a workload may give fewer (one process told to use N).
    const needed = Math.min(workers, parts.length)
    let pool: WorkerPool
    let slots: PoolWorker[]
    // The session's own CPU time (the latency server's) is read before and after, untimed.
    const cpuBefore = (await session?.cpuMs?.()) ?? null
    const t0 = now()
    if (warmPool) {
      pool = warmPool
      slots = warmPool.workers.slice(0, needed)
    } else {
      pool = new WorkerPool(ctx.backend, ctx.log)
      pools.add(pool)
      slots = pool.spawn(needed)
    }
    try {
      const running = Promise.all(
        slots.map(async (w, i) => {
          await w.ready
          workload.assertRunnable?.(config, w)
          return pool.run(w, parts[i], (f) => tracker.workerProgress(i, f))
        })
      )
      // A session that fails mid-run (its server killed) fails the run, naming it; so does a
      // worker of another pool that dies meanwhile (the warm pool, while the serial base case runs).
      const outcomes: JobOutcome[] = await Promise.race([
        running,
        ...(session ? [session.failed] : []),
        ...[...pools].filter((p) => p !== pool).map((p) => p.lost)
      ])
      const lastResult = Math.max(...outcomes.map((o) => o.receivedAt))
      const outputs = outcomes.map((o) => o.result)
      const m0 = now()
      const combined = workload.combine(outputs)
      const mergeMs = now() - m0
      const checked = workload.check(config, parts, outputs, combined)
      const computeMs = outcomes.map((o) => o.result.computeMs)
      const wallMs = workload.timesOwnSpan
        ? Math.max(...outcomes.map((o) => o.result.endedAt)) -
          Math.min(...outcomes.map((o) => o.result.startedAt))
        : lastResult - t0
      const spawnMs = warmPool ? null : Math.max(...slots.map((w) => w.readyAt ?? t0)) - t0
      const timings: WorkerTiming[] = slots.map((w, i) => ({
        name: w.name,
        pid: w.pid,
        spawnStart: warmPool ? null : w.spawnStart - t0,
        readyAt: warmPool || w.readyAt === null ? null : w.readyAt - t0,
        dispatchedAt: outcomes[i].dispatchedAt - t0,
        computeStart: outcomes[i].result.startedAt - t0,
        computeEnd: outcomes[i].result.endedAt - t0,
        receivedAt: outcomes[i].receivedAt - t0,
        computeMs: computeMs[i],
        ...workload.timing?.(outputs[i], parts[i]),
        ...(w.handle.remote
          ? {
              host: w.handle.remote.host,
              agent: w.handle.remote.agent,
              rttMs: w.handle.remote.rttMs,
              clockOffsetMs: w.handle.remote.clockOffsetMs
            }
          : {})
      }))
      const rtts = slots.flatMap((w) => (w.handle.remote ? [w.handle.remote.rttMs] : []))
      const cpuAfter = cpuBefore === null ? null : ((await session?.cpuMs?.()) ?? null)
      const serverCpuMs =
        cpuBefore !== null && cpuAfter !== null ? Math.max(0, cpuAfter - cpuBefore) : null
      return {
        sample: {
          wallMs,
          spawnMs,
          computeMs,
          mergeMs,
          // Wall time beyond the critical path: each worker's start-up (cold) plus its compute.
          overheadMs:
            wallMs -
            Math.max(...slots.map((w, i) => criticalPath(w, t0, warmPool !== null, computeMs[i]))),
          ...(rtts.length ? { networkMs: Math.max(...rtts) } : {}),
          ...(serverCpuMs !== null ? { serverCpuMs } : {}),
          workers: timings
        },
        checked
      }
    } finally {
      if (!warmPool) {
        await pool.terminate()
        pools.delete(pool)
      }
    }
  }

  try {
    throwIfCancelled()
    // What the workload needs besides workers (a server) starts before anything is timed.
    session =
      (await workload.open?.(config, { log: ctx.log, workerPath: ctx.workerPath, signal })) ?? null
    session?.failed.catch(() => undefined)
    throwIfCancelled()
    // The serial base case: the job on this thread, through the worker loop run in-thread.
    let serialPool: WorkerPool | null = null
    let serialState: RunProtocol['serial'] =
      jobOf(config) === 'command'
        ? 'not-applicable'
        : config.serial === false
          ? 'skipped'
          : 'unavailable'
    if (serialState === 'unavailable') {
      const inThread = await inThreadBackend(ctx.log)
      if (inThread) {
        const pool = new WorkerPool(inThread, ctx.log)
        pools.add(pool)
        try {
          const [w] = await pool.start(1)
          workload.assertRunnable?.(config, w)
          serialPool = pool
          serialState = 'measured'
        } catch (e) {
          if (signal?.aborted) throw cancelled()
          ctx.log(
            `[serial] the job cannot run in this thread: ${e instanceof Error ? e.message : String(e)}`
          )
          await pool.terminate()
          pools.delete(pool)
        }
      }
    }
    throwIfCancelled()
    const slots = serialPool ? [...counts, SERIAL] : counts
    tracker = new ProgressTracker(id, config, slots, ctx.system.availableParallelism, (p) =>
      hooks.onProgress?.(p)
    )
    let warmPool: WorkerPool | null = null
    if (config.pool === 'warm') {
      warmPool = new WorkerPool(ctx.backend, ctx.log)
      pools.add(warmPool)
      tracker.beginRep('spawning', Math.max(...counts), 0)
      const started = await warmPool.start(Math.max(...counts))
      throwIfCancelled()
      for (const w of started) workload.assertRunnable?.(config, w)
    }
    const poolFor = (slot: number): WorkerPool | null => (slot === SERIAL ? serialPool : warmPool)
    const measured = new Map<number, CountMeasurement>(
      slots.map((n) => [n, { workers: n, samples: [], sum: '0', expectedSum: '0', correct: true }])
    )
    /**
     * A command's duration is unknown until it ran once: the first repetition's
     * wall, times every repetition planned, is the estimate a run above
     * CONFIRM_ABOVE_MS needs confirming (the app's dialog, the CLI's --yes) for.
     */
    let estimated = jobOf(config) !== 'command' || hooks.confirmedLong === true
    const estimateFrom = (outcome: RepOutcome): void => {
      if (estimated) return
      estimated = true
      const repMs = outcome.sample.wallMs
      const total = slots.reduce(
        (sum, _n) =>
          sum + repMs * (plannedWarmups(config.warmup) + expectedRepetitions(config.reps, repMs)),
        0
      )
      if (total > CONFIRM_ABOVE_MS)
        throw new BenchFailure({
          code: 'needs-confirmation',
          message:
            `The first repetition took ${roughDuration(repMs)}: the run would take about ` +
            `${roughDuration(total)} (more than ${roughDuration(CONFIRM_ABOVE_MS)}): confirm to start it.`,
          estimate: { estimatedMs: total, confirmAboveMs: CONFIRM_ABOVE_MS }
        })
    }
    // Warm-ups, discarded: a fixed number, or until the count's times are steady (bounded).
    const limit = warmupLimit(config.warmup)
    const untilSteady = config.warmup === 'auto'
    const warmTimes = new Map<number, number[]>(slots.map((n) => [n, []]))
    const warmedUpDone = (n: number): boolean => {
      const times = warmTimes.get(n)!
      return times.length >= limit || (untilSteady && warmedUp(times))
    }
    for (let round = 1; ; round++) {
      const due = slots.filter((n) => !warmedUpDone(n))
      if (due.length === 0) break
      for (const n of hooks.fixedOrder ? due : seededShuffle(due, random)) {
        tracker.beginRep('warmup', n, round)
        const outcome = await namedRep(n, 0, () => measureRep(n, poolFor(n), 0))
        estimateFrom(outcome)
        tracker.endRep()
        warmTimes.get(n)!.push(outcome.sample.wallMs)
        throwIfCancelled()
      }
    }
    tracker.warmupsTaken(new Map(slots.map((n) => [n, warmTimes.get(n)!.length])))
    // A fixed count, or 'auto': each count until it has 5 repetitions and 3 s (at most 100).
    const wallsOf = (n: number): number[] => measured.get(n)!.samples.map((s) => s.wallMs)
    let firstOrder: number[] = []
    let rounds = 0
    for (let rep = 1; ; rep++) {
      const due = slots.filter((n) => needsMoreRepetitions(wallsOf(n), config.reps))
      if (due.length === 0) break
      rounds = rep
      if (rep === 2 && config.reps === 'auto') {
        tracker.plan(new Map(slots.map((n) => [n, expectedRepetitions('auto', wallsOf(n)[0])])))
      }
      const order = hooks.fixedOrder ? due : seededShuffle(due, random)
      if (rep === 1) firstOrder = order
      for (const n of order) {
        tracker.beginRep('measuring', n, rep)
        const outcome = await namedRep(n, rep, () => measureRep(n, poolFor(n), rep))
        estimateFrom(outcome)
        tracker.endRep()
        const m = measured.get(n)!
        m.samples.push({ rep, ...outcome.sample })
        m.sum = outcome.checked.actual
        m.expectedSum = outcome.checked.expected
        m.check = outcome.checked.check
        m.correct &&= outcome.checked.correct
        throwIfCancelled()
      }
    }
    const serial = measured.get(SERIAL)
    measured.delete(SERIAL)
    const protocol: RunProtocol = {
      warmupRule: untilSteady ? 'steady' : 'fixed',
      warmupLimit: limit,
      warmups: slots.map((n) => ({
        workers: n,
        count: warmTimes.get(n)!.length,
        steady: untilSteady && warmedUp(warmTimes.get(n)!)
      })),
      firstOrder,
      rounds,
      serial: serialState,
      ...(session?.startCost ? { commandStartCost: session.startCost } : {})
    }
    const results = aggregate([...measured.values()], countsToReport(config))
    tracker.finish()
    return {
      id,
      startedAt,
      finishedAt: new Date().toISOString(),
      status: 'completed',
      config,
      system: ctx.system,
      results,
      // The serial base case's check counts too: a wrong total is wrong wherever it was added.
      correct: results.every((r) => r.correct) && (serial?.correct ?? true),
      ...(serial ? { serial: { samples: serial.samples, correct: serial.correct } } : {}),
      protocol
    }
  } catch (e) {
    if (signal?.aborted) throw cancelled()
    // A worker may see the session's failure first (its server's connection closed):
    // name the cause, the session, when it follows within a moment.
    if (session) {
      const cause = await Promise.race([
        session.failed.then(
          () => null,
          (failure: unknown) => failure
        ),
        new Promise<null>((r) => setTimeout(() => r(null), SESSION_FAILURE_GRACE_MS))
      ])
      if (cause) throw cause
    }
    throw e
  } finally {
    signal?.removeEventListener('abort', onAbort)
    await Promise.all([...[...pools].map((p) => p.terminate()), session?.close()])
  }
}
