/**
 * The one JSON shape of a run, written by the CLI (--json) and the app's
 * export alike (docs/FORMATS.md, docs/run-export.schema.json), and read back
 * by `parseRunEnvelope`. Pure: the same record always gives the same bytes.
 */
import type {
  AnalysisMethod,
  ModelsCode,
  RunAnalysis,
  RunVerdictCode,
  WorkerVerdict
} from './analysis'
import type { RunConfig } from './config'
import type { RunRecord } from './result'
import { parseRunRecord } from './runRecordSchema'
import { analyzeRun } from './analysis/analyzeRun'
import {
  contentionText,
  methodText,
  modelsText,
  referenceText,
  warningText
} from './report/findings'
import { workerSlowdownOf, type ContentionAnalysis } from './analysis/contention'
import type { RunSummary } from './history'
import type { SystemInfo } from './system'
import { medianNsPerElement, workerThroughput } from './throughput'
import { idealWaitMs, medianServerCpuMs, waitOverheadPerRequestMs } from './waitFigures'
import { medianCpuMs, medianCpuUtilization, peakRssOf } from './command/copyFigures'

import { figure } from './report/figure'

export { figure }

import { RUN_FORMAT_VERSION } from './runFormatVersion'

export { RUN_FORMAT_VERSION }

/** One worker count as every surface shows it (the CSV row, the JSON entry, the tables). */
export interface RunResultRow {
  workers: number
  /** Measured repetitions. */
  n: number
  medianMs: number
  /** 95% bootstrap interval of the median; null below 6 repetitions. */
  medianCiLower: number | null
  medianCiUpper: number | null
  meanMs: number
  stddevMs: number
  minMs: number
  maxMs: number
  spawnMedianMs: number | null
  /** Split: T1/TN; replicate and weak: N·T1/TN. Null where T1 is unknown. */
  speedup: number | null
  speedupError: number | null
  /** The speedup's 95% interval; null for the baseline and with too few repetitions. */
  speedupLow: number | null
  speedupHigh: number | null
  efficiency: number | null
  efficiencyError: number | null
  /** Karp–Flatt e(N); null for N = 1, weak scaling, and S outside 1…N. */
  karpFlatt: number | null
  karpFlattError: number | null
  verdict: WorkerVerdict
  /** More workers than available cores. */
  oversubscribed: boolean
  sum: string
  expectedSum: string
  correct: boolean
  /** Median compute ns per element over every worker and repetition (the kernel's speed); null when unknown. */
  nsPerElement: number | null
  /** Elements per second per worker: 1e9 ÷ nsPerElement; null when unknown. */
  workerElementsPerSecond: number | null
  /**
   * Each worker's ns per element here ÷ one worker's alone: 1 on free cores,
   * above 1 when the workers shared cores (with each other or other programs).
   * Null for 1 worker, a cluster run, and where ns per element is unknown.
   */
  workerSlowdown: number | null
  /** wait: ceil(R/N)·delay, the time no run can beat (ms); null for other workloads. */
  idealMs: number | null
  /** wait: (median − ideal) ÷ ceil(R/N), each request's cost beyond the delay (ms). */
  overheadPerRequestMs: number | null
  /** wait: the latency server's median CPU time per repetition (ms); null when not recorded. */
  serverCpuMs: number | null
  /**
   * A command's copies, as the OS reported them for each child: user and
   * system CPU time (summed over the copies of a repetition, median over
   * repetitions), CPU utilization = CPU ÷ (wall × N) (median), and the largest
   * peak resident memory of any copy. Null means "not measured" (other
   * workloads, or an OS that does not report it), never 0.
   */
  cpuUserMs: number | null
  cpuSystemMs: number | null
  cpuUtilization: number | null
  peakRssBytes: number | null
}

/** The rows of a run, in the record's order: the single source every table and export reads. */
export function resultRows(record: RunRecord, analysis: RunAnalysis): RunResultRow[] {
  return record.results.map((r, i) => {
    const a = analysis.workers[i]
    return {
      workers: r.workers,
      n: a.n,
      medianMs: a.medianMs,
      medianCiLower: figure(a.medianInterval?.lower),
      medianCiUpper: figure(a.medianInterval?.upper),
      meanMs: a.meanMs,
      stddevMs: a.stddevMs,
      minMs: a.minMs,
      maxMs: a.maxMs,
      spawnMedianMs: figure(a.spawnMedianMs),
      speedup: figure(a.speedup.speedup),
      speedupError: r.workers === 1 ? null : figure(a.speedup.speedupError),
      speedupLow: figure(a.speedupInterval?.lower),
      speedupHigh: figure(a.speedupInterval?.upper),
      efficiency: figure(a.speedup.efficiency),
      efficiencyError: r.workers === 1 ? null : figure(a.speedup.efficiencyError),
      karpFlatt: figure(a.karpFlatt?.serialFraction),
      karpFlattError: figure(a.karpFlatt?.error),
      verdict: a.verdict,
      oversubscribed: a.oversubscribed,
      sum: r.sum,
      expectedSum: r.expectedSum,
      correct: r.correct,
      nsPerElement: figure(medianNsPerElement(record.config, r)),
      workerElementsPerSecond: figure(workerThroughput(record.config, r)),
      workerSlowdown: figure(workerSlowdownOf(record, r.workers)),
      idealMs: figure(idealWaitMs(record.config, r.workers)),
      overheadPerRequestMs: figure(waitOverheadPerRequestMs(record.config, r.workers, a.medianMs)),
      serverCpuMs: figure(medianServerCpuMs(r)),
      ...commandFigures(record, r)
    }
  })
}

