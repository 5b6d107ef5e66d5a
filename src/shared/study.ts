/**
 * A study: several runs that answer one question together. A problem-size
 * sweep (1 worker against N, cold and warm pools, over log-spaced range
 * lengths: where does N first win?) and a backend comparison (the same worker
 * sweep on processes and on threads, with each one's start cost and memory).
 */
import { fixedRepetitions } from './analysis/chooseRepetitions'
import { z } from 'zod'
import {
  DEFAULT_WAIT,
  KERNELS,
  checkServerUrl,
  issuesOf,
  runConfigSchema,
  type BackendKind,
  type KernelName,
  type RunBackend,
  type PoolMode,
  type RunConfig,
  type Validated
} from './config'
import { parseServerUrl, redactServerText } from './cluster'
import { parseCommandTemplate } from './command/commandTemplate'
import { estimateRunMs, maxWorkersFor } from './limits'
import { jobOf, type JobName } from './workloads/jobs'
import { oneOf } from './oneOf'
import { parseIntegerText } from './parse'
import type { IssueCode } from './issueCodes'

/** A parse result whose failure also says what is wrong as a code (for the form's languages). */
export type CodedParsed<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; code: IssueCode; params: Record<string, number | string> }
import type { RunProgress, RunRecord } from './result'
import type { SystemInfo } from './system'

export const MAX_SIZES = 40

/**
 * Range lengths 10^4, 10^4.5, …, 10^9 (rounded): log-spaced at half decades,
 * 11 sizes. From where a cold start dwarfs the job (10^4 elements take ~10 µs,
 * a process ~40 ms to start) to where it is noise (10^9 take ~0.8 s per worker
 * on the 2-core build machine); 10^10 would add ~8 s per repetition per size.
 */
export const DEFAULT_SWEEP_SIZES: readonly number[] = halfDecades(1e4, 1e9)

/** Every half-decade 10^(k/2) from `from` to `to` inclusive, rounded, with both ends. */
export function halfDecades(from: number, to: number): number[] {
  const out = new Set<number>([from])
  for (let k = Math.ceil(2 * Math.log10(from)); 10 ** (k / 2) < to; k++) {
    const size = Math.round(10 ** (k / 2))
    if (size > from && size < to) out.add(size)
  }
  out.add(to)
  return [...out].sort((a, b) => a - b)
}

/** One message per bad size: whole first, then safe, then positive. */
const sizeSchema = z.number({ error: 'a size must be a number' }).superRefine((value, ctx) => {
  const [message, params]: [string, Record<string, number | string>] | [null, null] =
    !Number.isInteger(value)
      ? ['a size must be a whole number', { code: 'not-integer' }]
      : !Number.isSafeInteger(value)
        ? ['a size must be a safe integer (≤ 2^53 − 1)', { code: 'not-safe-integer' }]
        : value < 1
          ? ['a size must be at least 1', { code: 'too-small', min: 1 }]
          : [null, null]
  if (message) ctx.addIssue({ code: 'custom', message, params })
})

/** The backends a study compares (the sum's): async only waits, and a study sweeps the sum. */
export const STUDY_BACKENDS = [
  'process',
  'thread',
  'cluster'
] as const satisfies readonly RunBackend[]

