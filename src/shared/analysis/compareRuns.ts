import { quantileSorted } from '../stats/quantileSorted'
import { seededRandom } from '../stats/seededRandom'
import type { MeasuredConfig, MeasuredCount, MeasuredRun } from './measuredRun'

/**
 * Comparing two runs of the same job, the way criterion compares against a
 * baseline: per worker count the ratio of median wall times (candidate ÷
 * baseline) with a 95 % percentile-bootstrap interval of that ratio, and the
 * same for the speedup. A change is `improved` or `regressed` only when the
 * interval excludes 1 AND the estimate moved by more than the noise
 * threshold; anything else is `no-change`.
 */

export type ComparisonVerdict = 'improved' | 'regressed' | 'no-change'

/** Default noise threshold: changes smaller than 2 % are called no-change. */
export const DEFAULT_NOISE_THRESHOLD = 0.02
/** Bootstrap resamples per interval; seeded, so the same runs give the same interval. */
export const COMPARISON_RESAMPLES = 2000
export const COMPARISON_SEED = 0x5eed
export const COMPARISON_CONFIDENCE = 0.95
/** Below this many samples on either side an interval is not computed (it would be too narrow). */
export const MIN_SAMPLES_FOR_INTERVAL = 3

export interface RatioEstimate {
  /** candidate ÷ baseline. */
  ratio: number
  /** 95 % bootstrap interval of the ratio; null when too few samples. */
  low: number | null
  high: number | null
  verdict: ComparisonVerdict
  /** Why the verdict is no-change although the estimate moved, when it is not the interval. */
  note: 'too-few-samples' | null
}

export interface SideFigures {
  n: number
  medianMs: number
  /** Speedup of this run at this worker count (same definition for both sides); null for N = 1 or without a 1-worker baseline. */
  speedup: number | null
}

export interface WorkerCountComparison {
  workers: number
  baseline: SideFigures
  candidate: SideFigures
  /** Median wall time, candidate ÷ baseline: below 1 is faster. */
  time: RatioEstimate
  /** Speedup, candidate ÷ baseline: above 1 is better. Null where speedup is undefined. */
  speedup: RatioEstimate | null
}

export interface RunRef {
  id: string
  startedAt: string
  config: MeasuredConfig
}

/** A setting that differs but does not change the job (how it was run, or where). */
export interface ComparisonDifference {
  field: string
  baseline: string
  candidate: string
}

export interface RunComparison {
  baseline: RunRef
  candidate: RunRef
  threshold: number
  confidence: number
  resamples: number
  seed: number
  /** Settings that differ between the runs; the comparison is across them. */
  differences: ComparisonDifference[]
  /** Worker counts measured in only one of the runs (not compared). */
  onlyInBaseline: number[]
  onlyInCandidate: number[]
  rows: WorkerCountComparison[]
  /** Worker counts whose time verdict is improved / regressed. */
  improved: number[]
  regressed: number[]
}

/** Why two runs cannot be compared, with what differs. */
export type ComparisonRefusal =
  | {
      code: 'different-range'
      baseline: { start: number; end: number }
      candidate: { start: number; end: number }
    }
  | { code: 'different-workload'; baseline: string; candidate: string }
  | { code: 'no-common-workers'; baseline: number[]; candidate: number[] }
  | { code: 'wrong-sum'; side: 'baseline' | 'candidate'; workers: number }
  | { code: 'no-samples'; side: 'baseline' | 'candidate'; workers: number }

export type ComparisonOutcome =
  { ok: true; value: RunComparison } | { ok: false; refusal: ComparisonRefusal }

export interface CompareOptions {
  /** Noise threshold as a fraction (0.02 = 2 %). */
  threshold?: number
  resamples?: number
  seed?: number
}

/**
 * What must match for two runs to be comparable: the job itself. Its range
 * and workload decide what is computed, so times of different jobs are not
 * a comparison. How it was run — backend, pool, kernel, warm-ups,
 * repetitions, machine — may differ: that is what one compares; each
 * difference is listed with the result.
 */
export function checkComparable(
  baseline: Pick<MeasuredRun, 'config'>,
  candidate: Pick<MeasuredRun, 'config'>
): ComparisonRefusal | null {
  const b = baseline.config
  const c = candidate.config
  if (b.range.start !== c.range.start || b.range.end !== c.range.end) {
    return {
      code: 'different-range',
      baseline: { start: b.range.start, end: b.range.end },
      candidate: { start: c.range.start, end: c.range.end }
    }
  }
  if (b.workload !== c.workload) {
    return { code: 'different-workload', baseline: b.workload, candidate: c.workload }
  }
  return null
}

/** Settings compared by value; range, workload and the worker list are handled apart. */
const JOB_FIELDS = new Set(['range', 'workload', 'workers'])
/**
 * Recorded with a run but not a setting it is compared across: the seed of
 * the worker counts' order is drawn afresh for every run, so naming it would
 * put "compared across seed" under every comparison.
 */
