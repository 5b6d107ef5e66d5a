import { parseServerUrl } from '../shared/cluster'
import { validateRunConfig } from '../shared/config'
import { BenchFailure } from '../shared/errors'
import { CONFIRM_ABOVE_MS, checkLimits, limitMessage, roughDuration } from '../shared/limits'
import type { RunRecord } from '../shared/result'
import type { SystemInfo } from '../shared/system'
import { childProcessBackend } from './backends/childProcess'
import { workerThreadBackend } from './backends/workerThread'
import { eventLoopBackend } from './backends/eventLoop'
import { openCluster } from './backends/cluster/clusterBackend'
import type { ClusterSession, OpenClusterOptions } from './backends/cluster/clusterBackend'
import { inProcessBackend } from './backends/inProcess'
import { stopAllCopies } from './workloads/command/runCopy'
import { jobOf } from '../shared/workloads/jobs'
import { runBenchmark } from './runner'
import { collectSystemInfo } from './systemInfo'
import { measuredComputeMs, startCpuSampler } from './cpuSampler'
import type { AppCpuMs } from './cpuSampler'
import type { Backend, Engine, RunConfig, RunHooks } from './types'
import type { ClusterSystem } from '../shared/system'

export interface EngineOptions {
  /** The built worker bundle (out/main/worker.js next to the entry point). */
  workerPath: string
  /**
   * The `process` backend. Default: child_process.fork. The Electron app
   * passes its utilityProcess backend here.
   */
  processBackend?: (workerPath: string, log: (line: string) => void) => Backend
  /** The `thread` backend. Default: worker_threads (tests wrap it to watch the workers). */
  threadBackend?: (workerPath: string, log: (line: string) => void) => Backend
  /** Extra system facts recorded with each run (app, Electron, Chromium versions). */
  systemExtra?: Partial<SystemInfo>
  /** One line per worker event (name, pid, what happened). */
  log?: (line: string) => void
  /** The cluster backend's timings (tests shorten them). */
  cluster?: Pick<OpenClusterOptions, 'discoverMs' | 'heartbeatTimeoutMs' | 'key' | 'leaseMs'>
  /**
   * CPU time of the front end's own other processes so far, ms, read where
   * /proc is missing (the app: its window's processes), so that they are not
   * counted as other programs. On Linux the process tree is read instead.
   */
  appCpuMs?: AppCpuMs
}

/** Creates the engine the app, the CLI and the tests drive. One run at a time. */
export function createEngine(options: EngineOptions): Engine {
  const log = options.log ?? (() => undefined)
  const makeProcess = options.processBackend ?? childProcessBackend
  const makeThread = options.threadBackend ?? workerThreadBackend
  let current: { controller: AbortController; done: Promise<unknown> } | null = null
  let disposed = false

  return {
    get busy() {
      return current !== null
    },

    async run(input: unknown, hooks: RunHooks = {}): Promise<RunRecord> {
      if (disposed)
        throw new BenchFailure({ code: 'internal', message: 'The engine was shut down.' })
      const validated = validateRunConfig(input)
      if (!validated.ok) {
        throw new BenchFailure({
          code: 'invalid-input',
          message: `Invalid configuration: ${validated.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
          issues: validated.issues
        })
      }
      if (current) {
        throw new BenchFailure({ code: 'busy', message: 'A run is already in progress.' })
      }
      let config = validated.value
      const local = collectSystemInfo(options.systemExtra)
      // Bounds on the work, checked here so every caller (app, CLI, agent) applies them.
      const limits = checkLimits(config, local.availableParallelism)
      if (limits.refused.length) {
        const issues = limits.refused.map((l) => ({
          field: l.field,
          message: limitMessage(l),
          code: l.code,
          params: l.params
        }))
        throw new BenchFailure({
          code: 'invalid-input',
          message: `Refused: ${issues.map((i) => i.message).join('; ')}`,
          issues
        })
      }
      if (limits.needsConfirmation && !hooks.confirmedLong) {
        throw new BenchFailure({
          code: 'needs-confirmation',
          message:
            `This run would take about ${roughDuration(limits.estimatedMs)} ` +
            `(more than ${roughDuration(CONFIRM_ABOVE_MS)}): confirm to start it.`,
          estimate: { estimatedMs: limits.estimatedMs, confirmAboveMs: CONFIRM_ABOVE_MS }
        })
      }
      const controller = new AbortController()
      // In progress from here on: a cancel during the synchronous start (the first
      // spawn, the first progress event) must not be lost.
      let finished!: () => void
      current = { controller, done: new Promise<void>((resolve) => (finished = resolve)) }
      const forward = (): void => controller.abort()
      hooks.signal?.addEventListener('abort', forward)
      if (hooks.signal?.aborted) controller.abort()
      let cluster: ClusterSession | null = null
      try {
        let system = local
        let backend: Backend
        if (config.backend === 'cluster') {
          // Connect, find the agents and measure the links before anything is timed.
          const opened = await openClusterFor(config, options, log, controller.signal)
          cluster = opened.session
          config = opened.config
          system = { ...system, cluster: opened.system }
          backend = cluster.backend
        } else if (jobOf(config) === 'command') {
          // A command's copies are processes the engine starts itself, each in a group of its
          // own: its workers run in this process, so a cancel reaches every copy's tree.
          backend = inProcessBackend(log)
          controller.signal.addEventListener('abort', () => void stopAllCopies())
        } else
          backend =
            config.backend === 'process'
              ? makeProcess(options.workerPath, log)
              : config.backend === 'async'
                ? eventLoopBackend(log)
                : makeThread(options.workerPath, log)
        if (controller.signal.aborted)
          throw new BenchFailure({ code: 'cancelled', message: 'The run was cancelled.' })
        // What else used the CPU meanwhile: read around the whole run, pools terminated.
        const sampler = startCpuSampler(options.appCpuMs)
        const record = await runBenchmark(
          config,
          { backend, system, log, workerPath: options.workerPath },
          {
            onProgress: hooks.onProgress,
            signal: controller.signal,
            confirmedLong: hooks.confirmedLong,
            fixedOrder: hooks.fixedOrder
          }
        )
        if (config.backend !== 'cluster') record.load = sampler.stop(measuredComputeMs(record))
        // A cancel that lands after the merge (from the final progress event) still wins:
        // cancel() resolving true always means this run threw 'cancelled'.
        if (controller.signal.aborted)
          throw new BenchFailure({ code: 'cancelled', message: 'The run was cancelled.' })
        return record
      } finally {
        await cluster?.close()
        hooks.signal?.removeEventListener('abort', forward)
        current = null
        finished()
      }
    },

    async checkCluster(input: RunConfig, signal?: AbortSignal): Promise<void> {
      if (disposed)
        throw new BenchFailure({ code: 'internal', message: 'The engine was shut down.' })
      const validated = validateRunConfig(input)
      if (!validated.ok || validated.value.backend !== 'cluster') {
        const issues = validated.ok
          ? [{ field: 'backend', message: 'not a cluster configuration' }]
          : validated.issues
        throw new BenchFailure({
          code: 'invalid-input',
          message: `Invalid configuration: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
          issues
        })
      }
      const opened = await openClusterFor(validated.value, options, log, signal)
      await opened.session.close()
    },

    async cancel(): Promise<boolean> {
      const running = current
      if (!running) return false
      running.controller.abort()
      await running.done
      return true
    },

    async dispose(): Promise<void> {
      disposed = true
      await this.cancel()
      // Nothing a command started outlives the engine.
      await stopAllCopies()
    }
  }
}

