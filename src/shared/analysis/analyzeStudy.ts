import type {
  BackendComparisonAnalysis,
  BackendSummary,
  RunAnalysis,
  SizePointAnalysis,
  SizeSweepAnalysis,
  StudyAnalysis,
  StudyFinding,
  StudyWarning,
  WarningSource
} from './types'
import type { SizeRun, StudyRecord } from '../study'
import { analyzeRun, ANALYSIS_METHOD } from './analyzeRun'
import { findBreakEven } from '../stats/findBreakEven'
import { speedupWithError } from './speedupWithError'
import { networkCosts } from './networkCost'
import { compareWorkloads } from './workloadComparison'
import type { Estimate } from '../stats/types'

const estimateOf = (a: RunAnalysis, workers: number, scale = 1): Estimate | null => {
  const row = a.workers.find((w) => w.workers === workers)
  if (!row) return null
  const halfWidth = row.medianInterval?.halfWidth ?? row.meanInterval?.halfWidth ?? 0
  return { value: row.medianMs * scale, error: halfWidth * scale }
}

function sizePoint(sizeRun: SizeRun, n: number, analysis: RunAnalysis): SizePointAnalysis | null {
  // Replicate and weak give N workers N times the work: charge one worker for doing it all.
  const scale = sizeRun.run.config.workload === 'split' ? 1 : n
  const t1 = estimateOf(analysis, 1, scale)
  const tn = estimateOf(analysis, n)
  if (!t1 || !tn) return null
  const speedup = speedupWithError(t1, tn, n)
  const many = tn.value < t1.value
  return {
    size: sizeRun.size,
    t1,
    tn,
    speedup,
    winner: many ? 'many' : 'one',
    clear: many
      ? tn.value + tn.error < t1.value - t1.error
      : tn.value - tn.error > t1.value + t1.error,
    correct: sizeRun.run.correct,
    networkMs: analysis.workers.find((w) => w.workers === n)?.overhead.networkMs ?? null
  }
}

