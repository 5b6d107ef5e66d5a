import type { RunAnalysis } from '../shared/analysis'
import type { RunRecord } from '../shared/result'
import { groupDigits, runVerdictText } from '../shared/report'
import { resultRows } from '../shared/runExport'
import { analyzeRun } from '../shared/analysis'
import {
  formatFixed,
  formatMsCell,
  formatPercent,
  formatThroughput,
  formatWithError
} from '../shared/format'
import { kernelOf } from '../shared/kernel'
import { medianCpuUtilization } from '../shared/command/copyFigures'

export { groupDigits }

/** CPU utilization as a table cell; "not measured" where the OS did not report CPU time. */
const formatCpuUse = (u: number | null): string => (u === null ? 'not measured' : formatPercent(u))

const pad = (s: string, width: number, right = true): string =>
  right ? s.padStart(width) : s.padEnd(width)

/** The run's header: what was measured, where. */
export function formatHeader(run: RunRecord): string {
  const c = run.config
  const measured = [...new Set(run.results.map((r) => r.samples.length))].join('–')
  const reps = `${c.warmup} warm-up${c.warmup === 1 ? '' : 's'}, ${
    c.reps === 'auto' ? `${measured} reps (auto)` : `${c.reps} rep${c.reps === 1 ? '' : 's'}`
  }`
  const what = c.command
    ? `${c.command.shape === 'copies' ? 'Copies' : 'Command'}${c.command.shell ? '' : ' (no shell)'}: ${c.command.line} · ${c.workload} · ${reps}`
    : `Sum of [${groupDigits(String(c.range.start))}, ${groupDigits(String(c.range.end))}) · ${c.workload} · ${c.backend} · ${c.pool} pool · ${kernelOf(c)} kernel · ${reps}`
  return [
    what,
    `${run.system.cpuModel} · ${run.system.logicalCores} logical cores (${run.system.availableParallelism} available) · Node ${run.system.nodeVersion}`
  ].join('\n')
}

/** Lays out rows under a header, right-aligned except the last column (unless `leftLast` is false). */
export function layoutTable(head: string[], rows: string[][], leftLast = true): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => pad(cell, widths[i], !leftLast || i !== cells.length - 1))
      .join('   ')
      .trimEnd()
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n')
}

/** "1.88 … 1.98", or why a 95% interval is missing. */
const interval = (
  lower: number | null,
  upper: number | null,
  n: number,
  digits: (x: number) => string = formatMsCell
): string =>
  lower !== null && upper !== null ? `${digits(lower)} … ${digits(upper)}` : `— (n=${n})`

/**
 * The results table, one row per worker count (the 1-worker baseline
 * included), every figure from the analysis's rows (runExport.ts), as in the
 * CSV and JSON: median ± σ, the median's 95% bootstrap interval (from six
 * repetitions), min…max, speedup ± e with its 95% interval and verdict,
 * efficiency, Karp–Flatt (split, 1 ≤ S ≤ N only).
 */
export function formatTable(run: RunRecord, analysis: RunAnalysis = analyzeRun(run)): string {
  const cold = run.config.pool === 'cold'
  const weak = analysis.speedupDefinition === 'N·T1/TN'
  // A command: CPU utilization beside the speedup, and its copies' exit codes instead of a sum.
  const command = run.config.job === 'command'
  const head = [
    'Workers',
    'Median ± σ (ms)',
    '95% CI (median)',
    'Min … Max (ms)',
    ...(cold ? ['Spawn (ms)'] : []),
    weak ? 'Scaled S ± e' : 'Speedup ± e',
    '95% CI (S)',
    'Verdict',
    'Efficiency',
    'Karp–Flatt',
    ...(command ? ['CPU use', 'Exit 0'] : ['Per worker', 'Sum'])
  ]
  const two = (x: number): string => formatFixed(x, 2)
  const rows = resultRows(run, analysis).map((r, i) => [
    `${r.workers}${r.oversubscribed ? '!' : ''}`,
    // One repetition has no spread: σ is not shown as ± 0.000.
    `${formatMsCell(r.medianMs)} ± ${r.n > 1 ? formatMsCell(r.stddevMs) : '—'}`,
    interval(r.medianCiLower, r.medianCiUpper, r.n),
    `${formatMsCell(r.minMs)} … ${formatMsCell(r.maxMs)}`,
    ...(cold ? [r.spawnMedianMs === null ? '—' : formatMsCell(r.spawnMedianMs)] : []),
    r.speedup === null ? '—' : formatWithError(r.speedup, r.speedupError ?? 0),
    r.workers === 1 ? '' : interval(r.speedupLow, r.speedupHigh, r.n, two),
    r.verdict,
    formatPercent(r.efficiency),
    formatFixed(r.karpFlatt, 3),
    ...(command
      ? [
          formatCpuUse(medianCpuUtilization(run.results[i])),
          r.correct ? '✓' : `✗ ${groupDigits(r.sum)} of ${groupDigits(r.expectedSum)}`
        ]
      : [
          formatThroughput(r.workerElementsPerSecond),
          r.correct ? '✓' : `✗ got ${groupDigits(r.sum)}`
        ])
  ])
  const table = layoutTable(head, rows)
  const notes = [
    ...(weak
      ? [
          command
            ? 'Scaled speedup S = N·T1/TN (N copies at once; ideal N).'
            : `Scaled speedup S = N·T1/TN (${run.config.workload}: N workers do N× the work; ideal N).`
        ]
      : []),
    ...(command
      ? ['CPU use = CPU time ÷ (wall × N), median over repetitions: did the job keep N cores busy?']
      : []),
    ...(rows.some((r) => r[0].endsWith('!'))
      ? [`! more workers than the ${analysis.context.logicalCores} available cores.`]
      : [])
  ]
  return notes.length ? `${table}\n${notes.join('\n')}` : table
}

/** One line that answers the question the run asked, worded from the analysis's verdict. */
export function formatVerdict(run: RunRecord, analysis: RunAnalysis = analyzeRun(run)): string {
  return runVerdictText(run, analysis)
}