/** A command's CPU and memory figures for one worker count; all null for other workloads. */
function commandFigures(
  record: RunRecord,
  r: RunRecord['results'][number]
): Pick<RunResultRow, 'cpuUserMs' | 'cpuSystemMs' | 'cpuUtilization' | 'peakRssBytes'> {
  if (record.config.job !== 'command')
    return { cpuUserMs: null, cpuSystemMs: null, cpuUtilization: null, peakRssBytes: null }
  return {
    cpuUserMs: figure(medianCpuMs(r, 'user')),
    cpuSystemMs: figure(medianCpuMs(r, 'system')),
    cpuUtilization: figure(medianCpuUtilization(r)),
    peakRssBytes: figure(peakRssOf(r))
  }
}

export interface RunVerdictExport {
  code: RunVerdictCode
  workers: number | null
  speedup: number | null
  speedupLow: number | null
  speedupHigh: number | null
  efficiency: number | null
}

export interface RunWarningExport {
  code: string
  severity: string
  workers: number
  /** The warning's numbers, by name (the fields of its ScalingWarning besides these). */
  params: Record<string, unknown>
  /** English, worded from code and params by the report catalog (report/catalog/en.ts). */
  message: string
}

/** The contention finding as exported: its code, the signals, the figures, and its English. */
export interface ContentionExport {
  code: ContentionAnalysis['code']
  signals: ContentionAnalysis['signals']
  /** Each worker's ns/element together ÷ alone at the widest count within the cores. */
  workerSlowdown: number | null
  slowdownWorkers: number | null
  otherCores: number | null
  stealCores: number | null
  cores: number
  /** English, worded by findingText.ts; null when not contended. */
  message: string | null
  /** When contended: a quiet run of the same job on this machine, its best significant speedup; null without one. */
  reference: ReferenceExport | null
}

export interface ReferenceExport {
  runId: string
  startedAt: string
  workers: number
  speedup: number
  speedupLow: number
  speedupHigh: number
  /** English, worded by the report catalog. */
  message: string
}

/** A run as exported: the figures, the verdict, the warnings, and the measured record itself. */
export interface RunExport {
  format: 'speedup-lab/run'
  version: typeof RUN_FORMAT_VERSION
  runId: string
  startedAt: string
  finishedAt: string
  correct: boolean
  config: RunConfig
  system: SystemInfo
  /** How `speedup` is defined for this workload. */
  speedupDefinition: 'T1/TN' | 'N·T1/TN'
  /** How the intervals were made. */
  method: AnalysisMethod & { description: string }
  verdict: RunVerdictExport
  /** Whether other work shared the cores (it leads the verdict when `contended`). */
  contention: ContentionExport
  results: RunResultRow[]
  warnings: RunWarningExport[]
  models: {
    amdahlSerialFraction: number | null
    amdahlSerialFractionError: number | null
    amdahlCeiling: number | null
    bestModel: string | null
    uslSigma: number | null
    uslKappa: number | null
    /** Why the models were fitted or not (ModelsCode). */
    code: ModelsCode
    /** English, worded from the analysis's models finding by the report catalog. */
    summary: string
  }
  /** The measured record (config, system, samples, sums): load it back with `parseRunEnvelope`. */
  run: RunRecord
}

export interface RunsExport {
  format: 'speedup-lab/runs'
  version: typeof RUN_FORMAT_VERSION
  exportedAt: string
  runs: RunExport[]
}

