import { fixedRepetitions } from '../shared/analysis/chooseRepetitions'
import type {
  BackendComparisonAnalysis,
  SizeSweepAnalysis,
  StudyAnalysis,
  StudyWarning
} from '../shared/analysis'
import type { ScalingWarning } from '../shared/analysis'
import { warningText, whereText } from '../shared/report'
import {
  formatInteger,
  formatMiB,
  formatMsCell,
  formatSize,
  formatValue,
  formatWithError
} from '../shared/format'
import type { StudyRecord } from '../shared/study'
import { compareKernels } from '../shared/analysis/kernelComparison'
import { formatKernelTable } from './kernelTable'
import { formatNetworkCostTable } from './networkCostTable'
import { formatClusterLine } from './clusterLine'
import { layoutTable } from './table'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** What the study measured, where. */
export function formatStudyHeader(study: StudyRecord): string {
  const { base, sizes, backends } = study.config
  const reps = `${plural(base.warmup, 'warm-up')}, ${plural(fixedRepetitions(base.reps), 'rep')}`
  const lines: string[] = []
  if (sizes && study.sweepWorkers !== null) {
    const sorted = [...sizes].sort((a, b) => a - b)
    lines.push(
      `Size sweep: ${plural(sorted.length, 'size')} from ${formatInteger(sorted[0])} to ` +
        `${formatInteger(sorted[sorted.length - 1])} elements (from ${formatInteger(base.range.start)}) · ` +
        `1 vs ${study.sweepWorkers} workers · ${base.workload} · ${(backends ?? [base.backend]).join(' and ')} · ` +
        `warm and cold pools · ${study.config.kernels ? `kernels ${study.config.kernels.join(' vs ')}` : `${base.kernel ?? 'js'} kernel`} · ${reps}`
    )
  }
  if (backends) {
    lines.push(
      `Backends: ${backends.join(' vs ')} · workers ${base.workers.join(',')} · ` +
        `[${formatInteger(base.range.start)}, ${formatInteger(base.range.end)}) · ${base.workload} · ` +
        `${base.pool} pool · ${reps}`
    )
  }
  // A study on the cluster: the agents and links its first cluster run found (no credentials).
  const clusterRun = [
    ...study.sizeRuns.map((r) => r.run),
    ...study.backendRuns.map((b) => b.run)
  ].find((r) => r.system.cluster)
  const clusterLine = clusterRun ? formatClusterLine(clusterRun) : null
  if (clusterLine) lines.push(clusterLine)
  lines.push(
    `${study.system.cpuModel} · ${study.system.logicalCores} logical cores ` +
      `(${study.system.availableParallelism} available) · Node ${study.system.nodeVersion}`
  )
  return lines.join('\n')
}

/**
 * One size sweep: per size, 1 worker and N (median ± 95% CI half-width),
 * the speedup ± e and the winner; the break-even marked on the first size of
 * the crossing.
 */
export function formatSizeTable(sweep: SizeSweepAnalysis, workload: string): string {
  const n = sweep.workers
  const oneLabel = workload === 'split' ? '1 worker (ms)' : `1 worker × ${n} (ms)`
  const head = ['Size', oneLabel, `${n} workers (ms)`, 'Speedup ± e', 'Winner', '']
  const b = sweep.breakEven
  const rows = sweep.points.map((p) => {
    const mark =
      b.size !== null && b.bracket && p.size === b.bracket.above
        ? `◀ break-even ≈ ${formatSize(b.size)}`
        : ''
    const winner = p.winner === 'many' ? plural(n, 'worker') : '1 worker'
    return [
      formatInteger(p.size),
      `${formatMsCell(p.t1.value)} ± ${formatMsCell(p.t1.error)}`,
      `${formatMsCell(p.tn.value)} ± ${formatMsCell(p.tn.error)}`,
      formatWithError(p.speedup.speedup, p.speedup.speedupError),
      p.clear ? winner : `${winner} (within errors)`,
      p.correct ? mark : `✗ wrong total ${mark}`.trim()
    ]
  })
  const kernel = sweep.kernel ? `${sweep.kernel} kernel, ` : ''
  return `${kernel}${sweep.backend}, ${sweep.pool} pool — times are medians ± their 95% CI half-width\n${layoutTable(head, rows)}`
}

/** The backends side by side per worker count, then each one's start cost, memory and model. */
export function formatBackendTables(c: BackendComparisonAnalysis): string {
  const names = c.backends.map((b) => b.backend)
  const head = [
    'Workers',
    ...names.map((n) => `${n}: median [95% CI] (ms)`),
    ...names.map((n) => `${n}: speedup ± e`)
  ]
  const rows = c.workers.map((w) => {
    const cells = c.backends.map((b) => b.analysis.workers.find((x) => x.workers === w))
    return [
      String(w),
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
  const perBackend = layoutTable(
    ['Backend', 'Cold start (ms)', 'RSS per worker', 'PSS per worker', 'Amdahl f ± u'],
    c.backends.map((b) => {
      const amdahl = b.analysis.models.comparison?.amdahl ?? null
      return [
        b.backend,
        b.coldStartMs === null ? '—' : formatMsCell(b.coldStartMs),
        b.memory
          ? `${formatMiB(b.memory.rssBytesPerWorker)}${b.memory.method === 'rss-growth' ? ' (growth)' : ''}`
          : b.backend === 'cluster'
            ? 'not measured (remote)'
            : '—',
        b.memory?.pssBytesPerWorker != null
          ? formatMiB(b.memory.pssBytesPerWorker)
          : b.backend === 'cluster'
            ? 'not measured'
            : '—',
        amdahl
          ? `${formatValue(amdahl.serialFraction)}${amdahl.serialFractionError === null ? '' : ` ± ${formatValue(amdahl.serialFractionError, 2)}`}`
          : '—'
      ]
    }),
    false
  )
  return `Backends side by side\n${layoutTable(head, rows, false)}\n\n${perBackend}`
}

/** The study's tables, in the order it ran. */
export function formatStudyTables(study: StudyRecord, analysis: StudyAnalysis): string {
  const blocks = analysis.sizeSweeps.map((s) => formatSizeTable(s, study.config.base.workload))
  blocks.push(...analysis.networkCost.map(formatNetworkCostTable))
  if (analysis.backendComparison) blocks.push(formatBackendTables(analysis.backendComparison))
  const kernels = compareKernels(study, analysis)
  if (kernels) blocks.push(formatKernelTable(kernels))
  return blocks.join('\n\n')
}

/** A warning as one stderr line: where it comes from, and what to do. */
export function formatWarning(warning: ScalingWarning, where?: string): string {
  const context = [where, plural(warning.workers, 'worker')].filter(Boolean).join(', ')
  return `speedup-lab: warning [${context}]: ${warningText(warning)}`
}

export function formatStudyWarning(w: StudyWarning): string {
  return formatWarning(w.warning, whereText(w.source))
}