export const studyConfigSchema = z
  .object({
    /** Everything a single run takes; sizes replace its range's length, backends its backend. */
    base: runConfigSchema,
    /** Range lengths to sweep, 1 worker against N = the largest of base.workers. */
    sizes: z
      .array(sizeSchema, { error: 'sizes must be a list of range lengths' })
      .min(1, 'give at least one size')
      .max(MAX_SIZES, `at most ${MAX_SIZES} sizes`)
      .optional(),
    /**
     * Backends to compare, side by side, on base's worker sweep (and each with
     * the size sweep). `cluster` (the network-cost study) needs base.cluster.
     */
    backends: z
      .array(oneOf('a backend', STUDY_BACKENDS), { error: 'backends must be a list' })
      .min(1, 'give at least one backend')
      .max(STUDY_BACKENDS.length, `at most ${STUDY_BACKENDS.length} backends`)
      .optional(),
    /** Kernels to compare: the size sweep is run once with each (issue 10). */
    kernels: z
      .array(oneOf('a kernel', KERNELS), {
        error: 'kernels must be a list'
      })
      .min(2, 'compare at least two kernels')
      .max(KERNELS.length, `at most ${KERNELS.length} kernels`)
      .optional(),
    /**
     * CPU vs waiting (issue 17): the sum and the wait on base's worker sweep,
     * the wait on threads, processes and async, side by side.
     */
    compareWorkloads: z.boolean().optional()
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.sizes && !c.backends && !c.compareWorkloads) {
      ctx.addIssue({
        code: 'custom',
        message: 'a study needs sizes to sweep, backends to compare, or both',
        path: [],
        params: { code: 'study-empty' }
      })
    }
    if (c.compareWorkloads && c.base.backend === 'cluster') {
      ctx.addIssue({
        code: 'custom',
        message:
          "comparing workloads runs locally: the wait's latency server is on this machine's 127.0.0.1",
        path: ['base', 'backend'],
        params: { code: 'wait-not-on-cluster' }
      })
    }
    if (c.sizes && new Set(c.sizes).size !== c.sizes.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'sizes must be distinct',
        path: ['sizes'],
        params: { code: 'not-distinct' }
      })
    }
    if (c.kernels && new Set(c.kernels).size !== c.kernels.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'kernels must be distinct',
        path: ['kernels'],
        params: { code: 'not-distinct' }
      })
    }
    if (c.kernels && !c.sizes) {
      ctx.addIssue({
        code: 'custom',
        message: 'comparing kernels runs the size sweep with each: give sizes',
        path: ['kernels'],
        params: { code: 'no-sizes' }
      })
    }
    if (c.backends && new Set(c.backends).size !== c.backends.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'backends must be distinct',
        path: ['backends'],
        params: { code: 'not-distinct' }
      })
    }
    if (c.backends?.includes('cluster')) clusterServerGiven(c.base, ctx)
    if (c.base.job === 'command' && c.base.command) commandStudyChecked(c, c.base.command, ctx)
    if (c.sizes) {
      const n = sweepWorkers(c.base)
      if (n < 2) {
        ctx.addIssue({
          code: 'custom',
          message: 'a size sweep compares 1 worker with N: give a worker count of at least 2',
          path: ['base', 'workers'],
          params: { code: 'sweep-needs-two' }
        })
      }
      const copies = c.base.workload === 'weak' ? n : 1
      c.sizes.forEach((size, i) => {
        if (!Number.isSafeInteger(c.base.range.start + size * copies)) {
          ctx.addIssue({
            code: 'custom',
            message: `start + ${size}${copies > 1 ? ` × ${copies}` : ''} leaves the safe integers`,
            path: ['sizes', i],
            params: { code: 'size-unsafe', size, copies }
          })
        }
      })
    }
  })

export type StudyConfig = z.infer<typeof studyConfigSchema>

/**
 * A study that runs on the cluster needs the NATS server in its base (the
 * base's own schema checks it only when the base itself is a cluster run).
 */
function clusterServerGiven(base: RunConfig, ctx: z.RefinementCtx): void {
  if (base.backend === 'cluster') return // runConfigSchema checked it already
  if (!base.cluster || base.cluster.server.trim() === '') {
    ctx.addIssue({
      code: 'custom',
      message: 'comparing with the cluster needs its NATS server (e.g. nats://host:4222)',
      path: ['base', 'cluster', 'server'],
      params: { code: 'study-server-required' }
    })
    return
  }
  checkServerUrl(base.cluster.server, ['base', 'cluster', 'server'], ctx)
}

/** The study as it may be recorded and shown: the server URL without any credentials. */
export function withoutCredentials(config: StudyConfig): StudyConfig {
  const server = config.base.cluster?.server
  if (server === undefined) return config
  const parsed = parseServerUrl(server)
  return {
    ...config,
    base: {
      ...config.base,
      cluster: { server: parsed.ok ? parsed.value.server : redactServerText(server) }
    }
  }
}

