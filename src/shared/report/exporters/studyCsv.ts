/**
 * CSV of a study together with its analysis (RFC 4180: CRLF, a header row,
 * fields quoted when needed, text cells guarded against formula injection);
 * a run's CSV is runCsv.ts's one schema. A study:
 * one table whose `kind` column says what a row is — `size` (1 vs N at one
 * problem size), `break-even` (one per backend and pool), `backend` (one per
 * backend × worker count of the comparison), `model` (one per backend's
 * fit) and `workload` (CPU vs waiting: one per workload × backend × worker
 * count); columns that do not apply to a kind are empty.
 */
import type { StudyAnalysis, WorkerCountAnalysis } from '../../analysis'
import type { StudyRecord } from '../../study'
import { idealWaitMs, medianServerCpuMs } from '../../waitFigures'
import { figure, writeCsv, type Cell } from './writeCsv'

export const STUDY_CSV_HEADERS = [
  'kind',
  'studyId',
  'backend',
  'pool',
  'workload',
  'size',
  'workers',
  'n',
  'medianMs',
  'medianCiLower',
  'medianCiUpper',
  'meanMs',
  'stddevMs',
  'minMs',
  'maxMs',
  't1Ms',
  't1ErrorMs',
  'tnMs',
  'tnErrorMs',
  'speedup',
  'speedupError',
  'efficiency',
  'efficiencyError',
  'karpFlatt',
  'winner',
  'clear',
  'breakEvenStatus',
  'breakEvenSize',
  'breakEvenLower',
  'breakEvenUpper',
  'coldStartMs',
  'rssBytesPerWorker',
  'pssBytesPerWorker',
  'memoryMethod',
  'amdahlSerialFraction',
  'amdahlSerialFractionError',
  'amdahlCeiling',
  'bestModel',
  'uslSigma',
  'uslKappa',
  'correct',
  // The kernel of a size or break-even row (when the study compared kernels; else the base's).
  'kernel',
  // The network-cost study (issue 11): per size a `network` row (the cluster's N-worker median
  // beside the local backend's, the network's part and share); a `network-cost` row per pool
  // with the two break-evens' ratio and difference (each break-even is its sweep's row).
  'localBackend',
  'localTnMs',
  'networkMs',
  'networkShare',
  'breakEvenRatio',
  'networkDifference',
  // CPU vs waiting (issue 17): a `workload` row per workload × backend × worker count, the
  // workload in `job`; the wait's ideal ceil(R/N)·delay and its latency server's CPU time.
  'job',
  'idealMs',
  'serverCpuMs'
] as const

type StudyRow = Partial<Record<(typeof STUDY_CSV_HEADERS)[number], Cell>>

/**
 * One worker count's figures as a backend row and a workload row both write
 * them: its timing summary, speedup and efficiency with their errors, and
 * whether it was correct.
 */
function countFigures(w: WorkerCountAnalysis): StudyRow {
  return {
    workers: w.workers,
    n: w.n,
    medianMs: figure(w.medianMs),
    medianCiLower: figure(w.medianInterval?.lower),
    medianCiUpper: figure(w.medianInterval?.upper),
    meanMs: figure(w.meanMs),
    stddevMs: figure(w.stddevMs),
    minMs: figure(w.minMs),
    maxMs: figure(w.maxMs),
    speedup: figure(w.speedup.speedup),
    speedupError: figure(w.speedup.speedupError),
    efficiency: figure(w.speedup.efficiency),
    efficiencyError: figure(w.speedup.efficiencyError),
    correct: w.correct
  }
}

