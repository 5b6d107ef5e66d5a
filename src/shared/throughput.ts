/**
 * How fast the kernel ran inside each worker: nanoseconds per element and
 * elements per second per worker, from what the workers measured. The
 * median over every worker of every repetition, so one slow start does not
 * move it. Records from before workers reported ns/element fall back to
 * each worker's range length over its compute time.
 */
import type { RunConfig } from './config'
import { splitRange } from './range'
import type { WorkerCountResult } from './result'

/** The length of the range each of `workers` workers sums under `config`. */
function elementsPerWorker(config: RunConfig, workers: number): number[] {
  const length = config.range.end - config.range.start
  return config.workload === 'split'
    ? splitRange(config.range, workers).map((r) => r.end - r.start)
    : Array.from({ length: workers }, () => length)
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** Median compute nanoseconds per element over every worker and repetition; null when unknown. */
export function medianNsPerElement(config: RunConfig, result: WorkerCountResult): number | null {
  // The wait adds no elements, nor does a command: neither has a per-element speed.
  if (config.job === 'wait' || config.job === 'command') return null
  const lengths = elementsPerWorker(config, result.workers)
  const values: number[] = []
  for (const sample of result.samples) {
    sample.workers.forEach((w, i) => {
      const reported = w.nsPerElement
      if (typeof reported === 'number' && Number.isFinite(reported) && reported > 0)
        values.push(reported)
      else if (reported === undefined && lengths[i] > 0 && w.computeMs > 0)
        values.push((w.computeMs * 1e6) / lengths[i])
    })
  }
  return median(values)
}

/** Elements per second per worker (the median worker's throughput); null when unknown. */
export function workerThroughput(config: RunConfig, result: WorkerCountResult): number | null {
  const ns = medianNsPerElement(config, result)
  return ns === null ? null : 1e9 / ns
}

/** The unit a worker's own pace is read in: the sum's ns per element, a command copy's ms. */
export type PaceUnit = 'ns-per-element' | 'ms-per-copy'

export interface WorkerPace {
  unit: PaceUnit
  /** The median worker's time per unit of its work (lower is faster). */
  value: number
}

/**
 * Each worker's own pace at one worker count, in its workload's unit: the sum's
 * ns per element; for N copies of a command, each copy's wall time (a copy is
 * one worker's whole job, the same at every N). Null where a worker has no pace
 * of its own: the wait (it waits), one command process told to use N (one
 * process at every N), and counts without measurements.
 */
export function workerPaceOf(config: RunConfig, result: WorkerCountResult): WorkerPace | null {
  if (config.job === 'command') {
    if (config.command?.shape !== 'copies') return null
    const copies = result.samples.flatMap((s) =>
      s.workers.map((w) => w.computeMs).filter((ms) => Number.isFinite(ms) && ms > 0)
    )
    const ms = median(copies)
    return ms === null ? null : { unit: 'ms-per-copy', value: ms }
  }
  const ns = medianNsPerElement(config, result)
  return ns === null ? null : { unit: 'ns-per-element', value: ns }
}
