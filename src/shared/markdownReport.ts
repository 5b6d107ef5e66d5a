/**
 * A Markdown report of a run or a study: what was measured and where, the
 * verdict, the tables, the models, the warnings and how the intervals were
 * made. Pure: the same record and analysis always give the same bytes.
 */
import type { RunAnalysis, StudyAnalysis } from './analysis'
import { kernelOf } from './kernel'
import { compareKernels } from './analysis/kernelComparison'
import type { RunRecord } from './result'
import { resultRows } from './runExport'
import { groupDigits } from './report/groupDigits'
import {
  backendComparisonText as comparisonMessage,
  breakEvenCell,
  breakEvenPlace as describeBreakEvenSize,
  findingText as studyFindingMessage,
  gustafsonText as gustafsonMessage,
  karpFlattText as karpFlattMessage,
  kernelSentences,
  methodText as methodMessage,
  modelsText as modelsMessage,
  networkCostText as networkCostMessage,
  networkDifferenceText as networkDifferenceCell,
  runVerdictText as runVerdict,
  sweepText as sweepMessage,
  warningText as warningMessage,
  whereText as whereMessage
} from './report/findings'
import {
  formatFixed,
  formatInteger,
  formatMiB,
  formatMsCell,
  formatPercent,
  formatSize,
  formatThroughput,
  formatWithError
} from './format'
import type { StudyRecord } from './study'
import type { SystemInfo } from './system'

type Align = 'left' | 'right'

/** Prose on one line, with `<` as an entity so "/proc/<pid>" is not read as an HTML tag. */
export function escapeInline(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r?\n/g, ' ')
}

