/**
 * The reference point of a contended run: what the same job reached on the
 * same machine when the cores were free. A run that measured the load says
 * little about the machine; a quieter run of the same configuration from the
 * history says what the machine can do ("on this machine this job has
 * reached 1.97×"). Only a significant speedup of a quiet run counts: noise
 * from another run is no better a reference than noise from this one.
 */
import type { ContentionAnalysis } from './contention'
import type { RunConfig } from '../config'
import type { WorkerVerdict } from './runVerdictCode'
import { configKey } from '../configKey'
import type { RunRecord } from '../result'
import { machineKey } from './machineKey'

/**
 * What the search reads of a stored run: history's RunSummary has this shape
 * (declared here so the analysis does not import the history's module).
 */
export interface ReferenceCandidate {
  id: string
  startedAt: string
  config: RunConfig
  machine?: string | null
  contention?: 'contended' | 'quiet' | 'unknown'
  points: readonly {
    workers: number
    speedup: number
    low?: number
    high?: number
    verdict?: WorkerVerdict
  }[]
}

export interface ReferenceRun {
  runId: string
  startedAt: string
  /** The worker count of the quieter run's best significant speedup, and that speedup with its 95% interval. */
  workers: number
  speedup: number
  low: number
  high: number
}

/**
 * The best significant speedup of a quiet run in `history` with the same
 * configuration (configKey) on the same machine (machineKey), when `run` was
 * contended; null otherwise. Ties go to the newest run.
 */
export function referenceRun(
  run: RunRecord,
  contention: ContentionAnalysis,
  history: readonly ReferenceCandidate[]
): ReferenceRun | null {
  if (contention.code !== 'contended') return null
  const machine = machineKey(run.system)
  if (machine === null) return null
  const key = configKey(run.config)
  let best: ReferenceRun | null = null
  for (const s of history) {
    if (s.id === run.id || s.contention !== 'quiet' || s.machine !== machine) continue
    if (configKey(s.config) !== key) continue
    for (const p of s.points) {
      if (p.verdict !== 'faster' || p.low === undefined || p.high === undefined) continue
      if (!Number.isFinite(p.speedup)) continue
      const better =
        best === null ||
        p.speedup > best.speedup ||
        (p.speedup === best.speedup && s.startedAt > best.startedAt)
      if (better)
        best = {
          runId: s.id,
          startedAt: s.startedAt,
          workers: p.workers,
          speedup: p.speedup,
          low: p.low,
          high: p.high
        }
    }
  }
  return best
}
