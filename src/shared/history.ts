import type { RunConfig } from './config'
import { median } from 'simple-statistics'
import type { RunRecord } from './result'
import { speedupOf } from './analysis/speedupDefinition'

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

/**
 * The list's figures, cheaply (no bootstrap: it runs for every stored run):
 * medians and the speedup by the analysis's own definition.
 */
export function summarize(run: RunRecord): RunSummary {
  const medianOf = (workers: number): number | undefined => {
    const r = run.results.find((x) => x.workers === workers)
    return r && r.samples.length ? median(r.samples.map((s) => s.wallMs)) : undefined
  }
  const t1 = medianOf(1) ?? run.legacyBaselineMs ?? Number.NaN
  return {
    id: run.id,
    startedAt: run.startedAt,
    config: run.config,
    cpuModel: run.system.cpuModel,
    correct: run.correct,
    points: run.results.map((r) => {
      const medianMs = medianOf(r.workers) ?? Number.NaN
      return {
        workers: r.workers,
        medianMs,
        speedup: speedupOf(run.config.workload, t1, medianMs, r.workers)
      }
    })
  }
}

/** A short key that groups runs with the same configuration (for the history graph's filter). */
export function configKey(config: RunConfig): string {
  return [
    `${config.range.start}:${config.range.end}`,
    config.workload,
    config.backend,
    config.pool
  ].join(' · ')
}
