import { z } from 'zod'
import { KERNELS, recordedRunConfigSchema } from './config'
import type { RunRecord } from './result'
import { JOBS } from './workloads/jobs'

/**
 * The shape of a stored RunRecord, checked when history is read back: a line
 * written by an older or damaged build must be refused, not trusted. Unknown
 * keys are kept (a newer build may add fields), missing or mistyped ones fail.
 * Records of the first format are migrated first (`migrateRunRecord`).
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const decimal = z.string().regex(/^-?\d+$/, 'must be a decimal integer')
const nullableFinite = finite.nullable()

const workerTimingSchema = z.looseObject({
  name: z.string(),
  pid: z.number().int().nullable(),
  spawnStart: nullableFinite,
  readyAt: nullableFinite,
  dispatchedAt: finite,
  computeStart: finite,
  computeEnd: finite,
  receivedAt: finite,
  computeMs: finite,
  kernel: z.enum(KERNELS).optional(),
  nsPerElement: nullableFinite.optional()
})

const sampleSchema = z.looseObject({
  rep: z.number().int(),
  wallMs: finite,
  spawnMs: nullableFinite,
  computeMs: z.array(finite),
  mergeMs: finite,
  overheadMs: finite,
  serverCpuMs: z.number().nonnegative().optional(),
  workers: z.array(workerTimingSchema)
})

const resultCheckSchema = z.looseObject({
  job: z.enum(JOBS),
  what: z.string().min(1).max(100),
  params: z.record(z.string(), finite).optional()
})

const workerCountResultSchema = z.looseObject({
  workers: z.number().int().min(1),
  sum: decimal,
  expectedSum: decimal,
  correct: z.boolean(),
  check: resultCheckSchema.optional(),
  samples: z.array(sampleSchema).min(1)
})

const systemInfoSchema = z.looseObject({
  cpuModel: z.string(),
  logicalCores: z.number().int(),
  availableParallelism: z.number().int(),
  physicalCores: z.number().int().positive().optional(),
  totalMemoryBytes: z.number(),
  os: z.string(),
  arch: z.string(),
  nodeVersion: z.string(),
  appVersion: z.string().optional(),
  electronVersion: z.string().optional(),
  chromeVersion: z.string().optional()
})

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date')

export const runRecordSchema = z.looseObject({
  id: z.string().min(1).max(100),
  startedAt: isoDate,
  finishedAt: isoDate,
  status: z.literal('completed'),
  config: recordedRunConfigSchema,
  system: systemInfoSchema,
  results: z.array(workerCountResultSchema).min(1),
  correct: z.boolean(),
  legacyBaselineMs: z.number().positive().optional(),
  load: z
    .looseObject({
      source: z.enum(['proc-stat', 'os-cpus']),
      wallMs: z.number().nonnegative(),
      cores: z.number().int().positive(),
      otherCores: z.number().nonnegative(),
      stealCores: z.number().nonnegative().nullable(),
      ownCores: z.number().nonnegative(),
      loadAverage: z.object({ start: z.number(), end: z.number() }).nullable()
    })
    .optional(),
  serial: z.looseObject({ samples: z.array(sampleSchema).min(1), correct: z.boolean() }).optional(),
  protocol: z
    .looseObject({
      warmupRule: z.enum(['steady', 'fixed']),
      warmupLimit: z.number().int().nonnegative(),
      warmups: z.array(
        z.looseObject({
          workers: z.number().int().nonnegative(),
          count: z.number().int().nonnegative(),
          steady: z.boolean()
        })
      ),
      firstOrder: z.array(z.number().int().nonnegative()),
      rounds: z.number().int().nonnegative(),
      serial: z.enum(['measured', 'not-applicable', 'unavailable', 'skipped']),
      commandStartCost: z
        .looseObject({
          wallMs: z.number().nonnegative(),
          cpuMs: z.number().nonnegative(),
          samples: z.number().int().positive()
        })
        .optional()
    })
    .optional()
})

/**
 * What the first history format (before issue 9) stored per worker count
 * beside the samples: figures derived from them. They are dropped on read so
 * that every figure shown comes from one analysis of the samples.
 */
export const LEGACY_DERIVED_FIELDS = [
  'n',
  'medianMs',
  'meanMs',
  'stddevMs',
  'minMs',
  'maxMs',
  'spawnMedianMs',
  'speedup',
  'efficiency',
  'karpFlatt'
] as const

type Loose = Record<string, unknown>
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null

/**
 * Migrates a record of the first format on read: drops the derived fields and
 * keeps the samples. When that record lacks the 1-worker samples (its worker
 * list had no 1, so the baseline was measured but not kept), its median T1 is
 * recovered once from a stored speedup as `legacyBaselineMs`, so its speedups
 * still show (without an interval for T1). Anything else passes unchanged.
 */
export function migrateRunRecord(input: unknown): unknown {
  if (!isObject(input) || !Array.isArray(input.results)) return input
  const results = input.results as unknown[]
  if (!results.some((r) => isObject(r) && LEGACY_DERIVED_FIELDS.some((k) => k in r))) return input
  let legacyBaselineMs: number | undefined
  if (!results.some((r) => isObject(r) && r.workers === 1)) {
    for (const r of results) {
      if (!isObject(r)) continue
      const { speedup, medianMs } = r
      if (typeof speedup === 'number' && typeof medianMs === 'number' && speedup > 0) {
        legacyBaselineMs = speedup * medianMs
        if (Number.isFinite(legacyBaselineMs) && legacyBaselineMs > 0) break
        legacyBaselineMs = undefined
      }
    }
  }
  return {
    ...input,
    results: results.map((r) => {
      if (!isObject(r)) return r
      const kept: Loose = {}
      for (const [k, v] of Object.entries(r)) {
        if (!(LEGACY_DERIVED_FIELDS as readonly string[]).includes(k)) kept[k] = v
      }
      return kept
    }),
    ...(legacyBaselineMs !== undefined ? { legacyBaselineMs } : {})
  }
}

/**
 * A record from a file of format 1 or 2 (before workloads, issue 17) is a sum
 * checked against its closed form: it gets `config.job` 'sum' and each worker
 * count's `check`, as format 3 writes them. (History lines carry no version:
 * there an absent `job` is read as 'sum' by `jobOf`.)
 */
export function migrateToWorkloads(input: unknown): unknown {
  if (!isObject(input) || !isObject(input.config) || !Array.isArray(input.results)) return input
  if (input.config.job !== undefined) return input
  return {
    ...input,
    config: { job: 'sum', ...input.config },
    results: input.results.map((r: unknown) =>
      isObject(r) && r.check === undefined
        ? { ...r, check: { job: 'sum', what: 'closed-form' } }
        : r
    )
  }
}

export type ParsedRunRecord = { ok: true; value: RunRecord } | { ok: false; reason: string }

/** Checks an untrusted value as a RunRecord; the reason names the first bad field. */
export function parseRunRecord(
  input: unknown,
  /** The file's format version when known: below 3, the record predates workloads. */
  version?: number
): ParsedRunRecord {
  const migrated = migrateRunRecord(input)
  const parsed = runRecordSchema.safeParse(
    version !== undefined && version < 3 ? migrateToWorkloads(migrated) : migrated
  )
  if (parsed.success) return { ok: true, value: parsed.data as RunRecord }
  const issue = parsed.error.issues[0]
  const where = issue.path.length ? issue.path.join('.') : 'record'
  return { ok: false, reason: `${where}: ${issue.message}` }
}
