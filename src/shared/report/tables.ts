/**
 * Every table a report shows, built once from the record and its analysis
 * and rendered by table.ts as terminal text, Markdown or HTML. The run's
 * results table has two layouts: `terminal` (narrow: median ± σ in one
 * column) and `document` (every figure in its own column).
 */
import type {
  BackendComparisonAnalysis,
  NetworkCostAnalysis,
  RunAnalysis,
  SizeSweepAnalysis
} from '../analysis/types'
import type { KernelComparison } from '../analysis/kernelComparison'
import type { WorkloadComparisonAnalysis } from '../analysis/workloadComparison'
import type { RunComparison } from '../analysis/compareRuns'
import type { RunRecord } from '../result'
import {
  formatFixed,
  formatInteger,
  formatMiB,
  formatMsCell,
  formatPercent,
  formatSize,
  formatThroughput,
  formatWithError
} from '../format'
import { resultRows } from '../runExport'
import { copiesExitedZero, everyCopyExitedZero, medianCpuUtilization } from '../command/copyFigures'
import { groupDigits } from './groupDigits'
import { breakEvenCell, breakEvenPlace, networkDifferenceText } from './findings'
import { breakEvenTooWide } from '../analysis/findingFacts'
import { comparisonRows } from './comparisonWords'
import type { ReportLanguage } from './language'
import { REPORT_WORDS } from './catalog/words'
import type { Align, Table } from './table'

export type ResultsLayout = 'terminal' | 'document'

/** "1.88 … 1.98", or why a 95% interval is missing. */
const interval = (
  lower: number | null,
  upper: number | null,
  n: number,
  layout: ResultsLayout,
  digits: (x: number) => string = formatMsCell
): string =>
  lower !== null && upper !== null
    ? `${digits(lower)} … ${digits(upper)}`
    : layout === 'terminal'
      ? `— (n=${n})`
      : `— (n = ${n})`

/**
 * The results, one row per worker count (the 1-worker baseline included),
 * every figure from the analysis's rows (runExport.ts), as in the CSV and JSON.
 */