const NOT_SETTINGS = new Set(['seed'])

/** A setting's value; a record from before kernels existed ran the js kernel. */
const settingOf = (config: MeasuredRun['config'], field: string): unknown =>
  field === 'kernel' ? (config.kernel ?? 'js') : config[field]

const show = (value: unknown): string =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value)

function differencesOf(baseline: MeasuredRun, candidate: MeasuredRun): ComparisonDifference[] {
  const out: ComparisonDifference[] = []
  const keys = [...new Set([...Object.keys(baseline.config), ...Object.keys(candidate.config)])]
  for (const field of keys) {
    if (JOB_FIELDS.has(field) || NOT_SETTINGS.has(field)) continue
    const b = show(settingOf(baseline.config, field))
    const c = show(settingOf(candidate.config, field))
    if (b !== c) out.push({ field, baseline: b, candidate: c })
  }
  const machine = (run: MeasuredRun): string =>
    run.system
      ? `${run.system.cpuModel ?? '?'} × ${run.system.availableParallelism ?? '?'}`
      : 'unknown'
  if (machine(baseline) !== machine(candidate)) {
    out.push({ field: 'machine', baseline: machine(baseline), candidate: machine(candidate) })
  }
  return out
}

/**
 * The median, reordering `values` in place: Hoare's selection, O(n), not a
 * sort — the bootstrap takes thousands of medians per worker count.
 */
function medianOf(values: Float64Array): number {
  const n = values.length
  const mid = n >> 1
  select(values, mid)
  if (n % 2) return values[mid]
  // values[0..mid) are all ≤ values[mid]: the lower middle is their largest.
  let lower = values[0]
  for (let i = 1; i < mid; i++) if (values[i] > lower) lower = values[i]
  return (lower + values[mid]) / 2
}

/** Puts the k-th smallest value at index k, smaller ones before it, larger after. */
function select(a: Float64Array, k: number): void {
  let lo = 0
  let hi = a.length - 1
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        const t = a[i]
        a[i] = a[j]
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return
  }
}

const walls = (count: MeasuredCount): Float64Array =>
  Float64Array.from(count.samples, (s) => s.wallMs)

/** Draws n values with replacement into `into`. */
function resample(from: Float64Array, into: Float64Array, random: () => number): Float64Array {
  const n = from.length
  for (let i = 0; i < n; i++) into[i] = from[Math.floor(random() * n)]
  return into
}

/** Scaled speedup for replicate and weak (N× the work), plain T1/TN for split. */
function speedupOf(workload: string, workers: number, t1: number, tn: number): number {
  return (workload === 'split' ? 1 : workers) * (t1 / tn)
}

function verdictOf(
  ratio: number,
  low: number | null,
  high: number | null,
  threshold: number,
  lowerIsBetter: boolean
): ComparisonVerdict {
  if (low === null || high === null) return 'no-change'
  const better = lowerIsBetter
    ? high < 1 && ratio < 1 - threshold
    : low > 1 && ratio > 1 + threshold
  const worse = lowerIsBetter ? low > 1 && ratio > 1 + threshold : high < 1 && ratio < 1 - threshold
  return better ? 'improved' : worse ? 'regressed' : 'no-change'
}

function interval(ratios: Float64Array, confidence: number): { low: number; high: number } {
  ratios.sort()
  const alpha = (1 - confidence) / 2
  return { low: quantileSorted(ratios, alpha), high: quantileSorted(ratios, 1 - alpha) }
}

/**
 * Compares two runs: `baseline` (before) and `candidate` (after). Reads only
 * samples and sums. Deterministic: the bootstrap is seeded per worker count.
 */
