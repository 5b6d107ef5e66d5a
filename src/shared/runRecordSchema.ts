import { z } from 'zod'
import { recordedRunConfigSchema } from './config'
import type { RunRecord } from './result'

/**
 * The shape of a stored RunRecord, checked when history is read back: a line
 * written by an older or damaged build must be refused, not trusted. Unknown
 * keys are kept (a newer build may add fields), missing or mistyped ones fail.
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number')
/** JSON has no NaN: a speedup of NaN (no 1-worker time) is stored as null. */
const ratio = z.union([finite, z.null().transform(() => Number.NaN)])
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
  computeMs: finite
})

const sampleSchema = z.looseObject({
  rep: z.number().int(),
  wallMs: finite,
  spawnMs: nullableFinite,
  computeMs: z.array(finite),
  mergeMs: finite,
  overheadMs: finite,
  workers: z.array(workerTimingSchema)
})

const workerCountResultSchema = z.looseObject({
  workers: z.number().int().min(1),
  n: z.number().int().min(0),
  medianMs: finite,
  meanMs: finite,
  stddevMs: finite,
  minMs: finite,
  maxMs: finite,
  spawnMedianMs: nullableFinite,
  speedup: ratio,
  efficiency: ratio,
  karpFlatt: ratio.nullable(),
  sum: decimal,
  expectedSum: decimal,
  correct: z.boolean(),
  samples: z.array(sampleSchema)
})

const systemInfoSchema = z.looseObject({
  cpuModel: z.string(),
  logicalCores: z.number().int(),
  availableParallelism: z.number().int(),
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
  correct: z.boolean()
})

export type ParsedRunRecord = { ok: true; value: RunRecord } | { ok: false; reason: string }

/** Checks an untrusted value as a RunRecord; the reason names the first bad field. */
export function parseRunRecord(input: unknown): ParsedRunRecord {
  const parsed = runRecordSchema.safeParse(input)
  if (parsed.success) return { ok: true, value: parsed.data as RunRecord }
  const issue = parsed.error.issues[0]
  const where = issue.path.length ? issue.path.join('.') : 'record'
  return { ok: false, reason: `${where}: ${issue.message}` }
}
