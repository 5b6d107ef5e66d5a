/**
 * The measured part of a run that a comparison reads: configuration,
 * machine, and per worker count the wall-time samples and checked sums.
 * A stored RunRecord has this shape (and more); nothing derived (medians,
 * speedups) is read from it, so a record written with or without derived
 * figures compares the same.
 */
export interface MeasuredRun {
  id: string
  startedAt: string
  config: MeasuredConfig
  system?: { cpuModel?: string; availableParallelism?: number }
  results: MeasuredCount[]
}

export interface MeasuredConfig {
  range: { start: number; end: number }
  workers: readonly number[]
  workload: string
  backend?: string
  pool?: string
  /** Further fields (kernel, warmup, reps…) are compared by value where present. */
  [key: string]: unknown
}

export interface MeasuredCount {
  workers: number
  samples: readonly { wallMs: number }[]
  sum: string
  expectedSum: string
  correct: boolean
}
