/**
 * analyzeRun's own rules, one mutant at a time (docs/MUTATION.md): which time
 * estimate a speedup divides by, when a speedup has an interval, when a job is
 * too small to time, which counts are evidence for Karp–Flatt and the fits and
 * why the others are left out, which cores and spawn time the context shows,
 * and the order of the warnings. Each expected figure is worked from the
 * definitions in the source's comments, not read back from the code.
 */
import { describe, expect, it } from 'vitest'
import { analyzeRun, isPoorFit, MIN_FIT_R_SQUARED } from '../../../src/shared/analysis/analyzeRun'
import { describeTimings } from '../../../src/shared/analysis/describeTimings'
import type { RunRecord } from '../../../src/shared/result'
import { syntheticRun } from '../../helpers/syntheticRun'

const SIX_ONE = [100, 102, 98, 101, 99, 100]
const SIX_TWO = [51, 50, 52, 49, 50, 50]

describe('analyzeRun: which time a speedup divides by', () => {
  it('with one repetition: the median itself, and no interval (error NaN), for T1 and TN', () => {
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: [100] },
          { workers: 2, wallMs: [40] }
        ],
        {},
        4
      )
    )
    const [one, two] = a.workers
    expect(one.speedupInterval).toBeNull()
    expect(one.speedup.speedup).toBe(1)
    // The reference row is measured against itself: no error, not an unknown one.
    expect(one.speedup.speedupError).toBe(0)
    expect(two.speedup.speedup).toBe(2.5)
    expect(two.speedupInterval).toBeNull()
    expect(two.speedup.speedupError).toBeNaN()
    expect(two.speedup.efficiencyError).toBeNaN()
    expect(two.verdict).toBe('no-difference')
    // T1 was measured here, not recovered from a migrated record.
    expect(a.baselineMeasured).toBe(true)
  })

  it('T1 of one repetition gives TN no interval either, though TN has one', () => {
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: [100] },
          { workers: 2, wallMs: SIX_TWO }
        ],
        {},
        4
      )
    )
    expect(a.workers[1].speedupInterval).toBeNull()
    expect(a.workers[1].speedup.speedup).toBe(100 / 50)
  })

  it('TN of one repetition gives no interval either, though T1 has one', () => {
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: SIX_ONE },
          { workers: 2, wallMs: [50] }
        ],
        {},
        4
      )
    )
    expect(a.workers[1].speedup.speedup).toBe(2)
    expect(a.workers[1].speedupInterval).toBeNull()
    expect(a.workers[1].speedup.speedupError).toBeNaN()
  })

  it('two to five repetitions: the Student-t half-width of the mean stands in', () => {
    const t1 = [100, 104, 96]
    const t2 = [50, 52, 48]
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: t1 },
          { workers: 2, wallMs: t2 }
        ],
        {},
        4
      )
    )
    const e1 = describeTimings(t1).meanInterval!.halfWidth
    const e2 = describeTimings(t2).meanInterval!.halfWidth
    // S = 100/50 = 2, e = S·√((e1/100)² + (e2/50)²); interval S·e^(∓e/S)
    const e = 2 * Math.hypot(e1 / 100, e2 / 50)
    expect(a.workers[1].speedup.speedupError).toBeCloseTo(e, 12)
    expect(a.workers[1].speedupInterval!.lower).toBeCloseTo(2 * Math.exp(-e / 2), 12)
    expect(a.workers[0].speedupInterval).toBeNull()
  })

  it('weak scaling divides N·T1 by TN and keeps the error of an estimated TN', () => {
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: SIX_ONE },
          { workers: 2, wallMs: [100, 101, 99, 100, 102, 98] },
          { workers: 3, wallMs: [120] }
        ],
        { workload: 'replicate' },
        4
      )
    )
    expect(a.speedupDefinition).toBe('N·T1/TN')
    expect(a.scaling).toBe('weak')
    expect(a.models).toMatchObject({ code: 'weak-scaling', workers: [], excluded: [] })
    const two = a.workers[1].scaled!
    expect(two.scaledSpeedup).toBe((2 * 100) / 100)
    expect(Number.isFinite(two.scaledSpeedupError)).toBe(true)
    // One repetition: the median itself, its error unknown.
    const three = a.workers[2].scaled!
    expect(three.scaledSpeedup).toBe((3 * 100) / 120)
    expect(three.scaledSpeedupError).toBeNaN()
    expect(a.gustafson!.points.map((p) => p.workers)).toEqual([2, 3])
  })
})

