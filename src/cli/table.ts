import type { RunAnalysis } from '../shared/analysis'
import type { RunRecord } from '../shared/result'
import { groupDigits, runVerdict } from '../shared/runVerdict'
import { analyzeRun } from '../shared/scaling'
import { formatValue } from '../shared/scaling/formatNumber'
import { kernelOf } from '../shared/kernel'
import { formatThroughput, workerThroughput } from '../shared/throughput'

export { groupDigits }

/** Milliseconds for a table cell: more decimals for shorter times. */
export const ms = (x: number): string =>
  x >= 100 ? x.toFixed(1) : x >= 10 ? x.toFixed(2) : x.toFixed(3)

const pad = (s: string, width: number, right = true): string =>
  right ? s.padStart(width) : s.padEnd(width)

/** The run's header: what was measured, where. */
export function formatHeader(run: RunRecord): string {
  const c = run.config
  const reps = `${c.warmup} warm-up${c.warmup === 1 ? '' : 's'}, ${c.reps} rep${c.reps === 1 ? '' : 's'}`
  return [
    `Sum of [${groupDigits(String(c.range.start))}, ${groupDigits(String(c.range.end))}) · ${c.workload} · ${c.backend} · ${c.pool} pool · ${kernelOf(c)} kernel · ${reps}`,
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

/** "1.93 ± 0.02×": the error to two significant figures, the value to `decimals` places. */
export const withError = (value: number, error: number, unit = '×', decimals = 2): string =>
  !Number.isFinite(value)
    ? '—'
    : error > 0 && Number.isFinite(error)
      ? `${value.toFixed(decimals)} ± ${formatValue(error, 2)}${unit}`
      : `${value.toFixed(decimals)}${unit}`

/**
 * The results table, one row per worker count, like a serious benchmark tool:
 * median ± σ, the median's 95% bootstrap interval, min…max, speedup and
 * efficiency ± e (the medians' interval half-widths carried through T1/TN).
 */
export function formatTable(run: RunRecord, analysis: RunAnalysis = analyzeRun(run)): string {
  const cold = run.config.pool === 'cold'
  const head = [
    'Workers',
    'Median ± σ (ms)',
    '95% CI (median)',
    'Min … Max (ms)',
    ...(cold ? ['Spawn (ms)'] : []),
    'Speedup ± e',
    'Efficiency ± e',
    'Karp–Flatt',
    'Per worker',
    'Sum'
  ]
  const rows = run.results.map((r, i) => {
    const a = analysis.workers[i]
    const ci = a.medianInterval
    return [
      String(r.workers),
      `${ms(r.medianMs)} ± ${ms(r.stddevMs)}`,
      ci ? `${ms(ci.lower)} … ${ms(ci.upper)}` : '—',
      `${ms(r.minMs)} … ${ms(r.maxMs)}`,
      ...(cold ? [r.spawnMedianMs === null ? '—' : ms(r.spawnMedianMs)] : []),
      withError(a.speedup.speedup, a.speedup.speedupError),
      withError(a.speedup.efficiency * 100, a.speedup.efficiencyError * 100, ' %', 1),
      r.karpFlatt === null ? '—' : r.karpFlatt.toFixed(3),
      formatThroughput(workerThroughput(run.config, r)),
      r.correct ? '✓' : `✗ got ${groupDigits(r.sum)}`
    ]
  })
  return layoutTable(head, rows)
}

/** One line that answers the question the run asked (speedups ± e with the analysis). */
export function formatVerdict(run: RunRecord, analysis?: RunAnalysis): string {
  return runVerdict(run, analysis)
}
