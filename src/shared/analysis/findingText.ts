/**
 * The one English wording of the analysis's structured findings (codes and
 * their numbers), used by the CLI, the Markdown reports and the JSON export.
 * The analysis itself stores no sentence; the renderer words the same
 * findings in the user's language (src/renderer/src/lib/i18n/analysisText.ts,
 * whose English is this module).
 */
import {
  formatInteger,
  formatMiB,
  formatMs,
  formatPercent,
  formatPValue,
  formatSize,
  formatValue
} from '../format'
import type { ScalingWarning } from './scalingWarnings'
import type { ScaledSpeedup } from './scaledSpeedup'
import type {
  AnalysisMethod,
  BackendComparisonAnalysis,
  GustafsonAnalysis,
  ModelsAnalysis,
  NetworkCostAnalysis,
  SizePointAnalysis,
  SizeSweepAnalysis,
  StudyFinding,
  WarningSource
} from './types'
import type { WorkerMemory } from '../study'
import type { ContentionAnalysis } from './contention'
import type { BreakEven } from '../stats/findBreakEven'
import { describeBreakEvenSize } from '../kernelComparison'
import { LARGE_SERIAL_FRACTION, MIN_FIT_R_SQUARED } from './analyzeRun'
import { AICC_MARGIN } from '../stats/compareScalingModels'
import { KARP_FLATT_NEAR_ZERO, type KarpFlattPoint, type KarpFlattSeries } from './karpFlattSeries'

/** One warning about a worker count's measurements, with what to change. */
export function warningMessage(w: ScalingWarning): string {
  switch (w.code) {
    case 'more-workers-than-cores':
      return (
        `${w.workers} workers on ${w.logicalCores} logical cores: they take turns on the CPU, ` +
        `so no speedup beyond ${w.logicalCores}× is possible and extra workers only add overhead.`
      )
    case 'job-shorter-than-spawn':
      return (
        `Starting the workers takes ${formatMs(w.spawnMs)}, longer than the job itself ` +
        `(${formatMs(w.jobMs)}): a cold run mostly measures start-up. ` +
        `Use a larger range or a warm pool.`
      )
    case 'outliers': {
      const list = w.repetitions
        .map((rep, i) => {
          const value = w.valuesMs[i]
          const off = (value - w.medianMs) / w.medianMs
          return `#${rep} (${formatMs(value)}, ${off > 0 ? '+' : '−'}${formatPercent(Math.abs(off))})`
        })
        .join(', ')
      const plural = w.repetitions.length > 1
      return (
        `${w.repetitions.length} of ${w.count} repetitions ${plural ? 'are outliers' : 'is an outlier'}: ` +
        `${list} against a median of ${formatMs(w.medianMs)} ` +
        `(modified Z-score above ${formatValue(w.threshold)} and at least ` +
        `${formatPercent(w.minRelative)} from the median). Other programs or the OS ` +
        `interrupted the run; close them and measure again, or add repetitions.`
      )
    }
    case 'slow-first-repetition':
      return (
        `The first repetition took ${formatMs(w.firstMs)}, ${formatValue(w.ratio)}× the median ` +
        `of the rest (${formatMs(w.restMedianMs)}): caches, the JIT or the CPU clock were still ` +
        `warming up. Add a warm-up repetition.`
      )
    case 'trend':
      return w.direction === 'slowing'
        ? `Repetitions got slower as the run went on (about ${formatPercent(w.relativeChange)} ` +
            `from first to last, Mann–Kendall ${formatPValue(w.pValue)}): the CPU is ` +
            `throttling as it heats up, or something else is using the machine. Let it cool, ` +
            `close other programs, and measure again.`
        : `Repetitions got faster as the run went on (about ${formatPercent(-w.relativeChange)} ` +
            `from first to last, Mann–Kendall ${formatPValue(w.pValue)}): the machine ` +
            `was still warming up (CPU clock, caches, JIT) or a background task finished. ` +
            `Add warm-up repetitions.`
    case 'wide-interval':
      return (
        `The ${formatPercent(w.level, 'en', 0)} interval for the median is ` +
        `±${formatMs(w.halfWidthMs)} (±${formatPercent(w.relativeHalfWidth)} of ` +
        `${formatMs(w.medianMs)}): the timing is too noisy to compare worker counts ` +
        `closely. Add repetitions or close other programs.`
      )
  }
}