export function runResultsTable(
  run: RunRecord,
  a: RunAnalysis,
  layout: ResultsLayout,
  language: ReportLanguage = 'en'
): Table {
  const w = REPORT_WORDS[language].results
  const cold = run.config.pool === 'cold'
  const weak = a.speedupDefinition === 'N·T1/TN'
  const compact = layout === 'terminal'
  const wait = run.config.job === 'wait'
  // A command: CPU utilization beside the speedup, and its copies' exit codes instead of a sum.
  const command = run.config.job === 'command'
  const two = (x: number): string => formatFixed(x, 2)
  const rows = resultRows(run, a)
  const head = compact
    ? [w.workers, w.medianSigma, w.ciMedian, w.minMax]
    : [w.workers, w.n, w.median, w.ciMedian, w.meanSigma, w.minMax]
  head.push(
    ...(cold ? [w.spawn] : []),
    w.speedup(weak, compact),
    w.ciSpeedup(compact),
    w.verdict,
    w.efficiency(compact),
    w.karpFlatt(compact),
    ...(command
      ? [w.cpuUse, ...(compact ? [] : [w.cpuTime, w.peakMemory]), w.exitZero]
      : wait
        ? [w.ideal, w.serverCpu, w.answered]
        : [w.perWorker, w.sum])
  )
  const align: Align[] = head.map((_, i) => (i === head.length - 1 ? 'left' : 'right'))
  align[head.indexOf(w.verdict)] = compact ? 'right' : 'left'
  // Words, never the analysis's codes (the CSV and JSON keep the codes).
  const verdict = (v: keyof typeof w.verdictWord): string => w.verdictWord[v]
  const cpuUse = (u: number | null): string => (u === null ? w.notMeasured : formatPercent(u))
  // A failed run names its count's last check; a run kept going by --ignore-failure counts
  // every copy of every repetition, so a failed copy never hides behind a ✓.
  const exitCell = (r: (typeof rows)[number], result: RunRecord['results'][number]): string => {
    if (!r.correct) return w.exitedZero(groupDigits(r.sum), groupDigits(r.expectedSum))
    const { exited, copies } = copiesExitedZero(result)
    return everyCopyExitedZero(true, { exited, copies })
      ? '✓'
      : w.exitedZero(groupDigits(String(exited)), groupDigits(String(copies)))
  }
  const body = rows.map((r, i) => {
    const lead = compact
      ? [
          `${r.workers}${r.oversubscribed ? '!' : ''}`,
          // One repetition has no spread: σ is not shown as ± 0.000.
          `${formatMsCell(r.medianMs)} ± ${r.n > 1 ? formatMsCell(r.stddevMs) : '—'}`,
          interval(r.medianCiLower, r.medianCiUpper, r.n, layout),
          `${formatMsCell(r.minMs)} … ${formatMsCell(r.maxMs)}`
        ]
      : [
          `${r.workers}${r.oversubscribed ? w.overCores : ''}`,
          String(r.n),
          formatMsCell(r.medianMs),
          interval(r.medianCiLower, r.medianCiUpper, r.n, layout),
          `${formatMsCell(r.meanMs)} ± ${r.n > 1 ? formatMsCell(r.stddevMs) : '—'}`,
          `${formatMsCell(r.minMs)} … ${formatMsCell(r.maxMs)}`
        ]
    return [
      ...lead,
      ...(cold ? [r.spawnMedianMs === null ? '—' : formatMsCell(r.spawnMedianMs)] : []),
      compact
        ? r.speedup === null
          ? '—'
          : formatWithError(r.speedup, r.speedupError ?? 0)
        : formatWithError(r.speedup ?? Number.NaN, r.speedupError),
      r.workers === 1
        ? compact
          ? ''
          : '—'
        : interval(r.speedupLow, r.speedupHigh, r.n, layout, two),
      verdict(r.verdict),
      compact
        ? formatPercent(r.efficiency)
        : formatWithError(
            (r.efficiency ?? Number.NaN) * 100,
            (r.efficiencyError ?? 0) * 100,
            ' %',
            1
          ),
      compact
        ? formatFixed(r.karpFlatt, 3)
        : r.karpFlatt === null
          ? '—'
          : formatWithError(r.karpFlatt, r.karpFlattError, '', 3),
      ...(command
        ? [
            cpuUse(medianCpuUtilization(run.results[i])),
            ...(compact
              ? []
              : [
                  r.cpuUserMs === null || r.cpuSystemMs === null
                    ? w.notMeasured
                    : `${formatMsCell(r.cpuUserMs)} + ${formatMsCell(r.cpuSystemMs)}`,
                  r.peakRssBytes === null ? w.notMeasured : formatMiB(r.peakRssBytes)
                ]),
            exitCell(r, run.results[i])
          ]
        : wait
          ? [
              r.idealMs === null ? '—' : formatMsCell(r.idealMs),
              r.serverCpuMs === null ? w.notMeasured : formatMsCell(r.serverCpuMs),
              check(r)
            ]
          : [formatThroughput(r.workerElementsPerSecond), check(r)])
    ]
  })
  // The serial base case, first: beside T1, with its absolute time and no speedup of its own.
  const serial = a.rules.serial.timing
  if (serial) {
    const dash = compact ? '' : '—'
    const lead = compact
      ? [
          w.serialRow,
          `${formatMsCell(serial.medianMs)} ± ${serial.n > 1 ? formatMsCell(serial.stddevMs) : '—'}`,
          interval(
            serial.medianInterval?.lower ?? null,
            serial.medianInterval?.upper ?? null,
            serial.n,
            layout
          ),
          `${formatMsCell(serial.minMs)} … ${formatMsCell(serial.maxMs)}`
        ]
      : [
          w.serialRow,
          String(serial.n),
          formatMsCell(serial.medianMs),
          interval(
            serial.medianInterval?.lower ?? null,
            serial.medianInterval?.upper ?? null,
            serial.n,
            layout
          ),
          `${formatMsCell(serial.meanMs)} ± ${serial.n > 1 ? formatMsCell(serial.stddevMs) : '—'}`,
          `${formatMsCell(serial.minMs)} … ${formatMsCell(serial.maxMs)}`
        ]
    const correct = run.serial?.correct ?? true
    body.unshift([...lead, ...head.slice(lead.length, -1).map(() => dash), correct ? '✓' : '✗'])
  }
  const notes = compact
    ? [
        ...(weak ? [command ? w.copiesWeakNote : w.weakNote(run.config.workload)] : []),
        ...(command ? [w.cpuUseNote] : []),
        ...(wait ? [w.waitNote] : []),
        ...(rows.some((r) => r.oversubscribed) ? [w.overNote(a.context.logicalCores)] : []),
        ...(serial ? [w.serialNote] : [])
      ]
    : serial
      ? [w.serialNote]
      : []
  return { head, align, rows: body, notes }
  function check(r: (typeof rows)[number]): string {
    return compact
      ? r.correct
        ? '✓'
        : wait
          ? w.answeredOnce(groupDigits(r.sum), groupDigits(r.expectedSum))
          : w.gotSum(groupDigits(r.sum))
      : r.correct
        ? `✓ ${groupDigits(r.sum)}`
        : `✗ ${groupDigits(r.sum)} ≠ ${groupDigits(r.expectedSum)}`
  }
}

