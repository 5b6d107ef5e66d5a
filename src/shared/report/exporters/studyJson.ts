import type { StudyAnalysis } from '../../analysis'
import { compareKernels, type KernelComparison } from '../../analysis/kernelComparison'
import type { StudyRecord } from '../../study'
import { kernelSentences } from '../findings'

/**
 * A study's JSON, written by the CLI (--json) and the app's export alike: its
 * configuration and machine, every run it made (size sweep points, each
 * backend's sweep, cold-start probe and memory), and the analysis (codes and
 * numbers: break-even sizes, the backends side by side, the verdict).
 */
export interface StudyExport {
  format: 'speedup-lab/study'
  version: 2
  kind: 'study'
  studyId: string
  startedAt: string
  finishedAt: string
  correct: boolean
  config: StudyRecord['config']
  system: StudyRecord['system']
  sweepWorkers: StudyRecord['sweepWorkers']
  sizeRuns: StudyRecord['sizeRuns']
  backendRuns: StudyRecord['backendRuns']
  /** CPU vs waiting (issue 17): the sum's run and the wait's on each backend. */
  workloadRuns: StudyRecord['workloadRuns']
  analysis: StudyAnalysis
  /** A study that compared kernels: the kernels side by side, with the English sentences. */
  kernelComparison?: (KernelComparison & { sentences: string[] }) | null
}

export function toStudyExport(study: StudyRecord, analysis: StudyAnalysis): StudyExport {
  const kernels = study.config.kernels ? compareKernels(study, analysis) : undefined
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
    workloadRuns: study.workloadRuns,
    analysis,
    ...(kernels !== undefined
      ? { kernelComparison: kernels ? { ...kernels, sentences: kernelSentences(kernels) } : null }
      : {})
  }
}

/** A study and its analysis as pretty-printed JSON (non-finite figures become null). */
export function studyToJson(study: StudyRecord, analysis: StudyAnalysis): string {
  return `${JSON.stringify(toStudyExport(study, analysis), null, 2)}\n`
}