describe('analyzeRun: Gustafson only for weak scaling', () => {
  const counts = [
    { workers: 1, wallMs: SIX_ONE },
    { workers: 2, wallMs: [100, 101, 99, 100, 102, 98] }
  ]
  it('a split run has no Gustafson reading', () => {
    expect(analyzeRun(syntheticRun(counts, {}, 4)).gustafson).toBeNull()
  })

  it('a replicated command says it ran copies; the sum does not', () => {
    const sum = analyzeRun(syntheticRun(counts, { workload: 'replicate' }, 4)).gustafson!
    expect(sum).toEqual({ workload: 'replicate', points: sum.points })
    expect('copies' in sum).toBe(false)
    const command = analyzeRun(
      syntheticRun(counts, { workload: 'replicate', job: 'command' }, 4)
    ).gustafson!
    expect(command.copies).toBe(true)
    expect(command.points.map((p) => p.workers)).toEqual([2])
  })
})

describe('analyzeRun: too small to time', () => {
  const tiny = (computeMs: number, wallMs: number): RunRecord =>
    syntheticRun(
      [
        { workers: 1, wallMs: SIX_ONE },
        {
          workers: 2,
          wallMs: [wallMs, wallMs, wallMs],
          computeMs: [
            [computeMs, computeMs / 2],
            [computeMs, computeMs / 2],
            [computeMs, computeMs / 2]
          ]
        }
      ],
      {},
      4
    )

  it('under ten timer ticks (0.01 ms): too small, with the compute and overhead medians', () => {
    const row = analyzeRun(tiny(0.005, 0.006)).workers[1]
    expect(row.tooSmall).not.toBeNull()
    expect(row.tooSmall!.computeMs).toBe(0.005)
    expect(row.tooSmall!.overheadMs).toBeCloseTo(0.001, 15)
    expect(row.tooSmall!.timerResolutionMs).toBe(0.001)
    expect(row.verdict).toBe('too-small')
  })

  it('exactly ten ticks, overhead below it: measurable', () => {
    expect(analyzeRun(tiny(0.01, 0.015)).workers[1].tooSmall).toBeNull()
  })

  it('compute below the overhead: too small; equal to it: measurable', () => {
    const below = analyzeRun(tiny(5, 11)).workers[1]
    expect(below.tooSmall).toMatchObject({ computeMs: 5, overheadMs: 6 })
    expect(below.verdict).toBe('too-small')
    expect(analyzeRun(tiny(5, 10)).workers[1].tooSmall).toBeNull()
  })

  it('the breakdown dispatch is the overhead beyond the slowest worker', () => {
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: SIX_ONE },
          {
            workers: 2,
            wallMs: SIX_TWO,
            computeMs: SIX_TWO.map((w) => [w - 1, (w - 1) / 2]),
            overheadMs: 1
          }
        ],
        {},
        4
      )
    )
    expect(a.workers[1].overhead.dispatchMs).toBe(1)
  })
})

describe('analyzeRun: evidence for Karp–Flatt and the fits', () => {
  it('a superlinear speedup (S > N) is left out of Karp–Flatt as out of range', () => {
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: SIX_ONE },
          { workers: 2, wallMs: [40, 41, 39, 40, 40, 41] }
        ],
        {},
        4
      )
    )
    expect(a.workers[1].verdict).toBe('faster')
    expect(a.karpFlatt!.left).toEqual([{ workers: 2, reason: 'out-of-range' }])
    expect(a.workers[1].karpFlatt).toBeNull()
  })

  it('fitOversubscribed reads Karp–Flatt and fits above the cores too', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: SIX_ONE },
        { workers: 2, wallMs: SIX_TWO },
        { workers: 4, wallMs: [30, 31, 29, 30, 30, 31] }
      ],
      {},
      2
    )
    const within = analyzeRun(run)
    expect(within.models.excluded).toEqual([4])
    expect(within.karpFlatt!.left).toEqual([{ workers: 4, reason: 'oversubscribed' }])
    const all = analyzeRun(run, { fitOversubscribed: true })
    expect(all.models.excluded).toEqual([])
    expect(all.models.workers).toEqual([2, 4])
    expect(all.karpFlatt!.left).toEqual([])
    expect(all.karpFlatt!.points.map((p) => p.workers)).toEqual([2, 4])
  })

  it('speedups within the noise: not significant, naming the counts', () => {
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: SIX_ONE },
          { workers: 2, wallMs: [60, 100, 50, 110, 45, 105] },
          { workers: 3, wallMs: SIX_TWO }
        ],
        {},
        4
      )
    )
    expect(a.models).toMatchObject({ code: 'not-significant', workers: [2] })
    expect(a.workers[1].verdict).toBe('no-difference')
    expect(a.workers[2].verdict).toBe('faster')
  })

  it('a speedup of exactly 1 within the noise is no slowdown; below 1 it is, even within the noise', () => {
    const same = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: SIX_ONE },
          { workers: 2, wallMs: SIX_ONE },
          { workers: 3, wallMs: SIX_TWO }
        ],
        {},
        4
      )
    )
    expect(same.workers[1].speedup.speedup).toBe(1)
    expect(same.models).toMatchObject({ code: 'not-significant', workers: [2] })
    const slower = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: [100, 130, 70, 110, 90, 100] },
          { workers: 2, wallMs: [105, 135, 75, 115, 95, 105] },
          { workers: 3, wallMs: SIX_TWO }
        ],
        {},
        4
      )
    )
    expect(slower.workers[1].verdict).toBe('no-difference')
    expect(slower.models).toMatchObject({ code: 'slower-than-one', workers: [2] })
  })

  it('reports the R² of the model it chose: the USL’s when the USL fits better', () => {
    // USL σ = 0.05, κ = 0.02 from T1 = 100 ms: a peak Amdahl cannot follow.
    const usl = (n: number): number => n / (1 + 0.05 * (n - 1) + 0.02 * n * (n - 1))
    const times = (n: number): number[] =>
      [1, 1.002, 0.998, 1.001, 0.999, 1].map((k) => (100 / usl(n)) * k)
    const a = analyzeRun(
      syntheticRun(
        [1, 2, 4, 6, 8, 12].map((n) => ({ workers: n, wallMs: times(n) })),
        {},
        16
      )
    )
    expect(a.models.code).toBe('fitted')
    expect(a.models.workers).toEqual([2, 4, 6, 8, 12])
    const c = a.models.comparison!
    expect(c.best).toBe('usl')
    expect(a.models.rSquared).toBe(c.usl!.rSquared)
    expect(c.usl!.rSquared).not.toBe(c.amdahl!.rSquared)
  })
})

