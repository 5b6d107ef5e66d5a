import { describe, expect, it } from 'vitest'
import {
  gustafsonText as gustafsonMessage,
  karpFlattText as karpFlattMessage,
  methodText as methodMessage,
  modelsText as modelsMessage,
  warningText as warningMessage
} from '../../src/shared/report'
import { analyzeRun, fitAmdahl, medianInterval } from '../../src/shared/scaling'
import type { RunRecord } from '../../src/shared/result'
import { syntheticRun } from '../helpers/syntheticRun'
import { toRunExport } from '../../src/shared/runExport'

// Six repetitions: the fewest for which the median's 95% interval is computed.
const ONE = [100, 102, 98, 101, 99, 100]
const TWO = [51, 50, 52, 49, 50, 50]
const FOUR = [40, 41, 39, 40, 42, 40]

/** A strong-scaling run on a 2-core machine: 1, 2 and 4 (oversubscribed) warm workers. */
const strongRun = (): RunRecord =>
  syntheticRun([
    { workers: 1, wallMs: ONE },
    { workers: 2, wallMs: TWO },
    {
      workers: 4,
      wallMs: FOUR,
      // Uneven shares: one worker always 20% slower than the other three.
      computeMs: FOUR.map((w) => [w - 1, (w - 1) / 1.2, (w - 1) / 1.2, (w - 1) / 1.2]),
      overheadMs: 1
    }
  ])

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}

