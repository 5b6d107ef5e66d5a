/**
 * The one CSV schema of runs (RFC 4180: CRLF line ends, a header row, fields
 * quoted when needed, text cells guarded against formula injection), written
 * by the CLI (--csv) and the app's export alike: one row per run × worker
 * count, the 1-worker baseline included. Columns: docs/FORMATS.md.
 */
import type { RunAnalysis, WorkerCountAnalysis } from '../../analysis'
import type { RunRecord } from '../../result'
import { resultRows, type RunResultRow } from '../../runExport'
import { analyzeRun } from '../../analysis/analyzeRun'
import { kernelOf } from '../../kernel'
import { jobOf } from '../../workloads/jobs'
import { figure, writeCsv, type Cell } from './writeCsv'

export { FORMULA_TRIGGER, guardFormula } from './writeCsv'

/** What a column reads: the run, its row as every surface shows it, the analysis behind it. */
interface RowContext {
  run: RunRecord
  row: RunResultRow
  detail: WorkerCountAnalysis
  analysis: RunAnalysis
}

/** One CSV column: its header and how a (run, worker count) row fills it. */
interface Column {
  header: string
  value: (c: RowContext) => Cell
}

const sum = (run: RunRecord): boolean => jobOf(run.config) === 'sum'

const fromRow = (key: keyof RunResultRow): Column => ({
  header: key,
  value: ({ row }) => row[key]
})

