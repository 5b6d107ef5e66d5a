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