/** Where the time goes: spawn, dispatch, (network,) compute, imbalance, merge per worker count. */
export function overheadTable(a: RunAnalysis, language: ReportLanguage = 'en'): Table {
  const w = REPORT_WORDS[language].overhead
  // Cluster runs gain a network column: the slowest link's round trip.
  const network = a.workers.some((x) => x.overhead.networkMs !== null)
  const head = [
    w.workers,
    w.spawn,
    w.dispatch,
    ...(network ? [w.network] : []),
    w.computeSlowest,
    w.computeMean,
    w.imbalance,
    w.merge
  ]
  return {
    head,
    align: head.map((): Align => 'right'),
    rows: a.workers.map((x) => [
      String(x.workers),
      x.overhead.spawnMs === null ? '—' : formatMsCell(x.overhead.spawnMs),
      formatMsCell(x.overhead.dispatchMs),
      ...(network
        ? [x.overhead.networkMs === null ? '—' : formatMsCell(x.overhead.networkMs)]
        : []),
      formatMsCell(x.overhead.computeSlowestMs),
      formatMsCell(x.overhead.computeMeanMs),
      formatPercent(x.overhead.imbalance),
      formatMsCell(x.overhead.mergeMs)
    ])
  }
}

/** "wasm kernel, process, warm pool": what a size sweep or network study measured. */
export function sweepLabel(
  s: { kernel?: string; backend?: string; pool: string; job?: string },
  language: ReportLanguage = 'en'
): string {
  // A command's copies are new processes whatever the pool: its sweep is just the command's.
  if (s.job === 'command') return REPORT_WORDS[language].sweep.command
  const c = REPORT_WORDS[language].config
  return [
    s.kernel ? c.kernel(s.kernel) : null,
    s.backend ? c.backend(s.backend) : null,
    c.pool(s.pool)
  ]
    .filter((x) => x !== null)
    .join(', ')
}

/**
 * One size sweep: per size, 1 worker and N (median ± 95% CI half-width),
 * the speedup ± e and the winner; the break-even marked on the first size of
 * the crossing.
 */
