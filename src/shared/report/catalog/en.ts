/**
 * English: every finding of the analysis, keyed by its code, as the CLI, the
 * Markdown and HTML reports, the JSON export and the app say it. Worded from
 * the finding's numbers alone; nothing here computes a figure.
 */
import {
  formatDateTime,
  formatFixed,
  formatInteger,
  formatMiB,
  formatMs,
  formatPercent,
  formatPValue,
  formatSize,
  formatSpeedup,
  formatValue
} from '../../format'
import type { ModelsAnalysis, NetworkCostAnalysis, RunAnalysis } from '../../analysis/types'
import type { KarpFlattPoint, KarpFlattSeries } from '../../analysis/karpFlattSeries'
import { KARP_FLATT_NEAR_ZERO } from '../../analysis/karpFlattSeries'
import { LARGE_SERIAL_FRACTION, MIN_FIT_R_SQUARED } from '../../analysis/analyzeRun'
import {
  breakEvenTooWide,
  leftFor,
  usableSizes,
  widestScaled,
  winsAtSmallest
} from '../../analysis/findingFacts'
import { AICC_MARGIN } from '../../stats/compareScalingModels'
import type { BreakEven } from '../../stats/findBreakEven'
import type { RunRecord } from '../../result'
import type { WorkerMemory } from '../../study'
import { groupDigits } from '../groupDigits'
import { karpFlattRange, plusMinus as pm } from './common'
import type { FindingCatalog } from './types'
import { methodRulesEn } from './methodRulesEn'
import { failedCopies } from '../../command/copyFigures'

const eAt = (p: KarpFlattPoint): string =>
  `${formatValue(p.serialFraction)} at ${p.workers} worker${p.workers === 1 ? '' : 's'}`

const counts = (workers: number[]): string => workers.map((n) => `${n} workers`).join(', ')

