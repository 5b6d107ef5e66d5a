/**
 * A study's reading (analyzeStudy.ts), figure by figure (docs/MUTATION.md).
 * Size sweeps: T1 and TN are the medians with the half-width of the mean's
 * t interval (three repetitions: t(0.975, 2) = 4.302652729749462 from scipy,
 * times s/√3), T1 charged N times for replicate runs, the winner and whether
 * it wins beyond both errors. Backend comparisons: the headline count is the
 * most workers that fit the cores, the difference is 'apart' only beyond the
 * errors in quadrature, threads 'add throughput' only when S − e > 1. And
 * which warnings and wrong totals reach the study, with their source.
 */
import { describe, expect, it } from 'vitest'
import { analyzeStudy } from '../../../src/shared/analysis/analyzeStudy'
import type { RunBackend } from '../../../src/shared/config'
import type { BackendRun, SizeRun, StudyRecord } from '../../../src/shared/study'
import { STUDY_BASE, syntheticRun, syntheticStudy } from '../../helpers/syntheticRun'

const T = 4.302652729749462
/** The half-width of three values m·(1, 1.01, 0.99): s = 0.01·m. */
const half = (m: number): number => (T * 0.01 * m) / Math.sqrt(3)
const close = (a: number, b: number, rel = 1e-12): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b))
}

function sizeRun(
  size: number,
  t1: number,
  tn: number,
  change: Partial<SizeRun> = {},
  config: object = {}
): SizeRun {
  return {
    backend: 'process',
    pool: 'warm',
    size,
    run: syntheticRun(
      [
        { workers: 1, wallMs: [t1, t1 * 1.01, t1 * 0.99], overheadMs: 0 },
        { workers: 2, wallMs: [tn, tn * 1.01, tn * 0.99], overheadMs: 0 }
      ],
      { range: { start: 0, end: size }, ...config }
    ),
    ...change
  }
}

function study(change: Partial<StudyRecord>): StudyRecord {
  return {
    ...syntheticStudy(),
    backendRuns: [],
    sizeRuns: [],
    ...change
  }
}