export function sizeSweepTable(
  s: SizeSweepAnalysis,
  workload: string,
  language: ReportLanguage = 'en'
): Table {
  const w = REPORT_WORDS[language].sweep
  const n = s.workers
  const b = s.breakEven
  return {
    head: [
      s.job === 'command' ? w.commandSize : w.size,
      w.one(workload, n),
      w.many(n),
      w.speedup,
      w.winner,
      w.breakEven
    ],
    align: ['right', 'right', 'right', 'right', 'left', 'left'],
    rows: s.points.map((p) => [
      formatInteger(p.size),
      `${formatMsCell(p.t1.value)} ± ${formatMsCell(p.t1.error)}`,
      `${formatMsCell(p.tn.value)} ± ${formatMsCell(p.tn.error)}`,
      formatWithError(p.speedup.speedup, p.speedup.speedupError),
      `${p.winner === 'many' ? w.manyWin(n) : w.oneWins}${p.clear ? '' : w.withinErrors}` +
        (p.correct ? '' : s.job === 'command' ? w.copyFailed : w.wrongTotal),
      // A one-figure marker only where the figure is one (its interval within half a decade).
      b.size !== null && !breakEvenTooWide(b) && b.bracket?.above === p.size
        ? `◀ ≈ ${formatSize(b.size)}`
        : ''
    ])
  }
}

