import { clusterCores } from '../cluster'
import { median } from 'simple-statistics'
import type {
  AnalysisMethod,
  GustafsonAnalysis,
  ModelsAnalysis,
  RunAnalysis,
  WorkerCountAnalysis
} from '../analysis'
import type { RunRecord, Sample, WorkerCountResult } from '../result'
import { compareScalingModels } from './compareScalingModels'
import { describeTimings } from './describeTimings'
import { formatPercent, formatValue } from './formatNumber'
import { karpFlattSeries } from './karpFlattSeries'
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from './medianInterval'
import { overheadBreakdown, type OverheadSample } from './overheadBreakdown'
import { scaledSpeedup } from './scaledSpeedup'
import { scalingWarnings, type ScalingWarning } from './scalingWarnings'
import { speedupWithError } from './speedupWithError'
import type { Estimate, ScalingPoint } from './types'

const LEVEL = 0.95
/** From here on an Amdahl f says more about the machine or the job size than about serial code. */
const LARGE_SERIAL_FRACTION = 0.5

export const ANALYSIS_METHOD: AnalysisMethod = {
  level: LEVEL,
  medianInterval: 'bootstrap-percentile',
  resamples: DEFAULT_RESAMPLES,
  seed: DEFAULT_SEED,
  meanInterval: 'student-t',
  errorBasis: 'ci-half-width',
  description:
    `Intervals are ${formatPercent(LEVEL)}: the median's by percentile bootstrap ` +
    `(${DEFAULT_RESAMPLES.toLocaleString('en-US')} seeded resamples), the mean's by Student t; ` +
    `"S ± e" carries the medians' interval half-widths through T1/TN ` +
    `(relative errors in quadrature), and efficiency is S/N ± e/N.`
}

/**
 * The breakdown's dispatch is wall − slowest compute. In a cold repetition the
 * wall also holds the start-up, and each worker starts computing as soon as it
 * is ready, so the engine's own overheadMs (wall beyond the critical path) is
 * what dispatch should be: feed the breakdown that wall.
 */
function overheadSample(s: Sample): OverheadSample {
  const slowest = s.computeMs.length ? Math.max(...s.computeMs) : 0
  return {
    spawnMs: s.spawnMs,
    wallMs: s.overheadMs + slowest,
    computeMs: s.computeMs,
    mergeMs: s.mergeMs,
    networkMs: s.networkMs
  }
}

const wallTimes = (r: WorkerCountResult): number[] => r.samples.map((s) => s.wallMs)

/** T1 with its interval half-width, or recovered from a stored speedup when 1 was not kept. */
function baselineOf(record: RunRecord): { t1: Estimate; measured: boolean } {
  const one = record.results.find((r) => r.workers === 1)
  if (one && one.samples.length > 0) {
    const d = describeTimings(wallTimes(one))
    return { t1: { value: d.medianMs, error: d.medianInterval?.halfWidth ?? 0 }, measured: true }
  }
  const any = record.results.find((r) => Number.isFinite(r.speedup) && r.speedup > 0)
  return {
    t1: { value: any ? any.speedup * any.medianMs : Number.NaN, error: 0 },
    measured: false
  }
}

function modelsFor(points: ScalingPoint[], strong: boolean): ModelsAnalysis {
  if (!strong) {
    return {
      comparison: null,
      summary:
        "Amdahl's law and the USL describe a fixed job split N ways (the split workload); " +
        "this run grows the work with N, so Gustafson's scaled speedup describes it instead."
    }
  }
  const above = points.filter((p) => p.workers > 1 && Number.isFinite(p.speedup) && p.speedup > 0)
  if (above.length < 2) {
    return {
      comparison: null,
      summary:
        `No model fitted: ${above.length === 0 ? 'no worker count' : `only ${above[0].workers} workers`} ` +
        `above one was measured, and a serial fraction fitted to a single speedup has no ` +
        `uncertainty. Measure at least two worker counts above one (e.g. --workers 1,2,4).`
    }
  }
  const comparison = compareScalingModels(points)
  const a = comparison.amdahl
  if (!a) return { comparison: null, summary: comparison.reason }
  const pm = (x: number | null): string => (x === null ? '' : ` ± ${formatValue(x, 2)}`)
  const ceiling =
    a.ceiling === null
      ? 'no ceiling (f = 0: nothing measurable is serial)'
      : `a ceiling of 1/f ≈ ${formatValue(a.ceiling)}×${pm(a.ceilingError)} however many workers`
  let summary =
    `Amdahl fit over ${a.n} worker counts above one: serial fraction f = ` +
    `${formatValue(a.serialFraction)}${pm(a.serialFractionError)} ` +
    `(${formatPercent(a.serialFraction)} of the one-worker time), ${ceiling}.`
  if (a.atBound && a.serialFraction === 0) {
    summary += ' (f was held at 0: the speedups are at or above linear.)'
  }
  if (a.serialFraction >= LARGE_SERIAL_FRACTION) {
    summary +=
      ' A serial fraction this large is rarely serial code: the workers did not get free ' +
      'cores (other programs, more workers than cores) or the job is too short for its overhead.'
  }
  const u = comparison.usl
  if (comparison.best === 'usl' && u) {
    summary +=
      ` The USL fits better: σ = ${formatValue(u.sigma)}${pm(u.sigmaError)}, ` +
      `κ = ${formatValue(u.kappa)}${pm(u.kappaError)}` +
      (u.peakWorkers !== null
        ? `, peak ${formatValue(u.peakSpeedup ?? Number.NaN)}× at about ${formatValue(u.peakWorkers, 2)} workers.`
        : '.')
  } else {
    summary += ` ${comparison.reason}`
  }
  return { comparison, summary }
}

