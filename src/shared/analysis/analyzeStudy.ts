import type {
  BackendComparisonAnalysis,
  BackendSummary,
  RunAnalysis,
  SizePointAnalysis,
  SizeSweepAnalysis,
  StudyAnalysis,
  StudyWarning
} from './types'
import type { RunBackend, PoolMode } from '../config'
import type { SizeRun, StudyRecord, WorkerMemory } from '../study'
import { analyzeRun, ANALYSIS_METHOD } from './analyzeRun'
import { findBreakEven, type BreakEven } from '../stats/findBreakEven'
import { formatMs, formatValue } from '../stats/formatNumber'
import { speedupWithError } from './speedupWithError'
import type { Estimate } from '../stats/types'

/** A count with digit groups: 316,228. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

/** An interpolated size, to two significant figures: 180,000. */
export function formatSize(n: number): string {
  return formatCount(Number(n.toPrecision(2)))
}

/** Bytes as MiB with three significant figures. */
export function formatMiB(bytes: number): string {
  return `${formatValue(bytes / 2 ** 20)} MiB`
}

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
    correct: sizeRun.run.correct
  }
}

function breakEvenSentence(
  backend: RunBackend,
  pool: PoolMode,
  n: number,
  b: BreakEven,
  points: SizePointAnalysis[]
): string {
  const who = `${backend}, ${pool} pool: ${n} workers`
  const uncertain = points.filter((p) => !p.clear).length
  const unclear =
    uncertain === 0
      ? ''
      : ` (at ${uncertain} of ${points.length} sizes the difference is within the errors)`
  const sizes = points.map((p) => p.size)
  const smallest = formatCount(sizes[0])
  const largest = formatCount(sizes[sizes.length - 1])
  const bounds = (): string => {
    const lower = b.interval.lower === null ? `below ${smallest}` : formatSize(b.interval.lower)
    const upper = b.interval.upper === null ? `above ${largest}` : formatSize(b.interval.upper)
    return lower === upper ? '' : `; within the errors ${lower} … ${upper}`
  }
  switch (b.status) {
    case 'crosses':
      return (
        `${who} first beat 1 at about ${formatSize(b.size ?? Number.NaN)} elements ` +
        `(between ${formatCount(b.bracket!.below)} and ${formatCount(b.bracket!.above)}${bounds()}).`
      )
    case 'mixed': {
      const changes = `the winner changes ${b.changes} time${b.changes === 1 ? '' : 's'} along the sizes`
      return b.size === null
        ? `${who} win at some sizes and lose at larger ones: ${changes} and never from 1 to N, ` +
            `so no break-even can be placed (the timings are noisy: add repetitions).`
        : `${who} first beat 1 at about ${formatSize(b.size)} elements, but ${changes} ` +
            `(noise, or a cache effect)${bounds()}.`
    }
    case 'always':
      return `${who} beat 1 at every size measured, from ${smallest} elements: the break-even lies below it${unclear}.`
    case 'never':
      return `${who} never beat 1 up to ${largest} elements: the break-even lies above it${unclear}.`
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
    const key = `${r.backend}/${r.pool}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  for (const runs of groups.values()) {
    const { backend, pool } = runs[0]
    const points: SizePointAnalysis[] = []
    for (const r of [...runs].sort((a, b) => a.size - b.size)) {
      const analysis = analyzeRun(r.run)
      // A sweep is about start-up against job size and runs N on purpose: those two are its subject.
      for (const warning of analysis.warnings) {
        if (warning.code === 'job-shorter-than-spawn' || warning.code === 'more-workers-than-cores')
          continue
        warnings.push({
          where: `${backend} · ${pool} · ${formatCount(r.size)} elements`,
          source: { backend, pool, size: r.size },
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
      workers: n,
      points,
      breakEven,
      summary: breakEvenSentence(backend, pool, n, breakEven, usable)
    })
  }
  return { sweeps, warnings }
}

function memoryText(m: WorkerMemory): string {
  if (m.method === 'rss-growth') return `${formatMiB(m.rssBytesPerWorker)} (engine RSS growth)`
  return (
    `${formatMiB(m.rssBytesPerWorker)} RSS` +
    (m.pssBytesPerWorker === null ? '' : ` (PSS ${formatMiB(m.pssBytesPerWorker)})`)
  )
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
    b.analysis.warnings.map((warning) => ({
      where: b.backend,
      source: { backend: b.backend },
      warning
    }))
  )
  const workers = study.backendRuns[0].run.config.workers
  const cores = study.system.availableParallelism || study.system.logicalCores
  const fitting = workers.filter((w) => w > 1 && w <= cores)
  const headlineWorkers = fitting.length ? Math.max(...fitting) : Math.max(...workers)

  const at = backends.map((b) => ({
    backend: b.backend,
    s: b.analysis.workers.find((w) => w.workers === headlineWorkers)?.speedup ?? null
  }))
  const parts: string[] = []
  const shown = at.filter((x) => x.s !== null && Number.isFinite(x.s.speedup))
  if (shown.length > 0 && headlineWorkers > 1) {
    const list = shown
      .map(
        (x) => `${x.backend} ${formatValue(x.s!.speedup)} ± ${formatValue(x.s!.speedupError, 2)}×`
      )
      .join(', ')
    let compare = ''
    if (shown.length === 2) {
      const [a, b] = shown.map((x) => x.s!)
      const apart = Math.abs(a.speedup - b.speedup) > Math.hypot(a.speedupError, b.speedupError)
      const faster = a.speedup > b.speedup ? shown[0].backend : shown[1].backend
      compare = apart
        ? ` (${faster}s ahead beyond the errors)`
        : ' (the difference is within the errors)'
    }
    parts.push(`At ${headlineWorkers} workers the speedup was ${list}${compare}.`)
    const thread = shown.find((x) => x.backend === 'thread')?.s
    if (thread) {
      parts.push(
        thread.speedup - thread.speedupError > 1
          ? `Unlike CPython's threads under the GIL, JavaScript worker threads each run their ` +
              `own V8 isolate with no global lock, so they add CPU throughput as processes do.`
          : `Threads did not clearly add throughput here (${formatValue(thread.speedup)} ± ` +
              `${formatValue(thread.speedupError, 2)}×); JavaScript threads have no GIL, so ` +
              `the job was too small or the machine too busy.`
      )
    }
  }
  const starts = backends.filter((b) => b.coldStartMs !== null)
  if (starts.length > 0) {
    parts.push(
      `Cold start of one worker: ${starts.map((b) => `${b.backend} ${formatMs(b.coldStartMs!)}`).join(', ')}.`
    )
  }
  const mems = backends.filter((b) => b.memory !== null)
  if (mems.length > 0) {
    parts.push(
      `Memory per worker: ${mems.map((b) => `${b.backend} ${memoryText(b.memory!)}`).join(', ')}.`
    )
  }
  return {
    comparison: { backends, workers, headlineWorkers, summary: parts.join(' ') },
    warnings
  }
}

