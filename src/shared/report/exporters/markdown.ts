/**
 * A Markdown report of a run, a study or a comparison: what was measured and
 * where, the verdict, the tables, the models, the warnings and how the
 * intervals were made. Pure: the same record and analysis always give the
 * same bytes. English (the CLI's --markdown and the app's export).
 */
import type { RunAnalysis, StudyAnalysis } from '../../analysis'
import { compareKernels } from '../../analysis/kernelComparison'
import type { RunComparison } from '../../analysis/compareRuns'
import type { RunRecord } from '../../result'
import type { StudyRecord } from '../../study'
import { formatPercent } from '../../format'
import {
  backendComparisonText,
  findingText,
  gustafsonText,
  karpFlattText,
  kernelSentences,
  methodRulesText,
  methodText,
  modelsText,
  networkCostText,
  runVerdictText,
  sweepText,
  warningText,
  workloadComparisonText,
  whereText
} from '../findings'
import { comparisonSummary } from '../comparisonWords'
import { jobLine } from '../jobLine'
import { repetitionsText, warmupsText } from '../repetitionsText'
import { REPORT_WORDS } from '../catalog/words'
import { escapeInline, tableToMarkdown } from '../table'
import {
  backendCostTable,
  backendSideTable,
  comparisonTable,
  kernelTable,
  networkBreakEvenTable,
  networkCostTable,
  overheadTable,
  runResultsTable,
  sizeSweepTable,
  sweepLabel,
  workloadComparisonTable
} from '../tables'
import type { SystemInfo } from '../../system'

export { escapeCell, escapeInline } from '../table'

const W = REPORT_WORDS.en

const systemLine = (s: SystemInfo): string =>
  W.system(s.cpuModel, s.logicalCores, s.availableParallelism, `${s.os} ${s.arch}`, s.nodeVersion)

const bullets = (lines: string[]): string => lines.map((l) => `- ${escapeInline(l)}`).join('\n')

function runSections(run: RunRecord, a: RunAnalysis, level: number): string[] {
  const h = '#'.repeat(level)
  const network = a.workers.some((w) => w.overhead.networkMs !== null)
  const models = [modelsText(a.models)]
  if (a.karpFlatt) models.push(karpFlattText(a.karpFlatt))
  if (a.gustafson) models.push(gustafsonText(a.gustafson))
  return [
    `${h} ${W.section.results}\n\n${tableToMarkdown(runResultsTable(run, a, 'document'))}`,
    `${h} ${W.section.overhead}\n\n${W.overhead.intro}` +
      (network ? W.overhead.networkIntro : '') +
      `\n\n${tableToMarkdown(overheadTable(a))}`,
    `${h} ${W.section.models}\n\n${bullets(models)}`
  ]
}

function warningsSection(lines: string[], level: number): string {
  const h = '#'.repeat(level)
  return `${h} ${W.section.warnings}\n\n${lines.length ? bullets(lines) : W.none}`
}

/** A run as a Markdown report. */
export function runToMarkdown(run: RunRecord, analysis: RunAnalysis): string {
  const c = run.config
  const sections = [
    `# ${W.title.run}`,
    `${jobLine(c)} · ${warmupsText(run)}, ${repetitionsText(run)}  \n` +
      `${systemLine(run.system)}  \n${W.runLine(run.id, run.startedAt)}`,
    `## ${W.section.verdict}\n\n${runVerdictText(run, analysis)}`,
    ...runSections(run, analysis, 2),
    warningsSection(
      analysis.warnings.map((w) => `${W.warningAt(null, w.workers)}: ${warningText(w)}`),
      2
    ),
    `## ${W.section.method}\n\n${bullets(methodRulesText(analysis))}\n\n${methodText(analysis.method)}` +
      (analysis.baselineMeasured ? '' : W.baselineMissing)
  ]
  return `${sections.join('\n\n')}\n`
}

