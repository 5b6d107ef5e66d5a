import Papa from 'papaparse'
import { kernelOf } from './kernel'
import type { RunRecord, WorkerCountResult } from './result'
import { medianNsPerElement, workerThroughput } from './throughput'

type Cell = string | number | boolean | null

/** One CSV column: its header and how a (run, worker count) row fills it. */
interface Column {
  header: string
  value: (run: RunRecord, result: WorkerCountResult) => Cell
}

/** JSON and CSV have no NaN or Infinity: a figure that is not finite is an empty cell. */
const figure = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null)

export const CSV_COLUMNS: readonly Column[] = [
  { header: 'runId', value: (run) => run.id },
  { header: 'date', value: (run) => run.startedAt },
  { header: 'rangeStart', value: (run) => run.config.range.start },
  { header: 'rangeEnd', value: (run) => run.config.range.end },
  { header: 'workload', value: (run) => run.config.workload },
  { header: 'backend', value: (run) => run.config.backend },
  { header: 'pool', value: (run) => run.config.pool },
  { header: 'warmup', value: (run) => run.config.warmup },
  { header: 'reps', value: (run) => run.config.reps },
  { header: 'cpuModel', value: (run) => run.system.cpuModel },
  { header: 'logicalCores', value: (run) => run.system.logicalCores },
  { header: 'availableParallelism', value: (run) => run.system.availableParallelism },
  { header: 'memoryBytes', value: (run) => run.system.totalMemoryBytes },
  { header: 'os', value: (run) => run.system.os },
  { header: 'arch', value: (run) => run.system.arch },
  { header: 'nodeVersion', value: (run) => run.system.nodeVersion },
  { header: 'electronVersion', value: (run) => run.system.electronVersion ?? null },
  { header: 'appVersion', value: (run) => run.system.appVersion ?? null },
  { header: 'workers', value: (_, r) => r.workers },
  { header: 'n', value: (_, r) => r.n },
  { header: 'medianMs', value: (_, r) => figure(r.medianMs) },
  { header: 'meanMs', value: (_, r) => figure(r.meanMs) },
  { header: 'stddevMs', value: (_, r) => figure(r.stddevMs) },
  { header: 'minMs', value: (_, r) => figure(r.minMs) },
  { header: 'maxMs', value: (_, r) => figure(r.maxMs) },
  { header: 'spawnMedianMs', value: (_, r) => figure(r.spawnMedianMs) },
  { header: 'speedup', value: (_, r) => figure(r.speedup) },
  { header: 'efficiency', value: (_, r) => figure(r.efficiency) },
  { header: 'karpFlatt', value: (_, r) => figure(r.karpFlatt) },
  // Sums may exceed 2^53: kept as exact decimal strings.
  { header: 'sum', value: (_, r) => r.sum },
  { header: 'expectedSum', value: (_, r) => r.expectedSum },
  { header: 'correct', value: (_, r) => r.correct },
  // The loop that added the elements, and how fast it ran in each worker.
  { header: 'kernel', value: (run) => kernelOf(run.config) },
  { header: 'nsPerElement', value: (run, r) => medianNsPerElement(run.config, r) },
  { header: 'workerElementsPerSecond', value: (run, r) => workerThroughput(run.config, r) }
]

/** A cell a spreadsheet reads as a plain number (-5, +1.5e3): never a formula, never guarded. */
const PLAIN_NUMBER = String.raw`[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`

/**
 * Text cells a spreadsheet would run as a formula (OWASP's list: = + - @ tab
 * CR). Plain numbers written as text, like a negative exact sum, are left
 * alone so they still read back as numbers.
 */
export const FORMULA_TRIGGER = new RegExp(String.raw`^(?!${PLAIN_NUMBER}$)[=+\-@\t\r]`)

/** The guard applied to one text cell: a leading ' makes the spreadsheet show it as text. */
export function guardFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text
}

/** The rows of the CSV: one per run × worker count, cells as values (unguarded). */
export function csvRows(runs: readonly RunRecord[]): Cell[][] {
  return runs.flatMap((run) => run.results.map((r) => CSV_COLUMNS.map((c) => c.value(run, r))))
}

/**
 * Runs as CSV (RFC 4180: CRLF line ends, a header row, fields quoted when they
 * hold a comma, quote or line break), guarded against formula injection.
 */
export function recordsToCsv(runs: readonly RunRecord[]): string {
  const rows = csvRows(runs).map((row) =>
    row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell))
  )
  return Papa.unparse(
    { fields: CSV_COLUMNS.map((c) => c.header), data: rows },
    { newline: '\r\n', header: true, quotes: false, escapeFormulae: false }
  )
}
