import { z } from 'zod'
import { KERNELS } from './kernel'
import { parseServerUrl } from './cluster'
import { codeOf } from './issueCodes'
import { JOBS } from './workloads/jobs'
import { commandSettingsSchema } from './command/commandSettings'
import { MAX_DELAY_MS, MAX_REQUESTS } from './workloads/waitPart'

export { KERNELS }
export type { KernelName } from './kernel'

/** Largest magnitude a range bound may have: every bound is a safe integer. */
export const MAX_SAFE = Number.MAX_SAFE_INTEGER
/** The hard ceiling on workers per run; the engine also bounds them per core (limits.ts). */
export const MAX_WORKERS = 256
export const MAX_WORKER_COUNTS = 64
export const MAX_REPS = 100
export const MAX_WARMUP = 20
/** warmup 'auto': warm-ups until the times are steady (stats/warmedUp), at most this many per count. */
export const MAX_AUTO_WARMUP = 10
/** The largest seed of the worker counts' order (an unsigned 32-bit integer). */
export const MAX_SEED = 0xffffffff

/** The most warm-ups a configuration can take per worker count: its fixed count, or the 'auto' bound. */
export const warmupLimit = (warmup: number | 'auto'): number =>
  warmup === 'auto' ? MAX_AUTO_WARMUP : warmup

/**
 * The warm-ups a plan counts on before anything is timed: the fixed count, or
 * for 'auto' the fewest the steady rule can take (two agreeing times); the
 * progress estimate follows the real count once the warm-ups are done.
 */
export const plannedWarmups = (warmup: number | 'auto'): number => (warmup === 'auto' ? 2 : warmup)

/**
 * split: strong scaling, the range divided among N workers.
 * replicate: the tutorial's variant, every worker sums the whole range.
 * weak: weak scaling, worker i sums its own copy-sized share
 * [start + i·L, start + (i+1)·L) of an N-times longer range (L = end − start).
 */
export const WORKLOADS = ['split', 'replicate', 'weak'] as const
export const BACKENDS = ['process', 'thread'] as const
export const POOLS = ['warm', 'cold'] as const
/**
 * What a run may use: the local backends, remote workers through a NATS
 * server, or `async`: no worker at all, N requests in flight on the
 * controller's own event loop (the wait workload only).
 */
export const RUN_BACKENDS = [...BACKENDS, 'cluster', 'async'] as const

export type Workload = (typeof WORKLOADS)[number]
export type BackendKind = (typeof BACKENDS)[number]
export type RunBackend = (typeof RUN_BACKENDS)[number]
export type PoolMode = (typeof POOLS)[number]

/** Zod's message for a missing or non-numeric field, in words a user understands. */
const numberError = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${what} is required` : `${what} must be a number`

/** One message per bad bound: an integer first, then a safe one. */
const safeInteger = (what: string) =>
  z.number({ error: numberError(what) }).superRefine((value, ctx) => {
    if (!Number.isInteger(value))
      ctx.addIssue({
        code: 'custom',
        message: `${what} must be an integer`,
        params: { code: 'not-integer' }
      })
    else if (!Number.isSafeInteger(value))
      ctx.addIssue({
        code: 'custom',
        message: `${what} must be a safe integer (|x| ≤ 2^53 − 1)`,
        params: { code: 'not-safe-integer' }
      })
  })

const enumError = (what: string, values: readonly string[]) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${what} is required` : `${what} must be one of ${values.join(', ')}`

const rangeObject = z
  .object(
    {
      start: safeInteger('start'),
      end: safeInteger('end')
    },
    {
      error: (issue) =>
        issue.input === undefined ? 'range is required' : 'range must be { start, end }'
    }
  )
  .strict()

/** A range to run: at least one integer (an empty range has nothing to measure). */
export const rangeSchema = rangeObject.refine((r) => r.end > r.start, {
  message: 'end must be greater than start (an empty range has nothing to sum)',
  path: ['end'],
  params: { code: 'range-empty' }
})

