/**
 * Gustafson's scaled speedup S = N − f(N − 1) for weak scaling, where the problem
 * grows with the workers and f is the serial fraction of the parallel run's time
 * (not Amdahl's f of the one-worker time).
 */
export function gustafsonSpeedup(serialFraction: number, workers: number): number {
  return workers - serialFraction * (workers - 1)
}
