/**
 * What a catalog words: every finding of the analysis, keyed by its code,
 * and the words of a report. One catalog per language (en.ts, ko.ts); the
 * types make a missing entry a compile error and tests/unit/report/catalog.test.ts
 * checks every code of the analysis against both at run time.
 */
import type {
  AnalysisMethod,
  BackendComparisonAnalysis,
  GustafsonAnalysis,
  ModelsAnalysis,
  ModelsCode,
  NetworkCostAnalysis,
  RunAnalysis,
  RunVerdictCode,
  SizeSweepAnalysis,
  StudyFinding,
  WarningSource
} from '../../analysis/types'
import type { ScalingWarning, WarningCode } from '../../analysis/scalingWarnings'
import type { ContentionAnalysis } from '../../analysis/contention'
import type { ReferenceRun } from '../../analysis/referenceRun'
import type { MethodRules } from '../../analysis/methodRules'
import type { KarpFlattSeries } from '../../analysis/karpFlattSeries'
import type { KarpFlattCode } from '../../analysis/findingFacts'
import type { KernelComparison } from '../../analysis/kernelComparison'
import type { WorkloadComparisonAnalysis } from '../../analysis/workloadComparison'
import type { BreakEven } from '../../stats/findBreakEven'
import type { RunRecord } from '../../result'
import type { StudyStepInfo } from '../../study'

export type BreakEvenStatus = BreakEven['status']
export type StudyFindingCode = StudyFinding['code']
type WarningOf<C extends WarningCode> = Extract<ScalingWarning, { code: C }>
type StudyFindingOf<C extends StudyFindingCode> = Extract<StudyFinding, { code: C }>

export interface FindingCatalog {
  /** A warning about one worker count's measurements, with what to change. */
  warning: { [C in WarningCode]: (w: WarningOf<C>) => string }
  /** The Karp–Flatt series: no point, one point, or its trend. */
  karpFlatt: { [C in KarpFlattCode]: (s: KarpFlattSeries) => string }
  /** Amdahl's law and the USL fitted, or why not. */
  models: { [C in ModelsCode]: (m: ModelsAnalysis) => string }
  /** Worker counts above the cores: drawn, not fitted (follows the models sentence). */
  modelsExcluded: (m: ModelsAnalysis) => string
  /** The cores were shared with other work (leads the verdict); only for `contended`. */
  contention: (c: ContentionAnalysis) => string
  /** A quiet run of the same job on this machine: the reference point after the contention finding. */
  reference: (r: ReferenceRun) => string
  /** Weak scaling read with Gustafson's law. */
  gustafson: (g: GustafsonAnalysis) => string
  /** A size sweep's break-even, by its status. */
  breakEven: { [S in BreakEvenStatus]: (s: SizeSweepAnalysis) => string }
  /** Where a break-even lies, short ("about 180,000", "below 10,000"). */
  breakEvenPlace: (b: BreakEven | null, smallest: number, largest: number) => string
  /** A break-even for a table cell, with its bounds. */
  breakEvenCell: (b: BreakEven, sizes: readonly number[]) => string
  /** Threads against processes (or the cluster), side by side. */
  backendComparison: (c: BackendComparisonAnalysis) => string
  /** CPU vs waiting: the sum's and the wait's speedups past the cores (issue 17). */
  workloadComparison: (c: WorkloadComparisonAnalysis) => string
  /** The network-cost study. */
  networkCost: (c: NetworkCostAnalysis) => string
  /** How far apart a network-cost study's break-evens are, for tables. */
  networkDifference: (c: NetworkCostAnalysis) => string
  /** The study's findings that are not one of the above. */
  studyFinding: { 'wrong-total': (f: StudyFindingOf<'wrong-total'>) => string }
  /** Where a study's warning came from: "process · cold · 10,000 elements". */
  where: (source: WarningSource) => string
  /** A study step's progress label. */
  studyStep: (step: StudyStepInfo) => string
  /** The run's verdict, by its code. */
  runVerdict: { [C in RunVerdictCode]: (run: RunRecord, a: RunAnalysis) => string }
  /** How the intervals and errors were made. */
  method: (m: AnalysisMethod) => string
  /** The Method section: each measurement rule and how the run met it, one line each. */
  methodRules: (r: MethodRules) => string[]
  /** A study that compared kernels, in sentences. */
  kernels: (c: KernelComparison) => string[]
}

/** Every code a catalog must word, by family (for the completeness test and tools). */
export type FindingFamilies = {
  [
    K in keyof FindingCatalog as FindingCatalog[K] extends (...a: never[]) => unknown ? never : K
  ]: readonly (keyof FindingCatalog[K])[]
}

export type { StudyFindingOf, WarningOf }