describe('analyzeRun: the context', () => {
  it('takes the cores the process may use (availableParallelism) over the machine’s', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: SIX_ONE },
        { workers: 4, wallMs: SIX_TWO }
      ],
      {},
      8
    )
    run.system.availableParallelism = 2
    const a = analyzeRun(run)
    expect(a.context.logicalCores).toBe(2)
    expect(a.workers[1].oversubscribed).toBe(true)
    run.system.availableParallelism = 0
    expect(analyzeRun(run).context.logicalCores).toBe(8)
  })

  it('waiting workers are never oversubscribed', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: SIX_ONE },
        { workers: 8, wallMs: SIX_TWO }
      ],
      { job: 'wait', wait: { requests: 16, delayMs: 10 } },
      2
    )
    const a = analyzeRun(run)
    expect(a.workers[1].oversubscribed).toBe(false)
    expect(a.warnings.filter((w) => w.code === 'more-workers-than-cores')).toEqual([])
  })

  it('a warm pool has no spawn time, even if a repetition recorded one', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: [30, 31, 29], spawnMs: [300, 300, 300] },
        { workers: 2, wallMs: [16, 15, 17], spawnMs: [600, 600, 600] }
      ],
      { pool: 'warm' },
      4
    )
    const a = analyzeRun(run)
    expect(a.context.spawnMs).toBeNull()
    expect(a.warnings.filter((w) => w.code === 'job-shorter-than-spawn')).toEqual([])
  })

  it('lists the warnings by worker count, whatever order the counts ran in', () => {
    const run = syntheticRun(
      [
        { workers: 4, wallMs: [30, 31, 29, 30, 120, 30, 31] },
        { workers: 1, wallMs: [100, 101, 99, 100, 100, 101, 99] },
        { workers: 3, wallMs: [40, 41, 39, 40, 160, 40, 41] }
      ],
      {},
      8
    )
    const outliers = analyzeRun(run).warnings.filter((w) => w.code === 'outliers')
    expect(outliers.map((w) => w.workers)).toEqual([3, 4])
  })
})

describe('isPoorFit at R² = 0.9', () => {
  it('reports a fit that explains exactly 90 % of the spread, and not one below', () => {
    expect(MIN_FIT_R_SQUARED).toBe(0.9)
    expect(isPoorFit(0.9)).toBe(false)
    expect(isPoorFit(0.8999999999999999)).toBe(true)
    expect(isPoorFit(1)).toBe(false)
    expect(isPoorFit(-3)).toBe(true)
    // No spread in the speedups: no R², nothing against the fit.
    expect(isPoorFit(null)).toBe(false)
  })
})

describe('analyzeRun: the scaling and speedup definition it states', () => {
  it('T1/TN for a split (strong) run, N·T1/TN for replicated (weak) work', () => {
    const counts = [
      { workers: 1, wallMs: [100, 101, 99, 100, 102, 98] },
      { workers: 2, wallMs: [100, 101, 99, 100, 102, 98] }
    ]
    expect(analyzeRun(syntheticRun(counts, {}, 4)).scaling).toBe('strong')
    expect(analyzeRun(syntheticRun(counts, { workload: 'replicate' }, 4)).scaling).toBe('weak')
    expect(analyzeRun(syntheticRun(counts, {}, 4)).speedupDefinition).toBe('T1/TN')
    expect(analyzeRun(syntheticRun(counts, { workload: 'replicate' }, 4)).speedupDefinition).toBe(
      'N·T1/TN'
    )
  })
})
