import { z } from 'zod'
import type { MeasuredRun } from './measuredRun'
import { RUN_FORMAT_VERSION } from '../runExport'

/**
 * Reads an exported run from JSON text: what a baseline file may be. Accepts
 * the CLI's --json document ({ runId, config, results, … }), a stored
 * RunRecord ({ id, … }), an envelope holding the record under `run`, and the
 * app's export envelope ({ format: 'speedup-lab/runs', runs: [one run] }).
 * Only what a comparison reads is checked (config, samples, sums), so a
 * record with or without derived figures reads the same.
 *
 * This is the one place that turns a file into a run; swap it for the result
 * model's envelope parser when there is one.
 */
export type ReadRunOutcome = { ok: true; run: MeasuredRun } | { ok: false; reason: string }

const finite = z.number().refine(Number.isFinite, 'must be a finite number')

const measuredRunSchema = z.looseObject({
  id: z.string().min(1),
  startedAt: z.string(),
  config: z.looseObject({
    range: z.looseObject({ start: z.number().int(), end: z.number().int() }),
    workers: z.array(z.number().int().min(1)),
    workload: z.string(),
    backend: z.string().optional(),
    pool: z.string().optional()
  }),
  system: z
    .looseObject({
      cpuModel: z.string().optional(),
      availableParallelism: z.number().optional()
    })
    .optional(),
  results: z
    .array(
      z.looseObject({
        workers: z.number().int().min(1),
        samples: z.array(z.looseObject({ wallMs: finite.refine((x) => x > 0, 'must be > 0') })),
        sum: z.string(),
        expectedSum: z.string(),
        correct: z.boolean()
      })
    )
    .min(1, 'holds no results')
})

/** The format versions this build reads, by format; a newer file is refused, never half-read. */
function readableVersions(format: string): number[] | undefined {
  const upTo = (first: number): number[] =>
    Array.from({ length: RUN_FORMAT_VERSION - first + 1 }, (_, i) => first + i)
  if (format === 'speedup-lab/run') return upTo(2)
  if (format === 'speedup-lab/runs') return upTo(1)
  return undefined
}

function candidateOf(doc: unknown): { value: unknown } | { reason: string } {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return { reason: 'it is not a JSON object' }
  const o = doc as Record<string, unknown>
  if (o.kind === 'study' || o.format === 'speedup-lab/study')
    return { reason: 'it is a study, not a single run' }
  if (typeof o.format === 'string') {
    const readable = readableVersions(o.format)
    if (!readable)
      return { reason: `it is a ${o.format} file, not a run: give the --json of one run` }
    if (!readable.includes(o.version as number))
      return {
        reason:
          `it is ${o.format} format version ${JSON.stringify(o.version)}, and this Speedup Lab ` +
          `reads versions ${readable[0]} to ${readable.at(-1)}: update Speedup Lab, or export the run again ` +
          'with this version'
      }
  }
  if (typeof o.run === 'object' && o.run !== null) return { value: o.run }
  if (Array.isArray(o.runs)) {
    if (o.runs.length !== 1)
      return { reason: `it holds ${o.runs.length} runs; export exactly one run as the baseline` }
    return { value: o.runs[0] }
  }
  // The CLI's --json names the id runId.
  if (typeof o.runId === 'string' && o.id === undefined) return { value: { ...o, id: o.runId } }
  return { value: o }
}

export function readRunFile(text: string): ReadRunOutcome {
  // JSON.parse would say only "Unexpected token"; an editor adds this mark on its own.
  if (text.startsWith('\uFEFF'))
    return {
      ok: false,
      reason:
        'it starts with a byte-order mark, which JSON does not allow: save it as UTF-8 ' +
        'without BOM (in most editors, "UTF-8" rather than "UTF-8 with BOM")'
    }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    return { ok: false, reason: `it is not JSON (${e instanceof Error ? e.message : String(e)})` }
  }
  const found = candidateOf(doc)
  if ('reason' in found) return { ok: false, reason: found.reason }
  const parsed = measuredRunSchema.safeParse(found.value)
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => {
      const path = i.path.join('.')
      return path ? `${path}: ${i.message}` : i.message
    })
    return { ok: false, reason: `it is not a Speedup Lab run (${first.join('; ')})` }
  }
  // Times of a run whose totals were wrong measure a broken run: said before anything runs.
  const wrong = parsed.data.results.find((r) => !r.correct || r.sum !== r.expectedSum)
  if (wrong)
    return {
      ok: false,
      reason:
        `its total for ${wrong.workers} worker${wrong.workers === 1 ? '' : 's'} is wrong ` +
        `(${wrong.sum}, expected ${wrong.expectedSum}), so its times measure a broken run: ` +
        'use the --json of a run whose sums were all correct'
    }
  return { ok: true, run: parsed.data as MeasuredRun }
}
