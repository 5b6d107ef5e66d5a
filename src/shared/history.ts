import type { RunConfig } from './config'
import { median } from 'simple-statistics'
import type { RunRecord } from './result'
import { speedupOf } from './analysis/speedupDefinition'
import { speedupVerdicts } from './analysis/speedupVerdicts'
import type { WorkerVerdict } from './analysis/runVerdictCode'
import { contentionOf, type ContentionAnalysis } from './analysis/contention'
import { machineKey } from './analysis/machineKey'

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
  /**
   * The machine (analysis/referenceRun's machineKey; null for a cluster run)
   * and whether its cores were shared during the run: a contended run's
   * reference point is a quiet run of the same job on the same machine.
   * Absent in summaries made before they were kept.
   */
  machine?: string | null
  contention?: ContentionAnalysis['code']
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
    }),
    machine: machineKey(run.system),
    // The cores analyzeRun reads contention against (a cluster run reads none).
    contention: contentionOf(run, run.system.availableParallelism || run.system.logicalCores).code
  }
}

// Kept here too for the modules that take it from the history's side.
export { configKey } from './configKey'
