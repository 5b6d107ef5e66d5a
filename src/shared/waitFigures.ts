/**
 * The wait workload's own figures, from what was measured: the ideal time
 * (each of N workers sends its ceil(R/N) requests one after another, each
 * answered after the delay), the time beyond it per request, and the latency
 * server's CPU time per repetition. Null for every other workload.
 */
import { DEFAULT_WAIT, type RunConfig } from './config'
import type { WorkerCountResult } from './result'

const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** ceil(R/N)·delay: no run of the wait on N workers can be faster (ms); null for other workloads. */
export function idealWaitMs(config: RunConfig, workers: number): number | null {
  if (config.job !== 'wait') return null
  const { requests, delayMs } = config.wait ?? DEFAULT_WAIT
  return Math.ceil(requests / workers) * delayMs
}

/**
 * What a request cost on top of the delay (ms), from the median wall time:
 * (T_N − ideal) ÷ ceil(R/N), the requests one worker sent one after another.
 */
export function waitOverheadPerRequestMs(
  config: RunConfig,
  workers: number,
  medianMs: number
): number | null {
  const ideal = idealWaitMs(config, workers)
  if (ideal === null) return null
  const { requests } = config.wait ?? DEFAULT_WAIT
  return (medianMs - ideal) / Math.ceil(requests / workers)
}

/** The latency server's median CPU time per repetition (ms); null when it was not recorded. */
export function medianServerCpuMs(result: WorkerCountResult): number | null {
  return median(
    result.samples.flatMap((s) =>
      typeof s.serverCpuMs === 'number' && Number.isFinite(s.serverCpuMs) ? [s.serverCpuMs] : []
    )
  )
}