const eAt = (p: KarpFlattPoint): string =>
  `${formatValue(p.serialFraction)} at ${p.workers} worker${p.workers === 1 ? '' : 's'}`

/** The range of e(N) over a series: "all 0.050" or "0.040…0.060". */
export function karpFlattRange(points: readonly KarpFlattPoint[]): { low: string; high: string } {
  const values = points.map((p) => p.serialFraction)
  return { low: formatValue(Math.min(...values)), high: formatValue(Math.max(...values)) }
}

/** Why worker counts were left out of e(N), grouped by reason. */
export function leftReasons(left: NonNullable<KarpFlattSeries['left']>): string {
  const of = (reason: string): string =>
    left
      .filter((l) => l.reason === reason)
      .map((l) => l.workers)
      .join(', ')
  const parts: string[] = []
  if (of('not-significant'))
    parts.push(
      `the speedup of ${of('not-significant')} workers is not significant (its 95% interval includes 1)`
    )
  if (of('oversubscribed'))
    parts.push(`${of('oversubscribed')} workers exceed the cores (they measure taking turns)`)
  if (of('out-of-range'))
    parts.push(
      `the speedup of ${of('out-of-range')} workers lies outside 1…N (overhead, not a serial part)`
    )
  return parts.join('; ')
}

/** What the Karp–Flatt series' trend means, numbers filled in. */
export function karpFlattMessage(series: KarpFlattSeries): string {
  const points = series.points
  if (points.length === 0) {
    const left = series.left ?? []
    if (left.length === 0) return 'No worker count above one: e(N) needs at least two workers.'
    return `Not enough evidence for e(N): ${leftReasons(left)}.`
  }
  const first = points[0]
  const last = points[points.length - 1]
  if (points.length === 1) {
    return (
      `e is ${eAt(first)}; measure more worker counts to see whether it stays put ` +
      `(a serial part) or grows (overhead).`
    )
  }
  switch (series.trend) {
    case 'insufficient':
      return (
        `e is ${eAt(first)} and ${eAt(last)}; without their uncertainties two ` +
        `points cannot tell a trend from noise. Add repetitions or worker counts.`
      )
    case 'growing':
      return (
        `e grows from ${eAt(first)} to ${eAt(last)}: the loss is overhead that grows ` +
        `with the number of workers (start-up, messaging, merging, uneven shares), not serial ` +
        `code, so each added worker will help less than Amdahl's law predicts.`
      )
    case 'shrinking':
      return (
        `e falls from ${eAt(first)} to ${eAt(last)}: more workers gain more than a ` +
        `fixed serial part allows, typically because a one-off cost is spread over more ` +
        `workers or each worker's share fits better in cache.`
      )
    case 'flat': {
      const { low, high } = karpFlattRange(points)
      const range = low === high ? `all ${low}` : `${low}…${high}`
      const span = `from ${first.workers} to ${last.workers} workers`
      const mean = series.meanSerialFraction ?? Number.NaN
      if (mean <= KARP_FLATT_NEAR_ZERO) {
        return (
          `e stays near zero (${range}) ${span}: no measurable serial part; the job scales ` +
          `almost perfectly.`
        )
      }
      return (
        `e stays near ${formatValue(mean, 2)} (${range}) ${span}: the job behaves as if ` +
        `${formatPercent(mean)} of it were serial, which caps the speedup near ` +
        `${formatValue(1 / mean, 2)}× however many workers are added (Amdahl's law).`
      )
    }
  }
}

const pm = (x: number | null): string => (x === null ? '' : ` ± ${formatValue(x, 2)}`)

/** Amdahl's law and the USL fitted to a run, or why they were not. */
export function modelsMessage(models: ModelsAnalysis): string {
  const text = modelsBody(models)
  return models.excluded.length > 0 ? `${text} ${excludedMessage(models)}` : text
}