export const CSV_COLUMNS: readonly Column[] = [
  { header: 'runId', value: ({ run }) => run.id },
  { header: 'date', value: ({ run }) => run.startedAt },
  // The range is the sum's: other workloads leave it empty (see job and its own columns).
  { header: 'rangeStart', value: ({ run }) => (sum(run) ? run.config.range.start : null) },
  { header: 'rangeEnd', value: ({ run }) => (sum(run) ? run.config.range.end : null) },
  { header: 'workload', value: ({ run }) => run.config.workload },
  { header: 'backend', value: ({ run }) => run.config.backend },
  { header: 'pool', value: ({ run }) => run.config.pool },
  { header: 'warmup', value: ({ run }) => run.config.warmup },
  { header: 'reps', value: ({ run }) => run.config.reps },
  { header: 'cpuModel', value: ({ run }) => run.system.cpuModel },
  { header: 'logicalCores', value: ({ run }) => run.system.logicalCores },
  { header: 'availableParallelism', value: ({ run }) => run.system.availableParallelism },
  { header: 'memoryBytes', value: ({ run }) => run.system.totalMemoryBytes },
  { header: 'os', value: ({ run }) => run.system.os },
  { header: 'arch', value: ({ run }) => run.system.arch },
  { header: 'nodeVersion', value: ({ run }) => run.system.nodeVersion },
  { header: 'electronVersion', value: ({ run }) => run.system.electronVersion ?? null },
  { header: 'appVersion', value: ({ run }) => run.system.appVersion ?? null },
  { header: 'speedupDefinition', value: ({ analysis }) => analysis.speedupDefinition },
  fromRow('workers'),
  fromRow('n'),
  fromRow('medianMs'),
  fromRow('medianCiLower'),
  fromRow('medianCiUpper'),
  fromRow('meanMs'),
  fromRow('stddevMs'),
  fromRow('minMs'),
  fromRow('maxMs'),
  fromRow('spawnMedianMs'),
  fromRow('speedup'),
  fromRow('speedupError'),
  fromRow('speedupLow'),
  fromRow('speedupHigh'),
  fromRow('efficiency'),
  fromRow('efficiencyError'),
  fromRow('karpFlatt'),
  fromRow('karpFlattError'),
  fromRow('verdict'),
  fromRow('oversubscribed'),
  // Sums may exceed 2^53: kept as exact decimal strings.
  fromRow('sum'),
  fromRow('expectedSum'),
  fromRow('correct'),
  { header: 'meanCiLower', value: ({ detail }) => figure(detail.meanInterval?.lower) },
  { header: 'meanCiUpper', value: ({ detail }) => figure(detail.meanInterval?.upper) },
  { header: 'dispatchMs', value: ({ detail }) => figure(detail.overhead.dispatchMs) },
  { header: 'computeSlowestMs', value: ({ detail }) => figure(detail.overhead.computeSlowestMs) },
  { header: 'computeMeanMs', value: ({ detail }) => figure(detail.overhead.computeMeanMs) },
  { header: 'imbalance', value: ({ detail }) => figure(detail.overhead.imbalance) },
  { header: 'mergeMs', value: ({ detail }) => figure(detail.overhead.mergeMs) },
  // Cluster runs: the slowest link's round trip (empty on local backends).
  { header: 'networkMs', value: ({ detail }) => figure(detail.overhead.networkMs) },
  {
    header: 'amdahlSerialFraction',
    value: ({ analysis }) => figure(analysis.models.comparison?.amdahl?.serialFraction)
  },
  {
    header: 'amdahlSerialFractionError',
    value: ({ analysis }) => figure(analysis.models.comparison?.amdahl?.serialFractionError)
  },
  {
    header: 'amdahlCeiling',
    value: ({ analysis }) => figure(analysis.models.comparison?.amdahl?.ceiling)
  },
  { header: 'bestModel', value: ({ analysis }) => analysis.models.comparison?.best ?? null },
  { header: 'uslSigma', value: ({ analysis }) => figure(analysis.models.comparison?.usl?.sigma) },
  { header: 'uslKappa', value: ({ analysis }) => figure(analysis.models.comparison?.usl?.kappa) },
  {
    header: 'warnings',
    value: ({ row, analysis }) =>
      analysis.warnings
        .filter((w) => w.workers === row.workers)
        .map((w) => w.code)
        .join(' ')
  },
  // The loop that added the elements, and how fast it ran in each worker (the sum only).
  { header: 'kernel', value: ({ run }) => (sum(run) ? kernelOf(run.config) : null) },
  fromRow('nsPerElement'),
  fromRow('workerElementsPerSecond'),
  // The workload (sum, wait, command) and the wait's own figures: its requests and
  // delay, its ideal ceil(R/N)·delay, each request's cost beyond the delay, the
  // latency server's CPU time per repetition.
  { header: 'job', value: ({ run }) => jobOf(run.config) },
  { header: 'requests', value: ({ run }) => run.config.wait?.requests ?? null },
  { header: 'delayMs', value: ({ run }) => run.config.wait?.delayMs ?? null },
  fromRow('idealMs'),
  fromRow('overheadPerRequestMs'),
  fromRow('serverCpuMs'),
  // A command's copies (empty: not measured, never 0).
  fromRow('cpuUserMs'),
  fromRow('cpuSystemMs'),
  fromRow('cpuUtilization'),
  fromRow('peakRssBytes'),
  // Whether other work shared the cores (the run's finding, on each of its rows), what
  // other programs and the hypervisor took, and this row's workers against one alone.
  { header: 'contention', value: ({ analysis }) => analysis.contention.code },
  { header: 'otherCores', value: ({ analysis }) => figure(analysis.contention.load?.otherCores) },
  { header: 'stealCores', value: ({ analysis }) => figure(analysis.contention.load?.stealCores) },
  fromRow('workerSlowdown')
]

/** The rows of one run (its analysis computed unless given), cells as values (unguarded). */
function runRows(run: RunRecord, analysis: RunAnalysis = analyzeRun(run)): Cell[][] {
  return resultRows(run, analysis).map((row, i) =>
    CSV_COLUMNS.map((c) => c.value({ run, row, detail: analysis.workers[i], analysis }))
  )
}

/** The rows of the CSV: one per run × worker count, cells as values (unguarded). */
export function csvRows(runs: readonly RunRecord[]): Cell[][] {
  return runs.flatMap((run) => runRows(run))
}

const unparse = (rows: Cell[][]): string =>
  writeCsv(
    CSV_COLUMNS.map((c) => c.header),
    rows
  )

/** One run as CSV (the CLI's --csv), with its analysis when already computed. */
export function runToCsv(run: RunRecord, analysis?: RunAnalysis): string {
  return unparse(runRows(run, analysis))
}

/** Runs as CSV (the app's history export): the same columns as `runToCsv`, a run after another. */
export function recordsToCsv(runs: readonly RunRecord[]): string {
  return unparse(csvRows(runs))
}