/** Validates an untrusted value as a StudyConfig, listing every problem. */
export function validateStudyConfig(input: unknown): Validated<StudyConfig> {
  const parsed = studyConfigSchema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, issues: issuesOf(parsed.error, input) }
}

/** N of the size sweep: the largest worker count of the base configuration. */
export function sweepWorkers(base: RunConfig): number {
  return Math.max(...base.workers)
}

/**
 * A command's study is its size sweep (--sizes: {size} takes each value):
 * the sum's range, kernels, backends and workloads mean nothing to it.
 */
function commandStudyChecked(
  c: { sizes?: number[]; backends?: unknown; kernels?: unknown; compareWorkloads?: boolean },
  command: NonNullable<RunConfig['command']>,
  ctx: z.RefinementCtx
): void {
  if (c.sizes) {
    // Every point sets {size}: a line without it would run the same job at every size.
    const t = parseCommandTemplate(command.line, {
      role: 'command',
      shape: command.shape,
      shell: command.shell,
      sizes: true
    })
    if (!t.ok && t.issue.code === 'size-unused')
      ctx.addIssue({
        code: 'custom',
        message: t.issue.message,
        path: ['sizes'],
        params: { code: 'size-unused' }
      })
  }
  const refuse = (field: string, what: string): void =>
    ctx.addIssue({
      code: 'custom',
      message: `a command's study is a size sweep of {size}: ${what} is for the sum`,
      path: [field],
      params: { code: 'command-study-sizes-only' }
    })
  if (c.backends) refuse('backends', 'comparing backends')
  if (c.kernels) refuse('kernels', 'comparing kernels')
  if (c.compareWorkloads) refuse('compareWorkloads', 'comparing workloads')
}

/**
 * The pools a size sweep runs: warm, then cold. A command's copies are new
 * processes every repetition whatever the pool, so its sweep runs once.
 */
export function sweepPools(base: RunConfig): PoolMode[] {
  return jobOf(base) === 'command' ? [base.pool] : ['warm', 'cold']
}

/**
 * The run for one point of a size sweep: [start, start + size), 1 worker and N;
 * for a command, {size} = size (its range means nothing).
 */
export function sizeRunConfig(
  base: RunConfig,
  size: number,
  backend: RunBackend,
  pool: PoolMode,
  kernel?: KernelName
): RunConfig {
  const start = base.range.start
  if (base.command)
    return {
      ...onBackend(base, backend),
      command: { ...base.command, size },
      workers: [1, sweepWorkers(base)],
      pool,
      reps: fixedRepetitions(base.reps)
    }
  return {
    ...onBackend(base, backend),
    range: { start, end: start + size },
    workers: [1, sweepWorkers(base)],
    pool,
    ...(kernel ? { kernel } : {}),
    // A study runs many points: a fixed count each, not 'auto' (3 s per count per point).
    reps: fixedRepetitions(base.reps)
  }
}

/**
 * The base moved to one backend: the server goes with cluster runs only, so a
 * local run of a network-cost study never carries (or records) it.
 */
export function onBackend(base: RunConfig, backend: RunBackend): RunConfig {
  const { cluster, ...local } = base
  return backend === 'cluster' && cluster ? { ...local, backend, cluster } : { ...local, backend }
}

/** Elements of the cold-start probe: small enough that the run is all start-up. */
export const COLD_START_PROBE_LENGTH = 1000

/** The cold-start probe: 1 worker, cold, a job of 1000 elements, at least 5 repetitions. */
export function coldStartProbeConfig(base: RunConfig, backend: RunBackend): RunConfig {
  return {
    range: { start: 0, end: COLD_START_PROBE_LENGTH },
    workers: [1],
    workload: 'split',
    backend,
    ...(backend === 'cluster' && base.cluster ? { cluster: base.cluster } : {}),
    pool: 'cold',
    warmup: 1,
    reps: Math.max(5, fixedRepetitions(base.reps))
  }
}