describe('size sweeps', () => {
  it('T1, TN with the mean’s t half-width, the winner, and clear beyond both errors', () => {
    const a = analyzeStudy(
      study({
        sizeRuns: [sizeRun(1000, 10, 30), sizeRun(100, 10, 10.2), sizeRun(10_000, 100, 40)]
      })
    )
    expect(a.sizeSweeps).toHaveLength(1)
    const s = a.sizeSweeps[0]
    expect(s).toMatchObject({ backend: 'process', pool: 'warm', workers: 2 })
    expect(s).not.toHaveProperty('kernel')
    expect(s).not.toHaveProperty('job')
    // Sorted by size.
    expect(s.points.map((p) => p.size)).toEqual([100, 1000, 10_000])
    const [near, slow, fast] = s.points
    close(slow.t1.value, 10)
    close(slow.t1.error, half(10))
    close(slow.tn.value, 30)
    close(slow.tn.error, half(30))
    expect([slow.winner, slow.clear]).toEqual(['one', true])
    // 10.2 against 10: one wins, but within the errors.
    expect([near.winner, near.clear]).toEqual(['one', false])
    expect([fast.winner, fast.clear]).toEqual(['many', true])
    expect(fast.networkMs).toBeNull()
    expect(fast.correct).toBe(true)
    expect(s.breakEven.status).toBe('crosses')
  })

  it('many wins, but not clearly, when its time is lower within the errors', () => {
    const s = analyzeStudy(study({ sizeRuns: [sizeRun(100, 10, 9.9), sizeRun(200, 10, 12)] }))
      .sizeSweeps[0]
    expect([s.points[0].winner, s.points[0].clear]).toEqual(['many', false])
  })

  it('charges one worker N times the work for replicate runs', () => {
    const s = analyzeStudy(
      study({ sizeRuns: [sizeRun(100, 10, 15, {}, { workload: 'replicate' })] })
    ).sizeSweeps[0]
    close(s.points[0].t1.value, 20)
    close(s.points[0].t1.error, 2 * half(10))
    close(s.points[0].tn.value, 15)
    expect(s.points[0].winner).toBe('many')
  })

  it('one sweep per backend, pool and kernel, each marked with its kernel and command job', () => {
    const a = analyzeStudy(
      study({
        sizeRuns: [
          sizeRun(100, 10, 30, { kernel: 'wasm' }),
          sizeRun(100, 10, 30, { kernel: 'js' }),
          sizeRun(100, 10, 30, { pool: 'cold' }),
          sizeRun(100, 10, 30, { backend: 'thread' }, { backend: 'thread', job: 'command' })
        ]
      })
    )
    expect(
      a.sizeSweeps.map((s) => [s.backend, s.pool, s.kernel ?? '-', s.job ?? '-'].join('/'))
    ).toEqual([
      'process/warm/wasm/-',
      'process/warm/js/-',
      'process/cold/-/-',
      'thread/warm/-/command'
    ])
    expect(a.verdict.filter((f) => f.code === 'break-even')).toHaveLength(4)
  })

  it('no sweep without a sweep count or without usable times', () => {
    expect(
      analyzeStudy(study({ sizeRuns: [sizeRun(100, 10, 30)], sweepWorkers: null })).sizeSweeps
    ).toEqual([])
    const nothing = sizeRun(100, 10, 30)
    nothing.run.results = nothing.run.results.filter((r) => r.workers === 1)
    expect(analyzeStudy(study({ sizeRuns: [nothing] })).sizeSweeps).toEqual([])
  })

  it('keeps a sweep’s warnings with their source, but not its start-up and oversubscription', () => {
    const noisy = sizeRun(
      100,
      10,
      30,
      { pool: 'cold', kernel: 'wasm' },
      { pool: 'cold', job: 'command' }
    )
    // An outlier in the one-worker times, and a spawn longer than the job.
    noisy.run.results[0].samples = [10, 10.1, 9.9, 10, 10.05, 40].map((wallMs, i) => ({
      ...noisy.run.results[0].samples[0],
      rep: i + 1,
      wallMs,
      spawnMs: 500
    }))
    noisy.run.system = { ...noisy.run.system, logicalCores: 1, availableParallelism: 1 }
    const w = analyzeStudy(study({ sizeRuns: [noisy] })).warnings
    expect(w.map((x) => x.warning.code)).toContain('outliers')
    expect(w.map((x) => x.warning.code)).not.toContain('job-shorter-than-spawn')
    expect(w.map((x) => x.warning.code)).not.toContain('more-workers-than-cores')
    expect(w[0].source).toEqual({
      backend: 'process',
      pool: 'cold',
      size: 100,
      kernel: 'wasm',
      job: 'command'
    })
  })
})

function backendRun(backend: RunBackend, workers: number[], speedups: number[]): BackendRun {
  const base = syntheticStudy().backendRuns[0]
  return {
    ...base,
    backend,
    run: syntheticRun(
      workers.map((n, i) => {
        const t = 100 / speedups[i]
        return { workers: n, wallMs: [t, t * 1.01, t * 0.99, t, t] }
      }),
      { backend }
    )
  }
}

