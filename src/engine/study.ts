import { randomUUID } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { BenchFailure } from '../shared/errors'
import type { RunProgress, RunRecord } from '../shared/result'
import {
  describeStep,
  estimateStepMs,
  stepInfoOf,
  studyPlan,
  sweepWorkers,
  validateStudyConfig,
  withoutCredentials,
  type BackendRun,
  type SizeRun,
  type WorkloadRun,
  type StudyProgress,
  type StudyRecord,
  type StudyStep,
  type WorkerMemory
} from '../shared/study'
import type { RunConfig } from '../shared/config'
import { now } from './clock'
import { collectSystemInfo } from './systemInfo'
import type { MemoryProbe } from './memoryProbe'
import type { Engine } from './types'

export interface StudyHooks {
  onProgress?: (progress: StudyProgress) => void
  /** Cancels the study: forwarded to the run in progress, checked between steps. */
  signal?: AbortSignal
  /** Runs estimated to be long are confirmed (see RunHooks.confirmedLong). */
  confirmedLong?: boolean
}

export interface StudyOptions {
  /** Measures memory per worker for the backend comparison; without it memory is null. */
  measureMemory?: MemoryProbe
  /** Cores for the progress estimate (default os.availableParallelism()). */
  cores?: number
}

const cancelled = (): BenchFailure =>
  new BenchFailure({ code: 'cancelled', message: 'The study was cancelled.' })

/**
 * Runs a study on an engine, one run after another (the engine runs one at a
 * time): the size sweep's runs (1 worker vs N, warm then cold, sizes
 * ascending, per backend), then per compared backend its worker sweep, a
 * cold-start probe run and a memory probe. Validates first (BenchFailure
 * 'invalid-input' listing every problem, before any worker starts); progress
 * covers the whole study, weighted by each step's expected duration; the
 * signal cancels the run in progress and the study ('cancelled').
 */
export async function runStudy(
  engine: Engine,
  input: unknown,
  hooks: StudyHooks = {},
  options: StudyOptions = {}
): Promise<StudyRecord> {
  const validated = validateStudyConfig(input)
  if (!validated.ok) {
    throw new BenchFailure({
      code: 'invalid-input',
      message: `Invalid study: ${validated.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      issues: validated.issues
    })
  }
  const config = validated.value
  const { signal } = hooks
  const id = randomUUID()
  const startedAt = new Date().toISOString()
  const t0 = now()
  const cores = options.cores ?? availableParallelism()
  const steps = studyPlan(config)
  // A study on the cluster: the server, the agents and their free workers are checked
  // before anything is timed, not when the first cluster step comes after the local ones.
  await checkClusterSteps(engine, steps, signal)
  const costs = steps.map((s) => estimateStepMs(s, cores))
  const total = costs.reduce((a, b) => a + b, 0)
  let done = 0

  const emit = (index: number, run: RunProgress | null): void => {
    if (!hooks.onProgress) return
    const inStep = run ? costs[index] * run.fraction : 0
    const fraction = total > 0 ? Math.min(1, (done + inStep) / total) : 1
    const elapsedMs = now() - t0
    hooks.onProgress({
      studyId: id,
      step: Math.min(index + 1, steps.length),
      steps: steps.length,
      label: index < steps.length ? describeStep(steps[index]) : 'done',
      stepInfo: stepInfoOf(index < steps.length ? steps[index] : null),
      fraction,
      etaMs: fraction >= 1 ? 0 : fraction > 0.02 ? (elapsedMs * (1 - fraction)) / fraction : null,
      elapsedMs,
      run
    })
  }

  const sizeRuns: SizeRun[] = []
  const backendRuns: BackendRun[] = []
  const workloadRuns: WorkloadRun[] = []
  let system = collectSystemInfo()
  const pending = new Map<string, Partial<BackendRun>>()

  for (const [index, step] of steps.entries()) {
    if (signal?.aborted) throw cancelled()
    emit(index, null)
    if (step.kind === 'memory') {
      let memory: WorkerMemory | null = null
      if (options.measureMemory) memory = await options.measureMemory(step.backend, signal)
      pending.set(step.backend, { ...pending.get(step.backend), memory })
    } else {
      const run: RunRecord = await engine.run(step.config, {
        signal,
        onProgress: (p) => emit(index, p),
        confirmedLong: hooks.confirmedLong
      })
      system = run.system
      if (step.kind === 'size') {
        sizeRuns.push({
          backend: step.backend,
          pool: step.pool,
          size: step.size,
          run,
          ...(step.kernel ? { kernel: step.kernel } : {})
        })
      } else if (step.kind === 'workload') {
        workloadRuns.push({ job: step.job, backend: step.backend, run })
      } else if (step.kind === 'backend') {
        pending.set(step.backend, { ...pending.get(step.backend), backend: step.backend, run })
      } else {
        pending.set(step.backend, { ...pending.get(step.backend), coldStart: run })
      }
    }
    done += costs[index]
    if (signal?.aborted) throw cancelled()
  }
  for (const backend of config.backends ?? []) {
    const b = pending.get(backend)
    if (!b?.run || !b.coldStart) throw new Error(`the ${backend} comparison did not complete`)
    backendRuns.push({ backend, run: b.run, coldStart: b.coldStart, memory: b.memory ?? null })
  }
  emit(steps.length, null)
  const runs = [
    ...sizeRuns.map((r) => r.run),
    ...backendRuns.flatMap((b) => [b.run, b.coldStart]),
    ...workloadRuns.map((w) => w.run)
  ]
  return {
    id,
    startedAt,
    finishedAt: new Date().toISOString(),
    status: 'completed',
    // The server as recorded: without any credentials the URL held.
    config: withoutCredentials(config),
    system,
    sweepWorkers: config.sizes ? sweepWorkers(config.base) : null,
    sizeRuns,
    backendRuns,
    workloadRuns,
    correct: runs.every((r) => r.correct)
  }
}

/**
 * For each pool the study uses on the cluster, the preflight of its largest
 * cluster run (warm pools need free standing workers; cold ones, agents that
 * can start them). Throws what that run would throw ('unavailable', …).
 */
async function checkClusterSteps(
  engine: Engine,
  steps: readonly StudyStep[],
  signal: AbortSignal | undefined
): Promise<void> {
  const largest = new Map<string, RunConfig>()
  for (const step of steps) {
    if (step.kind === 'memory' || step.backend !== 'cluster') continue
    const held = largest.get(step.config.pool)
    if (!held || Math.max(...step.config.workers) > Math.max(...held.workers))
      largest.set(step.config.pool, step.config)
  }
  if (largest.size === 0) return
  if (!engine.checkCluster)
    throw new BenchFailure({
      code: 'internal',
      message: 'This engine cannot check a cluster before a study.'
    })
  for (const config of largest.values()) {
    if (signal?.aborted) throw cancelled()
    try {
      await engine.checkCluster(config, signal)
    } catch (e) {
      // Cancelled while connecting or looking for agents: the study's own words.
      if (signal?.aborted) throw cancelled()
      throw e
    }
  }
}