/** Too few worker counts, or the fit itself (ModelsAnalysis.comparison). */
function fittedOrNot(models: ModelsAnalysis): string {
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
    `${formatValue(a.serialFraction)}${pm(a.serialFractionError)}` +
    `${a.rSquared === null ? '' : `, R² = ${formatValue(a.rSquared, 3)}`} ` +
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

/** "about 2,000,000", "below 10,000", "above 1,000,000,000": a break-even in words. */
function breakEvenPlace(b: BreakEven | null, smallest: number, largest: number): string {
  if (!b) return '—'
  // One figure only when its interval spans at most half a decade; else where it may lie.
  if (b.size !== null && breakEvenTooWide(b)) {
    const lower =
      b.interval.lower === null ? `< ${formatInteger(smallest)}` : formatSize(b.interval.lower)
    const upper =
      b.interval.upper === null ? `> ${formatInteger(largest)}` : formatSize(b.interval.upper)
    return `somewhere in ${lower} … ${upper}${b.status === 'mixed' ? ' (noisy)' : ''}`
  }
  switch (b.status) {
    case 'always':
      return `below ${formatInteger(smallest)}`
    case 'never':
      return `above ${formatInteger(largest)}`
    case 'crosses':
      return b.size === null ? 'unclear' : `about ${formatSize(b.size)}`
    case 'mixed':
      return b.size === null ? 'unclear (noisy)' : `about ${formatSize(b.size)} (noisy)`
  }
}

function memoryText(m: WorkerMemory): string {
  if (m.method === 'rss-growth') return `${formatMiB(m.rssBytesPerWorker)} (engine RSS growth)`
  return (
    `${formatMiB(m.rssBytesPerWorker)} RSS` +
    (m.pssBytesPerWorker === null ? '' : ` (PSS ${formatMiB(m.pssBytesPerWorker)})`)
  )
}

function networkDifference(c: NetworkCostAnalysis): string {
  if (c.difference === 'unplaced') return 'cannot be compared (a break-even could not be placed)'
  if (c.difference === 'same') return 'the same place on the sizes measured'
  return (
    `${c.ratio !== null ? `${formatValue(c.ratio)}× ` : ''}` +
    `${c.difference === 'cluster-later' ? 'later' : 'earlier'} on the cluster` +
    (c.apart ? ' (beyond the errors)' : ' (within the errors)')
  )
}

/** "1.93× (95% interval 1.88–1.98×)", or says why there is no interval. */
function withInterval(
  speedup: number,
  interval: { lower: number; upper: number } | null,
  minReps: number
): string {
  return interval
    ? `${formatSpeedup(speedup)} (95% interval ${formatFixed(interval.lower, 2)}–${formatSpeedup(interval.upper)})`
    : `${formatSpeedup(speedup)} (no 95% interval: ${minReps} repetition${minReps === 1 ? '' : 's'} ` +
        `is too few; use --reps 5 or more)`
}

/** What every run verdict opens with (the sums) and the words it shares. */
function verdictParts(run: RunRecord, analysis: RunAnalysis) {
  const sums = [...new Set(run.results.map((r) => r.expectedSum))]
  const sumText =
    sums.length === 1
      ? `the closed form ${groupDigits(sums[0])}`
      : `its closed form (${run.results.map((r) => `${r.workers}: ${groupDigits(r.expectedSum)}`).join('; ')})`
  const oversubscribed = analysis.workers.filter((w) => w.oversubscribed).map((w) => w.workers)
  const failed = run.config.job === 'command' ? failedCopies(run.results) : 0
  return {
    ok:
      run.config.job === 'wait'
        ? `✓ Every one of the ${groupDigits(sums[0])} requests was answered exactly once.`
        : run.config.job === 'command'
          ? failed === 0
            ? '✓ Every copy exited 0 in every repetition.'
            : `⚠ ${failed} cop${failed === 1 ? 'y' : 'ies'} failed and the run went on ` +
              '(--ignore-failure): see the warnings.'
          : `✓ Every total matches ${sumText}.`,
    /** What to try when the job is too small to show a speedup. */
    larger: run.config.job === 'command' ? 'Give the command more work' : 'Use a larger range',
    scaled: analysis.speedupDefinition === 'N·T1/TN' ? 'scaled speedup N·T1/TN' : 'speedup',
    coresNote: oversubscribed.length
      ? ` Warning: ${oversubscribed.join(', ')} workers exceed the ` +
        `${analysis.context.logicalCores} available cores.`
      : ''
  }
}

export const en: FindingCatalog = {
  warning: {
    'more-workers-than-cores': (w) =>
      `${w.workers} workers on ${w.logicalCores} logical cores: they take turns on the CPU, ` +
      `so no speedup beyond ${w.logicalCores}× is possible and extra workers only add overhead.`,
    'job-shorter-than-spawn': (w) =>
      `Starting the workers takes ${formatMs(w.spawnMs)}, longer than one worker computing ` +
      `the whole job (${formatMs(w.jobMs)}): a cold run mostly measures start-up. ` +
      `Use a larger range or a warm pool.`,
    outliers: (w) => {
      const item = (rep: number, i: number): string => {
        const value = w.valuesMs[i]
        const off = (value - w.medianMs) / w.medianMs
        const z = w.scores?.[i]
        // The statistic in plain words first: how far from the others, then its name and value.
        const far =
          z === undefined ? '' : `, far from the others: modified Z ${formatValue(Math.abs(z), 2)}`
        return `#${rep} (${formatMs(value)}, ${off > 0 ? '+' : '−'}${formatPercent(Math.abs(off))}${far})`
      }
      // Only a slow repetition is blamed on interference; a fast one is named as fast.
      const slow = w.repetitions.flatMap((rep, i) =>
        w.valuesMs[i] > w.medianMs ? [item(rep, i)] : []
      )
      const fast = w.repetitions.flatMap((rep, i) =>
        w.valuesMs[i] < w.medianMs ? [item(rep, i)] : []
      )
      const plural = w.repetitions.length > 1
      const causes = [
        slow.length
          ? `Slow: ${slow.join(', ')}: other programs or the OS interrupted the run; close them and measure again, or add repetitions.`
          : '',
        fast.length
          ? `Fast: ${fast.join(', ')}: faster than the rest (less interference then, or a higher CPU clock); it is kept and named, not blamed on other programs.`
          : ''
      ].filter(Boolean)
      return (
        `${w.repetitions.length} of ${w.count} repetitions ${plural ? 'are outliers' : 'is an outlier'} ` +
        `against a median of ${formatMs(w.medianMs)} ` +
        `(far from the others: a modified Z — the distance from the median in typical spreads — above ` +
        `${formatValue(w.threshold)}, and at least ${formatPercent(w.minRelative)} from the median). ` +
        causes.join(' ')
      )
    },
    'slow-first-repetition': (w) =>
      `The first repetition took ${formatMs(w.firstMs)}, ${formatValue(w.ratio)}× the median ` +
      `of the rest (${formatMs(w.restMedianMs)}): caches, the JIT or the CPU clock were still ` +
      `warming up. ` +
      (w.warmupAuto
        ? `The warm-ups stopped when two times agreed, too early here: fix their number (--warmup 5).`
        : `Add a warm-up repetition.`),
    trend: (w) =>
      w.direction === 'slowing'
        ? `Repetitions got slower as the run went on (about ${formatPercent(w.relativeChange)} ` +
          `from first to last; a trend across repetitions, Mann–Kendall test, ${formatPValue(w.pValue)}): the CPU is ` +
          `throttling as it heats up, or something else is using the machine. Let it cool, ` +
          `close other programs, and measure again.`
        : `Repetitions got faster as the run went on (about ${formatPercent(-w.relativeChange)} ` +
          `from first to last; a trend across repetitions, Mann–Kendall test, ${formatPValue(w.pValue)}): the machine ` +
          `was still warming up (CPU clock, caches, JIT) or a background task finished. ` +
          `Add warm-up repetitions.`,
    'wide-interval': (w) =>
      `The ${formatPercent(w.level, 'en', 0)} interval for the median is ` +
      `±${formatMs(w.halfWidthMs)} (±${formatPercent(w.relativeHalfWidth)} of ` +
      `${formatMs(w.medianMs)}): the timing is too noisy to compare worker counts ` +
      `closely. Add repetitions or close other programs.`,
    'output-changed': (w) =>
      `The output of ${w.copies.length === 1 ? `copy ${w.copies[0] + 1}` : `copies ${w.copies.map((c) => c + 1).join(', ')}`} ` +
      `changed in repetition${w.repetitions.length === 1 ? '' : 's'} ${w.repetitions.join(', ')} ` +
      `(its hash differs from the first repetition's): the command does not do the same ` +
      `work every time, so its times may not compare.`,
    'output-truncated': (w) =>
      `A copy printed ${formatInteger(w.bytes, 'en')} bytes: the first ${formatInteger(w.keptBytes, 'en')} ` +
      `were kept and hashed, the rest discarded and counted. Reading that much output costs ` +
      `time in the measurement; send it to a file or /dev/null if it is not the point.`,
    'copies-failed': (w) =>
      `A copy did not exit 0 in repetition${w.repetitions.length === 1 ? '' : 's'} ${w.repetitions.join(', ')} ` +
      `(kept because failures are ignored): ${w.first}`,
    'workers-unheard': () =>
      `The command never uses {workers}, so nothing tells it how many workers to use: every ` +
      `worker count ran the same job, and any difference between them is noise. Pass N to it ` +
      `(as in xz -T{workers}), or measure N copies at once instead.`
  },

  karpFlatt: {
    'no-points': () => 'No worker count above one: e(N) needs at least two workers.',
    'not-enough-evidence': (s) => {
      const parts: string[] = []
      const noise = leftFor(s, 'not-significant')
      const over = leftFor(s, 'oversubscribed')
      const outside = leftFor(s, 'out-of-range')
      if (noise)
        parts.push(
          `the speedup of ${noise} workers is not significant (its 95% interval includes 1)`
        )
      if (over) parts.push(`${over} workers exceed the cores (they measure taking turns)`)
      if (outside)
        parts.push(
          `the speedup of ${outside} workers lies outside 1…N (overhead, not a serial part)`
        )
      return `Not enough evidence for e(N): ${parts.join('; ')}.`
    },
    'one-point': (s) =>
      `e is ${eAt(s.points[0])}; measure more worker counts to see whether it stays put ` +
      `(a serial part) or grows (overhead).`,
    insufficient: (s) =>
      `e is ${eAt(s.points[0])} and ${eAt(s.points[s.points.length - 1])}; without their ` +
      `uncertainties two points cannot tell a trend from noise. Add repetitions or worker counts.`,
    growing: (s) =>
      `e grows from ${eAt(s.points[0])} to ${eAt(s.points[s.points.length - 1])}: the loss is ` +
      `overhead that grows with the number of workers (start-up, messaging, merging, uneven ` +
      `shares), not serial code, so each added worker will help less than Amdahl's law predicts.`,
    shrinking: (s) =>
      `e falls from ${eAt(s.points[0])} to ${eAt(s.points[s.points.length - 1])}: more workers ` +
      `gain more than a fixed serial part allows, typically because a one-off cost is spread ` +
      `over more workers or each worker's share fits better in cache.`,
    flat: (s: KarpFlattSeries) => {
      const first = s.points[0]
      const last = s.points[s.points.length - 1]
      const { low, high } = karpFlattRange(s.points)
      const range = low === high ? `all ${low}` : `${low}…${high}`
      const span = `from ${first.workers} to ${last.workers} workers`
      const mean = s.meanSerialFraction ?? Number.NaN
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
  },

  models: {
    'weak-scaling': (m) =>
      m.command
        ? "Amdahl's law and the USL describe one job sped up by N workers (--command, told " +
          "to use N through {workers}); N copies at once grow the work with N, so Gustafson's " +
          'scaled speedup describes them instead.'
        : "Amdahl's law and the USL describe a fixed job split N ways (the split workload); " +
          "this run grows the work with N, so Gustafson's scaled speedup describes it instead.",
    'slower-than-one': (m) =>
      `No model fitted: ${counts(m.workers)} ` +
      `ran slower than one (speedup below 1), so overhead dominates the job. Amdahl's law ` +
      `and the USL describe a job that gets faster with more workers; ` +
      (m.command ? 'give the command more work.' : 'use a larger range.'),
    'too-few-worker-counts': fittedOrNot,
    'not-significant': (m) =>
      `Not enough evidence for Amdahl's law or the USL: the speedup of ${counts(m.workers)} ` +
      `is not significant (its 95% interval includes 1), and a serial fraction fitted to noise ` +
      `would teach nothing. Add repetitions or ` +
      (m.command ? 'give the command more work.' : 'use a larger range.'),
    'poor-fit': (m) =>
      `Not enough evidence for Amdahl's law: it explains the speedups of ${counts(m.workers)} ` +
      `poorly (R² = ${formatValue(m.rSquared ?? Number.NaN, 3)}, below ${MIN_FIT_R_SQUARED}), ` +
      `so its serial fraction would be a number without a meaning.`,
    fitted: fittedOrNot
  },

  modelsExcluded: (m) =>
    `${m.excluded.join(', ')} workers exceed the ${m.cores} cores: they are drawn but not ` +
    `fitted, since they measure workers taking turns on a core, not the job.`,

  contention: (c) => {
    const parts: string[] = []
    const s = c.slowdown
    if (s && c.signals.includes('workers-slower')) {
      parts.push(
        `each of ${s.workers} workers ran ${formatValue(s.slowdown, 2)}× slower than one worker ` +
          `alone (${formatValue(s.together)} against ${formatValue(s.alone)} ` +
          `${s.unit === 'ms-per-copy' ? 'ms per copy' : 'ns per element'})`
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
    return (
      `Shared cores: ${parts.join('; ')}: this measures the load, not the machine. ` +
      `Close other programs and run again to measure the machine.`
    )
  },

  reference: (r) =>
    `On this machine this job has reached ${formatSpeedup(r.speedup)} with ${r.workers} ` +
    `worker${r.workers === 1 ? '' : 's'} (95% interval ${formatSpeedup(r.low)} to ` +
    `${formatSpeedup(r.high)}) in a quieter run on ${formatDateTime(r.startedAt, 'en')}.`,

  gustafson: (g) => {
    const what = g.copies
      ? 'N copies at once, each running the whole command'
      : g.workload === 'replicate'
        ? 'every worker summed the whole range'
        : 'every worker summed its own share of the same length'
    const widest = widestScaled(g)
    return widest
      ? `Weak scaling (${what}): ${widest.workers} ${g.copies ? 'copies' : 'workers'} did ${widest.workers}× the work ` +
          `at a scaled speedup of ${formatValue(widest.scaledSpeedup)} ± ` +
          `${formatValue(widest.scaledSpeedupError, 2)} (ideal ${widest.workers}); Gustafson's ` +
          `serial fraction f = ${formatValue(widest.serialFraction ?? Number.NaN)}` +
          pm(widest.serialFractionError) +
          '.'
      : `Weak scaling (${what}): no worker count above one, so no scaled speedup.`
  },

  breakEven: (() => {
    const facts = (s: Parameters<FindingCatalog['breakEven']['crosses']>[0]) => {
      const b = s.breakEven
      const points = usableSizes(s)
      // A command's sweep: its sizes are the values of {size}, and pools mean nothing to it.
      const command = s.job === 'command'
      const who = command
        ? `Your command: ${s.workers} workers`
        : `${s.kernel ? `${s.kernel} kernel, ` : ''}${s.backend}, ${s.pool} pool: ${s.workers} workers`
      const at = (size: string): string => (command ? `size ${size}` : `${size} elements`)
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
      const between = (lower: string, upper: string): string =>
        command ? `sizes ${lower} and ${upper}` : `${lower} and ${upper} elements`
      return { b, who, unclear, smallest, largest, bounds, at, between }
    }
    return {
      crosses: (s) => {
        const { b, who, bounds, smallest, largest, at, between } = facts(s)
        if (breakEvenTooWide(b)) {
          const lower = b.interval.lower === null ? smallest : formatInteger(b.interval.lower)
          const upper = b.interval.upper === null ? largest : formatInteger(b.interval.upper)
          return (
            `${who} go from losing to winning between ${between(lower, upper)}: ` +
            `the errors are too wide to say more.`
          )
        }
        return (
          `${who} first beat 1 at about ${at(formatSize(b.size ?? Number.NaN))} ` +
          `(between ${formatInteger(b.bracket!.below)} and ${formatInteger(b.bracket!.above)}${bounds()}).`
        )
      },
      mixed: (s) => {
        const { b, who, bounds, at } = facts(s)
        const changes = `the winner changes ${b.changes} time${b.changes === 1 ? '' : 's'} along the sizes`
        return b.size === null
          ? `${who} win at some sizes and lose at larger ones: ${changes} and never from 1 to N, ` +
              `so no break-even can be placed (the timings are noisy: add repetitions).`
          : winsAtSmallest(s)
            ? `${who} already won at ${at(facts(s).smallest)}, but ${changes} (noise, or a ` +
              `cache effect), so no single break-even can be placed; they go from losing to ` +
              `winning again near ${at(formatSize(b.size))}${bounds()}.`
            : `${who} first beat 1 at about ${at(formatSize(b.size))}, but ${changes} ` +
              `(noise, or a cache effect)${bounds()}.`
      },
      always: (s) => {
        const { who, smallest, unclear, at } = facts(s)
        return `${who} beat 1 at every size measured, from ${at(smallest)}: the break-even lies below it${unclear}.`
      },
      never: (s) => {
        const { who, largest, unclear, at } = facts(s)
        return `${who} never beat 1 up to ${at(largest)}: the break-even lies above it${unclear}.`
      }
    }
  })(),

  breakEvenPlace,

  breakEvenCell: (b, sizes) => {
    const smallest = Math.min(...sizes)
    const largest = Math.max(...sizes)
    const place = breakEvenPlace(b, smallest, largest)
    if (b.size === null) return place
    const lower =
      b.interval.lower === null ? `< ${formatInteger(smallest)}` : formatSize(b.interval.lower)
    const upper =
      b.interval.upper === null ? `> ${formatInteger(largest)}` : formatSize(b.interval.upper)
    return `${place}, within the errors ${lower} … ${upper}`
  },

  workloadComparison: (c) => {
    const sp = (x: { speedup: number; speedupError: number }): string =>
      `${formatValue(x.speedup)} ± ${formatValue(x.speedupError, 2)}×`
    const sum = c.series.find((s) => s.job === 'sum')
    const waits = c.series
      .filter((s) => s.job === 'wait')
      .flatMap((s) => {
        const top = s.points.find((p) => p.workers === c.topWorkers)
        return top ? [`${s.backend} ${sp(top.speedup)}`] : []
      })
    const parts: string[] = []
    if (sum?.best)
      parts.push(
        `The sum (${sum.backend}) reached at best ${sp(sum.best.speedup)} (at ${sum.best.workers} workers) on ${c.cores} cores.`
      )
    if (waits.length) parts.push(`The wait at ${c.topWorkers} workers: ${waits.join(', ')}.`)
    parts.push(
      c.code === 'waiting-scales'
        ? `Computing stops at the cores; waiting keeps scaling past them, because a waiting worker ` +
            `holds no core — and async gets there with no worker at all, one event loop with ` +
            `${c.topWorkers} requests in flight.`
        : `These figures do not show the difference clearly (too few worker counts past the ` +
            `${c.cores} cores, or errors too wide): add counts above the cores or repetitions.`
    )
    return parts.join(' ')
  },

  backendComparison: (c) => {
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
        `Memory per worker: ${mems.map((b) => `${b.backend} ${memoryText(b.memory!)}`).join(', ')}.`
      )
    }
    return parts.join(' ')
  },

  networkDifference,

  networkCost: (c) => {
    const sizes = c.points.map((p) => p.size)
    const place = (b: BreakEven): string => {
      const text = breakEvenPlace(b, Math.min(...sizes), Math.max(...sizes))
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
          ? ` (${networkDifference(c)})`
          : ` — ${networkDifference(c)}`
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
  },

  studyFinding: {
    'wrong-total': (f) => {
      const wrong = f.runs.map((r) =>
        [r.backend, r.pool, r.size === undefined ? undefined : formatInteger(r.size)]
          .filter((x) => x !== undefined)
          .join(' · ')
      )
      // A command's sweep has no totals: its check is that every copy exited 0.
      if (f.runs.length > 0 && f.runs.every((r) => r.job === 'command'))
        return `✗ A copy of your command did not exit 0 (size ${f.runs.map((r) => formatInteger(r.size ?? Number.NaN)).join('; ')}).`
      return `✗ A total did not match its closed form (${wrong.join('; ') || 'a probe'}).`
    }
  },

  // A command's sweep: its backend and pool say nothing (its copies are new processes).
  where: ({ backend, pool, size, kernel, job }) =>
    [
      job === 'command' ? 'your command' : job,
      kernel === undefined ? undefined : `${kernel} kernel`,
      job === 'command' ? undefined : backend,
      job === 'command' ? undefined : pool,
      size === undefined
        ? undefined
        : job === 'command'
          ? `size ${formatInteger(size)}`
          : `${formatInteger(size)} elements`
    ]
      .filter((x) => x !== undefined)
      .join(' · '),

  studyStep: (step) => {
    if (step.kind === 'done') return 'done'
    if (step.kind === 'size') {
      if (step.job === 'command')
        return `size sweep · your command · size ${formatInteger(step.size)}`
      const kernel = step.kernel ? `${step.kernel} kernel · ` : ''
      return `size sweep · ${kernel}${step.backend} · ${step.pool} · ${formatInteger(step.size)} elements`
    }
    if (step.kind === 'workload') return `CPU vs waiting · ${step.job} · ${step.backend}`
    const what = {
      backend: 'backend comparison',
      'cold-start': 'cold-start probe',
      memory: 'memory probe'
    }[step.kind]
    return `${what} · ${step.backend}`
  },

  runVerdict: {
    'wrong-total': (run, a) => {
      const r = run.results.find((x) => !x.correct)!
      if (run.config.job === 'command')
        return `✗ Not every copy exited 0 with ${a.verdict.wrongWorkers.join(', ')} worker(s): ${groupDigits(r.sum)} of ${groupDigits(r.expectedSum)} did.`
      return `✗ Wrong total with ${a.verdict.wrongWorkers.join(', ')} worker(s): expected ${groupDigits(r.expectedSum)}, got ${groupDigits(r.sum)}.`
    },
    'baseline-only': (run, a) =>
      `${verdictParts(run, a).ok} Only 1 worker was measured, so there is nothing to compare: add worker counts (e.g. --workers 1,2).`,
    'too-small': (run, a) => {
      const row = a.workers
        .filter((w) => w.tooSmall)
        .reduce<(typeof a.workers)[number] | null>(
          (x, y) => (x === null || y.workers > x.workers ? y : x),
          null
        )
      const small = row?.tooSmall
      const detail =
        row && small
          ? ` with ${row.workers} worker${row.workers === 1 ? '' : 's'}, each computes for ${formatMs(small.computeMs)}, against ${formatMs(small.overheadMs)} of overhead per repetition.`
          : ''
      const { ok, larger } = verdictParts(run, a)
      return `${ok} Too small to measure a speedup:${detail} ${larger}${run.config.pool === 'cold' && run.config.job !== 'command' ? ' or a warm pool' : ''}.`
    },
    faster: (run, a) => {
      const { ok, scaled, coresNote } = verdictParts(run, a)
      const v = a.verdict
      return `${ok} Best: ${v.workers} workers, ${scaled} ${withInterval(v.speedup!, v.interval, v.minReps)} faster than 1 (efficiency ${formatValue((v.efficiency ?? Number.NaN) * 100, 3)} %).${coresNote}`
    },
    slower: (run, a) => {
      const { ok, scaled, coresNote, larger } = verdictParts(run, a)
      const v = a.verdict
      return `${ok} Slower: even the best, ${v.workers} workers, has a ${scaled} of ${withInterval(v.speedup!, v.interval, v.minReps)}; overhead dominates this job. ${larger}.${coresNote}`
    },
    'no-difference': (run, a) => {
      const { ok, scaled, coresNote } = verdictParts(run, a)
      const v = a.verdict
      return `${ok} No significant difference from 1 worker: the best, ${v.workers} workers, has a ${scaled} of ${withInterval(v.speedup!, v.interval, v.minReps)}, an interval that includes 1.${coresNote}`
    }
  },

  methodRules: methodRulesEn,

  method: (method) =>
    `Intervals are ${formatPercent(method.level, 'en', 0)}: the median's by percentile bootstrap ` +
    `(${formatInteger(method.resamples)} seeded resamples; from ` +
    `${method.minRepsForMedianInterval} repetitions, below which the mean's Student-t interval ` +
    `stands in), the mean's by Student t; "S ± e" carries those half-widths through the ` +
    `speedup (relative errors in quadrature), and its interval is S·exp(∓e/S) ` +
    `(on the log scale: ≈ S ± e for small errors, never below 0); ` +
    `efficiency is S/N ± e/N.`,

  kernels: (c) => {
    const fast = c.kernels.find((k) => k.kernel === c.faster)
    const slow = c.kernels.find((k) => k.kernel === c.slower)
    if (!fast || !slow || c.ratio === null) return []
    const n = c.workers
    const place = (b: BreakEven | null): string => breakEvenPlace(b, c.smallestSize, c.largestSize)
    const sentences = [
      `The ${fast.kernel} loop took ${formatFixed(c.ratio, 1)}× less time per element than ${slow.kernel} ` +
        `(${formatFixed(fast.nsPerElement, 3)} vs ${formatFixed(slow.nsPerElement, 3)} ns, 1 worker, ${formatInteger(c.largestSize)} elements).`
    ]
    for (const pool of ['warm', 'cold'] as const) {
      const [bs, bf] = [slow.breakEven[pool], fast.breakEven[pool]]
      if (!bs || !bf) continue
      sentences.push(
        `${c.backend}, ${pool} pool: the break-even (where ${n} workers first beat 1) is ` +
          `${place(bs)} elements with ${slow.kernel} and ${place(bf)} with ${fast.kernel}.`
      )
    }
    const [ss, sf] = [slow.speedupAtLargest, fast.speedupAtLargest]
    if (ss && sf) {
      const why =
        c.lesson === 'pays-off-later'
          ? 'the same overhead weighs more against a shorter compute, so a faster loop makes parallelism pay off later.'
          : c.lesson === 'contradicted'
            ? "the break-evens above say the opposite, so these figures teach no rule about the loop's speed."
            : 'the difference is within the errors, so it teaches nothing about the loop.'
      sentences.push(
        `At ${formatInteger(c.largestSize)} elements (warm) ${n} workers were ${formatSpeedup(ss.speedup)} as fast as 1 ` +
          `with ${slow.kernel} and ${formatSpeedup(sf.speedup)} with ${fast.kernel}: ${why}`
      )
    }
    return sentences
  }
}