/** The wait's backends in the CPU-vs-waiting study: threads, processes, and no worker at all. */
export const WORKLOAD_STUDY_WAIT_BACKENDS = [
  'thread',
  'process',
  'async'
] as const satisfies readonly RunBackend[]

/**
 * The worker sweep of the CPU-vs-waiting study when none is given: 1, 2, 4, …
 * up to 16× the cores (1,2,4,8,16,32 on 2 cores), within the engine's limit:
 * far past the cores, where the sum has flattened and the wait still rises.
 */
export function workloadStudyWorkers(cores: number): number[] {
  const top = Math.min(16 * Math.max(1, Math.floor(cores)), maxWorkersFor(cores))
  const out: number[] = []
  for (let n = 1; n < top; n *= 2) out.push(n)
  out.push(top)
  return out
}

/** The sum's backend in that study: the base's when it computes (process, thread), else process. */
export function workloadStudySumBackend(base: RunConfig): RunBackend {
  return base.backend === 'thread' ? 'thread' : 'process'
}

/** One run of the CPU-vs-waiting study: the base as the sum, or as the wait on `backend`. */
export function workloadRunConfig(
  base: RunConfig,
  job: 'sum' | 'wait',
  backend: RunBackend
): RunConfig {
  // Neither the cluster nor another workload's fields go with these runs.
  const { cluster: _c, command: _cmd, wait, ...local } = base
  return {
    ...local,
    job,
    backend,
    ...(job === 'wait' ? { wait: wait ?? DEFAULT_WAIT, workload: 'split' as const } : {}),
    reps: fixedRepetitions(base.reps)
  }
}

/** One step of a study, in the order it runs. */
export type StudyStep =
  | {
      kind: 'size'
      backend: RunBackend
      pool: PoolMode
      size: number
      config: RunConfig
      /** Set when the study compares kernels. */
      kernel?: KernelName
      /** Set for a command's sweep: `size` is the value of {size}. */
      job?: 'command'
    }
  | { kind: 'backend'; backend: RunBackend; config: RunConfig }
  | { kind: 'cold-start'; backend: RunBackend; config: RunConfig }
  | { kind: 'memory'; backend: BackendKind }
  | { kind: 'workload'; job: 'sum' | 'wait'; backend: RunBackend; config: RunConfig }

/**
 * The steps of a study: for every backend of the size sweep (the base's, or
 * each compared one) and each pool (warm, then cold), every size ascending;
 * then for each compared backend its worker sweep, its cold-start probe and
 * its memory probe.
 */
export function studyPlan(config: StudyConfig): StudyStep[] {
  const steps: StudyStep[] = []
  const backends = config.backends ?? [config.base.backend]
  if (config.sizes) {
    const sizes = [...config.sizes].sort((a, b) => a - b)
    // Comparing kernels: the whole sweep once per kernel, each kernel's runs together.
    for (const kernel of config.kernels ?? [undefined]) {
      for (const backend of backends) {
        for (const pool of sweepPools(config.base)) {
          for (const size of sizes) {
            steps.push({
              kind: 'size',
              backend,
              pool,
              size,
              config: sizeRunConfig(config.base, size, backend, pool, kernel),
              ...(kernel ? { kernel } : {}),
              ...(jobOf(config.base) === 'command' ? { job: 'command' as const } : {})
            })
          }
        }
      }
    }
  }
  if (config.backends) {
    for (const backend of config.backends) {
      steps.push({
        kind: 'backend',
        backend,
        config: { ...onBackend(config.base, backend), reps: fixedRepetitions(config.base.reps) }
      })
      steps.push({
        kind: 'cold-start',
        backend,
        config: coldStartProbeConfig(config.base, backend)
      })
      // Remote workers' memory is not this machine's to read: "not measured" (null), not 0.
      // (async has no worker of its own: nothing to measure either.)
      if (backend === 'process' || backend === 'thread') steps.push({ kind: 'memory', backend })
    }
  }
  if (config.compareWorkloads) {
    const sum = workloadStudySumBackend(config.base)
    steps.push({
      kind: 'workload',
      job: 'sum',
      backend: sum,
      config: workloadRunConfig(config.base, 'sum', sum)
    })
    for (const backend of WORKLOAD_STUDY_WAIT_BACKENDS)
      steps.push({
        kind: 'workload',
        job: 'wait',
        backend,
        config: workloadRunConfig(config.base, 'wait', backend)
      })
  }
  return steps
}

