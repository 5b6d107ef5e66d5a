import type { RunAnalysis, StudyAnalysis } from '../shared/analysis'
import type { RunRecord } from '../shared/result'
import { compareKernels } from '../shared/analysis/kernelComparison'
import { kernelSentences } from '../shared/report'
import type { StudyRecord } from '../shared/study'
import { toRunExport, type RunExport } from '../shared/runExport'

/** The --json document of a run: the one run export (runExport.ts), as the app writes it. */
export function toJsonReport(run: RunRecord, analysis?: RunAnalysis): RunExport {
  return toRunExport(run, analysis)
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
    format: 'speedup-lab/study',
    version: 2,
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
    ...(study.config.kernels ? { kernelComparison: kernelComparisonJson(study, analysis) } : {})
  }
}

/** The kernels side by side with their English sentences, as the study JSON has always held them. */
function kernelComparisonJson(study: StudyRecord, analysis: StudyAnalysis) {
  const c = compareKernels(study, analysis)
  return c ? { ...c, sentences: kernelSentences(c) } : null
}