function gustafsonFor(
  workload: 'replicate' | 'weak',
  rows: WorkerCountAnalysis[]
): GustafsonAnalysis {
  const points = rows
    .map((r) => r.scaled)
    .filter((s): s is NonNullable<typeof s> => s !== null && s.workers > 1)
  const widest = points.reduce<(typeof points)[number] | null>(
    (a, b) => (a === null || b.workers > a.workers ? b : a),
    null
  )
  const what =
    workload === 'replicate'
      ? 'every worker summed the whole range'
      : 'every worker summed its own share of the same length'
  const summary = widest
    ? `Weak scaling (${what}): ${widest.workers} workers did ${widest.workers}× the work ` +
      `at a scaled speedup of ${formatValue(widest.scaledSpeedup)} ± ` +
      `${formatValue(widest.scaledSpeedupError, 2)} (ideal ${widest.workers}); Gustafson's ` +
      `serial fraction f = ${formatValue(widest.serialFraction ?? Number.NaN)}` +
      (widest.serialFractionError !== null
        ? ` ± ${formatValue(widest.serialFractionError, 2)}`
        : '') +
      '.'
    : `Weak scaling (${what}): no worker count above one, so no scaled speedup.`
  return { workload, points, summary }
}

/**
 * Everything a finished run says about scaling, computed from its record alone
 * (pure and deterministic: the bootstrap is seeded). Per worker count: median
 * with its 95% bootstrap interval, mean ± σ with its Student-t interval,
 * min…max, n, speedup and efficiency ± e, Karp–Flatt e(N), overhead breakdown,
 * and the warnings; for the run: the e(N) trend, the Amdahl and USL fits
 * (strong scaling, two or more worker counts above one) or Gustafson's scaled
 * speedup (replicate and weak workloads).
 */
export function analyzeRun(record: RunRecord): RunAnalysis {
  const workload = record.config.workload
  const strong = workload === 'split'
  const { t1, measured } = baselineOf(record)
  // A cluster run's workers share the agents' hosts' cores, not the controller's.
  const logicalCores = record.system.cluster
    ? clusterCores(record.system.cluster)
    : record.system.availableParallelism || record.system.logicalCores
  const one = record.results.find((r) => r.workers === 1)
  const jobMs =
    one && one.samples.length > 0 ? median(one.samples.map((s) => s.computeMs[0] ?? 0)) : null
  const spawnMs = record.config.pool === 'cold' ? (one?.spawnMedianMs ?? null) : null

  const described = record.results.map((r) => ({ r, d: describeTimings(wallTimes(r)) }))
  const speedups = described.map(({ r, d }) =>
    speedupWithError(t1, { value: d.medianMs, error: d.medianInterval?.halfWidth ?? 0 }, r.workers)
  )
  const points: ScalingPoint[] = speedups.map((s) => ({
    workers: s.workers,
    speedup: s.speedup,
    error: s.speedupError
  }))
  const karpFlatt = strong ? karpFlattSeries(points) : null

  const rows: WorkerCountAnalysis[] = described.map(({ r, d }, i) => ({
    workers: r.workers,
    n: d.n,
    medianMs: d.medianMs,
    medianInterval: d.medianInterval,
    meanMs: d.meanMs,
    stddevMs: d.stddevMs,
    meanInterval: d.meanInterval,
    minMs: d.minMs,
    maxMs: d.maxMs,
    speedup: speedups[i],
    karpFlatt: karpFlatt?.points.find((p) => p.workers === r.workers) ?? null,
    scaled: strong
      ? null
      : scaledSpeedup(
          t1,
          { value: d.medianMs, error: d.medianInterval?.halfWidth ?? 0 },
          r.workers
        ),
    overhead: overheadBreakdown(r.samples.map(overheadSample)),
    correct: r.correct
  }))

  const warnings: ScalingWarning[] = described
    .slice()
    .sort((a, b) => a.r.workers - b.r.workers)
    .flatMap(({ r, d }) =>
      scalingWarnings({
        workers: r.workers,
        wallMs: wallTimes(r),
        spawnMs: record.config.pool === 'cold' ? r.spawnMedianMs : null,
        jobMs,
        logicalCores,
        interval: d.medianInterval
      })
    )

  return {
    runId: record.id,
    workload,
    scaling: strong ? 'strong' : 'weak',
    method: ANALYSIS_METHOD,
    baselineMeasured: measured,
    workers: rows,
    karpFlatt,
    models: modelsFor(points, strong),
    gustafson: workload === 'split' ? null : gustafsonFor(workload, rows),
    context: { logicalCores, jobMs, spawnMs },
    warnings
  }
}