/** Oversubscribed counts: drawn, not fitted. */
function excludedMessage(models: ModelsAnalysis): string {
  const list = models.excluded.join(', ')
  return (
    `${list} workers exceed the ${models.cores} cores: they are drawn but not fitted, since ` +
    `they measure workers taking turns on a core, not the job.`
  )
}

const rSquaredText = (r2: number | null): string =>
  r2 === null ? '' : `, R² = ${formatValue(r2, 3)}`

function modelsBody(models: ModelsAnalysis): string {
  const counts = (workers: number[]): string => workers.map((n) => `${n} workers`).join(', ')
  switch (models.code) {
    case 'weak-scaling':
      return (
        "Amdahl's law and the USL describe a fixed job split N ways (the split workload); " +
        "this run grows the work with N, so Gustafson's scaled speedup describes it instead."
      )
    case 'slower-than-one':
      return (
        `No model fitted: ${counts(models.workers)} ` +
        `ran slower than one (speedup below 1), so overhead dominates the job. Amdahl's law ` +
        `and the USL describe a job that gets faster with more workers; use a larger range.`
      )
    case 'not-significant':
      return (
        `Not enough evidence for Amdahl's law or the USL: the speedup of ` +
        `${counts(models.workers)} is not significant (its 95% interval includes 1), and a ` +
        `serial fraction fitted to noise would teach nothing. Add repetitions or use a larger range.`
      )
    case 'poor-fit': {
      const r2 = models.rSquared ?? Number.NaN
      return (
        `Not enough evidence for Amdahl's law: it explains the speedups of ` +
        `${counts(models.workers)} poorly (R² = ${formatValue(r2, 3)}, below ` +
        `${MIN_FIT_R_SQUARED}), so its serial fraction would be a number without a meaning.`
      )
    }
    case 'too-few-worker-counts':
    case 'fitted':
      break
  }
  const comparison = models.comparison
  const a = comparison?.amdahl ?? null
  if (!comparison || !a) {
    const only = models.workers
    return (
      `Not enough evidence for a model: ${only.length === 0 ? 'no worker count' : `only ${counts(only)}`} ` +
      `above one ${only.length > 1 ? 'were' : 'was'} measured within the ${models.cores} cores, and a ` +
      `serial fraction fitted to a single speedup has no uncertainty. Measure at least two worker ` +
      `counts above one within the cores (e.g. worker counts 1,2,4 on 4 cores).`
    )
  }
  const ceiling =
    a.ceiling === null
      ? 'no ceiling (f = 0: nothing measurable is serial)'
      : `a ceiling of 1/f ≈ ${formatValue(a.ceiling)}×${pm(a.ceilingError)} however many workers`
  let text =
    `Amdahl fit over ${a.n} worker counts above one: serial fraction f = ` +
    `${formatValue(a.serialFraction)}${pm(a.serialFractionError)}${rSquaredText(a.rSquared)} ` +
    `(${formatPercent(a.serialFraction)} of the one-worker time), ${ceiling}.`
  if (a.atBound && a.serialFraction === 0) {
    text += ' (f was held at 0: the speedups are at or above linear.)'
  }
  if (a.serialFraction >= LARGE_SERIAL_FRACTION) {
    text +=
      ' A serial fraction this large is rarely serial code: the workers did not get free ' +
      'cores (other programs, more workers than cores) or the job is too short for its overhead.'
  }
  const u = comparison.usl
  if (comparison.basis === 'usl-better' && u) {
    text +=
      ` The USL fits better: σ = ${formatValue(u.sigma)}${pm(u.sigmaError)}, ` +
      `κ = ${formatValue(u.kappa)}${pm(u.kappaError)}` +
      (u.peakWorkers !== null
        ? `, peak ${formatValue(u.peakSpeedup ?? Number.NaN)}× at about ${formatValue(u.peakWorkers, 2)} workers.`
        : '.')
  } else if (comparison.basis !== 'amdahl-enough' || comparison.deltaAicc === null) {
    text +=
      ` Amdahl's law is used: ${a.n} worker count${a.n === 1 ? '' : 's'} above one ` +
      `cannot test the USL's extra term (it needs at least 5).`
  } else {
    text +=
      ` Amdahl's law is enough: the USL's coherency term does not improve the fit ` +
      `(ΔAICc = ${formatValue(comparison.deltaAicc, 2)}, below ${AICC_MARGIN}).`
  }
  return text
}

