/**
 * CPU vs waiting (workloadComparison.ts), pinned by its verdict and numbers
 * (docs/MUTATION.md): 'waiting-scales' only when the counts go past the cores,
 * the sum's best speedup stays within them and a wait at the largest count is
 * significantly above them; the best point is the highest speedup above one
 * worker; the cores are the available parallelism, else the logical cores.
 * Speedups are T1/TN of tight synthetic timings (T1 = 1000 ms), so each is
 * the ratio given to within its small error.
 */
import { describe, expect, it } from 'vitest'
import { compareWorkloads } from '../../../src/shared/analysis/workloadComparison'
import type { RunBackend } from '../../../src/shared/config'
import type { StudyRecord, WorkloadRun } from '../../../src/shared/study'
import { syntheticRun } from '../../helpers/syntheticRun'

function series(
  job: 'sum' | 'wait',
  backend: RunBackend,
  workers: number[],
  speedups: number[],
  spread = 0.001
): WorkloadRun {
  const run = syntheticRun(
    workers.map((w, i) => {
      const t = 1000 / speedups[i]
      const s = i === workers.length - 1 ? spread : 0.001
      return {
        workers: w,
        wallMs: [t, t * (1 + s), t * (1 - s), t * (1 + s / 2), t * (1 - s / 2), t]
      }
    }),
    { backend, ...(job === 'wait' ? { job, wait: { requests: 64, delayMs: 20 } } : {}) }
  )
  return { job, backend, run }
}

function study(
  runs: WorkloadRun[],
  cores = { availableParallelism: 2, logicalCores: 2 }
): StudyRecord {
  return {
    id: 'wl',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    status: 'completed',
    config: { base: runs[0].run.config, compareWorkloads: true },
    system: { ...runs[0].run.system, ...cores },
    sweepWorkers: null,
    sizeRuns: [],
    backendRuns: [],
    workloadRuns: runs,
    correct: true
  } as StudyRecord
}

const W = [1, 2, 4, 8]