describe('analyzeRun: per worker count', () => {
  const run = strongRun()
  const a = analyzeRun(run)

  it('gives n, median with its bootstrap interval, mean ± σ with its Student-t interval, min…max', () => {
    expect(a.workers.map((w) => w.workers)).toEqual([1, 2, 4])
    const [one] = a.workers
    expect(one).toMatchObject({ n: 6, medianMs: 100, meanMs: 100, minMs: 98, maxMs: 102 })
    expect(one.stddevMs).toBeCloseTo(Math.sqrt(2), 12)
    // scipy: stats.t.ppf(0.975, 5) = 2.570581835636314; s/√n = √2/√6.
    const half = 2.570581835636314 * Math.sqrt(2 / 6)
    expect(one.meanInterval).toMatchObject({ method: 'student-t', level: 0.95, df: 5 })
    expect(one.meanInterval!.halfWidth).toBeCloseTo(half, 9)
    expect(one.meanInterval!.lower).toBeCloseTo(100 - half, 9)
    expect(one.medianInterval).toEqual(medianInterval(ONE))
    expect(one.medianInterval).toMatchObject({ method: 'bootstrap-percentile', level: 0.95 })
    expect(one.medianInterval!.lower).toBeLessThanOrEqual(100)
    expect(one.medianInterval!.upper).toBeGreaterThanOrEqual(100)
    expect(methodMessage(a.method)).toMatch(/bootstrap/)
    expect(methodMessage(a.method)).toMatch(/Student t/)
  })

  it('carries the medians’ interval half-widths through the speedup and efficiency', () => {
    const h1 = medianInterval(ONE)!.halfWidth
    const h4 = medianInterval(FOUR)!.halfWidth
    const four = a.workers[2].speedup
    expect(four.speedup).toBeCloseTo(2.5, 12)
    expect(four.speedupError).toBeCloseTo(2.5 * Math.hypot(h1 / 100, h4 / 40), 12)
    expect(four.speedupError).toBeGreaterThan(0)
    expect(four.efficiency).toBeCloseTo(2.5 / 4, 12)
    expect(four.efficiencyError).toBeCloseTo(four.speedupError / 4, 12)
    expect(four.basis).toBe('ci-half-width')
    // The reference row is measured against itself: no error.
    expect(a.workers[0].speedup).toMatchObject({ speedup: 1, speedupError: 0 })
    expect(a.baselineMeasured).toBe(true)
  })

  it('gives the speedup a 95% interval on the log scale: ≈ S ± e, never below 0', () => {
    const four = a.workers[2]
    const { speedup: S, speedupError: e } = four.speedup
    expect(four.speedupInterval!.lower).toBeCloseTo(S * Math.exp(-e / S), 12)
    expect(four.speedupInterval!.upper).toBeCloseTo(S * Math.exp(e / S), 12)
    expect(four.speedupInterval!.lower).toBeCloseTo(S - e, 2)
    // Two noisy repetitions: t(1) = 12.7 makes e larger than S; the interval stays positive.
    const noisy = analyzeRun(
      syntheticRun([
        { workers: 1, wallMs: [178, 196] },
        { workers: 2, wallMs: [77.8, 110] }
      ])
    ).workers[1]
    expect(noisy.speedup.speedupError).toBeGreaterThan(noisy.speedup.speedup)
    expect(noisy.speedupInterval!.lower).toBeGreaterThan(0)
    expect(noisy.verdict).toBe('no-difference')
  })

  it('computes Karp–Flatt e(N) and its trend sentence (on 4 cores: 4 workers within them)', () => {
    const a = analyzeRun({
      ...run,
      system: { ...run.system, availableParallelism: 4, logicalCores: 4 }
    })
    expect(a.workers[0].karpFlatt).toBeNull()
    expect(a.workers[1].karpFlatt!.serialFraction).toBeCloseTo(0, 12)
    // (1/2.5 − 1/4) / (1 − 1/4) = 0.2
    expect(a.workers[2].karpFlatt!.serialFraction).toBeCloseTo(0.2, 12)
    expect(a.karpFlatt!.points.map((p) => p.workers)).toEqual([2, 4])
    expect(a.karpFlatt!.trend).toBe('growing')
    expect(karpFlattMessage(a.karpFlatt!)).toMatch(/overhead/)
  })

  it('on 2 cores reads e(N) and fits only within the cores: 4 workers drawn, not fitted', () => {
    expect(a.karpFlatt!.points.map((p) => p.workers)).toEqual([2])
    expect(a.karpFlatt!.left).toEqual([{ workers: 4, reason: 'oversubscribed' }])
    expect(a.workers[2].karpFlatt).toBeNull()
    expect(a.models.code).toBe('too-few-worker-counts')
    expect(a.models.excluded).toEqual([4])
    expect(modelsMessage(a.models)).toContain(
      '4 workers exceed the 2 cores: they are drawn but not fitted'
    )
  })

  it('fits Amdahl (and tries the USL) with two worker counts above one within the cores', () => {
    const a = analyzeRun({
      ...run,
      system: { ...run.system, availableParallelism: 4, logicalCores: 4 }
    })
    const expected = fitAmdahl([
      { workers: 2, speedup: 2 },
      { workers: 4, speedup: 2.5 }
    ])!
    expect(a.models.code).toBe('poor-fit')
    expect(a.models.rSquared).toBeCloseTo(expected.rSquared!, 12)
    // A poor fit's figures are shown nowhere: no comparison, no curve, no export column.
    expect(a.models.comparison).toBeNull()
    expect(toRunExport(run, a).models.amdahlSerialFraction).toBeNull()
    // 2.00× at 2 and 2.50× at 4 are what no single serial fraction gives (e grows: overhead).
    expect(modelsMessage(a.models)).toMatch(
      /^Not enough evidence for Amdahl's law: .* \(R² = 0\.\d+, below 0\.9\)/
    )
    expect(modelsMessage(a.models)).not.toContain('1/f ≈')
  })

  it('states the fit, its interval and R² when the speedups are significant and fit well', () => {
    // f = 0.1: S(2) = 1.818 (55 ms), S(4) = 3.077 (32.5 ms).
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: ONE },
          { workers: 2, wallMs: [55, 55.2, 54.8, 55, 55.1, 54.9] },
          { workers: 4, wallMs: [32.5, 32.6, 32.4, 32.5, 32.55, 32.45] }
        ],
        {},
        4
      )
    )
    expect(a.models.code).toBe('fitted')
    expect(a.models.comparison!.amdahl!.serialFraction).toBeCloseTo(0.1, 2)
    expect(a.models.comparison!.amdahl!.rSquared!).toBeGreaterThan(0.99)
    expect(modelsMessage(a.models)).toMatch(/serial fraction f = 0\.1\d* ± [\d.]+, R² = 1 /)
    expect(modelsMessage(a.models)).toContain('1/f ≈')
  })

  it('breaks the time down from the samples: dispatch, slowest and mean compute, imbalance', () => {
    const o = a.workers[2].overhead
    expect(o.spawnMs).toBeNull()
    expect(o.dispatchMs).toBeCloseTo(1, 12)
    expect(o.computeSlowestMs).toBeCloseTo(39, 12)
    // Mean of [x, x/1.2, x/1.2, x/1.2] = x·(1 + 2.5)/4; slowest/mean − 1 = 4/3.5 − 1.
    expect(o.computeMeanMs).toBeCloseTo((39 * 3.5) / 4, 9)
    expect(o.imbalance).toBeCloseTo(4 / 3.5 - 1, 12)
    expect(a.workers[1].overhead.imbalance).toBe(0)
  })

  it('warns about oversubscription with the machine’s cores, and nothing else here', () => {
    expect(a.context).toEqual({ logicalCores: 2, jobMs: median(ONE) - 0.5, spawnMs: null })
    expect(a.warnings.map((w) => [w.code, w.workers])).toEqual([['more-workers-than-cores', 4]])
    expect(warningMessage(a.warnings[0])).toContain('4 workers on 2 logical cores')
  })

  it('is pure: same answer twice, record untouched', () => {
    const frozen = deepFreeze(strongRun())
    expect(analyzeRun(frozen)).toEqual(analyzeRun(frozen))
    expect(analyzeRun(frozen)).toEqual(a)
  })
})

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

