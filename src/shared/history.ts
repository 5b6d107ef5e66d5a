import type { RunConfig } from './config'
import type { RunRecord } from './result'

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
  points: { workers: number; medianMs: number; speedup: number }[]
}

export interface HistoryListing {
  runs: RunSummary[]
  damaged: DamagedEntry[]
  /** Where the history lives (shown to the user). */
  path: string
}

export function summarize(run: RunRecord): RunSummary {
  return {
    id: run.id,
    startedAt: run.startedAt,
    config: run.config,
    cpuModel: run.system.cpuModel,
    correct: run.correct,
    points: run.results.map((r) => ({
      workers: r.workers,
      medianMs: r.medianMs,
      speedup: r.speedup
    }))
  }
}

/** A short key that groups runs with the same configuration (for the history graph's filter). */
export function configKey(config: RunConfig): string {
  return [
    `${config.range.start}:${config.range.end}`,
    config.workload,
    config.backend,
    config.pool,
    // Runs without a kernel ran js: they group with js runs.
    config.kernel ?? 'js'
  ].join(' · ')
}
