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
import type { BackendRun, SizeRun, StudyRecord, WorkloadRun } from '../../../src/shared/study'
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

/** Six repetitions whose median (100) has the bootstrap half-width 3 exactly (97…103). */
const SIX = [100, 104, 96, 102, 98, 100]

function exactSizeRun(size: number, t1: number[], tn: number[]): SizeRun {
  return {
    backend: 'process',
    pool: 'warm',
    size,
    run: syntheticRun(
      [
        { workers: 1, wallMs: t1, overheadMs: 0 },
        { workers: 2, wallMs: tn, overheadMs: 0 }
      ],
      { range: { start: 0, end: size } }
    )
  }
}

describe('size sweeps: the edges', () => {
  it('a tie goes to one worker; clear only strictly beyond both errors', () => {
    const point = (tn: number[]) =>
      analyzeStudy(study({ sizeRuns: [exactSizeRun(100, SIX, tn)] })).sizeSweeps[0].points[0]
    // Same times: one wins (not many), and not clearly.
    const tie = point(SIX)
    expect([tie.winner, tie.clear]).toEqual(['one', false])
    expect([tie.t1.value, tie.t1.error, tie.tn.value, tie.tn.error]).toEqual([100, 3, 100, 3])
    // TN 6 ms lower: 94 + 3 = 97 = 100 − 3, touching, so not clear.
    const touchingMany = point(SIX.map((x) => x - 6))
    expect([touchingMany.tn.value, touchingMany.tn.error]).toEqual([94, 3])
    expect([touchingMany.winner, touchingMany.clear]).toEqual(['many', false])
    // TN 6 ms higher: 106 − 3 = 103 = 100 + 3, touching again.
    const touchingOne = point(SIX.map((x) => x + 6))
    expect([touchingOne.winner, touchingOne.clear]).toEqual(['one', false])
    // One ms further apart, clear both ways.
    expect(point(SIX.map((x) => x - 7)).clear).toBe(true)
    expect(point(SIX.map((x) => x + 7)).clear).toBe(true)
  })

  it('one repetition: the time is the value itself, with an error of 0', () => {
    const p = analyzeStudy(study({ sizeRuns: [exactSizeRun(100, [10], [30])] })).sizeSweeps[0]
      .points[0]
    expect([p.t1.value, p.t1.error, p.tn.value, p.tn.error]).toEqual([10, 0, 30, 0])
    expect([p.winner, p.clear]).toEqual(['one', true])
  })

  it('the network time is the sweep count’s, not one worker’s', () => {
    const r = exactSizeRun(100, [10, 10.1, 9.9], [30, 30.3, 29.7])
    r.run.results[0].samples = r.run.results[0].samples.map((s) => ({ ...s, networkMs: 1 }))
    r.run.results[1].samples = r.run.results[1].samples.map((s) => ({ ...s, networkMs: 4 }))
    const p = analyzeStudy(study({ sizeRuns: [r] })).sizeSweeps[0].points[0]
    expect(p.networkMs).toBe(4)
  })

  it('a point with a time of 0 is shown but not used for the break-even', () => {
    const sweeps = (t1: number[], tn: number[]) =>
      analyzeStudy(study({ sizeRuns: [exactSizeRun(100, t1, tn)] })).sizeSweeps
    expect(sweeps([0, 0, 0], [30, 30, 30])).toEqual([])
    expect(sweeps([10, 10, 10], [0, 0, 0])).toEqual([])
    // With a usable point beside it, the sweep keeps both points.
    const a = analyzeStudy(
      study({
        sizeRuns: [exactSizeRun(100, [0, 0, 0], [30, 30, 30]), exactSizeRun(200, SIX, SIX)]
      })
    ).sizeSweeps
    expect(a).toHaveLength(1)
    expect(a[0].points.map((p) => p.size)).toEqual([100, 200])
    expect(a[0].breakEven.status).not.toBe('crosses')
  })

  it('no sweep count: no sweep and none of its runs’ warnings', () => {
    const noisy = exactSizeRun(100, [10, 10.1, 9.9, 10, 10.05, 40], [30, 30.3, 29.7])
    const withCount = analyzeStudy(study({ sizeRuns: [noisy] }))
    expect(withCount.warnings.map((w) => w.warning.code)).toContain('outliers')
    const a = analyzeStudy(study({ sizeRuns: [noisy], sweepWorkers: null }))
    expect(a.sizeSweeps).toEqual([])
    expect(a.warnings).toEqual([])
  })
})