describe('analyzeRun: warnings a user can act on', () => {
  it('flags a planted outlier by repetition and time', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: [100, 101, 99, 100, 100, 101, 99] },
      { workers: 2, wallMs: [50, 51, 49, 50, 190, 50, 51] }
    ])
    const outliers = analyzeRun(run).warnings.filter((w) => w.code === 'outliers')
    expect(outliers).toHaveLength(1)
    expect(outliers[0]).toMatchObject({ workers: 2, repetitions: [5], valuesMs: [190] })
    expect(warningMessage(outliers[0])).toContain(
      '#5 (190 ms, +280.0%, far from the others: modified Z'
    )
  })

  it('compares a cold spawn with the job: the median compute of one worker', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: [330, 335, 325], spawnMs: [300, 305, 295], overheadMs: 0.4 },
        { workers: 2, wallMs: [620, 600, 610], spawnMs: [600, 580, 590], overheadMs: 0.6 }
      ],
      { pool: 'cold', range: { start: 0, end: 30_000_000 } }
    )
    // Compute per rep = wall − overhead (the helper's default), so the job is 330 − 0.4.
    const a = analyzeRun(run)
    expect(a.context.jobMs).toBeCloseTo(329.6, 9)
    expect(a.context.spawnMs).toBe(300)
    const spawn = a.warnings.filter((w) => w.code === 'job-shorter-than-spawn')
    expect(spawn.map((w) => w.workers)).toEqual([2])
    expect(spawn[0]).toMatchObject({ jobMs: expect.closeTo(329.6, 9), spawnMs: 590 })
    expect(warningMessage(spawn[0])).toContain('590 ms')
    // Dispatch is the engine's overhead (wall beyond the critical path), never the spawn.
    expect(a.workers[1].overhead).toMatchObject({ spawnMs: 590 })
    expect(a.workers[1].overhead.dispatchMs).toBeCloseTo(0.6, 9)
  })
})