const MEMORY_PROBE_MS = 400

/** A guess at how long a step takes (ms), only to weight the study's progress bar. */
export function estimateStepMs(step: StudyStep, cores: number): number {
  if (step.kind === 'memory') return MEMORY_PROBE_MS
  // Studies run a fixed count; 'auto' (never stored in a step today) would count as its minimum.
  return estimateRunMs({ ...step.config, reps: fixedRepetitions(step.config.reps) }, cores)
}

/** A step as data, for a front end to word in its language (issue 9: no parsing of labels). */
export type StudyStepInfo =
  | {
      kind: 'size'
      backend: RunBackend
      pool: PoolMode
      size: number
      kernel?: KernelName
      job?: 'command'
    }
  | { kind: 'backend' | 'cold-start' | 'memory'; backend: RunBackend }
  | { kind: 'workload'; job: JobName; backend: RunBackend }
  | { kind: 'done' }

/** The step without its configuration. */
export function stepInfoOf(step: StudyStep | null): StudyStepInfo {
  if (step === null) return { kind: 'done' }
  return step.kind === 'size'
    ? {
        kind: 'size',
        backend: step.backend,
        pool: step.pool,
        size: step.size,
        ...(step.kernel ? { kernel: step.kernel } : {}),
        ...(step.job ? { job: step.job } : {})
      }
    : step.kind === 'workload'
      ? { kind: 'workload', job: step.job, backend: step.backend }
      : { kind: step.kind, backend: step.backend }
}

/** A short label for a step, for progress lines (English; the app words `stepInfo`). */
export function describeStep(step: StudyStep): string {
  switch (step.kind) {
    case 'size':
      if (step.job === 'command')
        return `size sweep · your command · size ${step.size.toLocaleString('en-US')}`
      return `size sweep · ${step.kernel ? `${step.kernel} kernel · ` : ''}${step.backend} · ${step.pool} · ${step.size.toLocaleString('en-US')} elements`
    case 'backend':
      return `backend comparison · ${step.backend}`
    case 'cold-start':
      return `cold-start probe · ${step.backend}`
    case 'memory':
      return `memory probe · ${step.backend}`
    case 'workload':
      return `CPU vs waiting · ${step.job} · ${step.backend}`
  }
}

/**
 * Memory per worker, measured once per backend by a probe that starts a few
 * idle-then-run workers. Processes: each worker's own resident set, read from
 * /proc/<pid>/status (VmRSS) on Linux, `ps -o rss=` elsewhere, with the
 * proportional set size (PSS: shared pages split among the processes sharing
 * them; Linux /proc/<pid>/smaps_rollup only) beside it. Threads share the
 * engine's process, so a thread costs what the engine's RSS grows by when the
 * threads start, divided by their number.
 */
export interface WorkerMemory {
  backend: RunBackend
  method: 'proc-status' | 'ps' | 'rss-growth'
  /** Workers the probe started. */
  workers: number
  /** Median over the workers (processes) or growth ÷ workers (threads), bytes. */
  rssBytesPerWorker: number
  /** Processes on Linux: median PSS, bytes; null elsewhere and for threads. */
  pssBytesPerWorker: number | null
  /** How it was measured, in a sentence. */
  note: string
}

/** One point of a size sweep: the run of 1 worker and N on a range of `size` elements. */
export interface SizeRun {
  backend: RunBackend
  pool: PoolMode
  size: number
  run: RunRecord
  /** Set when the study compared kernels: which kernel's sweep this point belongs to. */
  kernel?: KernelName
}

