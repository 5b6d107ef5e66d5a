/**
 * CSV of a run or a study together with its analysis (RFC 4180: CRLF, a
 * header row, fields quoted when needed, text cells guarded against formula
 * injection). A run: the history export's columns (csv.ts) then the
 * intervals, errors, overhead breakdown and model per worker count. A study:
 * one table whose `kind` column says what a row is — `size` (1 vs N at one
 * problem size), `break-even` (one per backend and pool), `backend` (one per
 * backend × worker count of the comparison) and `model` (one per backend's
 * fit); columns that do not apply to a kind are empty.
 */
import Papa from 'papaparse'
import type { RunAnalysis, WorkerCountAnalysis } from './analysis'
import { CSV_COLUMNS, guardFormula } from './csv'
import type { RunRecord, WorkerCountResult } from './result'
import type { StudyAnalysis } from './analysis'
import type { StudyRecord } from './study'

type Cell = string | number | boolean | null

/** No NaN or Infinity in CSV: a figure that is not finite is an empty cell. */
const figure = (x: number | null | undefined): number | null =>
  x !== null && x !== undefined && Number.isFinite(x) ? x : null

interface AnalysisColumn {
  header: string
  value: (row: WorkerCountAnalysis, analysis: RunAnalysis) => Cell
}

/** What a run's CSV adds to the history export's columns. */
export const ANALYSIS_COLUMNS: readonly AnalysisColumn[] = [
  { header: 'medianCiLower', value: (r) => figure(r.medianInterval?.lower) },
  { header: 'medianCiUpper', value: (r) => figure(r.medianInterval?.upper) },
  { header: 'meanCiLower', value: (r) => figure(r.meanInterval?.lower) },
  { header: 'meanCiUpper', value: (r) => figure(r.meanInterval?.upper) },
  { header: 'speedupError', value: (r) => figure(r.speedup.speedupError) },
  { header: 'efficiencyError', value: (r) => figure(r.speedup.efficiencyError) },
  { header: 'karpFlattError', value: (r) => figure(r.karpFlatt?.error) },
  { header: 'scaledSpeedup', value: (r) => figure(r.scaled?.scaledSpeedup) },
  { header: 'scaledSpeedupError', value: (r) => figure(r.scaled?.scaledSpeedupError) },
  { header: 'spawnBreakdownMs', value: (r) => figure(r.overhead.spawnMs) },
  { header: 'dispatchMs', value: (r) => figure(r.overhead.dispatchMs) },
  { header: 'computeSlowestMs', value: (r) => figure(r.overhead.computeSlowestMs) },
  { header: 'computeMeanMs', value: (r) => figure(r.overhead.computeMeanMs) },
  { header: 'imbalance', value: (r) => figure(r.overhead.imbalance) },
  { header: 'mergeMs', value: (r) => figure(r.overhead.mergeMs) },
  {
    header: 'amdahlSerialFraction',
    value: (_, a) => figure(a.models.comparison?.amdahl?.serialFraction)
  },
  {
    header: 'amdahlSerialFractionError',
    value: (_, a) => figure(a.models.comparison?.amdahl?.serialFractionError)
  },
  { header: 'amdahlCeiling', value: (_, a) => figure(a.models.comparison?.amdahl?.ceiling) },
  { header: 'bestModel', value: (_, a) => a.models.comparison?.best ?? null },
  { header: 'uslSigma', value: (_, a) => figure(a.models.comparison?.usl?.sigma) },
  { header: 'uslKappa', value: (_, a) => figure(a.models.comparison?.usl?.kappa) },
  {
    header: 'warnings',
    value: (r, a) =>
      a.warnings
        .filter((w) => w.workers === r.workers)
        .map((w) => w.code)
        .join(' ')
  }
]

function unparse(fields: string[], rows: Cell[][]): string {
  const guarded = rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell))
  )
  return Papa.unparse(
    { fields, data: guarded },
    { newline: '\r\n', header: true, quotes: false, escapeFormulae: false }
  )
}

/** One row per worker count: the history export's columns, then the analysis's. */
export function runToCsv(run: RunRecord, analysis: RunAnalysis): string {
  const rows = run.results.map((result: WorkerCountResult, i) => [
    ...CSV_COLUMNS.map((c) => c.value(run, result)),
    ...ANALYSIS_COLUMNS.map((c) => c.value(analysis.workers[i], analysis))
  ])
  return unparse(
    [...CSV_COLUMNS.map((c) => c.header), ...ANALYSIS_COLUMNS.map((c) => c.header)],
    rows
  )
}

