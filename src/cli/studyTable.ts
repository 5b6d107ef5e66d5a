import { fixedRepetitions } from '../shared/analysis/chooseRepetitions'
import type { StudyAnalysis, StudyWarning } from '../shared/analysis'
import type { ScalingWarning } from '../shared/analysis'
import {
  breakEvenCell,
  kernelSentences,
  networkDifferenceText,
  warningText,
  whereText
} from '../shared/report'
import { DEFAULT_WAIT } from '../shared/config'
import { formatInteger } from '../shared/format'
import type { StudyRecord } from '../shared/study'
import { compareKernels } from '../shared/analysis/kernelComparison'
import { formatClusterLine } from './clusterLine'
import { tableToText } from '../shared/report/table'
import {
  backendCostTable,
  backendSideTable,
  kernelTable,
  networkCostTable,
  workloadComparisonTable,
  sizeSweepTable,
  sweepLabel
} from '../shared/report/tables'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** What the study measured, where. */
export function formatStudyHeader(study: StudyRecord): string {
  const { base, sizes, backends } = study.config
  const reps = `${base.warmup === 'auto' ? 'warm-ups until steady' : plural(base.warmup, 'warm-up')}, ${plural(fixedRepetitions(base.reps), 'rep')}`
  const lines: string[] = []
  if (sizes && study.sweepWorkers !== null && base.command) {
    // A command's sweep: {size} takes each value; no range, kernel or pool is involved.
    const sorted = [...sizes].sort((a, b) => a - b)
    const copies = base.command.shape === 'copies'
    lines.push(
      `Size sweep of your command: ${plural(sorted.length, 'size')} of {size} from ` +
        `${formatInteger(sorted[0])} to ${formatInteger(sorted[sorted.length - 1])} · ` +
        `1 vs ${study.sweepWorkers} ${copies ? 'copies' : 'workers'} · ${reps}\n` +
        `${copies ? 'Copies' : 'Command'}: ${base.command.line}`
    )
  } else if (sizes && study.sweepWorkers !== null) {
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
  if (study.config.compareWorkloads) {
    const wait = base.wait ?? DEFAULT_WAIT
    lines.push(
      `CPU vs waiting: workers ${base.workers.join(',')} · sum of [${formatInteger(base.range.start)}, ` +
        `${formatInteger(base.range.end)}) on ${study.workloadRuns.find((w) => w.job === 'sum')?.backend ?? 'process'} · ` +
        `wait: ${formatInteger(wait.requests)} requests × ${wait.delayMs} ms on thread, process and async · ` +
        `${base.pool} pool · ${reps}`
    )
  }
  // A study on the cluster: the agents and links its first cluster run found (no credentials).
  const clusterRun = [
    ...study.sizeRuns.map((r) => r.run),
    ...study.backendRuns.map((b) => b.run),
    ...study.workloadRuns.map((w) => w.run)
  ].find((r) => r.system.cluster)
  const clusterLine = clusterRun ? formatClusterLine(clusterRun) : null
  if (clusterLine) lines.push(clusterLine)
  lines.push(
    `${study.system.cpuModel} · ${study.system.logicalCores} logical cores ` +
      `(${study.system.availableParallelism} available) · Node ${study.system.nodeVersion}`
  )
  return lines.join('\n')
}

/** The study's tables, in the order it ran. */
export function formatStudyTables(study: StudyRecord, analysis: StudyAnalysis): string {
  const blocks = analysis.sizeSweeps.map(
    (s) =>
      `${sweepLabel(s)} — times are medians ± their 95% CI half-width\n` +
      tableToText(sizeSweepTable(s, study.config.base.workload))
  )
  for (const c of analysis.networkCost) {
    const sizes = c.points.map((p) => p.size)
    blocks.push(
      `Network cost: ${sweepLabel({ kernel: c.kernel, pool: c.pool })}, 1 vs ${c.workers} workers — ` +
        `${c.local.backend} and cluster side by side\n${tableToText(networkCostTable(c))}\n` +
        `Break-even (N first beats 1): ${c.local.backend} ${breakEvenCell(c.local.breakEven, sizes)} · ` +
        `cluster ${breakEvenCell(c.cluster.breakEven, sizes)} · difference: ${networkDifferenceText(c)}`
    )
  }
  const c = analysis.backendComparison
  if (c) {
    blocks.push(
      `Backends side by side\n${tableToText(backendSideTable(c))}\n\n${tableToText(backendCostTable(c))}`
    )
  }
  if (analysis.workloadComparison) {
    blocks.push(
      `CPU vs waiting — the sum and the wait side by side\n` +
        tableToText(workloadComparisonTable(analysis.workloadComparison))
    )
  }
  const kernels = compareKernels(study, analysis)
  if (kernels) {
    const sentences = kernelSentences(kernels)
    blocks.push(
      [tableToText(kernelTable(kernels)), ...(sentences.length ? ['', ...sentences] : [])].join(
        '\n'
      )
    )
  }
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