export function compareRuns(
  baseline: MeasuredRun,
  candidate: MeasuredRun,
  options: CompareOptions = {}
): ComparisonOutcome {
  const threshold = options.threshold ?? DEFAULT_NOISE_THRESHOLD
  const resamples = options.resamples ?? COMPARISON_RESAMPLES
  const seed = options.seed ?? COMPARISON_SEED
  const refusal = checkComparable(baseline, candidate)
  if (refusal) return { ok: false, refusal }

  for (const [side, run] of [
    ['baseline', baseline],
    ['candidate', candidate]
  ] as const) {
    for (const r of run.results) {
      if (!r.correct || r.sum !== r.expectedSum)
        return { ok: false, refusal: { code: 'wrong-sum', side, workers: r.workers } }
      if (r.samples.length === 0)
        return { ok: false, refusal: { code: 'no-samples', side, workers: r.workers } }
    }
  }

  const byWorkers = (run: MeasuredRun): Map<number, MeasuredCount> =>
    new Map(run.results.map((r) => [r.workers, r]))
  const b = byWorkers(baseline)
  const c = byWorkers(candidate)
  const common = [...b.keys()].filter((n) => c.has(n)).sort((x, y) => x - y)
  if (common.length === 0) {
    return {
      ok: false,
      refusal: {
        code: 'no-common-workers',
        baseline: [...b.keys()].sort((x, y) => x - y),
        candidate: [...c.keys()].sort((x, y) => x - y)
      }
    }
  }
  const workload = baseline.config.workload
  const b1 = b.get(1)
  const c1 = c.get(1)

  const rows = common.map((workers): WorkerCountComparison => {
    const bw = walls(b.get(workers)!)
    const cw = walls(c.get(workers)!)
    const b1w = b1 ? walls(b1) : null
    const c1w = c1 ? walls(c1) : null
    const bMedian = medianOf(bw.slice())
    const cMedian = medianOf(cw.slice())
    const withSpeedup = workers > 1 && b1w !== null && c1w !== null
    const bSpeedup = withSpeedup
      ? speedupOf(workload, workers, medianOf(b1w.slice()), bMedian)
      : null
    const cSpeedup = withSpeedup
      ? speedupOf(workload, workers, medianOf(c1w.slice()), cMedian)
      : null

    const enough =
      bw.length >= MIN_SAMPLES_FOR_INTERVAL &&
      cw.length >= MIN_SAMPLES_FOR_INTERVAL &&
      (!withSpeedup ||
        (b1w.length >= MIN_SAMPLES_FOR_INTERVAL && c1w.length >= MIN_SAMPLES_FOR_INTERVAL))

    let timeInterval: { low: number; high: number } | null = null
    let speedupInterval: { low: number; high: number } | null = null
    if (enough) {
      const random = seededRandom((seed ^ Math.imul(workers, 0x9e3779b1)) >>> 0)
      const timeRatios = new Float64Array(resamples)
      const speedupRatios = new Float64Array(withSpeedup ? resamples : 0)
      const bs = new Float64Array(bw.length)
      const cs = new Float64Array(cw.length)
      const b1s = new Float64Array(b1w?.length ?? 0)
      const c1s = new Float64Array(c1w?.length ?? 0)
      for (let i = 0; i < resamples; i++) {
        const bm = medianOf(resample(bw, bs, random))
        const cm = medianOf(resample(cw, cs, random))
        timeRatios[i] = cm / bm
        if (withSpeedup) {
          const b1m = medianOf(resample(b1w, b1s, random))
          const c1m = medianOf(resample(c1w, c1s, random))
          speedupRatios[i] =
            speedupOf(workload, workers, c1m, cm) / speedupOf(workload, workers, b1m, bm)
        }
      }
      timeInterval = interval(timeRatios, COMPARISON_CONFIDENCE)
      if (withSpeedup) speedupInterval = interval(speedupRatios, COMPARISON_CONFIDENCE)
    }

    const estimate = (
      ratio: number,
      iv: { low: number; high: number } | null,
      lowerIsBetter: boolean
    ): RatioEstimate => ({
      ratio,
      low: iv?.low ?? null,
      high: iv?.high ?? null,
      verdict: verdictOf(ratio, iv?.low ?? null, iv?.high ?? null, threshold, lowerIsBetter),
      note: iv ? null : 'too-few-samples'
    })

    return {
      workers,
      baseline: { n: bw.length, medianMs: bMedian, speedup: bSpeedup },
      candidate: { n: cw.length, medianMs: cMedian, speedup: cSpeedup },
      time: estimate(cMedian / bMedian, timeInterval, true),
      speedup:
        bSpeedup !== null && cSpeedup !== null
          ? estimate(cSpeedup / bSpeedup, speedupInterval, false)
          : null
    }
  })

  const ref = (run: MeasuredRun): RunRef => ({
    id: run.id,
    startedAt: run.startedAt,
    config: run.config
  })
  return {
    ok: true,
    value: {
      baseline: ref(baseline),
      candidate: ref(candidate),
      threshold,
      confidence: COMPARISON_CONFIDENCE,
      resamples,
      seed,
      differences: differencesOf(baseline, candidate),
      onlyInBaseline: [...b.keys()].filter((n) => !c.has(n)).sort((x, y) => x - y),
      onlyInCandidate: [...c.keys()].filter((n) => !b.has(n)).sort((x, y) => x - y),
      rows,
      improved: rows.filter((r) => r.time.verdict === 'improved').map((r) => r.workers),
      regressed: rows.filter((r) => r.time.verdict === 'regressed').map((r) => r.workers)
    }
  }
}

/**
 * Worker counts whose median wall time regressed (significantly, beyond the
 * noise threshold) by more than `percent` %: what --fail-on-regression fails on.
 */
export function regressionsOver(comparison: RunComparison, percent: number): number[] {
  return comparison.rows
    .filter((r) => r.time.verdict === 'regressed' && (r.time.ratio - 1) * 100 > percent)
    .map((r) => r.workers)
}
