/**
 * Findings in words: each takes a finding (a code and its numbers) and a
 * language, and looks the code up in that language's catalog. Every front
 * end (the CLI, the reports, the app) words findings through these.
 */
import type { WorkloadComparisonAnalysis } from '../analysis/workloadComparison'
import type {
  AnalysisMethod,
  BackendComparisonAnalysis,
  GustafsonAnalysis,
  ModelsAnalysis,
  NetworkCostAnalysis,
  RunAnalysis,
  SizeSweepAnalysis,
  StudyAnalysis,
  StudyFinding,
  WarningSource
} from '../analysis/types'
import type { ScalingWarning } from '../analysis/scalingWarnings'
import type { ContentionAnalysis } from '../analysis/contention'
import type { KarpFlattSeries } from '../analysis/karpFlattSeries'
import { karpFlattCode } from '../analysis/findingFacts'
import type { KernelComparison } from '../analysis/kernelComparison'
import type { BreakEven } from '../stats/findBreakEven'
import type { RunRecord } from '../result'
import type { StudyStepInfo } from '../study'
import { FINDING_CATALOGS } from './catalog'
import type { ReportLanguage } from './language'

type Words<T> = (finding: T) => string

export function warningText(w: ScalingWarning, language: ReportLanguage = 'en'): string {
  return (FINDING_CATALOGS[language].warning[w.code] as Words<ScalingWarning>)(w)
}

export function karpFlattText(s: KarpFlattSeries, language: ReportLanguage = 'en'): string {
  return FINDING_CATALOGS[language].karpFlatt[karpFlattCode(s)](s)
}

export function modelsText(m: ModelsAnalysis, language: ReportLanguage = 'en'): string {
  const catalog = FINDING_CATALOGS[language]
  const text = catalog.models[m.code](m)
  return m.excluded.length > 0 ? `${text} ${catalog.modelsExcluded(m)}` : text
}

/** The contention finding; null unless the cores were shown to be shared. */
export function contentionText(
  c: ContentionAnalysis,
  language: ReportLanguage = 'en'
): string | null {
  return c.code === 'contended' ? FINDING_CATALOGS[language].contention(c) : null
}

/** The reference point after the contention finding: a quiet run of the same job on this machine; null without one. */
export function referenceText(
  analysis: Pick<RunAnalysis, 'reference'>,
  language: ReportLanguage = 'en'
): string | null {
  return analysis.reference ? FINDING_CATALOGS[language].reference(analysis.reference) : null
}

export function gustafsonText(g: GustafsonAnalysis, language: ReportLanguage = 'en'): string {
  return FINDING_CATALOGS[language].gustafson(g)
}

/** Where N first beats one in a size sweep, by the break-even's status. */
export function sweepText(s: SizeSweepAnalysis, language: ReportLanguage = 'en'): string {
  return FINDING_CATALOGS[language].breakEven[s.breakEven.status](s)
}

export function breakEvenPlace(
  b: BreakEven | null,
  smallest: number,
  largest: number,
  language: ReportLanguage = 'en'
): string {
  return FINDING_CATALOGS[language].breakEvenPlace(b, smallest, largest)
}

export function breakEvenCell(
  b: BreakEven,
  sizes: readonly number[],
  language: ReportLanguage = 'en'
): string {
  return FINDING_CATALOGS[language].breakEvenCell(b, sizes)
}

export function backendComparisonText(
  c: BackendComparisonAnalysis,
  language: ReportLanguage = 'en'
): string {
  return FINDING_CATALOGS[language].backendComparison(c)
}

export function networkCostText(c: NetworkCostAnalysis, language: ReportLanguage = 'en'): string {
  return FINDING_CATALOGS[language].networkCost(c)
}

export function networkDifferenceText(
  c: NetworkCostAnalysis,
  language: ReportLanguage = 'en'
): string {
  return FINDING_CATALOGS[language].networkDifference(c)
}

/** One finding of a study's verdict. */
export function findingText(f: StudyFinding, language: ReportLanguage = 'en'): string {
  switch (f.code) {
    case 'wrong-total':
      return FINDING_CATALOGS[language].studyFinding['wrong-total'](f)
    case 'break-even':
      return sweepText(f.sweep, language)
    case 'backend-comparison':
      return backendComparisonText(f.comparison, language)
    case 'network-cost':
      return networkCostText(f.cost, language)
    case 'workload-comparison':
      return workloadComparisonText(f.comparison, language)
  }
}

export function workloadComparisonText(
  c: WorkloadComparisonAnalysis,
  language: ReportLanguage = 'en'
): string {
  return FINDING_CATALOGS[language].workloadComparison(c)
}

/** The study's verdict, a sentence per finding. */
export function verdictText(analysis: StudyAnalysis, language: ReportLanguage = 'en'): string[] {
  return analysis.verdict.map((f) => findingText(f, language))
}

export function whereText(source: WarningSource, language: ReportLanguage = 'en'): string {
  return FINDING_CATALOGS[language].where(source)
}

export function stepLabelText(step: StudyStepInfo, language: ReportLanguage = 'en'): string {
  return FINDING_CATALOGS[language].studyStep(step)
}

/** The run's verdict in one line (the CLI, the reports), by its code. */
export function runVerdictText(
  run: RunRecord,
  analysis: RunAnalysis,
  language: ReportLanguage = 'en'
): string {
  // When the cores were shared, that comes first: the figures after it measure the load.
  const shared = contentionText(analysis.contention, language)
  const verdict = FINDING_CATALOGS[language].runVerdict[analysis.verdict.code](run, analysis)
  if (!shared) return verdict
  const reference = referenceText(analysis, language)
  return [`⚠ ${shared}`, ...(reference ? [reference] : []), verdict].join('\n')
}

/** The Method section's lines: each measurement rule and how this run met it. */
export function methodRulesText(a: RunAnalysis, language: ReportLanguage = 'en'): string[] {
  return FINDING_CATALOGS[language].methodRules(a.rules)
}

export function methodText(m: AnalysisMethod, language: ReportLanguage = 'en'): string {
  return FINDING_CATALOGS[language].method(m)
}

export function kernelSentences(c: KernelComparison, language: ReportLanguage = 'en'): string[] {
  return FINDING_CATALOGS[language].kernels(c)
}