export function toRunExport(
  record: RunRecord,
  analysis: RunAnalysis = analyzeRun(record)
): RunExport {
  const v = analysis.verdict
  const m = analysis.models.comparison
  return {
    format: 'speedup-lab/run',
    version: RUN_FORMAT_VERSION,
    runId: record.id,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    correct: record.correct,
    config: record.config,
    system: record.system,
    speedupDefinition: analysis.speedupDefinition,
    method: { ...analysis.method, description: methodText(analysis.method) },
    verdict: {
      code: v.code,
      workers: v.workers,
      speedup: figure(v.speedup),
      speedupLow: figure(v.interval?.lower),
      speedupHigh: figure(v.interval?.upper),
      efficiency: figure(v.efficiency)
    },
    contention: {
      code: analysis.contention.code,
      signals: analysis.contention.signals,
      workerSlowdown: figure(analysis.contention.slowdown?.slowdown),
      slowdownWorkers: analysis.contention.slowdown?.workers ?? null,
      otherCores: figure(analysis.contention.load?.otherCores),
      stealCores: figure(analysis.contention.load?.stealCores),
      cores: analysis.contention.cores,
      message: contentionText(analysis.contention),
      reference: analysis.reference
        ? {
            runId: analysis.reference.runId,
            startedAt: analysis.reference.startedAt,
            workers: analysis.reference.workers,
            speedup: analysis.reference.speedup,
            speedupLow: analysis.reference.low,
            speedupHigh: analysis.reference.high,
            message: referenceText(analysis) ?? ''
          }
        : null
    },
    results: resultRows(record, analysis),
    warnings: analysis.warnings.map((w) => {
      const { code, severity, workers, ...params } = w
      return { code, severity, workers, params, message: warningText(w) }
    }),
    models: {
      amdahlSerialFraction: figure(m?.amdahl?.serialFraction),
      amdahlSerialFractionError: figure(m?.amdahl?.serialFractionError),
      amdahlCeiling: figure(m?.amdahl?.ceiling),
      bestModel: m?.best ?? null,
      uslSigma: figure(m?.usl?.sigma),
      uslKappa: figure(m?.usl?.kappa),
      code: analysis.models.code,
      summary: modelsText(analysis.models)
    },
    run: record
  }
}

/** One run as pretty-printed JSON (the CLI's --json and the app's one-run export). */
export function runToJson(record: RunRecord, analysis: RunAnalysis = analyzeRun(record)): string {
  return `${JSON.stringify(toRunExport(record, analysis), null, 2)}\n`
}

/** Several runs (the app's history export): each exactly as `runToJson` writes it. */
export function runsToJson(
  runs: readonly RunRecord[],
  exportedAt = new Date(),
  history: readonly RunSummary[] = []
): string {
  const envelope: RunsExport = {
    format: 'speedup-lab/runs',
    version: RUN_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    runs: runs.map((r) => toRunExport(r, analyzeRun(r, { history })))
  }
  return `${JSON.stringify(envelope, null, 2)}\n`
}

export type ParsedRunEnvelope = { ok: true; value: RunRecord } | { ok: false; reason: string }

type Loose = Record<string, unknown>
const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Reads an exported run back as a RunRecord (validated, migrated): a
 * `speedup-lab/run` file, a `speedup-lab/runs` file holding exactly one run,
 * or the files the first format wrote (a runs export of version 1 with one
 * run, or the CLI's old --json document). Accepts the text or the parsed value.
 */
export function parseRunEnvelope(json: unknown): ParsedRunEnvelope {
  let value = json
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json)
    } catch (e) {
      return { ok: false, reason: `not valid JSON (${e instanceof Error ? e.message : String(e)})` }
    }
  }
  if (!isObject(value)) return { ok: false, reason: 'not a Speedup Lab export (not a JSON object)' }
  const fail = (reason: string): ParsedRunEnvelope => ({ ok: false, reason })
  // Files of formats 1 and 2 predate workloads: their runs are migrated (every one a sum).
  const version = typeof value.version === 'number' ? value.version : 1
  const record = (raw: unknown): ParsedRunEnvelope => {
    const parsed = parseRunRecord(raw, version)
    return parsed.ok ? parsed : fail(`the run inside is not a valid run record (${parsed.reason})`)
  }
  if (value.format === 'speedup-lab/run') return record(value.run)
  if (value.format === 'speedup-lab/runs') {
    const runs = Array.isArray(value.runs) ? value.runs : []
    if (runs.length !== 1) {
      return fail(`the file holds ${runs.length} runs; export the one run to compare`)
    }
    return value.version === 1 ? record(runs[0]) : record(isObject(runs[0]) ? runs[0].run : null)
  }
  if (value.format === 'speedup-lab/study' || value.kind === 'study') {
    return fail('the file is a study, not a run')
  }
  if (
    value.format === undefined &&
    typeof value.runId === 'string' &&
    Array.isArray(value.results)
  ) {
    // The first format's CLI --json: the record's fields at the top, id as runId.
    return record({
      id: value.runId,
      startedAt: value.startedAt,
      finishedAt: value.finishedAt,
      status: 'completed',
      config: value.config,
      system: value.system,
      results: value.results,
      correct: value.correct
    })
  }
  return fail('not a Speedup Lab run export (no "format": "speedup-lab/run")')
}