/** A cell's text made safe for a table row: pipes escaped, line breaks folded. */
export function escapeCell(text: string): string {
  return escapeInline(text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|'))
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(head: string[], align: Align[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`
  const rule = `| ${align.map((a) => (a === 'right' ? '--:' : ':--')).join(' | ')} |`
  return [line(head), rule, ...rows.map(line)].join('\n')
}

const systemLine = (s: SystemInfo): string =>
  `${s.cpuModel} · ${s.logicalCores} logical cores (${s.availableParallelism} available) · ` +
  `${s.os} ${s.arch} · Node ${s.nodeVersion}`

const bullets = (lines: string[]): string => lines.map((l) => `- ${escapeInline(l)}`).join('\n')

function runSections(run: RunRecord, a: RunAnalysis, level: number): string[] {
  const h = '#'.repeat(level)
  const cold = run.config.pool === 'cold'
  const weak = a.speedupDefinition === 'N·T1/TN'
  const ci = (lo: number | null, hi: number | null, n: number, f: (x: number) => string): string =>
    lo !== null && hi !== null ? `${f(lo)} … ${f(hi)}` : `— (n = ${n})`
  const two = (x: number): string => formatFixed(x, 2)
  const results = markdownTable(
    [
      'Workers',
      'n',
      'Median (ms)',
      '95% CI (median)',
      'Mean ± σ (ms)',
      'Min … Max (ms)',
      ...(cold ? ['Spawn (ms)'] : []),
      weak ? 'Scaled speedup ± e' : 'Speedup ± e',
      '95% CI (speedup)',
      'Verdict',
      'Efficiency ± e',
      'Karp–Flatt e(N)',
      'Per worker',
      'Sum'
    ],
    [
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      ...(cold ? (['right'] as Align[]) : []),
      'right',
      'right',
      'left',
      'right',
      'right',
      'right',
      'left'
    ],
    resultRows(run, a).map((r) => [
      `${r.workers}${r.oversubscribed ? ' (> cores)' : ''}`,
      String(r.n),
      formatMsCell(r.medianMs),
      ci(r.medianCiLower, r.medianCiUpper, r.n, formatMsCell),
      `${formatMsCell(r.meanMs)} ± ${r.n > 1 ? formatMsCell(r.stddevMs) : '—'}`,
      `${formatMsCell(r.minMs)} … ${formatMsCell(r.maxMs)}`,
      ...(cold ? [r.spawnMedianMs === null ? '—' : formatMsCell(r.spawnMedianMs)] : []),
      formatWithError(r.speedup ?? Number.NaN, r.speedupError),
      r.workers === 1 ? '—' : ci(r.speedupLow, r.speedupHigh, r.n, two),
      r.verdict,
      formatWithError((r.efficiency ?? Number.NaN) * 100, (r.efficiencyError ?? 0) * 100, ' %', 1),
      r.karpFlatt === null ? '—' : formatWithError(r.karpFlatt, r.karpFlattError, '', 3),
      formatThroughput(r.workerElementsPerSecond),
      r.correct
        ? `✓ ${groupDigits(r.sum)}`
        : `✗ ${groupDigits(r.sum)} ≠ ${groupDigits(r.expectedSum)}`
    ])
  )
  // Cluster runs gain a network column: the slowest link's round trip.
  const network = a.workers.some((w) => w.overhead.networkMs !== null)
  const overheadHead = [
    'Workers',
    'Spawn (ms)',
    'Dispatch (ms)',
    ...(network ? ['Network (ms)'] : []),
    'Compute, slowest (ms)',
    'Compute, mean (ms)',
    'Imbalance',
    'Merge (ms)'
  ]
  const overhead = markdownTable(
    overheadHead,
    overheadHead.map((): Align => 'right'),
    a.workers.map((w) => [
      String(w.workers),
      w.overhead.spawnMs === null ? '—' : formatMsCell(w.overhead.spawnMs),
      formatMsCell(w.overhead.dispatchMs),
      ...(network
        ? [w.overhead.networkMs === null ? '—' : formatMsCell(w.overhead.networkMs)]
        : []),
      formatMsCell(w.overhead.computeSlowestMs),
      formatMsCell(w.overhead.computeMeanMs),
      formatPercent(w.overhead.imbalance),
      formatMsCell(w.overhead.mergeMs)
    ])
  )
  const models = [modelsMessage(a.models)]
  if (a.karpFlatt) models.push(karpFlattMessage(a.karpFlatt))
  if (a.gustafson) models.push(gustafsonMessage(a.gustafson))
  return [
    `${h} Results\n\n${results}`,
    `${h} Where the time goes\n\nMedians over the repetitions. Dispatch is the wall time beyond ` +
      `the slowest worker's start-up and compute; imbalance is slowest ÷ mean compute − 1.` +
      (network
        ? " Network is the slowest link's round trip, measured before the run (part of dispatch)."
        : '') +
      `\n\n${overhead}`,
    `${h} Models\n\n${bullets(models)}`
  ]
}

function warningsSection(lines: string[], level: number): string {
  const h = '#'.repeat(level)
  return `${h} Warnings\n\n${lines.length ? bullets(lines) : 'None.'}`
}

/** A run as a Markdown report. */
export function runToMarkdown(run: RunRecord, analysis: RunAnalysis): string {
  const c = run.config
  const sections = [
    `# Speedup Lab report`,
    `Sum of [${groupDigits(String(c.range.start))}, ${groupDigits(String(c.range.end))}) · ` +
      `${c.workload} · ${c.backend} · ${c.pool} pool · ${kernelOf(c)} kernel · ${c.warmup} warm-up, ${c.reps} reps  \n` +
      `${systemLine(run.system)}  \nRun ${run.id}, ${run.startedAt}`,
    `## Verdict\n\n${runVerdict(run, analysis)}`,
    ...runSections(run, analysis, 2),
    warningsSection(
      analysis.warnings.map(
        (w) => `${w.workers} worker${w.workers === 1 ? '' : 's'}: ${warningMessage(w)}`
      ),
      2
    ),
    `## Method\n\n${methodMessage(analysis.method)}` +
      (analysis.baselineMeasured
        ? ''
        : ' The 1-worker samples are not in this run, so the speedup errors carry TN’s interval only.')
  ]
  return `${sections.join('\n\n')}\n`
}

/** A study as a Markdown report: size sweeps with the break-even, the backends side by side. */
export function studyToMarkdown(study: StudyRecord, analysis: StudyAnalysis): string {
  const base = study.config.base
  const sections: string[] = [
    `# Speedup Lab study`,
    `${base.workload} · ${base.warmup} warm-up, ${base.reps} reps per point  \n` +
      `${systemLine(study.system)}  \nStudy ${study.id}, ${study.startedAt}`,
    `## Verdict\n\n${bullets(analysis.verdict.map((f) => studyFindingMessage(f)))}`
  ]
  for (const s of analysis.sizeSweeps) {
    const b = s.breakEven
    const n = s.workers
    const table = markdownTable(
      [
        'Size',
        base.workload === 'split' ? '1 worker (ms)' : `1 worker × ${n} (ms)`,
        `${n} workers (ms)`,
        'Speedup ± e',
        'Winner',
        'Break-even'
      ],
      ['right', 'right', 'right', 'right', 'left', 'left'],
      s.points.map((p) => [
        formatInteger(p.size),
        `${formatMsCell(p.t1.value)} ± ${formatMsCell(p.t1.error)}`,
        `${formatMsCell(p.tn.value)} ± ${formatMsCell(p.tn.error)}`,
        formatWithError(p.speedup.speedup, p.speedup.speedupError),
        `${p.winner === 'many' ? `${n} workers` : '1 worker'}${p.clear ? '' : ' (within errors)'}` +
          (p.correct ? '' : ' ✗ wrong total'),
        b.size !== null && b.bracket?.above === p.size ? `◀ ≈ ${formatSize(b.size)}` : ''
      ])
    )
    sections.push(
      `## Problem size: ${s.kernel ? `${s.kernel} kernel, ` : ''}${s.backend}, ${s.pool} pool\n\n${escapeInline(sweepMessage(s))}\n\n` +
        `Times are medians ± the half-width of their 95% interval.\n\n${table}`
    )
  }
  const kernels = compareKernels(study, analysis)
  if (kernels) {
    const table = markdownTable(
      [
        'Kernel',
        'ns/element',
        'Per worker',
        'Break-even (warm)',
        'Break-even (cold)',
        `Speedup at ${formatInteger(kernels.largestSize)}`
      ],
      ['left', 'right', 'right', 'right', 'right', 'right'],
      kernels.kernels.map((k) => [
        k.kernel,
        formatFixed(k.nsPerElement, 3),
        formatThroughput(k.nsPerElement === null ? null : 1e9 / k.nsPerElement),
        describeBreakEvenSize(k.breakEven.warm, kernels.smallestSize, kernels.largestSize),
        describeBreakEvenSize(k.breakEven.cold, kernels.smallestSize, kernels.largestSize),
        k.speedupAtLargest
          ? formatWithError(k.speedupAtLargest.speedup, k.speedupAtLargest.speedupError)
          : '—'
      ])
    )
    sections.push(
      `## Kernels compared (${kernels.backend}, 1 vs ${kernels.workers} workers)\n\n${table}` +
        (kernelSentences(kernels).length ? `\n\n${bullets(kernelSentences(kernels))}` : '')
    )
  }
  for (const cost of analysis.networkCost) {
    const sizes = cost.points.map((p) => p.size)
    const n = cost.workers
    const table = markdownTable(
      [
        'Size',
        `${cost.local.backend}: ${n} workers (ms)`,
        `cluster: ${n} workers (ms)`,
        'Network (ms)',
        'Network share'
      ],
      ['right', 'right', 'right', 'right', 'right'],
      cost.points.map((p) => [
        formatInteger(p.size),
        formatMsCell(p.localTnMs),
        formatMsCell(p.clusterTnMs),
        p.networkMs === null ? '—' : formatMsCell(p.networkMs),
        p.networkShare === null ? '—' : formatPercent(p.networkShare)
      ])
    )
    const breakEvens = markdownTable(
      ['Backend', 'Break-even (N first beats 1)'],
      ['left', 'left'],
      [
        [cost.local.backend, breakEvenCell(cost.local.breakEven, sizes)],
        ['cluster', breakEvenCell(cost.cluster.breakEven, sizes)],
        ['difference', networkDifferenceCell(cost)]
      ]
    )
    sections.push(
      `## Network cost: ${cost.kernel ? `${cost.kernel} kernel, ` : ''}${cost.pool} pool, ` +
        `${cost.local.backend} and cluster\n\n${escapeInline(networkCostMessage(cost))}\n\n` +
        `Medians of ${n} workers; the network part is the slowest link's round trip, measured ` +
        `before each cluster run.\n\n${table}\n\n${breakEvens}`
    )
  }
  const c = analysis.backendComparison
  if (c) {
    const names = c.backends.map((b) => b.backend)
    const side = markdownTable(
      [
        'Workers',
        ...names.map((n) => `${n}: median (ms)`),
        ...names.map((n) => `${n}: speedup ± e`)
      ],
      ['right', ...names.map((): Align => 'right'), ...names.map((): Align => 'right')],
      c.workers.map((w) => {
        const rows = c.backends.map((b) => b.analysis.workers.find((x) => x.workers === w))
        return [
          String(w),
          ...rows.map((x) =>
            !x
              ? '—'
              : x.medianInterval
                ? `${formatMsCell(x.medianMs)} [${formatMsCell(x.medianInterval.lower)} … ${formatMsCell(x.medianInterval.upper)}]`
                : formatMsCell(x.medianMs)
          ),
          ...rows.map((x) => (x ? formatWithError(x.speedup.speedup, x.speedup.speedupError) : '—'))
        ]
      })
    )
    const costs = markdownTable(
      [
        'Backend',
        'Cold start (ms)',
        'RSS per worker',
        'PSS per worker',
        'Amdahl f ± u',
        'Memory measured by'
      ],
      ['left', 'right', 'right', 'right', 'right', 'left'],
      c.backends.map((b) => {
        const f = b.analysis.models.comparison?.amdahl ?? null
        return [
          b.backend,
          b.coldStartMs === null ? '—' : formatMsCell(b.coldStartMs),
          b.memory ? formatMiB(b.memory.rssBytesPerWorker) : '—',
          b.memory?.pssBytesPerWorker != null ? formatMiB(b.memory.pssBytesPerWorker) : '—',
          f ? formatWithError(f.serialFraction, f.serialFractionError, '', 3) : '—',
          b.memory?.note ??
            (b.backend === 'cluster'
              ? 'not measured (remote workers)'
              : 'not measured on this platform')
        ]
      })
    )
    sections.push(
      `## ${names.includes('cluster') ? 'Backends side by side' : 'Threads vs processes'}\n\n${escapeInline(comparisonMessage(c))}\n\nMedians with their 95% ` +
        `bootstrap interval.\n\n${side}\n\n${costs}`
    )
    for (const b of c.backends) {
      const run = study.backendRuns.find((r) => r.backend === b.backend)!.run
      sections.push(`## ${b.backend}: the worker sweep`, ...runSections(run, b.analysis, 3))
    }
  }
  sections.push(
    warningsSection(
      analysis.warnings.map(
        (w) =>
          `${whereMessage(w.source)}, ${w.warning.workers} worker${w.warning.workers === 1 ? '' : 's'}: ${warningMessage(w.warning)}`
      ),
      2
    ),
    `## Method\n\n${methodMessage(analysis.method)} The break-even size is interpolated in ` +
      `log size between the two sizes where the winner changes; its bounds push both times to ` +
      `the ends of their intervals. For replicate and weak workloads one worker is charged N × T1, ` +
      `the time to do all N shares in turn.`
  )
  return `${sections.join('\n\n')}\n`
}