/**
 * Opens the cluster for a validated config: credentials are taken out of the
 * server URL here and go only to the NATS client; the config that is run and
 * recorded keeps the URL without them.
 */
const CLUSTER_SETTLE_MS = 3000

/**
 * `work`'s answer, or a 'cancelled' failure as soon as `signal` aborts (a
 * connect or a discovery may take seconds); a session `work` still opens
 * after that is closed by `late`.
 */
async function unlessAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  late: (value: T) => Promise<void>
): Promise<T> {
  if (!signal) return work
  let onAbort!: () => void
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () =>
      reject(new BenchFailure({ code: 'cancelled', message: 'The run was cancelled.' }))
  })
  if (signal.aborted) onAbort()
  else signal.addEventListener('abort', onAbort, { once: true })
  try {
    return await Promise.race([work, aborted])
  } catch (e) {
    if (signal.aborted) void work.then(late, () => undefined)
    throw e
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}

async function openClusterFor(
  config: RunConfig,
  options: EngineOptions,
  log: (line: string) => void,
  signal?: AbortSignal
): Promise<{ session: ClusterSession; config: RunConfig; system: ClusterSystem }> {
  const parsed = parseServerUrl(config.cluster?.server ?? '')
  if (!parsed.ok)
    throw new BenchFailure({
      code: 'invalid-input',
      message: `Invalid configuration: cluster.server: ${parsed.message}`,
      issues: [{ field: 'cluster.server', message: parsed.message }]
    })
  const address = parsed.value
  const open = (): Promise<ClusterSession> =>
    unlessAborted(
      openCluster({ address, pool: config.pool, log, ...options.cluster }),
      signal,
      (s) => s.close()
    )
  const wanted = Math.max(...config.workers)
  let session = await open()
  // Workers of the agents found may still be starting or finishing a cancelled job: wait a little.
  const deadline = Date.now() + CLUSTER_SETTLE_MS
  while (
    session.capacity < wanted &&
    session.agents.reduce((n, a) => n + a.workers, 0) >= wanted &&
    Date.now() < deadline
  ) {
    await session.close()
    await new Promise((r) => setTimeout(r, 250))
    session = await open()
  }
  if (signal?.aborted) {
    await session.close()
    throw new BenchFailure({ code: 'cancelled', message: 'The run was cancelled.' })
  }
  if (session.capacity < wanted) {
    await session.close()
    const found = session.agents.length
    throw new BenchFailure({
      code: 'unavailable',
      message:
        `${wanted} remote workers were asked for, but ${address.server} offers ` +
        `${session.capacity} ${config.pool === 'warm' ? 'free ' : ''}worker${session.capacity === 1 ? '' : 's'}` +
        ` from ${found} agent${found === 1 ? '' : 's'}` +
        (found === 0 ? ' (start one with `speedup-lab worker --server …`).' : '.')
    })
  }
  return {
    session,
    config: { ...config, cluster: { server: address.server } },
    system: {
      server: address.server,
      agents: session.agents.map((a) => ({
        host: a.host,
        name: a.name,
        cores: a.cores,
        node: a.node,
        kind: a.kind,
        workers: a.workers,
        rttMs: session.links.get(a.agentId)?.rttMs ?? 0,
        clockOffsetMs: session.links.get(a.agentId)?.clockOffsetMs ?? 0
      }))
    }
  }
}

export { collectSystemInfo } from './systemInfo'
export { childProcessBackend } from './backends/childProcess'
export { workerThreadBackend } from './backends/workerThread'
export type { Backend, Engine, RunHooks, WorkerHandle } from './types'
export { runStudy } from './study'
export type { StudyHooks, StudyOptions } from './study'
export { createMemoryProbe } from './memoryProbe'
export type { MemoryProbe, MemoryProbeOptions } from './memoryProbe'
