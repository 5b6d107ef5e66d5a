/**
 * Every code the analysis returns, by family, as lists a program can walk:
 * the catalogs' completeness test reads them. Each list is checked against
 * its type both ways, so a code added to the analysis and not here (or the
 * reverse) is a compile error.
 */
import type { ModelsCode, RunVerdictCode, StudyFinding } from './types'
import type { WarningCode } from './scalingWarnings'
import { KARP_FLATT_CODES } from './findingFacts'
import type { BreakEven } from '../stats/findBreakEven'

/** True only when the list names every member of the union and nothing else. */
type Exactly<Union, List extends readonly unknown[]> = [Union] extends [List[number]]
  ? [List[number]] extends [Union]
    ? true
    : false
  : false
const exact =
  <Union>() =>
  <const List extends readonly Union[]>(
    list: List & (Exactly<Union, List> extends true ? unknown : never)
  ): List =>
    list

export const WARNING_CODES = exact<WarningCode>()([
  'outliers',
  'slow-first-repetition',
  'job-shorter-than-spawn',
  'wide-interval',
  'more-workers-than-cores',
  'trend',
  'output-changed',
  'output-truncated',
  'copies-failed',
  'workers-unheard'
])
export const MODELS_CODES = exact<ModelsCode>()([
  'weak-scaling',
  'slower-than-one',
  'too-few-worker-counts',
  'not-significant',
  'poor-fit',
  'fitted'
])
export const RUN_VERDICT_CODES = exact<RunVerdictCode>()([
  'wrong-total',
  'baseline-only',
  'faster',
  'slower',
  'no-difference',
  'too-small'
])
export const BREAK_EVEN_STATUSES = exact<BreakEven['status']>()([
  'crosses',
  'mixed',
  'always',
  'never'
])
export const STUDY_FINDING_CODES = exact<StudyFinding['code']>()([
  'wrong-total',
  'break-even',
  'backend-comparison',
  'network-cost',
  'workload-comparison'
])

/** Every family of codes and its codes: what each catalog must word. */
export const FINDING_CODES = {
  warning: WARNING_CODES,
  karpFlatt: KARP_FLATT_CODES,
  models: MODELS_CODES,
  breakEven: BREAK_EVEN_STATUSES,
  runVerdict: RUN_VERDICT_CODES
} as const
