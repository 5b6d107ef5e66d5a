import type { RunConfig } from './config'
import { median } from 'simple-statistics'
import type { RunRecord } from './result'
import { speedupOf } from './analysis/speedupDefinition'
import { speedupVerdicts } from './analysis/speedupVerdicts'
import { jobOf } from './workloads/jobs'
import type { WorkerVerdict } from './analysis/runVerdictCode'

/** A line of the history file that could not be read. */
export interface DamagedEntry {
  line: number
  reason: string
}

/** What the history list shows without loading every sample. */
export interface RunSummary {
  id: string
  startedAt: string
  config: RunConfig
  cpuModel: string
  correct: boolean
  /** Per worker count: median wall time and speedup. */
  points: SummaryPoint[]
}

export interface SummaryPoint {
  workers: number
  medianMs: number
  speedup: number
  /**
   * The speedup's 95% interval and verdict, as the Results view has them
   * (absent in summaries made before they were kept: nothing is claimed).
   */
  low?: number
  high?: number
  verdict?: WorkerVerdict
}

export interface HistoryListing {
  runs: RunSummary[]
  damaged: DamagedEntry[]
  /** Where the history lives (shown to the user). */
  path: string
}

/**
 * The list's figures: medians, the speedup by the analysis's own definition,
 * and each speedup's interval and verdict (analysis/speedupVerdicts: the
 * median intervals only). Runs once per stored run; the index keeps it.
 */
export function summarize(run: RunRecord): RunSummary {
  const medianOf = (workers: number): number | undefined => {
    const r = run.results.find((x) => x.workers === workers)
    return r && r.samples.length ? median(r.samples.map((s) => s.wallMs)) : undefined
  }
  const t1 = medianOf(1) ?? run.legacyBaselineMs ?? Number.NaN
  const verdicts = new Map(speedupVerdicts(run).map((v) => [v.workers, v]))
  return {
    id: run.id,
    startedAt: run.startedAt,
    config: run.config,
    cpuModel: run.system.cpuModel,
    correct: run.correct,
    points: run.results.map((r) => {
      const medianMs = medianOf(r.workers) ?? Number.NaN
      const v = verdicts.get(r.workers)
      return {
        workers: r.workers,
        medianMs,
        speedup: speedupOf(run.config.workload, t1, medianMs, r.workers),
        ...(v?.interval ? { low: v.interval.lower, high: v.interval.upper } : {}),
        ...(v ? { verdict: v.verdict } : {})
      }
    })
  }
}

/** FNV-1a, 32 bits: a command line of any length in a key of bounded length. */
function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16).padStart(8, '0')
}

/**
 * A short key that groups runs of comparable configurations: the same job
 * (its size, or its requests, or its command), sharing, backend, pool and
 * kernel — the history graph's series and "since the last comparable run".
 * A sum's key has no job part, so keys of runs stored before there were
 * other jobs are unchanged.
 */
export function configKey(config: RunConfig): string {
  const job = jobOf(config)
  return [
    `${config.range.start}:${config.range.end}`,
    config.workload,
    config.backend,
    config.pool,
    // Runs without a kernel ran js: they group with js runs.
    config.kernel ?? 'js',
    ...(job === 'wait' ? [`wait:${config.wait?.requests}x${config.wait?.delayMs}`] : []),
    ...(job === 'command'
      ? [`command:${config.command?.shape}:${shortHash(config.command?.line ?? '')}`]
      : [])
  ].join(' · ')
}