const workerCount = z
  .number({ error: 'a worker count must be a number' })
  .int('a worker count must be an integer')
  .min(1, 'a worker count must be at least 1')
  .max(MAX_WORKERS, `a worker count must be at most ${MAX_WORKERS}`)

/** The wait workload's own fields: R requests, each answered after a fixed delay. */
export const waitConfigSchema = z
  .object(
    {
      requests: z
        .number({ error: numberError('requests') })
        .int('requests must be an integer')
        .min(1, 'requests must be at least 1')
        .max(MAX_REQUESTS, `requests must be at most ${MAX_REQUESTS.toLocaleString('en')}`),
      delayMs: z
        .number({ error: numberError('delay') })
        .min(0, 'delay must be at least 0 ms')
        .max(MAX_DELAY_MS, `delay must be at most ${MAX_DELAY_MS / 1000} s`)
    },
    { error: 'wait must be { requests, delayMs }' }
  )
  .strict()

export type WaitConfig = z.infer<typeof waitConfigSchema>

/** The tutorial's I/O half: 64 requests of 20 ms. */
export const DEFAULT_WAIT: WaitConfig = { requests: 64, delayMs: 20 }

const runConfigObject = z
  .object({
    /** The workload (src/shared/workloads/jobs.ts); absent means 'sum'. */
    job: z.enum(JOBS, { error: enumError('workload', JOBS) }).optional(),
    /** job 'command': the user's command, its shape and lifecycle (shared/command/commandSettings.ts). */
    command: commandSettingsSchema.optional(),
    range: rangeSchema,
    /** job 'wait': its requests and delay. */
    wait: waitConfigSchema.optional(),
    workers: z
      .array(workerCount, {
        error: (issue) =>
          issue.input === undefined
            ? 'workers is required'
            : 'workers must be a list of worker counts'
      })
      .min(1, 'give at least one worker count')
      .max(MAX_WORKER_COUNTS, `at most ${MAX_WORKER_COUNTS} worker counts`),
    workload: z.enum(WORKLOADS, { error: enumError('workload', WORKLOADS) }),
    backend: z.enum(RUN_BACKENDS, { error: enumError('backend', RUN_BACKENDS) }),
    /** backend 'cluster': the NATS server (credentials in it are used, never recorded). */
    cluster: z
      .object(
        { server: z.string({ error: 'cluster.server must be a URL' }).max(2048) },
        { error: 'cluster must be { server }' }
      )
      .strict()
      .optional(),
    pool: z.enum(POOLS, { error: enumError('pool', POOLS) }),
    /** Which loop adds the elements; absent means 'js' (records from before kernels existed). */
    kernel: z.enum(KERNELS, { error: enumError('kernel', KERNELS) }).optional(),
    /**
     * A fixed number of discarded warm-ups per worker count, or 'auto': until
     * the times are steady (stats/warmedUp), at most MAX_AUTO_WARMUP.
     */
    warmup: z.union(
      [
        z
          .number({ error: numberError('warmup') })
          .int('warmup must be an integer')
          .min(0, 'warmup must be at least 0')
          .max(MAX_WARMUP, `warmup must be at most ${MAX_WARMUP}`),
        z.literal('auto')
      ],
      {
        error: (issue) =>
          issue.input === undefined
            ? 'warmup is required'
            : typeof issue.input === 'number' && !Number.isNaN(issue.input)
              ? 'warmup must be an integer'
              : 'warmup must be a number or auto'
      }
    ),
    /**
     * The seed of the worker counts' random order in each round; absent in a
     * request means a fresh one, which the run records (older records lack it).
     */
    seed: z
      .number({ error: numberError('seed') })
      .int('seed must be an integer')
      .min(0, 'seed must be at least 0')
      .max(MAX_SEED, `seed must be at most ${MAX_SEED}`)
      .optional(),
    /**
     * Measure the serial base case (the job in the controller's thread, no
     * worker) in every round; absent means yes. Off for a job too long to run
     * once more, or where only the workers matter.
     */
    serial: z.boolean({ error: 'serial must be true or false' }).optional(),
    /** A fixed count, or 'auto': at least 5 and 3 s per worker count (analysis/chooseRepetitions). */
    reps: z.union(
      [
        z
          .number({ error: numberError('reps') })
          .int('reps must be an integer')
          .min(1, 'reps must be at least 1')
          .max(MAX_REPS, `reps must be at most ${MAX_REPS}`),
        z.literal('auto')
      ],
      {
        error: (issue) =>
          issue.input === undefined
            ? 'reps is required'
            : typeof issue.input === 'number' && !Number.isNaN(issue.input)
              ? 'reps must be an integer'
              : 'reps must be a number or auto'
      }
    )
  })
  .strict()

