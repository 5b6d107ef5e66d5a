import type { RunRecord } from '../shared/result'

const ms = (x: number): string => (x >= 100 ? x.toFixed(1) : x >= 10 ? x.toFixed(2) : x.toFixed(3))
const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** A decimal string with thousands separators (sums exceed 2^53, so no Number). */
export function groupDigits(decimal: string): string {
  return decimal.startsWith('-') ? `-${group(decimal.slice(1))}` : group(decimal)
}

const pad = (s: string, width: number, right = true): string =>
  right ? s.padStart(width) : s.padEnd(width)

/** The run's header: what was measured, where. */
export function formatHeader(run: RunRecord): string {
  const c = run.config
  const reps = `${c.warmup} warm-up${c.warmup === 1 ? '' : 's'}, ${c.reps} rep${c.reps === 1 ? '' : 's'}`
  return [
    `Sum of [${groupDigits(String(c.range.start))}, ${groupDigits(String(c.range.end))}) · ${c.workload} · ${c.backend} · ${c.pool} pool · ${reps}`,
    `${run.system.cpuModel} · ${run.system.logicalCores} logical cores (${run.system.availableParallelism} available) · Node ${run.system.nodeVersion}`
  ].join('\n')
}

/** The results table, one row per worker count, like a serious benchmark tool. */
export function formatTable(run: RunRecord): string {
  const cold = run.config.pool === 'cold'
  const head = [
    'Workers',
    'Median ± σ (ms)',
    'Min … Max (ms)',
    ...(cold ? ['Spawn (ms)'] : []),
    'Speedup',
    'Efficiency',
    'Karp–Flatt',
    'Sum'
  ]
  const rows = run.results.map((r) => [
    String(r.workers),
    `${ms(r.medianMs)} ± ${ms(r.stddevMs)}`,
    `${ms(r.minMs)} … ${ms(r.maxMs)}`,
    ...(cold ? [r.spawnMedianMs === null ? '—' : ms(r.spawnMedianMs)] : []),
    `${r.speedup.toFixed(2)}×`,
    `${(r.efficiency * 100).toFixed(1)} %`,
    r.karpFlatt === null ? '—' : r.karpFlatt.toFixed(3),
    r.correct ? '✓' : `✗ got ${groupDigits(r.sum)}`
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => pad(cell, widths[i], i !== cells.length - 1))
      .join('   ')
      .trimEnd()
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n')
}

/** One line that answers the question the run asked. */
export function formatVerdict(run: RunRecord): string {
  const wrong = run.results.filter((r) => !r.correct)
  if (wrong.length) {
    return `✗ Wrong total with ${wrong.map((r) => r.workers).join(', ')} worker(s): expected ${groupDigits(wrong[0].expectedSum)}, got ${groupDigits(wrong[0].sum)}.`
  }
  const best = run.results.reduce((a, b) => (b.speedup > a.speedup ? b : a))
  const sums = [...new Set(run.results.map((r) => r.expectedSum))]
  const sumText =
    sums.length === 1
      ? `the closed form ${groupDigits(sums[0])}`
      : `its closed form (${run.results.map((r) => `${r.workers}: ${groupDigits(r.expectedSum)}`).join('; ')})`
  if (run.config.workload !== 'split') {
    // Weak scaling: N workers do N times the work; the scaled speedup is N·T1/TN.
    const widest = run.results.reduce((a, b) => (b.workers > a.workers ? b : a))
    const n = widest.workers
    return `✓ Every total matches ${sumText}. ${run.config.workload === 'weak' ? 'Weak scaling' : 'Replicate'}: ${n} worker(s) did ${n}× the work in ${(1 / widest.speedup).toFixed(2)}× the time of one (scaled speedup ${(n * widest.speedup).toFixed(2)}×).`
  }
  if (best.workers === 1 || best.speedup < 1) {
    const other = run.results.find((r) => r.workers !== 1)
    const slower = other
      ? ` ${other.workers} workers took ${(1 / other.speedup).toFixed(2)}× as long as one.`
      : ''
    return `✓ Every total matches ${sumText}. No speedup:${slower} The job is too small for its overhead.`
  }
  return `✓ Every total matches ${sumText}. Best: ${best.workers} workers are ${best.speedup.toFixed(2)}× faster than 1 (efficiency ${(best.efficiency * 100).toFixed(0)} %).`
}
