/**
 * CPU vs waiting (issue 17): the sum and the wait on the same worker sweep,
 * read side by side. The sum computes, so its speedup stops at the cores; the
 * wait only waits, so its speedup keeps rising past them — on threads, on
 * processes, and on one event loop with no worker at all (async). Codes and
 * numbers only; the report catalogs word them.
 */
import type { StudyRecord } from '../study'
import { analyzeRun } from './analyzeRun'
import type { SpeedupEstimate } from './speedupWithError'
import type { WorkloadComparisonAnalysis, WorkloadSeries } from './types'

export type { WorkloadComparisonAnalysis, WorkloadSeries }

const finite = (s: SpeedupEstimate | undefined): s is SpeedupEstimate =>
  s !== undefined && Number.isFinite(s.speedup)

export function compareWorkloads(study: StudyRecord): WorkloadComparisonAnalysis | null {
  if (study.workloadRuns.length === 0) return null
  const cores = study.system.availableParallelism || study.system.logicalCores
  const series: WorkloadSeries[] = study.workloadRuns.map((w) => {
    const analysis = analyzeRun(w.run)
    const points = analysis.workers
      .filter((x) => finite(x.speedup))
      .map((x) => ({ workers: x.workers, speedup: x.speedup }))
    // The best of N > 1: the baseline's 1× says nothing.
    const best = points
      .filter((p) => p.workers > 1)
      .reduce<WorkloadSeries['best']>(
        (b, p) => (b === null || p.speedup.speedup > b.speedup.speedup ? p : b),
        null
      )
    return { job: w.job, backend: w.backend, analysis, points, best }
  })
  const workers = [...new Set(series.flatMap((s) => s.points.map((p) => p.workers)))].sort(
    (a, b) => a - b
  )
  const topWorkers = workers.length ? workers[workers.length - 1] : 1
  const sum = series.find((s) => s.job === 'sum')
  const atTop = (s: WorkloadSeries): SpeedupEstimate | undefined =>
    s.points.find((p) => p.workers === topWorkers)?.speedup
  const sumBounded =
    sum?.best != null && sum.best.speedup.speedup - sum.best.speedup.speedupError <= cores
  const waitPast = series.some((s) => {
    const top = atTop(s)
    return s.job === 'wait' && top !== undefined && top.speedup - top.speedupError > cores
  })
  return {
    cores,
    workers,
    series,
    topWorkers,
    code: topWorkers > cores && sumBounded && waitPast ? 'waiting-scales' : 'not-shown'
  }
}
