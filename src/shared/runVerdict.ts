import type { RunAnalysis } from './analysis'
import type { RunRecord } from './result'
import { formatValue } from './scaling/formatNumber'

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** A decimal string with thousands separators (sums exceed 2^53, so no Number). */
export function groupDigits(decimal: string): string {
  return decimal.startsWith('-') ? `-${group(decimal.slice(1))}` : group(decimal)
}

/** "1.93× " or, with the analysis, "1.93 ± 0.02× ". */
function times(run: RunAnalysis | undefined, workers: number, speedup: number): string {
  const s = run?.workers.find((w) => w.workers === workers)?.speedup
  return s && Number.isFinite(s.speedupError) && s.speedupError > 0
    ? `${speedup.toFixed(2)} ± ${formatValue(s.speedupError, 2)}×`
    : `${speedup.toFixed(2)}×`
}

/**
 * One line that answers the question the run asked: whether every total is
 * right, and the best speedup (or why there is none). With the analysis the
 * speedup carries its error.
 */
export function runVerdict(run: RunRecord, analysis?: RunAnalysis): string {
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
    const scaled = analysis?.workers.find((w) => w.workers === n)?.scaled
    const scaledText =
      scaled && n > 1 && Number.isFinite(scaled.scaledSpeedupError)
        ? `${(n * widest.speedup).toFixed(2)} ± ${formatValue(scaled.scaledSpeedupError, 2)}×`
        : `${(n * widest.speedup).toFixed(2)}×`
    return `✓ Every total matches ${sumText}. ${run.config.workload === 'weak' ? 'Weak scaling' : 'Replicate'}: ${n} worker(s) did ${n}× the work in ${(1 / widest.speedup).toFixed(2)}× the time of one (scaled speedup ${scaledText}).`
  }
  if (best.workers === 1 || best.speedup < 1) {
    const other = run.results.find((r) => r.workers !== 1)
    const slower = other
      ? ` ${other.workers} workers took ${(1 / other.speedup).toFixed(2)}× as long as one.`
      : ''
    return `✓ Every total matches ${sumText}. No speedup:${slower} The job is too small for its overhead.`
  }
  return `✓ Every total matches ${sumText}. Best: ${best.workers} workers are ${times(analysis, best.workers, best.speedup)} faster than 1 (efficiency ${(best.efficiency * 100).toFixed(0)} %).`
}
