import type { Workload } from '../config'
import type { Estimate } from '../stats/types'

/**
 * The one definition of speedup, per workload (ideal N for both):
 * `split` divides one job, S = T1/TN; `replicate` and `weak` give each worker
 * its own share, so N workers do N times the work and S = N·T1/TN (the scaled
 * speedup; efficiency S/N = T1/TN). Returned as the numerator to divide TN by.
 */
export function speedupNumerator(workload: Workload, t1: Estimate, workers: number): Estimate {
  return workload === 'split' ? t1 : { value: workers * t1.value, error: workers * t1.error }
}

/** S for medians without errors (the history list), by the same definition. */
export function speedupOf(workload: Workload, t1Ms: number, tnMs: number, workers: number): number {
  return tnMs > 0
    ? speedupNumerator(workload, { value: t1Ms, error: 0 }, workers).value / tnMs
    : Number.NaN
}