/** Weak scaling extends the range N times: the extended range must stay safe too. */
const weakStaysSafe = (c: z.infer<typeof runConfigObject>): boolean =>
  c.workload !== 'weak' ||
  Number.isSafeInteger(c.range.start + (c.range.end - c.range.start) * Math.max(...c.workers, 1))
const weakUnsafe = {
  message: 'weak scaling extends the range N times: it must stay within the safe integers',
  path: ['range', 'end'],
  params: { code: 'weak-unsafe' }
}

/** Adds a 'server-invalid' issue at `path` when the NATS server URL does not parse (shared/cluster.ts). */
export function checkServerUrl(server: string, path: PropertyKey[], ctx: z.RefinementCtx): void {
  const parsed = parseServerUrl(server)
  if (!parsed.ok)
    ctx.addIssue({
      code: 'custom',
      path,
      message: parsed.message,
      params: { code: 'server-invalid', reason: parsed.message }
    })
}

/** backend 'cluster' needs a NATS server URL that parses (shared/cluster.ts). */
const clusterServerChecked = (c: z.infer<typeof runConfigObject>, ctx: z.RefinementCtx): void => {
  if (c.backend !== 'cluster') return
  if (!c.cluster) {
    ctx.addIssue({
      code: 'custom',
      path: ['cluster', 'server'],
      message: 'give the NATS server',
      params: { code: 'server-required' }
    })
    return
  }
  checkServerUrl(c.cluster.server, ['cluster', 'server'], ctx)
}

/** What each workload needs of the rest of the configuration, and what it refuses. */
const workloadFits = (c: z.infer<typeof runConfigObject>, ctx: z.RefinementCtx): void => {
  const issue = (path: string[], code: string, message: string): void =>
    ctx.addIssue({ code: 'custom', path, message, params: { code } })
  const job = c.job ?? 'sum'
  if (job === 'sum' && c.backend === 'async')
    issue(
      ['backend'],
      'async-needs-wait',
      'the async backend has no worker to compute on: it only waits (workload wait); choose process or thread for the sum'
    )
  if (job !== 'wait') return
  if (!c.wait) issue(['wait'], 'wait-required', 'give the wait workload its requests and delay')
  if (c.workload !== 'split')
    issue(
      ['workload'],
      'wait-split-only',
      'the wait workload shares its R requests among the workers: workload split only'
    )
  if (c.backend === 'cluster')
    issue(
      ['backend'],
      'wait-not-on-cluster',
      "the wait workload runs only locally: its latency server is on this machine's 127.0.0.1, which remote workers cannot reach"
    )
}

/**
 * A command runs only on this machine, as processes (issue 20): it needs its
 * settings, the process backend (never the cluster: agents never run
 * commands), and the workload its shape means (workers → split, copies →
 * replicate, so every speedup figure reads it right).
 */