describe('backend comparison', () => {
  const compare = (runs: BackendRun[], cores = 2) =>
    analyzeStudy(
      study({
        backendRuns: runs,
        system: { ...syntheticStudy().system, availableParallelism: cores, logicalCores: cores }
      })
    ).backendComparison!

  it('reads the headline at the most workers within the cores; apart beyond the errors', () => {
    const c = compare([
      backendRun('process', [1, 2, 4], [1, 1.5, 1.4]),
      backendRun('thread', [1, 2, 4], [1, 1.95, 1.9])
    ])
    expect(c.workers).toEqual([1, 2, 4])
    expect(c.headlineWorkers).toBe(2)
    expect(c.headline.map((h) => h.backend)).toEqual(['process', 'thread'])
    close(c.headline[1].speedup.speedup, 1.95, 1e-9)
    expect(c.difference).toEqual({ code: 'apart', leader: 'thread' })
    expect(c.threads).toBe('adds-throughput')
    // The leader is read either way round.
    const reversed = compare([
      backendRun('thread', [1, 2, 4], [1, 1.95, 1.9]),
      backendRun('process', [1, 2, 4], [1, 1.5, 1.4])
    ])
    expect(reversed.difference).toEqual({ code: 'apart', leader: 'thread' })
  })

  it('within the errors when the speedups are equal; no clear gain from threads at S ≈ 1', () => {
    const c = compare([backendRun('process', [1, 2], [1, 1]), backendRun('thread', [1, 2], [1, 1])])
    expect(c.difference?.code).toBe('within-errors')
    expect(c.threads).toBe('no-clear-gain')
  })

  it('the widest count when none above one fits the cores; no headline at one worker', () => {
    const wide = compare(
      [
        backendRun('process', [1, 2, 4], [1, 1.5, 1.4]),
        backendRun('thread', [1, 2, 4], [1, 1.9, 1.8])
      ],
      1
    )
    expect(wide.headlineWorkers).toBe(4)
    const single = compare([backendRun('process', [1], [1]), backendRun('thread', [1], [1])])
    expect(single.headlineWorkers).toBe(1)
    expect(single.headline).toEqual([])
    expect(single.difference).toBeNull()
    expect(single.threads).toBeNull()
  })

  it('threads null without a thread backend; the cores from the logical count when needed', () => {
    const c = analyzeStudy(
      study({
        backendRuns: [backendRun('process', [1, 2, 4], [1, 1.5, 2.5])],
        system: { ...syntheticStudy().system, availableParallelism: 0, logicalCores: 4 }
      })
    ).backendComparison!
    expect(c.headlineWorkers).toBe(4)
    expect(c.threads).toBeNull()
    expect(c.difference).toBeNull()
  })

  it('is a finding when it has a headline or a cold start or memory', () => {
    const found = (runs: BackendRun[]) =>
      analyzeStudy(study({ backendRuns: runs })).verdict.some(
        (f) => f.code === 'backend-comparison'
      )
    expect(found([backendRun('process', [1, 2], [1, 1.5])])).toBe(true)
    const bare = { ...backendRun('process', [1], [1]), memory: null }
    bare.coldStart = { ...bare.coldStart, results: [] }
    expect(found([bare])).toBe(false)
    expect(found([{ ...bare, memory: syntheticStudy().backendRuns[0].memory }])).toBe(true)
    expect(analyzeStudy(study({})).backendComparison).toBeNull()
  })
})

describe('wrong totals', () => {
  it('names every run whose total was wrong, with where it came from', () => {
    const wrongSize = sizeRun(100, 10, 30, {}, { job: 'command' })
    wrongSize.run.correct = false
    const rightSize = sizeRun(200, 10, 30)
    const wrongBackend = backendRun('thread', [1, 2], [1, 1.5])
    wrongBackend.run = { ...wrongBackend.run, correct: false }
    const a = analyzeStudy(
      study({ correct: false, sizeRuns: [wrongSize, rightSize], backendRuns: [wrongBackend] })
    )
    expect(a.verdict[0]).toEqual({
      code: 'wrong-total',
      runs: [{ backend: 'process', pool: 'warm', size: 100, job: 'command' }, { backend: 'thread' }]
    })
    expect(analyzeStudy(study({ sizeRuns: [rightSize] })).verdict.map((f) => f.code)).toEqual([
      'break-even'
    ])
    expect(a.studyId).toBe('study-1')
    expect(STUDY_BASE.workers).toEqual([1, 2])
  })
})
