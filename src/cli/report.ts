import type { RunAnalysis, StudyAnalysis } from '../shared/analysis'
import type { RunRecord } from '../shared/result'
import { compareKernels } from '../shared/kernelComparison'
import type { StudyRecord } from '../shared/study'

/**
 * The --json document: { config, system, results } plus when and whether it
 * was right, and the analysis (intervals, speedup ± e, models, overhead
 * breakdown, warnings) computed from the results.
 */
export function toJsonReport(run: RunRecord, analysis?: RunAnalysis): Record<string, unknown> {
  return {
    runId: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    correct: run.correct,
    config: run.config,
    system: run.system,
    results: run.results,
    ...(analysis ? { analysis } : {})
  }
}

/**
 * A study's --json document: its configuration and machine, every run it made
 * (size sweep points, each backend's sweep, cold-start probe and memory), and
 * the analysis (break-even sizes, the backends side by side, the verdict).
 */
export function toStudyJsonReport(
  study: StudyRecord,
  analysis: StudyAnalysis
): Record<string, unknown> {
  return {
    kind: 'study',
    studyId: study.id,
    startedAt: study.startedAt,
    finishedAt: study.finishedAt,
    correct: study.correct,
    config: study.config,
    system: study.system,
    sweepWorkers: study.sweepWorkers,
    sizeRuns: study.sizeRuns,
    backendRuns: study.backendRuns,
    analysis,
    ...(study.config.kernels ? { kernelComparison: compareKernels(study, analysis) } : {})
  }
}