/** Weak scaling read with Gustafson's law. */
export function gustafsonMessage(g: GustafsonAnalysis): string {
  const what =
    g.workload === 'replicate'
      ? 'every worker summed the whole range'
      : 'every worker summed its own share of the same length'
  const widest = widestScaled(g)
  return widest
    ? `Weak scaling (${what}): ${widest.workers} workers did ${widest.workers}× the work ` +
        `at a scaled speedup of ${formatValue(widest.scaledSpeedup)} ± ` +
        `${formatValue(widest.scaledSpeedupError, 2)} (ideal ${widest.workers}); Gustafson's ` +
        `serial fraction f = ${formatValue(widest.serialFraction ?? Number.NaN)}` +
        pm(widest.serialFractionError) +
        '.'
    : `Weak scaling (${what}): no worker count above one, so no scaled speedup.`
}

/** The widest worker count of a weak-scaling run, which its summary is read at. */
export function widestScaled(g: GustafsonAnalysis): ScaledSpeedup | null {
  return g.points.reduce<ScaledSpeedup | null>(
    (a, b) => (a === null || b.workers > a.workers ? b : a),
    null
  )
}

/** Where a study's warning (or a wrong total) came from: "process · cold · 10,000 elements". */
export function whereMessage(source: WarningSource): string {
  const { backend, pool, size, kernel } = source
  return [
    kernel === undefined ? undefined : `${kernel} kernel`,
    backend,
    pool,
    size === undefined ? undefined : `${formatInteger(size)} elements`
  ]
    .filter((x) => x !== undefined)
    .join(' · ')
}

/** The sizes of a sweep that had usable times on both sides, as the break-even used them. */
export function usableSizes(s: SizeSweepAnalysis): SizePointAnalysis[] {
  return s.points.filter((p) => p.t1.value > 0 && p.tn.value > 0)
}

/** Where N first beats one in a size sweep (or why it cannot be placed). */
export function sweepMessage(s: SizeSweepAnalysis): string {
  const b = s.breakEven
  const points = usableSizes(s)
  const who = `${s.kernel ? `${s.kernel} kernel, ` : ''}${s.backend}, ${s.pool} pool: ${s.workers} workers`
  const uncertain = points.filter((p) => !p.clear).length
  const unclear =
    uncertain === 0
      ? ''
      : ` (at ${uncertain} of ${points.length} sizes the difference is within the errors)`
  const sizes = points.map((p) => p.size)
  const smallest = formatInteger(sizes[0])
  const largest = formatInteger(sizes[sizes.length - 1])
  const bounds = (): string => {
    const lower = b.interval.lower === null ? `below ${smallest}` : formatSize(b.interval.lower)
    const upper = b.interval.upper === null ? `above ${largest}` : formatSize(b.interval.upper)
    return lower === upper ? '' : `; within the errors ${lower} … ${upper}`
  }
  switch (b.status) {
    case 'crosses':
      return (
        `${who} first beat 1 at about ${formatSize(b.size ?? Number.NaN)} elements ` +
        `(between ${formatInteger(b.bracket!.below)} and ${formatInteger(b.bracket!.above)}${bounds()}).`
      )
    case 'mixed': {
      const changes = `the winner changes ${b.changes} time${b.changes === 1 ? '' : 's'} along the sizes`
      return b.size === null
        ? `${who} win at some sizes and lose at larger ones: ${changes} and never from 1 to N, ` +
            `so no break-even can be placed (the timings are noisy: add repetitions).`
        : `${who} first beat 1 at about ${formatSize(b.size)} elements, but ${changes} ` +
            `(noise, or a cache effect)${bounds()}.`
    }
    case 'always':
      return `${who} beat 1 at every size measured, from ${smallest} elements: the break-even lies below it${unclear}.`
    case 'never':
      return `${who} never beat 1 up to ${largest} elements: the break-even lies above it${unclear}.`
  }
}

