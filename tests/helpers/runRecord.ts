import type { RunRecord, Sample, WorkerCountResult } from '../../src/shared/result'

/** A fixed, realistic run record (2 worker counts, 2 reps) for serializer and store tests. */
export function sampleRun(overrides: Partial<RunRecord> = {}, index = 0): RunRecord {
  const sample = (rep: number, workers: number, wallMs: number): Sample => ({
    rep,
    wallMs,
    spawnMs: null,
    computeMs: Array.from({ length: workers }, () => wallMs - 1.5),
    mergeMs: 0.01,
    overheadMs: 1.5,
    workers: Array.from({ length: workers }, (_, i) => ({
      name: `w${i + 1}/${workers}`,
      pid: 4000 + i,
      spawnStart: null,
      readyAt: null,
      dispatchedAt: 0.1,
      computeStart: 0.6,
      computeEnd: wallMs - 0.9,
      receivedAt: wallMs,
      computeMs: wallMs - 1.5
    }))
  })
  const result = (workers: number, medianMs: number): WorkerCountResult => ({
    workers,
    sum: '-1249999975000000',
    expectedSum: '-1249999975000000',
    correct: true,
    samples: [sample(1, workers, medianMs), sample(2, workers, medianMs + 0.5)]
  })
  return {
    id: `run-${String(index).padStart(6, '0')}`,
    startedAt: new Date(Date.UTC(2025, 0, 31, 14, 5, 9) + index * 60_000).toISOString(),
    finishedAt: new Date(Date.UTC(2025, 0, 31, 14, 5, 12) + index * 60_000).toISOString(),
    status: 'completed',
    config: {
      range: { start: -50_000_000, end: 0 },
      workers: [1, 2],
      workload: 'split',
      backend: 'process',
      pool: 'warm',
      warmup: 1,
      reps: 2
    },
    system: {
      cpuModel: 'Intel(R) Xeon(R) CPU @ 2.20GHz',
      logicalCores: 2,
      availableParallelism: 2,
      totalMemoryBytes: 8_335_646_720,
      os: 'Linux 6.1.0',
      arch: 'x64',
      nodeVersion: '20.19.4'
    },
    results: [result(1, 120), result(2, 64.25)],
    correct: true,
    ...overrides
  }
}
