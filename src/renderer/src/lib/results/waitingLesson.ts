import { DEFAULT_WAIT } from '../../../../shared/config'
import type { RunRecord } from '../../../../shared/result'
import { runView } from './runView'
import { waitIdealSpeedup } from './idealLine'

/**
 * What the explainer's "Threads for waiting" says of the user's own wait run
 * (issue 17), as a rule on the analysis's figures, worded by the catalogs:
 *  - `past-cores`: the widest count is above the cores and its speedup's 95%
 *    interval lies above the core count: waiting scaled past the cores;
 *  - `within-cores`: every count was within the cores: nothing here can show
 *    waiting passing them (run more workers than cores);
 *  - `not-shown`: counts above the cores, but the speedup is not significantly
 *    above the core count (or has no interval): no claim.
 */
export type WaitingLessonCode = 'past-cores' | 'within-cores' | 'not-shown'

export interface WaitingLesson {
  code: WaitingLessonCode
  backend: RunRecord['config']['backend']
  cores: number
  requests: number
  delayMs: number
  /** The widest count and its figures. */
  workers: number
  t1Ms: number | null
  tnMs: number
  speedup: number
  speedupLow: number | null
  speedupHigh: number | null
  /** R ÷ ceil(R/N): the most waiting on N workers can give. */
  idealSpeedup: number
  /** ceil(R/N)·delay and the latency server's median CPU per repetition, ms. */
  idealMs: number | null
  serverCpuMs: number | null
}

/** The lesson of a wait run; null for other workloads or a run with nothing beyond one worker. */
export function waitingLesson(record: RunRecord): WaitingLesson | null {
  if (record.config.job !== 'wait') return null
  const { analysis, rows } = runView(record)
  const top = rows[rows.length - 1]
  if (!top || top.workers < 2) return null
  const cores = analysis.context.logicalCores
  const { requests, delayMs } = record.config.wait ?? DEFAULT_WAIT
  const code: WaitingLessonCode =
    top.workers <= cores
      ? 'within-cores'
      : top.speedupLow !== null && top.speedupLow > cores
        ? 'past-cores'
        : 'not-shown'
  return {
    code,
    backend: record.config.backend,
    cores,
    requests,
    delayMs,
    workers: top.workers,
    t1Ms: rows.find((r) => r.workers === 1)?.medianMs ?? null,
    tnMs: top.medianMs,
    speedup: top.speedup,
    speedupLow: top.speedupLow,
    speedupHigh: top.speedupHigh,
    idealSpeedup: waitIdealSpeedup(requests, top.workers),
    idealMs: top.idealMs,
    serverCpuMs: top.serverCpuMs
  }
}