function memoryMessage(m: WorkerMemory): string {
  if (m.method === 'rss-growth') return `${formatMiB(m.rssBytesPerWorker)} (engine RSS growth)`
  return (
    `${formatMiB(m.rssBytesPerWorker)} RSS` +
    (m.pssBytesPerWorker === null ? '' : ` (PSS ${formatMiB(m.pssBytesPerWorker)})`)
  )
}

/** Threads against processes, read side by side: speedups, cold start, memory. */
export function comparisonMessage(c: BackendComparisonAnalysis): string {
  const parts: string[] = []
  if (c.headline.length > 0) {
    const list = c.headline
      .map(
        (x) =>
          `${x.backend} ${formatValue(x.speedup.speedup)} ± ${formatValue(x.speedup.speedupError, 2)}×`
      )
      .join(', ')
    const compare =
      c.difference === null
        ? ''
        : c.difference.code === 'apart'
          ? ` (${c.difference.leader}s ahead beyond the errors)`
          : ' (the difference is within the errors)'
    parts.push(`At ${c.headlineWorkers} workers the speedup was ${list}${compare}.`)
    const thread = c.headline.find((x) => x.backend === 'thread')?.speedup
    if (thread && c.threads !== null) {
      parts.push(
        c.threads === 'adds-throughput'
          ? `Unlike CPython's threads under the GIL, JavaScript worker threads each run their ` +
              `own V8 isolate with no global lock, so they add CPU throughput as processes do.`
          : `Threads did not clearly add throughput here (${formatValue(thread.speedup)} ± ` +
              `${formatValue(thread.speedupError, 2)}×); JavaScript threads have no GIL, so ` +
              `the job was too small or the machine too busy.`
      )
    }
  }
  const starts = c.backends.filter((b) => b.coldStartMs !== null)
  if (starts.length > 0) {
    parts.push(
      `Cold start of one worker: ${starts.map((b) => `${b.backend} ${formatMs(b.coldStartMs!)}`).join(', ')}.`
    )
  }
  const mems = c.backends.filter((b) => b.memory !== null)
  if (mems.length > 0) {
    parts.push(
      `Memory per worker: ${mems.map((b) => `${b.backend} ${memoryMessage(b.memory!)}`).join(', ')}.`
    )
  }
  return parts.join(' ')
}

/** One finding of a study's verdict. */
export function studyFindingMessage(f: StudyFinding): string {
  switch (f.code) {
    case 'wrong-total': {
      const wrong = f.runs.map((r) =>
        [r.backend, r.pool, r.size === undefined ? undefined : formatInteger(r.size)]
          .filter((x) => x !== undefined)
          .join(' · ')
      )
      return `✗ A total did not match its closed form (${wrong.join('; ') || 'a probe'}).`
    }
    case 'break-even':
      return sweepMessage(f.sweep)
    case 'backend-comparison':
      return comparisonMessage(f.comparison)
    case 'network-cost':
      return networkCostMessage(f.cost)
  }
}

/**
 * A break-even for a table cell: the place (kernelComparison's wording), and
 * where it is placed its bounds at the optimistic and pessimistic ends of the
 * errors: "about 180,000 (120,000 … 250,000)", "above 10,000,000".
 */
export function breakEvenCell(b: BreakEven, sizes: readonly number[]): string {
  const smallest = Math.min(...sizes)
  const largest = Math.max(...sizes)
  const place = describeBreakEvenSize(b, smallest, largest)
  if (b.size === null) return place
  const lower =
    b.interval.lower === null ? `< ${formatInteger(smallest)}` : formatSize(b.interval.lower)
  const upper =
    b.interval.upper === null ? `> ${formatInteger(largest)}` : formatSize(b.interval.upper)
  return `${place}, within the errors ${lower} … ${upper}`
}