/**
 * What a study means, from its record alone (pure; the bootstraps are
 * seeded): for each size sweep the 1-vs-N times with their intervals, the
 * winner at each size and the break-even size with its error bounds; for a
 * backend comparison each backend's full run analysis, cold start and memory
 * per worker, read side by side; every warning with the run it came from; and
 * the verdict, a sentence per finding.
 */
export function analyzeStudy(study: StudyRecord): StudyAnalysis {
  const sizes = sizeSweeps(study)
  const backends = backendComparison(study)
  const verdict: string[] = []
  if (!study.correct) {
    const wrong = [
      ...study.sizeRuns
        .filter((r) => !r.run.correct)
        .map((r) => `${r.backend} · ${r.pool} · ${formatCount(r.size)}`),
      ...study.backendRuns.filter((b) => !b.run.correct).map((b) => b.backend)
    ]
    verdict.push(`✗ A total did not match its closed form (${wrong.join('; ') || 'a probe'}).`)
  }
  verdict.push(...sizes.sweeps.map((s) => s.summary))
  if (backends.comparison?.summary) verdict.push(backends.comparison.summary)
  return {
    studyId: study.id,
    method: ANALYSIS_METHOD,
    sizeSweeps: sizes.sweeps,
    backendComparison: backends.comparison,
    warnings: [...sizes.warnings, ...backends.warnings],
    verdict
  }
}