/** A study as one CSV table; the `kind` column tells size, break-even, backend and model rows apart. */
export function studyToCsv(study: StudyRecord, analysis: StudyAnalysis): string {
  const workload = study.config.base.workload
  const rows: StudyRow[] = []
  for (const sweep of analysis.sizeSweeps) {
    const common = {
      studyId: study.id,
      backend: sweep.backend,
      pool: sweep.pool,
      workload,
      // A command has no kernel; its rows say it is one.
      ...(sweep.job === 'command'
        ? { job: 'command' }
        : { kernel: sweep.kernel ?? study.config.base.kernel ?? 'js' })
    }
    for (const p of sweep.points) {
      rows.push({
        kind: 'size',
        ...common,
        size: p.size,
        workers: sweep.workers,
        t1Ms: figure(p.t1.value),
        t1ErrorMs: figure(p.t1.error),
        tnMs: figure(p.tn.value),
        tnErrorMs: figure(p.tn.error),
        speedup: figure(p.speedup.speedup),
        speedupError: figure(p.speedup.speedupError),
        efficiency: figure(p.speedup.efficiency),
        efficiencyError: figure(p.speedup.efficiencyError),
        winner: p.winner === 'many' ? 'N' : '1',
        clear: p.clear,
        correct: p.correct
      })
    }
    const b = sweep.breakEven
    rows.push({
      kind: 'break-even',
      ...common,
      workers: sweep.workers,
      breakEvenStatus: b.status,
      breakEvenSize: figure(b.size),
      breakEvenLower: figure(b.interval.lower),
      breakEvenUpper: figure(b.interval.upper)
    })
  }
  for (const c of analysis.networkCost) {
    const common = {
      studyId: study.id,
      backend: 'cluster',
      pool: c.pool,
      workload,
      kernel: c.kernel ?? study.config.base.kernel ?? 'js',
      workers: c.workers,
      localBackend: c.local.backend
    }
    for (const p of c.points) {
      rows.push({
        kind: 'network',
        ...common,
        size: p.size,
        tnMs: figure(p.clusterTnMs),
        localTnMs: figure(p.localTnMs),
        networkMs: figure(p.networkMs),
        networkShare: figure(p.networkShare)
      })
    }
    rows.push({
      kind: 'network-cost',
      ...common,
      networkMs: figure(c.networkMs),
      breakEvenRatio: figure(c.ratio),
      networkDifference: c.difference,
      clear: c.apart
    })
  }
  const comparison = analysis.backendComparison
  for (const b of comparison?.backends ?? []) {
    const run = study.backendRuns.find((r) => r.backend === b.backend)!.run
    const common = {
      studyId: study.id,
      backend: b.backend,
      pool: run.config.pool,
      workload: run.config.workload
    }
    const memory = {
      coldStartMs: figure(b.coldStartMs),
      rssBytesPerWorker: figure(b.memory?.rssBytesPerWorker),
      pssBytesPerWorker: figure(b.memory?.pssBytesPerWorker),
      memoryMethod: b.memory?.method ?? null
    }
    for (const w of b.analysis.workers) {
      rows.push({
        kind: 'backend',
        ...common,
        ...countFigures(w),
        karpFlatt: figure(w.karpFlatt?.serialFraction),
        ...memory
      })
    }
    const models = b.analysis.models.comparison
    rows.push({
      kind: 'model',
      ...common,
      ...memory,
      amdahlSerialFraction: figure(models?.amdahl?.serialFraction),
      amdahlSerialFractionError: figure(models?.amdahl?.serialFractionError),
      amdahlCeiling: figure(models?.amdahl?.ceiling),
      bestModel: models?.best ?? null,
      uslSigma: figure(models?.usl?.sigma),
      uslKappa: figure(models?.usl?.kappa)
    })
  }
  for (const series of analysis.workloadComparison?.series ?? []) {
    const run = study.workloadRuns.find(
      (r) => r.job === series.job && r.backend === series.backend
    )!.run
    series.analysis.workers.forEach((w, i) => {
      rows.push({
        kind: 'workload',
        studyId: study.id,
        backend: series.backend,
        pool: run.config.pool,
        workload: run.config.workload,
        job: series.job,
        ...countFigures(w),
        idealMs: figure(idealWaitMs(run.config, w.workers)),
        serverCpuMs: figure(medianServerCpuMs(run.results[i]))
      })
    })
  }
  return writeCsv(
    STUDY_CSV_HEADERS,
    rows.map((row) => STUDY_CSV_HEADERS.map((h) => row[h] ?? null))
  )
}