/** A backend run whose repetitions are all equal: every speedup exact, every error 0. */
function exactBackendRun(backend: RunBackend, workers: number[], times: number[]): BackendRun {
  return {
    ...backendRun(backend, [1], [1]),
    run: syntheticRun(
      workers.map((n, i) => ({ workers: n, wallMs: [times[i], times[i], times[i]] })),
      { backend }
    )
  }
}

describe('backend comparison: the edges', () => {
  const compare = (runs: BackendRun[], system: object = {}) =>
    analyzeStudy(study({ backendRuns: runs, system: { ...syntheticStudy().system, ...system } }))
      .backendComparison!

  it('equal speedups with no error are within the errors; the second backend leads a tie', () => {
    const c = compare([
      exactBackendRun('process', [1, 2], [100, 50]),
      exactBackendRun('thread', [1, 2], [100, 50])
    ])
    expect(c.headline.map((h) => [h.backend, h.speedup.speedup, h.speedup.speedupError])).toEqual([
      ['process', 2, 0],
      ['thread', 2, 0]
    ])
    expect(c.difference).toEqual({ code: 'within-errors', leader: 'thread' })
    const swapped = compare([
      exactBackendRun('thread', [1, 2], [100, 50]),
      exactBackendRun('process', [1, 2], [100, 50])
    ])
    expect(swapped.difference).toEqual({ code: 'within-errors', leader: 'process' })
  })

  it('threads at S − e = 1 exactly add no clear throughput', () => {
    const c = compare([exactBackendRun('thread', [1, 2], [100, 100])])
    expect(c.headline[0].speedup).toMatchObject({ speedup: 1, speedupError: 0 })
    expect(c.threads).toBe('no-clear-gain')
  })

  it('the cores are the available parallelism when it is given, not the logical count', () => {
    const c = compare(
      [
        backendRun('process', [1, 2, 4], [1, 1.5, 2.5]),
        backendRun('thread', [1, 2, 4], [1, 1.9, 3])
      ],
      { availableParallelism: 2, logicalCores: 4 }
    )
    expect(c.headlineWorkers).toBe(2)
  })

  it('leaves out of the headline a backend without a finite speedup at the headline count', () => {
    const missing = backendRun('thread', [1, 2], [1, 1.9])
    missing.run.results = missing.run.results.filter((r) => r.workers === 1)
    // Times of 0 ms: no finite speedup (T1/0).
    const zero = exactBackendRun('thread', [1, 2], [100, 0])
    for (const other of [missing, zero]) {
      const c = compare([backendRun('process', [1, 2], [1, 1.5]), other])
      expect(c.headline.map((h) => h.backend)).toEqual(['process'])
      expect(c.difference).toBeNull()
      expect(c.threads).toBeNull()
    }
  })

  it('the cold start is the one-worker row’s spawn median', () => {
    const b = backendRun('process', [1, 2], [1, 1.5])
    b.coldStart = syntheticRun(
      [
        { workers: 2, wallMs: [91, 92, 90], spawnMs: [90, 91, 89] },
        { workers: 1, wallMs: [41, 42, 40], spawnMs: [40, 41, 39] }
      ],
      { pool: 'cold' }
    )
    expect(compare([b]).backends[0].coldStartMs).toBe(40)
  })

  it('keeps each backend run’s warnings with the backend they came from', () => {
    const noisy = backendRun('thread', [1, 2], [1, 1.5])
    noisy.run.results[0].samples = [10, 10.1, 9.9, 10, 10.05, 40].map((wallMs, i) => ({
      ...noisy.run.results[0].samples[0],
      rep: i + 1,
      wallMs
    }))
    const a = analyzeStudy(study({ backendRuns: [backendRun('process', [1, 2], [1, 1.5]), noisy] }))
    const outliers = a.warnings.filter((w) => w.warning.code === 'outliers')
    expect(outliers).toHaveLength(1)
    expect(outliers[0].source).toEqual({ backend: 'thread' })
    expect(a.warnings.every((w) => w.source.backend !== undefined)).toBe(true)
  })

  it('is a finding with a headline alone, or with one backend’s cold start or memory', () => {
    const found = (runs: BackendRun[]) =>
      analyzeStudy(study({ backendRuns: runs })).verdict.some(
        (f) => f.code === 'backend-comparison'
      )
    const bare = (b: BackendRun): BackendRun => ({
      ...b,
      memory: null,
      coldStart: { ...b.coldStart, results: [] }
    })
    expect(found([bare(backendRun('process', [1, 2], [1, 1.5]))])).toBe(true)
    const single = bare(backendRun('process', [1], [1]))
    expect(found([single, { ...single, memory: syntheticStudy().backendRuns[0].memory }])).toBe(
      true
    )
    expect(found([{ ...single, coldStart: syntheticStudy().backendRuns[0].coldStart }])).toBe(true)
    expect(found([single, single])).toBe(false)
  })
})