export const STUDY_CSV_HEADERS = [
  'kind',
  'studyId',
  'backend',
  'pool',
  'workload',
  'size',
  'workers',
  'n',
  'medianMs',
  'medianCiLower',
  'medianCiUpper',
  'meanMs',
  'stddevMs',
  'minMs',
  'maxMs',
  't1Ms',
  't1ErrorMs',
  'tnMs',
  'tnErrorMs',
  'speedup',
  'speedupError',
  'efficiency',
  'efficiencyError',
  'karpFlatt',
  'winner',
  'clear',
  'breakEvenStatus',
  'breakEvenSize',
  'breakEvenLower',
  'breakEvenUpper',
  'coldStartMs',
  'rssBytesPerWorker',
  'pssBytesPerWorker',
  'memoryMethod',
  'amdahlSerialFraction',
  'amdahlSerialFractionError',
  'amdahlCeiling',
  'bestModel',
  'uslSigma',
  'uslKappa',
  'correct',
  // The kernel of a size or break-even row (when the study compared kernels; else the base's).
  'kernel'
] as const

type StudyRow = Partial<Record<(typeof STUDY_CSV_HEADERS)[number], Cell>>

/** A study as one CSV table; the `kind` column tells size, break-even, backend and model rows apart. */
export function studyToCsv(study: StudyRecord, analysis: StudyAnalysis): string {
  const workload = study.config.base.workload
  const rows: StudyRow[] = []
  for (const sweep of analysis.sizeSweeps) {
    const common = {
      studyId: study.id,
      backend: sweep.backend,
      pool: sweep.pool,
      workload,
      kernel: sweep.kernel ?? study.config.base.kernel ?? 'js'
    }
    for (const p of sweep.points) {
      rows.push({
        kind: 'size',
        ...common,
        size: p.size,
        workers: sweep.workers,
        t1Ms: figure(p.t1.value),
        t1ErrorMs: figure(p.t1.error),
        tnMs: figure(p.tn.value),
        tnErrorMs: figure(p.tn.error),
        speedup: figure(p.speedup.speedup),
        speedupError: figure(p.speedup.speedupError),
        efficiency: figure(p.speedup.efficiency),
        efficiencyError: figure(p.speedup.efficiencyError),
        winner: p.winner === 'many' ? 'N' : '1',
        clear: p.clear,
        correct: p.correct
      })
    }
    const b = sweep.breakEven
    rows.push({
      kind: 'break-even',
      ...common,
      workers: sweep.workers,
      breakEvenStatus: b.status,
      breakEvenSize: figure(b.size),
      breakEvenLower: figure(b.interval.lower),
      breakEvenUpper: figure(b.interval.upper)
    })
  }
  const comparison = analysis.backendComparison
  for (const b of comparison?.backends ?? []) {
    const run = study.backendRuns.find((r) => r.backend === b.backend)!.run
    const common = {
      studyId: study.id,
      backend: b.backend,
      pool: run.config.pool,
      workload: run.config.workload
    }
    const memory = {
      coldStartMs: figure(b.coldStartMs),
      rssBytesPerWorker: figure(b.memory?.rssBytesPerWorker),
      pssBytesPerWorker: figure(b.memory?.pssBytesPerWorker),
      memoryMethod: b.memory?.method ?? null
    }
    for (const w of b.analysis.workers) {
      rows.push({
        kind: 'backend',
        ...common,
        workers: w.workers,
        n: w.n,
        medianMs: figure(w.medianMs),
        medianCiLower: figure(w.medianInterval?.lower),
        medianCiUpper: figure(w.medianInterval?.upper),
        meanMs: figure(w.meanMs),
        stddevMs: figure(w.stddevMs),
        minMs: figure(w.minMs),
        maxMs: figure(w.maxMs),
        speedup: figure(w.speedup.speedup),
        speedupError: figure(w.speedup.speedupError),
        efficiency: figure(w.speedup.efficiency),
        efficiencyError: figure(w.speedup.efficiencyError),
        karpFlatt: figure(w.karpFlatt?.serialFraction),
        ...memory,
        correct: w.correct
      })
    }
    const models = b.analysis.models.comparison
    rows.push({
      kind: 'model',
      ...common,
      ...memory,
      amdahlSerialFraction: figure(models?.amdahl?.serialFraction),
      amdahlSerialFractionError: figure(models?.amdahl?.serialFractionError),
      amdahlCeiling: figure(models?.amdahl?.ceiling),
      bestModel: models?.best ?? null,
      uslSigma: figure(models?.usl?.sigma),
      uslKappa: figure(models?.usl?.kappa)
    })
  }
  return unparse(
    [...STUDY_CSV_HEADERS],
    rows.map((row) => STUDY_CSV_HEADERS.map((h) => row[h] ?? null))
  )
}