/** How far apart a network-cost study's two break-evens are, for tables. */
export function networkDifferenceCell(c: NetworkCostAnalysis): string {
  if (c.difference === 'unplaced') return 'cannot be compared (a break-even could not be placed)'
  if (c.difference === 'same') return 'the same place on the sizes measured'
  return (
    `${c.ratio !== null ? `${formatValue(c.ratio)}× ` : ''}` +
    `${c.difference === 'cluster-later' ? 'later' : 'earlier'} on the cluster` +
    (c.apart ? ' (beyond the errors)' : ' (within the errors)')
  )
}

/** The network-cost study: both break-evens, how far apart, and the network's share. */
export function networkCostMessage(c: NetworkCostAnalysis): string {
  const sizes = c.points.map((p) => p.size)
  const place = (b: BreakEven): string => {
    const text = describeBreakEvenSize(b, Math.min(...sizes), Math.max(...sizes))
    if (b.status === 'mixed' && b.size === null) return text
    // "about 45,000 (noisy)" → "about 45,000 elements (noisy)".
    return text.replace(/( \(noisy\))?$/, ' elements$1')
  }
  const kernel = c.kernel ? `${c.kernel} kernel, ` : ''
  const head =
    `Network cost (${kernel}${c.pool} pool, 1 vs ${c.workers} workers): where N first beat 1 — ` +
    `${c.local.backend}: ${place(c.local.breakEven)}; cluster: ${place(c.cluster.breakEven)}`
  const diff =
    c.difference === 'unplaced'
      ? ''
      : c.difference === 'same'
        ? ` (${networkDifferenceCell(c)})`
        : ` — ${networkDifferenceCell(c)}`
  const shares = c.points.filter((p) => p.networkShare !== null)
  const network =
    c.networkMs === null
      ? ''
      : ` The network's round trip (median ${formatMs(c.networkMs)}) was ` +
        (shares.length >= 2
          ? `${formatPercent(shares[0].networkShare!)} of the cluster's ${c.workers}-worker time at ` +
            `${formatInteger(shares[0].size)} elements and ${formatPercent(shares[shares.length - 1].networkShare!)} ` +
            `at ${formatInteger(shares[shares.length - 1].size)}.`
          : shares.length === 1
            ? `${formatPercent(shares[0].networkShare!)} of the cluster's ${c.workers}-worker time.`
            : 'measured.')
  return `${head}${diff}.${network}`
}

/** How the intervals and errors were made, in one paragraph for reports. */
export function methodMessage(method: AnalysisMethod): string {
  return (
    `Intervals are ${formatPercent(method.level, 'en', 0)}: the median's by percentile bootstrap ` +
    `(${formatInteger(method.resamples)} seeded resamples; from ` +
    `${method.minRepsForMedianInterval} repetitions, below which the mean's Student-t interval ` +
    `stands in), the mean's by Student t; "S ± e" carries those half-widths through the ` +
    `speedup (relative errors in quadrature), and its interval is S·exp(∓e/S) ` +
    `(on the log scale: ≈ S ± e for small errors, never below 0); ` +
    `efficiency is S/N ± e/N.`
  )
}

/**
 * The contention finding, which leads the verdict wherever it is shown; null
 * when nothing says the cores were shared. Each part is a signal that crossed
 * its threshold, with its figures.
 */
export function contentionMessage(c: ContentionAnalysis): string | null {
  if (c.code !== 'contended') return null
  const parts: string[] = []
  const s = c.slowdown
  if (s && c.signals.includes('workers-slower')) {
    parts.push(
      `each of ${s.workers} workers ran ${formatValue(s.slowdown, 2)}× slower than one worker alone ` +
        `(${formatValue(s.togetherNsPerElement)} against ${formatValue(s.aloneNsPerElement)} ns per element)`
    )
  }
  const load = c.load
  if (load && c.signals.includes('other-programs')) {
    parts.push(
      `other programs used ${formatValue(load.otherCores, 2)} of the ${c.cores} cores during the run`
    )
  }
  if (load && load.stealCores !== null && c.signals.includes('steal')) {
    parts.push(
      `the virtual machine's host took ${formatValue(load.stealCores, 2)} cores (steal time)`
    )
  }
  const text = parts.join('; ')
  return (
    `Shared cores: ${text}: this measures the load, not the machine. ` +
    `Close other programs and run again to measure the machine.`
  )
}