function sizeSweeps(study: StudyRecord): {
  sweeps: SizeSweepAnalysis[]
  warnings: StudyWarning[]
} {
  const n = study.sweepWorkers
  const sweeps: SizeSweepAnalysis[] = []
  const warnings: StudyWarning[] = []
  if (n === null || study.sizeRuns.length === 0) return { sweeps, warnings }
  const groups = new Map<string, SizeRun[]>()
  for (const r of study.sizeRuns) {
    const key = `${r.backend}/${r.pool}/${r.kernel ?? ''}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  for (const runs of groups.values()) {
    const { backend, pool, kernel } = runs[0]
    const command = runs[0].run.config.job === 'command'
    const points: SizePointAnalysis[] = []
    for (const r of [...runs].sort((a, b) => a.size - b.size)) {
      const analysis = analyzeRun(r.run)
      // A sweep is about start-up against job size and runs N on purpose: those two are its subject.
      for (const warning of analysis.warnings) {
        if (warning.code === 'job-shorter-than-spawn' || warning.code === 'more-workers-than-cores')
          continue
        warnings.push({
          source: {
            backend,
            pool,
            size: r.size,
            ...(kernel ? { kernel } : {}),
            ...(command ? { job: 'command' as const } : {})
          },
          warning
        })
      }
      const point = sizePoint(r, n, analysis)
      if (point) points.push(point)
    }
    const usable = points.filter((p) => p.t1.value > 0 && p.tn.value > 0)
    if (usable.length === 0) continue
    const breakEven = findBreakEven(usable.map((p) => ({ size: p.size, t1: p.t1, tn: p.tn })))
    sweeps.push({
      backend,
      pool,
      ...(kernel ? { kernel } : {}),
      workers: n,
      ...(command ? { job: 'command' as const } : {}),
      points,
      breakEven
    })
  }
  return { sweeps, warnings }
}

function backendComparison(study: StudyRecord): {
  comparison: BackendComparisonAnalysis | null
  warnings: StudyWarning[]
} {
  if (study.backendRuns.length === 0) return { comparison: null, warnings: [] }
  const backends: BackendSummary[] = study.backendRuns.map((b) => ({
    backend: b.backend,
    analysis: analyzeRun(b.run),
    coldStartMs:
      analyzeRun(b.coldStart).workers.find((r) => r.workers === 1)?.spawnMedianMs ?? null,
    memory: b.memory
  }))
  const warnings = backends.flatMap((b) =>
    b.analysis.warnings.map((warning) => ({ source: { backend: b.backend }, warning }))
  )
  const workers = study.backendRuns[0].run.config.workers
  const cores = study.system.availableParallelism || study.system.logicalCores
  const fitting = workers.filter((w) => w > 1 && w <= cores)
  const headlineWorkers = fitting.length ? Math.max(...fitting) : Math.max(...workers)

  const headline =
    headlineWorkers > 1
      ? backends.flatMap((b) => {
          const speedup = b.analysis.workers.find((w) => w.workers === headlineWorkers)?.speedup
          return speedup && Number.isFinite(speedup.speedup)
            ? [{ backend: b.backend, speedup }]
            : []
        })
      : []
  let difference: BackendComparisonAnalysis['difference'] = null
  if (headline.length === 2) {
    const [a, b] = headline.map((x) => x.speedup)
    const apart = Math.abs(a.speedup - b.speedup) > Math.hypot(a.speedupError, b.speedupError)
    const leader = a.speedup > b.speedup ? headline[0].backend : headline[1].backend
    difference = { code: apart ? 'apart' : 'within-errors', leader }
  }
  const thread = headline.find((x) => x.backend === 'thread')?.speedup
  const threads = thread
    ? thread.speedup - thread.speedupError > 1
      ? 'adds-throughput'
      : 'no-clear-gain'
    : null
  return {
    comparison: { backends, workers, headlineWorkers, headline, difference, threads },
    warnings
  }
}

/**
 * What a study means, from its record alone (pure; the bootstraps are
 * seeded): for each size sweep the 1-vs-N times with their intervals, the
 * winner at each size and the break-even size with its error bounds; for a
 * backend comparison each backend's full run analysis, cold start and memory
 * per worker, read side by side; every warning with the run it came from; and
 * the verdict, a finding each (codes and numbers; findingText.ts words them).
 */
export function analyzeStudy(study: StudyRecord): StudyAnalysis {
  const sizes = sizeSweeps(study)
  const backends = backendComparison(study)
  const verdict: StudyFinding[] = []
  if (!study.correct) {
    const runs: WarningSource[] = [
      ...study.sizeRuns
        .filter((r) => !r.run.correct)
        .map((r) => ({
          backend: r.backend,
          pool: r.pool,
          size: r.size,
          ...(r.run.config.job === 'command' ? { job: 'command' as const } : {})
        })),
      ...study.backendRuns.filter((b) => !b.run.correct).map((b) => ({ backend: b.backend })),
      ...study.workloadRuns
        .filter((w) => !w.run.correct)
        .map((w) => ({ backend: w.backend, job: w.job }))
    ]
    verdict.push({ code: 'wrong-total', runs })
  }
  verdict.push(...sizes.sweeps.map((sweep) => ({ code: 'break-even' as const, sweep })))
  const networkCost = networkCosts(sizes.sweeps)
  verdict.push(...networkCost.map((cost) => ({ code: 'network-cost' as const, cost })))
  const c = backends.comparison
  if (
    c &&
    (c.headline.length > 0 || c.backends.some((b) => b.coldStartMs !== null || b.memory !== null))
  ) {
    verdict.push({ code: 'backend-comparison', comparison: c })
  }
  const workloads = compareWorkloads(study)
  if (workloads) verdict.push({ code: 'workload-comparison', comparison: workloads })
  // Each workload run's warnings, with where they came from (waiting workers past the
  // cores get none: the one oversubscription rule lives in analyzeRun).
  const workloadWarnings: StudyWarning[] = (workloads?.series ?? []).flatMap((s) =>
    s.analysis.warnings.map((warning) => ({
      source: { backend: s.backend, job: s.job },
      warning
    }))
  )
  return {
    studyId: study.id,
    method: ANALYSIS_METHOD,
    sizeSweeps: sizes.sweeps,
    backendComparison: backends.comparison,
    networkCost,
    workloadComparison: workloads,
    warnings: [...sizes.warnings, ...backends.warnings, ...workloadWarnings],
    verdict
  }
}