const commandChecked = (c: z.infer<typeof runConfigObject>, ctx: z.RefinementCtx): void => {
  if (c.job !== 'command') {
    if (c.command)
      ctx.addIssue({
        code: 'custom',
        path: ['command'],
        message: 'command settings belong to the command workload',
        params: { code: 'invalid' }
      })
    return
  }
  if (!c.command) {
    ctx.addIssue({
      code: 'custom',
      path: ['command', 'line'],
      message: 'give the command',
      params: { code: 'command-empty', role: '--command' }
    })
    return
  }
  if (c.backend === 'cluster')
    ctx.addIssue({
      code: 'custom',
      path: ['backend'],
      message:
        'a command runs only on this machine: agents never run commands (choose the process backend)',
      params: { code: 'command-local-only' }
    })
  else if (c.backend !== 'process')
    ctx.addIssue({
      code: 'custom',
      path: ['backend'],
      message: "a command's copies are processes: choose the process backend",
      params: { code: 'command-local-only' }
    })
  const workload = c.command.shape === 'copies' ? 'replicate' : 'split'
  if (c.workload !== workload)
    ctx.addIssue({
      code: 'custom',
      path: ['workload'],
      message: `a command of shape ${c.command.shape} is measured as ${workload}`,
      params: { code: 'invalid' }
    })
}

/**
 * A run configuration. The same schema validates the renderer's form, every
 * IPC payload in main, and the CLI's parsed options.
 */
export const runConfigSchema = runConfigObject
  .superRefine(clusterServerChecked)
  .superRefine(commandChecked)
  .superRefine(workloadFits)
  .refine(weakStaysSafe, weakUnsafe)

/**
 * The configuration of a stored run: the bounds input had before issue 12
 * tightened them (1,024 workers, 1,000 reps, 100 warm-ups, empty ranges), so
 * no recorded run stops loading.
 */
export const recordedRunConfigSchema = runConfigObject
  .extend({
    range: rangeObject.refine((r) => r.end >= r.start, {
      message: 'end must be greater than or equal to start',
      path: ['end']
    }),
    workers: z.array(z.number().int().min(1).max(1024)).min(1).max(MAX_WORKER_COUNTS),
    warmup: z.union([z.number().int().min(0).max(100), z.literal('auto')]),
    reps: z.union([z.number().int().min(1).max(1000), z.literal('auto')])
  })
  .superRefine(clusterServerChecked)
  .superRefine(workloadFits)
  .refine(weakStaysSafe, weakUnsafe)

export type RunConfig = z.infer<typeof runConfigSchema>

/** One problem with a configuration: where, and why. */
export interface ConfigIssue {
  field: string
  /** In English, for the CLI and logs. */
  message: string
  /** What is wrong, for front ends that word it themselves (e.g. in Korean), with its numbers. */
  code?: string
  params?: Record<string, number | string>
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ConfigIssue[] }

/** Every problem, in English and as a code with its numbers; `input` is what was validated. */
export function issuesOf(error: z.ZodError, input?: unknown): ConfigIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(config)',
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`
        : issue.message,
    ...codeOf(issue, input)
  }))
}

/** Validates an untrusted value as a RunConfig, listing every problem. */
export function validateRunConfig(input: unknown): Validated<RunConfig> {
  const parsed = runConfigSchema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, issues: issuesOf(parsed.error, input) }
}

/** The engine's defaults; `cores` is os.availableParallelism() where it runs. */
export function defaultRunConfig(cores: number): RunConfig {
  const n = Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores)))
  return {
    range: { start: 0, end: 1_000_000_000 },
    workers: Array.from({ length: n }, (_, i) => i + 1),
    workload: 'split',
    backend: 'process',
    pool: 'warm',
    warmup: 'auto',
    reps: 'auto'
  }
}

/** The Python tutorial's experiment: 0…50,000,000, 1 vs 2 workers, replicate, cold. */
export function tutorialRunConfig(): RunConfig {
  return {
    range: { start: 0, end: 50_000_000 },
    workers: [1, 2],
    workload: 'replicate',
    backend: 'process',
    pool: 'cold',
    warmup: 0,
    reps: 3
  }
}