/** One backend's worker sweep, its cold start and its memory per worker. */
export interface BackendRun {
  backend: RunBackend
  run: RunRecord
  /** The cold-start probe's run: 1 worker, cold, 1000 elements. */
  coldStart: RunRecord
  /** Null where the platform offers no way to read it (or the probe was not given). */
  memory: WorkerMemory | null
}

/** One run of the CPU-vs-waiting study: a workload on a backend over the worker sweep. */
export interface WorkloadRun {
  job: 'sum' | 'wait'
  backend: RunBackend
  run: RunRecord
}

/** A finished study: measurements only; analyzeStudy() derives the rest. */
export interface StudyRecord {
  id: string
  startedAt: string
  finishedAt: string
  status: 'completed'
  config: StudyConfig
  system: SystemInfo
  /** N of the size sweep; null without one. */
  sweepWorkers: number | null
  sizeRuns: SizeRun[]
  backendRuns: BackendRun[]
  /** CPU vs waiting: the sum's run and the wait's on each backend (empty without it). */
  workloadRuns: WorkloadRun[]
  /** True when every total of every run matched its closed form. */
  correct: boolean
}

/** Streamed while a study runs. */
export interface StudyProgress {
  studyId: string
  /** 1-based step being run, of `steps`. */
  step: number
  steps: number
  /** English, for the CLI's progress line. */
  label: string
  /** The same step as data, for the app to word in the user's language. */
  stepInfo: StudyStepInfo
  /** The whole study, 0…1, weighted by each step's expected duration. */
  fraction: number
  etaMs: number | null
  elapsedMs: number
  /** The current run's own progress, when the step is a run. */
  run: RunProgress | null
}

/** One size as typed, in the one number grammar: 1000000, 1_000_000, 1e6 or 10^6. */
function parseSize(text: string): CodedParsed<number> {
  const t = text.trim()
  const size = /^[+-]/.test(t) ? null : parseIntegerText(t)
  if (size?.ok) return size
  return {
    ok: false,
    message: `"${t}" is not a size (e.g. 100_000, 1e5 or 10^5)`,
    code: 'not-a-size',
    params: { text: t }
  }
}

/**
 * A list of range lengths: sizes separated by commas, each digits with
 * optional _ separators (100_000) or a power (10^5); `A..B` stands for A, B
 * and every half decade between (10^4..10^6 = 10^4, 10^4.5, 10^5, 10^5.5,
 * 10^6, rounded). Each size is read by the shared number grammar (parse.ts).
 * The result is sorted and deduplicated; the schema checks its limits.
 */
export function parseSizeList(text: string): CodedParsed<number[]> {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 0) {
    return { ok: false, message: 'give at least one size', code: 'no-sizes', params: {} }
  }
  const out = new Set<number>()
  for (const part of parts) {
    const span = part.split('..')
    if (span.length > 2) {
      return {
        ok: false,
        message: `"${part}" is not A..B`,
        code: 'not-a-span',
        params: { text: part }
      }
    }
    const ends: number[] = []
    for (const end of span) {
      const size = parseSize(end)
      if (!size.ok) return size
      ends.push(size.value)
    }
    if (ends.length === 1) {
      out.add(ends[0])
      continue
    }
    const [from, to] = ends
    if (!(from >= 1) || !(to > from)) {
      return {
        ok: false,
        message: `"${part}": a span must go upwards from at least 1`,
        code: 'span-upwards',
        params: { text: part }
      }
    }
    if (!Number.isSafeInteger(to)) {
      return {
        ok: false,
        message: `"${part}": ${to} is not a safe integer`,
        code: 'not-safe-integer',
        params: { text: part }
      }
    }
    for (const size of halfDecades(from, to)) out.add(size)
    if (out.size > MAX_SIZES) break
  }
  return { ok: true, value: [...out].sort((a, b) => a - b) }
}