function workloadRun(job: 'sum' | 'wait', backend: RunBackend, wallMs: number[][]): WorkloadRun {
  return {
    job,
    backend,
    run: syntheticRun(
      wallMs.map((w, i) => ({ workers: 2 ** i, wallMs: w })),
      { backend, ...(job === 'wait' ? { job, wait: { requests: 64, delayMs: 20 } } : {}) }
    )
  }
}

describe('CPU vs waiting in a study', () => {
  const steady = (t: number) => [t, t * 1.001, t * 0.999, t, t * 1.0005, t * 0.9995]

  it('is a finding, and each workload run’s warnings come with its backend and job', () => {
    const wait = workloadRun('wait', 'thread', [
      [1000, 1001, 999, 1000, 1000.5, 4000],
      steady(500),
      steady(250)
    ])
    const a = analyzeStudy(
      study({
        workloadRuns: [
          workloadRun('sum', 'process', [steady(1000), steady(520), steady(510)]),
          wait
        ]
      })
    )
    const finding = a.verdict.find((f) => f.code === 'workload-comparison')
    expect(finding).toEqual({ code: 'workload-comparison', comparison: a.workloadComparison })
    expect(a.workloadComparison!.series.map((s) => s.job)).toEqual(['sum', 'wait'])
    const outliers = a.warnings.filter((w) => w.warning.code === 'outliers')
    expect(outliers.map((w) => w.source)).toEqual([{ backend: 'thread', job: 'wait' }])
    expect(a.warnings.every((w) => w !== undefined && w.source.backend !== undefined)).toBe(true)
  })

  it('names a wrong workload run, and only the wrong ones of every kind', () => {
    const wrongWait = workloadRun('wait', 'thread', [steady(1000), steady(500)])
    wrongWait.run = { ...wrongWait.run, correct: false }
    const wrongSize = sizeRun(300, 10, 30)
    wrongSize.run.correct = false
    const a = analyzeStudy(
      study({
        correct: false,
        sizeRuns: [wrongSize, sizeRun(200, 10, 30)],
        backendRuns: [backendRun('process', [1, 2], [1, 1.5])],
        workloadRuns: [workloadRun('sum', 'process', [steady(1000), steady(520)]), wrongWait]
      })
    )
    expect(a.verdict[0]).toEqual({
      code: 'wrong-total',
      runs: [
        { backend: 'process', pool: 'warm', size: 300 },
        { backend: 'thread', job: 'wait' }
      ]
    })
  })
})
