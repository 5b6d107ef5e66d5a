/** Size-sweep runs of a network-cost study (1 and 2 workers, three samples each), for tests. */
import type { StudyRecord } from '../../src/shared/study'
import { STUDY_BASE, syntheticRun } from './syntheticRun'

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

/**
 * A network-cost study: processes and the cluster over four sizes, where 2
 * local workers first win between 10^4 and 10^5 and 2 remote ones, paying
 * 0.5 ms of network each, between 10^6 and 10^7.
 */
export function networkCostStudy(): StudyRecord {
  const sizes = [10_000, 100_000, 1_000_000, 10_000_000]
  const local = sweepRuns('process', [0.2, 1, 8, 80], [0.6, 0.7, 4.6, 41], sizes)
  const remote = sweepRuns('cluster', [0.3, 1.1, 8.1, 80], [1.6, 1.8, 9, 42], sizes, 0.5)
  return {
    id: 'study-net',
    startedAt: '2025-02-01T10:00:00.000Z',
    finishedAt: '2025-02-01T10:01:00.000Z',
    status: 'completed',
    config: {
      base: { ...STUDY_BASE, cluster: { server: 'nats://127.0.0.1:4222' } },
      sizes,
      backends: ['process', 'cluster']
    },
    system: local[0].run.system,
    sweepWorkers: 2,
    sizeRuns: [...local, ...remote],
    backendRuns: [],
    workloadRuns: [],
    correct: true
  }
}
