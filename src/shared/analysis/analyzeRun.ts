import { commandRunWarnings, commandWarnings } from './commandWarnings'
import { clusterCores } from '../cluster'
import { jobOf } from '../workloads/jobs'
import { contentionOf } from './contention'
import { referenceRun, type ReferenceCandidate } from './referenceRun'
import { methodRulesOf } from './methodRules'
import { median } from 'simple-statistics'
import type {
  AnalysisMethod,
  GustafsonAnalysis,
  ModelsAnalysis,
  RunAnalysis,
  WorkerCountAnalysis
} from './types'
import type { RunRecord, Sample, WorkerCountResult } from '../result'
import { compareScalingModels } from '../stats/compareScalingModels'
import { baselineOf, timeEstimate, wallTimes } from './baseline'
import { describeTimings, MIN_REPS_FOR_MEDIAN_INTERVAL } from './describeTimings'
import { karpFlattSeries } from './karpFlattSeries'
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from '../stats/medianInterval'
import { overheadBreakdown, type OverheadSample } from './overheadBreakdown'
import { scaledSpeedup } from './scaledSpeedup'
import { scalingWarnings, type ScalingWarning } from './scalingWarnings'
import { speedupWithError } from './speedupWithError'
import { speedupNumerator } from './speedupDefinition'
import { runVerdictOf, workerVerdict, type SpeedupInterval } from './runVerdictCode'
import type { ScalingPoint } from '../stats/types'

/**
 * Resolution of the workers' monotonic clock (Node's performance.now), ms. A
 * compute time under ten ticks is not a measurement of the job.
 */
export const TIMER_RESOLUTION_MS = 0.001
/** A job whose compute is under this many timer ticks is too small to time. */
export const MIN_TIMER_TICKS = 10

const LEVEL = 0.95
/** From here on an Amdahl f says more about the machine or the job size than about serial code. */
export const LARGE_SERIAL_FRACTION = 0.5