/** A study as a Markdown report: size sweeps with the break-even, the backends side by side. */
export function studyToMarkdown(study: StudyRecord, analysis: StudyAnalysis): string {
  const base = study.config.base
  const sections: string[] = [
    `# ${W.title.study}`,
    // A command's sweep names the command (its line, shape and workload).
    `${escapeInline(base.command ? jobLine(base) : base.workload)} · ${W.config.perPoint(base.warmup, base.reps)}  \n` +
      `${systemLine(study.system)}  \n${W.studyLine(study.id, study.startedAt)}`,
    `## ${W.section.verdict}\n\n${bullets(analysis.verdict.map((f) => findingText(f)))}`
  ]
  for (const s of analysis.sizeSweeps) {
    sections.push(
      `## ${W.section.sweep(sweepLabel(s))}\n\n${escapeInline(sweepText(s))}\n\n` +
        `${W.sweep.intro}\n\n${tableToMarkdown(sizeSweepTable(s, base.workload))}`
    )
  }
  const kernels = compareKernels(study, analysis)
  if (kernels) {
    const table = kernelTable(kernels)
    const sentences = kernelSentences(kernels)
    sections.push(
      `## ${table.title}\n\n${tableToMarkdown(table)}` +
        (sentences.length ? `\n\n${bullets(sentences)}` : '')
    )
  }
  for (const cost of analysis.networkCost) {
    sections.push(
      `## ${W.section.network(`${sweepLabel({ kernel: cost.kernel, pool: cost.pool })}, ${cost.local.backend} and cluster`)}` +
        `\n\n${escapeInline(networkCostText(cost))}\n\n${W.network.intro(cost.workers)}\n\n` +
        `${tableToMarkdown(networkCostTable(cost))}\n\n${tableToMarkdown(networkBreakEvenTable(cost))}`
    )
  }
  const c = analysis.backendComparison
  if (c) {
    const cluster = c.backends.some((b) => b.backend === 'cluster')
    sections.push(
      `## ${W.section.backends(cluster)}\n\n${escapeInline(backendComparisonText(c))}\n\n` +
        `${W.backends.intro}\n\n${tableToMarkdown(backendSideTable(c))}\n\n` +
        tableToMarkdown(backendCostTable(c))
    )
    for (const b of c.backends) {
      const run = study.backendRuns.find((r) => r.backend === b.backend)!.run
      sections.push(`## ${W.section.backendSweep(b.backend)}`, ...runSections(run, b.analysis, 3))
    }
  }
  const workloads = analysis.workloadComparison
  if (workloads) {
    sections.push(
      `## ${W.section.workloads}\n\n${escapeInline(workloadComparisonText(workloads))}\n\n` +
        tableToMarkdown(workloadComparisonTable(workloads))
    )
  }
  sections.push(
    warningsSection(
      analysis.warnings.map(
        (w) => `${W.warningAt(whereText(w.source), w.warning.workers)}: ${warningText(w.warning)}`
      ),
      2
    ),
    `## ${W.section.method}\n\n${methodText(analysis.method)}${W.studyMethod}`
  )
  return `${sections.join('\n\n')}\n`
}

/** A comparison as a Markdown report: what was compared, the table, the verdicts. */
export function comparisonToMarkdown(c: RunComparison): string {
  const cfg = c.baseline.config
  const w = W.comparison
  const notes = [
    ...c.differences.map((d) =>
      w.across(d.field, escapeInline(d.baseline), escapeInline(d.candidate))
    ),
    ...(c.onlyInBaseline.length ? [w.onlyBaseline(c.onlyInBaseline.join(', '))] : []),
    ...(c.onlyInCandidate.length ? [w.onlyCandidate(c.onlyInCandidate.join(', '))] : [])
  ]
  return [
    `# ${W.title.comparison}`,
    '',
    `${w.line(escapeInline(c.baseline.id), c.baseline.startedAt, escapeInline(c.candidate.id), c.candidate.startedAt)}  `,
    w.settings(
      `${cfg.range.start} … ${cfg.range.end}`,
      escapeInline(cfg.workload),
      formatPercent(c.confidence, 'en', 0),
      c.resamples,
      c.seed,
      formatPercent(c.threshold)
    ),
    '',
    tableToMarkdown(comparisonTable(c)),
    '',
    `## ${W.section.verdict}`,
    '',
    ...comparisonSummary(c).map((l) => `- ${escapeInline(l)}`),
    ...(notes.length ? ['', `## ${W.section.notes}`, '', ...notes.map((n) => `- ${n}`)] : []),
    ''
  ].join('\n')
}