/** The kernels side by side: the loop's speed, the break-even per pool, the speedup at the largest size. */
export function kernelTable(c: KernelComparison, language: ReportLanguage = 'en'): Table {
  const w = REPORT_WORDS[language].kernels
  return {
    title: REPORT_WORDS[language].section.kernels(
      REPORT_WORDS[language].config.backend(c.backend),
      c.workers
    ),
    head: [
      w.kernel,
      w.nsPerElement,
      w.perWorker,
      w.breakEven('warm'),
      w.breakEven('cold'),
      w.speedupAt(formatInteger(c.largestSize))
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    rows: c.kernels.map((k) => [
      k.kernel,
      formatFixed(k.nsPerElement, 3),
      formatThroughput(k.nsPerElement === null ? null : 1e9 / k.nsPerElement),
      breakEvenPlace(k.breakEven.warm, c.smallestSize, c.largestSize, language),
      breakEvenPlace(k.breakEven.cold, c.smallestSize, c.largestSize, language),
      k.speedupAtLargest
        ? formatWithError(k.speedupAtLargest.speedup, k.speedupAtLargest.speedupError)
        : '—'
    ])
  }
}

/** The network-cost study: per size each backend's N-worker median and the network's part. */
export function networkCostTable(c: NetworkCostAnalysis, language: ReportLanguage = 'en'): Table {
  const w = REPORT_WORDS[language].network
  const n = c.workers
  return {
    head: [
      w.size,
      w.local(REPORT_WORDS[language].config.backend(c.local.backend), n),
      w.cluster(n),
      w.network,
      w.share
    ],
    align: ['right', 'right', 'right', 'right', 'right'],
    rows: c.points.map((p) => [
      formatInteger(p.size),
      formatMsCell(p.localTnMs),
      formatMsCell(p.clusterTnMs),
      p.networkMs === null ? '—' : formatMsCell(p.networkMs),
      p.networkShare === null ? '—' : formatPercent(p.networkShare)
    ])
  }
}

/** Each backend's break-even in a network-cost study, and how far apart they are. */
export function networkBreakEvenTable(
  c: NetworkCostAnalysis,
  language: ReportLanguage = 'en'
): Table {
  const w = REPORT_WORDS[language].network
  const sizes = c.points.map((p) => p.size)
  return {
    head: [w.backend, w.breakEven],
    align: ['left', 'left'],
    rows: [
      [
        REPORT_WORDS[language].config.backend(c.local.backend),
        breakEvenCell(c.local.breakEven, sizes, language)
      ],
      [
        REPORT_WORDS[language].config.backend('cluster'),
        breakEvenCell(c.cluster.breakEven, sizes, language)
      ],
      [w.difference, networkDifferenceText(c, language)]
    ]
  }
}

/** The backends side by side per worker count: median [95% CI] and speedup ± e. */
export function backendSideTable(
  c: BackendComparisonAnalysis,
  language: ReportLanguage = 'en'
): Table {
  const w = REPORT_WORDS[language].backends
  const names = c.backends.map((b) => REPORT_WORDS[language].config.backend(b.backend))
  // A header that promises an interval shows one: with too few repetitions no cell has it.
  const interval = c.backends.some((b) => b.analysis.workers.some((x) => x.medianInterval))
  return {
    head: [
      w.workers,
      ...names.map((b) => w.median(b, interval)),
      ...names.map((b) => w.speedup(b))
    ],
    align: ['right', ...names.map((): Align => 'right'), ...names.map((): Align => 'right')],
    rows: c.workers.map((n) => {
      const cells = c.backends.map((b) => b.analysis.workers.find((x) => x.workers === n))
      return [
        String(n),
        ...cells.map((x) =>
          !x
            ? '—'
            : x.medianInterval
              ? `${formatMsCell(x.medianMs)} [${formatMsCell(x.medianInterval.lower)} … ${formatMsCell(x.medianInterval.upper)}]`
              : formatMsCell(x.medianMs)
        ),
        ...cells.map((x) => (x ? formatWithError(x.speedup.speedup, x.speedup.speedupError) : '—'))
      ]
    })
  }
}

/** CPU vs waiting: per worker count each workload's speedup on its backend, the cores marked. */
export function workloadComparisonTable(
  c: WorkloadComparisonAnalysis,
  language: ReportLanguage = 'en'
): Table {
  const w = REPORT_WORDS[language].workloads
  return {
    head: [
      w.workers,
      ...c.series.map((s) =>
        w.series(
          REPORT_WORDS[language].config.job(s.job),
          REPORT_WORDS[language].config.backend(s.backend)
        )
      )
    ],
    align: ['right', ...c.series.map((): Align => 'right')],
    rows: c.workers.map((n) => [
      `${n}${n === c.cores ? w.atCores : ''}`,
      ...c.series.map((s) => {
        const p = s.points.find((x) => x.workers === n)
        return p ? formatWithError(p.speedup.speedup, p.speedup.speedupError) : '—'
      })
    ]),
    notes: [w.note(c.cores)]
  }
}

/** Each backend's start cost, memory per worker and Amdahl fit. */
export function backendCostTable(
  c: BackendComparisonAnalysis,
  language: ReportLanguage = 'en'
): Table {
  const w = REPORT_WORDS[language].backends
  return {
    head: [w.backend, w.coldStart, w.rss, w.pss, w.amdahl, w.memoryBy],
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
    rows: c.backends.map((b) => {
      const f = b.analysis.models.comparison?.amdahl ?? null
      return [
        REPORT_WORDS[language].config.backend(b.backend),
        b.coldStartMs === null ? '—' : formatMsCell(b.coldStartMs),
        b.memory ? formatMiB(b.memory.rssBytesPerWorker) : '—',
        b.memory?.pssBytesPerWorker != null ? formatMiB(b.memory.pssBytesPerWorker) : '—',
        f ? formatWithError(f.serialFraction, f.serialFractionError, '', 3) : '—',
        b.memory?.note ?? (b.backend === 'cluster' ? w.notMeasuredRemote : w.notMeasuredHere)
      ]
    })
  }
}

/**
 * A comparison per worker count: both medians (ms), the time ratio and its
 * verdict, the speedups before → after, their ratio and its verdict.
 */
export function comparisonTable(c: RunComparison, language: ReportLanguage = 'en'): Table {
  const w = REPORT_WORDS[language].comparison
  return {
    head: [
      w.workers,
      w.baselineMedian,
      w.candidateMedian,
      w.timeRatio,
      w.time,
      w.speedupChange,
      w.speedupRatio,
      w.speedup
    ],
    align: ['right', 'right', 'right', 'right', 'left', 'right', 'right', 'left'],
    rows: comparisonRows(c, language)
  }
}