export const ANALYSIS_METHOD: AnalysisMethod = {
  level: LEVEL,
  medianInterval: 'bootstrap-percentile',
  resamples: DEFAULT_RESAMPLES,
  seed: DEFAULT_SEED,
  meanInterval: 'student-t',
  errorBasis: 'ci-half-width',
  minRepsForMedianInterval: MIN_REPS_FOR_MEDIAN_INTERVAL
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

/** Below this R² a fitted model explains too little of the speedups to teach anything. */
export const MIN_FIT_R_SQUARED = 0.9

/**
 * Whether a fit explains too little of the speedups to be reported: an R²
 * below MIN_FIT_R_SQUARED (exactly 0.9 is enough); no R² (speedups with no
 * spread) says nothing against it. Apart so that the boundary can be checked
 * at the exact value.
 */
export function isPoorFit(rSquared: number | null): boolean {
  return rSquared !== null && rSquared < MIN_FIT_R_SQUARED
}

interface FitRow {
  workers: number
  speedup: number
  error: number | undefined
  verdict: WorkerCountAnalysis['verdict']
}

/**
 * Amdahl's law and the USL, fitted only to what is evidence: counts within
 * the cores (oversubscribed ones measure taking turns; drawn, not fitted,
 * unless `fitOversubscribed`), each with a significant speedup, and kept only
 * when the fit explains the speedups (R² ≥ MIN_FIT_R_SQUARED).
 */
function modelsFor(
  rows: readonly FitRow[],
  strong: boolean,
  cores: number,
  fitOversubscribed: boolean
): ModelsAnalysis {
  const base = { comparison: null, cores, rSquared: null }
  if (!strong) return { code: 'weak-scaling', workers: [], excluded: [], ...base }
  const usable = rows.filter((p) => p.workers > 1 && Number.isFinite(p.speedup) && p.speedup > 0)
  const excluded = fitOversubscribed
    ? []
    : usable.filter((p) => p.workers > cores).map((p) => p.workers)
  const above = usable.filter((p) => !excluded.includes(p.workers))
  const slowdowns = above.filter((p) => p.verdict === 'slower' || p.speedup < 1)
  if (slowdowns.length > 0) {
    return { code: 'slower-than-one', workers: slowdowns.map((p) => p.workers), excluded, ...base }
  }
  if (above.length < 2) {
    return {
      code: 'too-few-worker-counts',
      workers: above.map((p) => p.workers),
      excluded,
      ...base
    }
  }
  const noise = above.filter((p) => p.verdict !== 'faster')
  if (noise.length > 0) {
    return { code: 'not-significant', workers: noise.map((p) => p.workers), excluded, ...base }
  }
  const points: ScalingPoint[] = [
    { workers: 1, speedup: 1 },
    ...above.map((p) => ({ workers: p.workers, speedup: p.speedup, error: p.error }))
  ]
  const comparison = compareScalingModels(points)
  const workers = above.map((p) => p.workers)
  if (!comparison.amdahl) return { code: 'too-few-worker-counts', workers, excluded, ...base }
  // The model that is reported must explain the speedups: the USL where it fits better.
  const r2 = (comparison.best === 'usl' ? comparison.usl : comparison.amdahl)?.rSquared ?? null
  if (isPoorFit(r2)) {
    return { code: 'poor-fit', workers, excluded, comparison: null, cores, rSquared: r2 }
  }
  return { code: 'fitted', workers, excluded, comparison, cores, rSquared: r2 }
}

function gustafsonFor(
  workload: 'replicate' | 'weak',
  rows: WorkerCountAnalysis[],
  copies: boolean
): GustafsonAnalysis {
  const points = rows
    .map((r) => r.scaled)
    .filter((s): s is NonNullable<typeof s> => s !== null && s.workers > 1)
  return copies ? { workload, copies: true, points } : { workload, points }
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
export interface AnalyzeOptions {
  /** Fit the models and read Karp–Flatt on worker counts above the cores too (off by default). */
  fitOversubscribed?: boolean
  /**
   * The stored runs to find a contended run's reference point in (a quiet run
   * of the same job on the same machine); none by default.
   */
  history?: readonly ReferenceCandidate[]
}

export function analyzeRun(record: RunRecord, options: AnalyzeOptions = {}): RunAnalysis {
  const workload = record.config.workload
  const strong = workload === 'split'
  const { t1, hasInterval: t1HasInterval, measured } = baselineOf(record)
  // A cluster run's workers share the agents' hosts' cores, not the controller's.
  const waits = jobOf(record.config) === 'wait'
  const logicalCores = record.system.cluster
    ? clusterCores(record.system.cluster)
    : record.system.availableParallelism || record.system.logicalCores
  const one = record.results.find((r) => r.workers === 1)
  const jobMs =
    one && one.samples.length > 0 ? median(one.samples.map((s) => s.computeMs[0] ?? 0)) : null
  const spawnOf = (r: WorkerCountResult): number | null => {
    const spawns = r.samples.map((s) => s.spawnMs).filter((x): x is number => x !== null)
    return spawns.length ? median(spawns) : null
  }
  const spawnMs = record.config.pool === 'cold' && one ? spawnOf(one) : null

  const described = record.results.map((r) => ({ r, d: describeTimings(wallTimes(r)) }))
  const rows: WorkerCountAnalysis[] = described.map(({ r, d }) => {
    const tn = timeEstimate(d)
    const n = r.workers
    // One definition per workload: split S = T1/TN; replicate and weak S = N·T1/TN.
    const speedup = speedupWithError(
      speedupNumerator(workload, t1, n),
      tn ?? { value: d.medianMs, error: 0 },
      n
    )
    const interval: SpeedupInterval | null =
      n === 1 || tn === null || !t1HasInterval || !Number.isFinite(speedup.speedupError)
        ? null
        : {
            // On the log scale, so it never goes below 0: S·e^(∓e/S), ≈ S ± e for small errors.
            lower: speedup.speedup * Math.exp(-speedup.speedupError / speedup.speedup),
            upper: speedup.speedup * Math.exp(speedup.speedupError / speedup.speedup)
          }
    if (interval === null && n !== 1) {
      speedup.speedupError = Number.NaN
      speedup.efficiencyError = Number.NaN
    }
    const computeMs = median(r.samples.map((s) => Math.max(0, ...s.computeMs)))
    const perRepOverheadMs = median(
      r.samples.map((s) => Math.max(0, s.wallMs - Math.max(0, ...s.computeMs)))
    )
    const tooSmall =
      computeMs < MIN_TIMER_TICKS * TIMER_RESOLUTION_MS || computeMs < perRepOverheadMs
        ? { computeMs, overheadMs: perRepOverheadMs, timerResolutionMs: TIMER_RESOLUTION_MS }
        : null
    return {
      workers: n,
      n: d.n,
      medianMs: d.medianMs,
      medianInterval: d.medianInterval,
      meanMs: d.meanMs,
      stddevMs: d.stddevMs,
      meanInterval: d.meanInterval,
      minMs: d.minMs,
      maxMs: d.maxMs,
      spawnMedianMs: spawnOf(r),
      speedup,
      speedupInterval: interval,
      verdict: workerVerdict(n, interval, tooSmall !== null),
      tooSmall,
      karpFlatt: null,
      scaled: strong ? null : scaledSpeedup(t1, tn ?? { value: d.medianMs, error: Number.NaN }, n),
      overhead: overheadBreakdown(r.samples.map(overheadSample)),
      // Waiting workers do not take turns on the CPU: 32 of them on 2 cores are not oversubscribed.
      oversubscribed: n > logicalCores && !waits,
      correct: r.correct
    }
  })

  // Karp–Flatt e(N) is read only where it means a serial fraction: a fixed job, a
  // significant speedup (its interval above 1), 1 ≤ S ≤ N, and N within the cores.
  const fitRows: FitRow[] = rows.map((r) => ({
    workers: r.workers,
    speedup: r.speedup.speedup,
    error: Number.isFinite(r.speedup.speedupError) ? r.speedup.speedupError : undefined,
    verdict: r.verdict
  }))
  const fitOversubscribed = options.fitOversubscribed ?? false
  const evidence = (p: FitRow): boolean =>
    p.workers > 1 &&
    p.verdict === 'faster' &&
    p.speedup >= 1 &&
    p.speedup <= p.workers &&
    (fitOversubscribed || p.workers <= logicalCores)
  const karpFlatt = strong
    ? {
        ...karpFlattSeries(fitRows.filter(evidence)),
        left: fitRows
          .filter((p) => p.workers > 1 && !evidence(p))
          .map((p) => ({
            workers: p.workers,
            reason:
              !fitOversubscribed && p.workers > logicalCores
                ? ('oversubscribed' as const)
                : p.verdict !== 'faster'
                  ? ('not-significant' as const)
                  : ('out-of-range' as const)
          }))
      }
    : null
  for (const row of rows) {
    row.karpFlatt = karpFlatt?.points.find((p) => p.workers === row.workers) ?? null
  }

  const warnings: ScalingWarning[] = described
    .slice()
    .sort((a, b) => a.r.workers - b.r.workers)
    .flatMap(({ r, d }) => [
      ...scalingWarnings({
        workers: r.workers,
        wallMs: wallTimes(r),
        spawnMs: record.config.pool === 'cold' ? spawnOf(r) : null,
        jobMs,
        logicalCores: waits ? null : logicalCores,
        interval: d.medianInterval,
        warmup: record.config.warmup
      }),
      ...commandWarnings(r)
    ])
  warnings.push(
    ...commandRunWarnings(
      record.config,
      record.results.map((r) => r.workers)
    )
  )

  const contention = contentionOf(record, logicalCores)
  return {
    runId: record.id,
    workload,
    scaling: strong ? 'strong' : 'weak',
    speedupDefinition: strong ? 'T1/TN' : 'N·T1/TN',
    method: ANALYSIS_METHOD,
    baselineMeasured: measured,
    workers: rows,
    karpFlatt,
    models: {
      ...modelsFor(fitRows, strong, logicalCores, fitOversubscribed),
      ...(record.config.job === 'command' ? { command: true as const } : {})
    },
    gustafson:
      workload === 'split' ? null : gustafsonFor(workload, rows, record.config.job === 'command'),
    context: { logicalCores, jobMs, spawnMs },
    warnings,
    contention,
    reference: referenceRun(record, contention, options.history ?? []),
    rules: methodRulesOf(record, contention),
    verdict: runVerdictOf(
      rows.map((r) => ({
        workers: r.workers,
        speedup: r.speedup.speedup,
        efficiency: r.speedup.efficiency,
        interval: r.speedupInterval,
        verdict: r.verdict,
        correct: r.correct,
        reps: r.n,
        oversubscribed: r.oversubscribed
      }))
    )
  }
}