describe('compareWorkloads', () => {
  it('is null without workload runs', () => {
    const s = study([series('sum', 'process', W, [1, 1.9, 1.95, 1.9])])
    expect(compareWorkloads({ ...s, workloadRuns: [] })).toBeNull()
  })

  it('waiting scales: the sum stays at the 2 cores, the wait reaches ~7.5 at 8 workers', () => {
    const a = compareWorkloads(
      study([
        series('sum', 'process', W, [1, 1.9, 1.95, 1.8]),
        series('wait', 'thread', W, [1, 2, 3.9, 7.5])
      ])
    )!
    expect(a.code).toBe('waiting-scales')
    expect(a.cores).toBe(2)
    expect(a.workers).toEqual([1, 2, 4, 8])
    expect(a.topWorkers).toBe(8)
    const [sum, wait] = a.series
    expect([sum.job, sum.backend, wait.job, wait.backend]).toEqual([
      'sum',
      'process',
      'wait',
      'thread'
    ])
    // The best of N > 1 is the highest, wherever it sits (here at 4, not the last count).
    expect(sum.best?.workers).toBe(4)
    expect(sum.best?.speedup.speedup).toBeCloseTo(1.95, 2)
    expect(wait.best?.workers).toBe(8)
    expect(sum.points.map((p) => p.workers)).toEqual([1, 2, 4, 8])
  })

  it('is not shown when the sum goes past the cores', () => {
    const a = compareWorkloads(
      study([
        series('sum', 'process', W, [1, 1.9, 3.5, 3.2]),
        series('wait', 'thread', W, [1, 2, 3.9, 7.5])
      ])
    )!
    expect(a.code).toBe('not-shown')
  })

  it('is not shown when no wait is past the cores at the largest count', () => {
    // The wait is above the cores at 4 but not at 8, the count that decides.
    const a = compareWorkloads(
      study([
        series('sum', 'process', W, [1, 1.9, 1.95, 1.8]),
        series('wait', 'thread', W, [1, 2, 3.9, 1.9])
      ])
    )!
    expect(a.code).toBe('not-shown')
    // A sum past the cores at the top does not count as a wait.
    const sumOnly = compareWorkloads(
      study([
        series('sum', 'process', W, [1, 1.9, 1.95, 1.8]),
        series('sum', 'thread', W, [1, 2, 3.9, 7.5])
      ])
    )!
    expect(sumOnly.code).toBe('not-shown')
  })

  it('is not shown when the largest count is within the cores', () => {
    const a = compareWorkloads(
      study(
        [
          series('sum', 'process', W, [1, 1.9, 1.95, 1.8]),
          series('wait', 'thread', W, [1, 2, 3.9, 7.5])
        ],
        { availableParallelism: 8, logicalCores: 8 }
      )
    )!
    expect(a.cores).toBe(8)
    expect(a.code).toBe('not-shown')
  })

  it('is not shown when the wait is above the cores only within its error', () => {
    // 2.1 on 2 cores, its repetitions ±20%: the interval reaches below 2.
    const noisy = series('wait', 'thread', W, [1, 2, 3.9, 2.1], 0.2)
    const s = compareWorkloads(study([series('sum', 'process', W, [1, 1.9, 1.95, 1.8]), noisy]))!
    const top = s.series[1].points.at(-1)!.speedup
    expect(top.speedup - top.speedupError).toBeLessThan(2)
    expect(top.speedup).toBeGreaterThan(2)
    expect(s.code).toBe('not-shown')
  })

  it('is not shown when the largest count equals the cores, even past them', () => {
    const a = compareWorkloads(
      study(
        [
          series('sum', 'process', W, [1, 1.9, 1.95, 1.8]),
          series('wait', 'thread', W, [1, 2, 3.9, 8.6])
        ],
        { availableParallelism: 8, logicalCores: 8 }
      )
    )!
    expect(a.topWorkers).toBe(8)
    expect(a.code).toBe('not-shown')
  })

  it('reads the logical cores when the available parallelism is missing', () => {
    const a = compareWorkloads(
      study(
        [
          series('sum', 'process', W, [1, 1.9, 1.95, 1.8]),
          series('wait', 'thread', W, [1, 2, 3.9, 7.5])
        ],
        { availableParallelism: 0, logicalCores: 3 }
      )
    )!
    expect(a.cores).toBe(3)
    expect(a.code).toBe('waiting-scales')
  })

  it('is not shown without a sum; the counts are the sorted union of every series', () => {
    const a = compareWorkloads(
      study([
        series('wait', 'thread', [1, 8, 2], [1, 7.5, 2]),
        series('wait', 'async', [1, 4], [1, 3.9])
      ])
    )!
    expect(a.workers).toEqual([1, 2, 4, 8])
    expect(a.topWorkers).toBe(8)
    expect(a.code).toBe('not-shown')
    // A series with only its baseline has no best.
    const one = compareWorkloads(study([series('sum', 'process', [1], [1])]))!
    expect(one.series[0].best).toBeNull()
    expect(one.topWorkers).toBe(1)
  })

  it('finds the sum wherever it stands, and a wait without the top count is not past the cores', () => {
    const waitFirst = compareWorkloads(
      study([
        series('wait', 'thread', W, [1, 2, 3.9, 7.5]),
        series('sum', 'process', W, [1, 1.9, 1.95, 1.8])
      ])
    )!
    expect(waitFirst.code).toBe('waiting-scales')
    const short = compareWorkloads(
      study([
        series('sum', 'process', W, [1, 1.9, 1.95, 1.8]),
        series('wait', 'thread', [1, 2, 4], [1, 2, 3.9])
      ])
    )!
    expect(short.topWorkers).toBe(8)
    expect(short.code).toBe('not-shown')
  })

  it('the sum is within the cores when S − e reaches them, though S + e does not', () => {
    // The sum's best, 1.99 at the top count, has a ±20% spread: S + e > 2 ≥ S − e.
    const a = compareWorkloads(
      study([
        series('sum', 'process', W, [1, 1.9, 1.8, 1.99], 0.2),
        series('wait', 'thread', W, [1, 2, 3.9, 7.5])
      ])
    )!
    const best = a.series[0].best!.speedup
    expect(best.speedup + best.speedupError).toBeGreaterThan(2)
    expect(a.code).toBe('waiting-scales')
  })

  it('keeps the first of two equal best speedups', () => {
    const a = compareWorkloads(study([series('sum', 'process', W, [1, 2, 2, 1.5])]))!
    expect(a.series[0].best?.workers).toBe(2)
  })

  it('leaves out a count without a finite speedup (times of 0 ms)', () => {
    const wait = series('wait', 'thread', W, [1, 2, 3.9, 7.5])
    const zero = wait.run.results[3]
    zero.samples = zero.samples.map((x) => ({ ...x, wallMs: 0 }))
    const a = compareWorkloads(study([series('sum', 'process', [1, 2, 4], [1, 1.9, 1.95]), wait]))!
    expect(a.series[1].points.map((p) => p.workers)).toEqual([1, 2, 4])
    expect(a.workers).toEqual([1, 2, 4])
    expect(a.series[1].best?.workers).toBe(4)
  })
})

describe('compareWorkloads at exactly the cores', () => {
  /** Repetitions all equal: every speedup exact (1000/t), every error 0. */
  const exact = (job: 'sum' | 'wait', backend: RunBackend, speedups: number[]): WorkloadRun => {
    const run = syntheticRun(
      W.map((w, i) => ({
        workers: w,
        wallMs: Array.from({ length: 6 }, () => 1000 / speedups[i])
      })),
      { backend, ...(job === 'wait' ? { job, wait: { requests: 64, delayMs: 20 } } : {}) }
    )
    return { job, backend, run }
  }

  it('the sum’s best at exactly the 2 cores (S − e = 2) stays within them', () => {
    const a = compareWorkloads(
      study([exact('sum', 'process', [1, 2, 2, 2]), series('wait', 'thread', W, [1, 2, 3.9, 7.5])])
    )!
    expect(a.series[0].best!.speedup).toMatchObject({ speedup: 2, speedupError: 0 })
    expect(a.code).toBe('waiting-scales')
  })

  it('a wait at exactly the 2 cores at the top count (S − e = 2) is not past them', () => {
    const a = compareWorkloads(
      study([
        series('sum', 'process', W, [1, 1.9, 1.95, 1.8]),
        exact('wait', 'thread', [1, 2, 2, 2])
      ])
    )!
    expect(a.series[1].points[3].speedup).toMatchObject({ speedup: 2, speedupError: 0 })
    expect(a.code).toBe('not-shown')
  })
})
