/**
 * The speedup chart's ideal line: N for every workload, since the speedup is
 * T1/TN for split and the scaled speedup N·T1/TN for replicate and weak.
 */
export function idealLine(maxWorkers: number): { x: number; y: number }[] {
  const n = Math.max(1, maxWorkers)
  return [
    { x: 1, y: 1 },
    { x: n, y: n }
  ]
}

import { DEFAULT_WAIT, type RunConfig } from '@shared/config'

/**
 * The ideal speedup of a run with N workers, as its headline and verdict say
 * it: N, except for the wait, where R requests on N workers take ceil(R/N)
 * rounds of the delay, so R ÷ ceil(R/N) (16 requests on 12 workers: 8, not 12).
 */
export function idealSpeedup(config: RunConfig, workers: number): number {
  return config.job === 'wait'
    ? waitIdealSpeedup((config.wait ?? DEFAULT_WAIT).requests, workers)
    : workers
}

/** The wait's ideal speedup with N workers: R requests in ceil(R/N) rounds of one delay each. */
export function waitIdealSpeedup(requests: number, workers: number): number {
  return requests / Math.ceil(requests / Math.max(1, workers))
}

/**
 * The wait's ideal line, a point at every count 1 … maxWorkers: R ÷ ceil(R/N)
 * (the ideal T1 = R·delay over the ideal TN = ceil(R/N)·delay), which is N
 * where R divides evenly and steps below it where it does not.
 */
export function waitIdealLine(requests: number, maxWorkers: number): { x: number; y: number }[] {
  const n = Math.max(1, maxWorkers)
  return Array.from({ length: n }, (_, i) => ({ x: i + 1, y: waitIdealSpeedup(requests, i + 1) }))
}