describe('analyzeRun: models need enough worker counts, and the right workload', () => {
  it('draws no lesson from speedups within the noise: "not enough evidence", and why', () => {
    // 1.01× and 1.03×: the issue's busy machine, where a fit read noise as f ≈ 0.95.
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: ONE },
          { workers: 2, wallMs: [99, 98, 99, 100, 98, 99] },
          { workers: 4, wallMs: [99, 101, 98, 100, 99, 100] }
        ],
        {},
        4
      )
    )
    expect(a.models.code).toBe('not-significant')
    expect(a.models.comparison).toBeNull()
    expect(modelsMessage(a.models)).toMatch(/^Not enough evidence/)
    expect(modelsMessage(a.models)).not.toMatch(/serial fraction f =|1\/f/)
    expect(a.karpFlatt!.points).toEqual([])
    expect(karpFlattMessage(a.karpFlatt!)).toBe(
      'Not enough evidence for e(N): the speedup of 2, 4 workers is not significant (its 95% interval includes 1).'
    )
    expect(a.workers.map((w) => w.karpFlatt)).toEqual([null, null, null])
  })

  it('reads a huge serial fraction as busy cores or a too-short job, not serial code', () => {
    // Significant but small speedups: 1.25× at 2, 1.43× at 4 (f ≈ 0.6).
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: ONE },
          { workers: 2, wallMs: [80, 80.5, 79.5, 80, 80.2, 79.8] },
          { workers: 4, wallMs: [70, 70.5, 69.5, 70, 70.2, 69.8] }
        ],
        {},
        4
      )
    )
    expect(a.models.code).toBe('fitted')
    expect(a.models.comparison!.amdahl!.serialFraction).toBeGreaterThan(0.5)
    expect(a.models.comparison!.amdahl!.serialFraction).toBeLessThanOrEqual(1)
    expect(modelsMessage(a.models)).toContain('rarely serial code')
    expect(modelsMessage(analyzeRun(strongRun()).models)).not.toContain('rarely serial code')
  })

  it('says why there is no fit with one worker count above one', () => {
    const a = analyzeRun(
      syntheticRun([
        { workers: 1, wallMs: ONE },
        { workers: 2, wallMs: TWO }
      ])
    )
    expect(a.models.comparison).toBeNull()
    expect(modelsMessage(a.models)).toContain('only 2 workers above one')
    expect(a.karpFlatt!.trend).toBe('insufficient')
  })

  it('reads weak scaling with Gustafson, not Amdahl', () => {
    const a = analyzeRun(
      syntheticRun(
        [
          { workers: 1, wallMs: [100, 100, 100] },
          { workers: 2, wallMs: [104, 105, 106] }
        ],
        { workload: 'weak' }
      )
    )
    expect(a.scaling).toBe('weak')
    expect(a.models.comparison).toBeNull()
    expect(modelsMessage(a.models)).toMatch(/Gustafson/)
    expect(a.karpFlatt).toBeNull()
    expect(a.workers[1].karpFlatt).toBeNull()
    const g = a.gustafson!
    expect(g.workload).toBe('weak')
    expect(g.points).toHaveLength(1)
    // S = N·T1/TN = 2·100/105; f = (N − S)/(N − 1).
    expect(g.points[0].scaledSpeedup).toBeCloseTo(200 / 105, 12)
    expect(g.points[0].serialFraction).toBeCloseTo(2 - 200 / 105, 12)
    expect(gustafsonMessage(g)).toContain('2 workers did 2× the work')
    expect(a.workers[0].scaled!.scaledSpeedup).toBe(1)
  })

  it('uses a migrated record’s recovered T1, and claims no interval without T1’s', () => {
    const full = syntheticRun(
      [
        { workers: 1, wallMs: ONE },
        { workers: 2, wallMs: TWO },
        { workers: 4, wallMs: FOUR }
      ],
      {},
      4
    )
    const withoutOne: RunRecord = {
      ...full,
      config: { ...full.config, workers: [2, 4] },
      results: full.results.slice(1),
      legacyBaselineMs: 100
    }
    const a = analyzeRun(withoutOne)
    expect(a.baselineMeasured).toBe(false)
    expect(a.context.jobMs).toBeNull()
    expect(a.workers.map((w) => w.speedup.speedup)).toEqual([2, 2.5])
    expect(a.workers.map((w) => w.speedupInterval)).toEqual([null, null])
    expect(a.workers.map((w) => w.verdict)).toEqual(['no-difference', 'no-difference'])
    // Without intervals no speedup is significant: no model is fitted to them.
    expect(a.models.code).toBe('not-significant')
    expect(a.models.comparison).toBeNull()
  })

  it('fits no model over a slowdown: overhead dominates, no ceiling below 1×', () => {
    const a = analyzeRun(
      syntheticRun([
        { workers: 1, wallMs: ONE },
        { workers: 2, wallMs: [113, 114, 112, 113, 114, 113] },
        { workers: 4, wallMs: [130, 131, 129, 130, 132, 130] }
      ])
    )
    expect(a.models.comparison).toBeNull()
    expect(modelsMessage(a.models)).toContain('overhead dominates')
    expect(modelsMessage(a.models)).not.toMatch(/ceiling/)
    // Karp–Flatt e > 1 would be printed as a "serial fraction": it is not computed.
    expect(a.workers.map((w) => w.karpFlatt)).toEqual([null, null, null])
    expect(a.verdict.code).toBe('slower')
  })
})
