import type { RunConfig } from '../../src/shared/config'
import type { RunRecord, Sample, WorkerCountResult } from '../../src/shared/result'
import type { StudyRecord } from '../../src/shared/study'

/** One worker count's repetitions, as the runner would have measured them. */
export interface SyntheticCount {
  workers: number
  /** Wall times in the order measured. */
  wallMs: number[]
  /** Each repetition's per-worker compute times; default: wall − overhead for every worker. */
  computeMs?: number[][]
  /** Each repetition's spawn time (cold pools). */
  spawnMs?: number[]
  /** Wall beyond the critical path; default 0.5 ms. */
  overheadMs?: number
  mergeMs?: number
  correct?: boolean
}

/** A complete RunRecord built from fixed numbers, stored exactly as the engine does (samples only). */
export function syntheticRun(
  counts: SyntheticCount[],
  config: Partial<RunConfig> = {},
  cores = 2,
  id = 'synthetic-run'
): RunRecord {
  const fullConfig: RunConfig = {
    range: { start: 0, end: 1_000_000 },
    workers: counts.map((c) => c.workers),
    workload: 'split',
    backend: 'process',
    pool: 'warm',
    warmup: 1,
    reps: counts[0].wallMs.length,
    ...config
  }
  const results: WorkerCountResult[] = counts.map((c) => {
    const overhead = c.overheadMs ?? 0.5
    const samples: Sample[] = c.wallMs.map((wallMs, i) => {
      const computeMs =
        c.computeMs?.[i] ?? Array.from({ length: c.workers }, () => wallMs - overhead)
      const spawnMs = c.spawnMs?.[i] ?? null
      return {
        rep: i + 1,
        wallMs,
        spawnMs,
        computeMs,
        mergeMs: c.mergeMs ?? 0.01,
        overheadMs: overhead,
        workers: computeMs.map((ms, w) => ({
          name: `worker ${w + 1}`,
          pid: 1000 + w,
          spawnStart: spawnMs === null ? null : 0,
          readyAt: spawnMs,
          dispatchedAt: spawnMs ?? 0,
          computeStart: (spawnMs ?? 0) + 0.1,
          computeEnd: (spawnMs ?? 0) + 0.1 + ms,
          receivedAt: wallMs,
          computeMs: ms
        }))
      }
    })
    return {
      workers: c.workers,
      sum: '499999500000',
      expectedSum: '499999500000',
      correct: c.correct ?? true,
      samples
    }
  })
  return {
    id,
    startedAt: '2025-02-01T10:00:00.000Z',
    finishedAt: '2025-02-01T10:00:05.000Z',
    status: 'completed',
    config: fullConfig,
    system: {
      cpuModel: 'Test CPU',
      logicalCores: cores,
      availableParallelism: cores,
      totalMemoryBytes: 8 * 2 ** 30,
      os: 'Linux 6.1.0',
      arch: 'x64',
      nodeVersion: '20.20.2'
    },
    results,
    correct: results.every((r) => r.correct)
  }
}

/** The run a synthetic study is made of: 0 … 10^6 split on 1 and 2 warm processes, 3 repetitions. */
export const STUDY_BASE: RunConfig = {
  range: { start: 0, end: 1_000_000 },
  workers: [1, 2],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  warmup: 1,
  reps: 3
}

/** A study record from fixed numbers: a warm sweep where 2 workers win from 10^6 on. */
export function syntheticStudy(): StudyRecord {
  const sizes = [10_000, 100_000, 1_000_000, 10_000_000]
  const t1 = [0.2, 1, 8, 80]
  const t2 = [0.6, 1.4, 4.6, 41]
  const sizeRuns = sizes.map((size, i) => ({
    backend: 'process' as const,
    pool: 'warm' as const,
    size,
    run: syntheticRun(
      [
        { workers: 1, wallMs: [t1[i], t1[i] * 1.01, t1[i] * 0.99], overheadMs: 0 },
        { workers: 2, wallMs: [t2[i], t2[i] * 1.01, t2[i] * 0.99], overheadMs: 0 }
      ],
      { range: { start: 0, end: size } }
    )
  }))
  const backendRun = (backend: 'process' | 'thread', s2: number) => ({
    backend,
    run: syntheticRun(
      [
        { workers: 1, wallMs: [100, 101, 99, 100, 100] },
        { workers: 2, wallMs: [100 / s2, 101 / s2, 99 / s2, 100 / s2, 100 / s2] }
      ],
      { backend }
    ),
    coldStart: syntheticRun([{ workers: 1, wallMs: [41, 42, 40], spawnMs: [40, 41, 39] }], {
      backend,
      pool: 'cold',
      workers: [1],
      range: { start: 0, end: 1000 }
    }),
    memory: {
      backend,
      method: backend === 'thread' ? ('rss-growth' as const) : ('proc-status' as const),
      workers: 4,
      rssBytesPerWorker: backend === 'thread' ? 8 * 2 ** 20 : 48 * 2 ** 20,
      pssBytesPerWorker: backend === 'thread' ? null : 12 * 2 ** 20,
      note: 'fixed'
    }
  })
  return {
    id: 'study-1',
    startedAt: '2025-02-01T10:00:00.000Z',
    finishedAt: '2025-02-01T10:01:00.000Z',
    status: 'completed',
    config: { base: STUDY_BASE, sizes, backends: ['process', 'thread'] },
    system: sizeRuns[0].run.system,
    sweepWorkers: 2,
    sizeRuns,
    backendRuns: [backendRun('process', 1.9), backendRun('thread', 1.95)],
    workloadRuns: [],
    correct: true
  }
}
