/** Size-sweep runs of a network-cost study (1 and 2 workers, three samples each), for tests. */
import type { StudyRecord } from '../../src/shared/study'
import { syntheticRun } from './syntheticRun'

export function sweepRuns(
  backend: 'process' | 'cluster',
  t1: number[],
  t2: number[],
  sizes: number[],
  networkMs?: number
): StudyRecord['sizeRuns'] {
  return sizes.map((size, i) => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: [t1[i], t1[i] * 1.01, t1[i] * 0.99], overheadMs: 0 },
        { workers: 2, wallMs: [t2[i], t2[i] * 1.01, t2[i] * 0.99], overheadMs: 0 }
      ],
      { range: { start: 0, end: size }, backend }
    )
    if (networkMs !== undefined)
      for (const r of run.results) for (const s of r.samples) s.networkMs = networkMs
    return { backend, pool: 'warm' as const, size, run }
  })
}
