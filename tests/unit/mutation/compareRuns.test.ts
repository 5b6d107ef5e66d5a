/**
 * compareRuns.ts figure by figure (docs/MUTATION.md): the medians (even counts
 * too), the percentile-bootstrap interval recomputed here from its definition
 * (per worker count a mulberry32 stream seeded with seed ^ imul(N, 0x9e3779b1);
 * each resample draws the baseline's N-worker times, the candidate's, then,
 * with a speedup, both one-worker sets; 95 % percentile interval of the
 * ratios), each verdict at its edges (interval ending exactly at 1, ratio
 * exactly 1 ± threshold), the refusals, the differences listed and the order
 * of every list. Thresholds of 0.25 make 1 ± threshold exact in binary.
 */
import { describe, expect, it } from 'vitest'
import {
  COMPARISON_RESAMPLES,
  COMPARISON_SEED,
  compareRuns,
  regressionsOver,
  type RunComparison
} from '../../../src/shared/analysis/compareRuns'
import type { MeasuredRun } from '../../../src/shared/analysis/measuredRun'
import { quantileSorted } from '../../../src/shared/stats/quantileSorted'
import { seededRandom } from '../../../src/shared/stats/seededRandom'

type Samples = [workers: number, wallMs: number[]][]

function run(
  id: string,
  samples: Samples,
  config: object = {},
  system?: object | null
): MeasuredRun {
  return {
    id,
    startedAt: `2026-01-0${id === 'a' ? 1 : 2}T00:00:00.000Z`,
    config: {
      range: { start: 0, end: 1_000_000 },
      workers: samples.map(([w]) => w),
      workload: 'split',
      backend: 'process',
      pool: 'warm',
      ...config
    },
    // No system given: the same test machine on both sides; null: a record without one.
    ...(system === null
      ? {}
      : { system: system ?? { cpuModel: 'Test CPU', availableParallelism: 2 } }),
    results: samples.map(([workers, walls]) => ({
      workers,
      samples: walls.map((wallMs) => ({ wallMs })),
      sum: '499999500000',
      expectedSum: '499999500000',
      correct: true
    }))
  }
}

const ok = (outcome: ReturnType<typeof compareRuns>): RunComparison => {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code}`)
  return outcome.value
}

/** The median by sorting a copy (the module selects in place instead). */
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** The documented bootstrap, written out plainly: [time interval, speedup interval]. */
function reference(
  workers: number,
  bw: number[],
  cw: number[],
  b1w: number[] | null,
  c1w: number[] | null,
  resamples: number,
  seed = COMPARISON_SEED,
  factor = 1
): [[number, number], [number, number] | null] {
  const random = seededRandom((seed ^ Math.imul(workers, 0x9e3779b1)) >>> 0)
  const draw = (xs: number[]): number[] => xs.map(() => xs[Math.floor(random() * xs.length)])
  const time: number[] = []
  const speedup: number[] = []
  const withSpeedup = workers > 1 && b1w !== null && c1w !== null
  for (let i = 0; i < resamples; i++) {
    const bm = median(draw(bw))
    const cm = median(draw(cw))
    time.push(cm / bm)
    if (withSpeedup) {
      const b1m = median(draw(b1w))
      const c1m = median(draw(c1w))
      speedup.push((factor * (c1m / cm)) / (factor * (b1m / bm)))
    }
  }
  const iv = (xs: number[]): [number, number] => {
    const s = Float64Array.from(xs).sort()
    const alpha = (1 - 0.95) / 2
    return [quantileSorted(s, alpha), quantileSorted(s, 1 - alpha)]
  }
  return [iv(time), withSpeedup ? iv(speedup) : null]
}

describe('compareRuns: medians and the bootstrap', () => {
  it('the median of an even count is the mean of the two middle times, in any order', () => {
    const sets = [
      [4, 1, 3, 2],
      [8, 6, 4, 1, 3, 2],
      [5, 5, 1, 9, 7, 3, 2, 8],
      [10, 1],
      [3, 3, 3, 1],
      [2, 9, 4, 7, 5, 1, 8, 6, 3, 10]
    ]
    for (const walls of sets) {
      const c = ok(
        compareRuns(run('a', [[1, walls]]), run('b', [[1, [1, 2, 3]]]), { resamples: 1 })
      )
      expect(c.rows[0].baseline.medianMs).toBe(median(walls))
    }
  })

  it('selects the median correctly for every shuffle of small sets with ties', () => {
    const random = seededRandom(99)
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + (trial % 11)
      const walls = Array.from({ length: n }, () => 1 + Math.floor(random() * 6))
      const c = ok(compareRuns(run('a', [[2, walls]]), run('b', [[2, walls]]), { resamples: 1 }))
      expect(c.rows[0].baseline.medianMs).toBe(median(walls))
      expect(c.rows[0].candidate.medianMs).toBe(median(walls))
    }
  })

  it('gives the percentile-bootstrap interval of the time and speedup ratios, as documented', () => {
    // Unsorted times: a median taken in place would reorder what the bootstrap draws from.
    const b1 = [101, 99, 104, 98, 100, 103, 97]
    const c1 = [96, 99, 95, 100, 97, 94]
    const b2 = [55, 52, 58, 51, 54, 57, 53, 56]
    const c2 = [50, 47, 52, 46, 49, 51, 48]
    const c = ok(
      compareRuns(
        run('a', [
          [1, b1],
          [2, b2]
        ]),
        run('b', [
          [1, c1],
          [2, c2]
        ]),
        { resamples: 500 }
      )
    )
    const [oneTime] = reference(1, b1, c1, b1, c1, 500)
    expect([c.rows[0].time.low, c.rows[0].time.high]).toEqual(oneTime)
    expect(c.rows[0].speedup).toBeNull()
    const [time, speedup] = reference(2, b2, c2, b1, c1, 500)
    expect([c.rows[1].time.low, c.rows[1].time.high]).toEqual(time)
    expect([c.rows[1].speedup!.low, c.rows[1].speedup!.high]).toEqual(speedup)
    expect(c.rows[1].baseline).toEqual({ n: 8, medianMs: 54.5, speedup: 100 / 54.5 })
    expect(c.rows[1].candidate).toEqual({ n: 7, medianMs: 49, speedup: 96.5 / 49 })
    expect(c.rows[1].speedup!.ratio).toBe(96.5 / 49 / (100 / 54.5))
    // The same again with another seed, and a scaled speedup for replicate.
    const r = ok(
      compareRuns(
        run(
          'a',
          [
            [1, b1],
            [2, b2]
          ],
          { workload: 'replicate' }
        ),
        run(
          'b',
          [
            [1, c1],
            [2, c2]
          ],
          { workload: 'replicate' }
        ),
        { resamples: 300, seed: 7 }
      )
    )
    expect(r.seed).toBe(7)
    const [rTime, rSpeedup] = reference(2, b2, c2, b1, c1, 300, 7, 2)
    expect([r.rows[1].time.low, r.rows[1].time.high]).toEqual(rTime)
    expect([r.rows[1].speedup!.low, r.rows[1].speedup!.high]).toEqual(rSpeedup)
    expect(r.rows[1].baseline.speedup).toBe(2 * (100 / 54.5))
  })

  it('the defaults: 2000 resamples, the module’s seed, a 2 % threshold', () => {
    const c = ok(compareRuns(run('a', [[1, [1, 2, 3]]]), run('b', [[1, [1, 2, 3]]])))
    expect([c.resamples, c.seed, c.threshold, c.confidence]).toEqual([
      COMPARISON_RESAMPLES,
      COMPARISON_SEED,
      0.02,
      0.95
    ])
  })

  it('has no speedup without a one-worker count on both sides, and none at one worker', () => {
    const c = ok(
      compareRuns(
        run('a', [
          [2, [50, 51, 49]],
          [4, [30, 31, 29]]
        ]),
        run('b', [
          [1, [100, 101, 99]],
          [2, [50, 51, 49]],
          [4, [30, 31, 29]]
        ]),
        { resamples: 50 }
      )
    )
    const reversed = ok(
      compareRuns(
        run('a', [
          [1, [100, 101, 99]],
          [2, [50, 51, 49]]
        ]),
        run('b', [[2, [50, 51, 49]]]),
        { resamples: 50 }
      )
    )
    for (const row of [...c.rows, ...reversed.rows]) {
      expect(row.baseline.speedup).toBeNull()
      expect(row.candidate.speedup).toBeNull()
      expect(row.speedup).toBeNull()
      expect(row.time.low).not.toBeNull()
    }
    const one = ok(
      compareRuns(run('a', [[1, [100, 101, 99]]]), run('b', [[1, [90, 91, 89]]]), {
        resamples: 50
      })
    ).rows[0]
    expect(one.baseline.speedup).toBeNull()
    expect(one.speedup).toBeNull()
  })
})

describe('compareRuns: enough samples for an interval', () => {
  const three = [100, 101, 99]
  const two = [100, 101]
  const rowOf = (b: Samples, c: Samples) =>
    ok(compareRuns(run('a', b), run('b', c), { resamples: 50 })).rows

  it('three on each side is enough; two on either side is not', () => {
    expect(rowOf([[1, three]], [[1, three]])[0].time.low).not.toBeNull()
    for (const [b, c] of [
      [two, three],
      [three, two]
    ]) {
      const row = rowOf([[1, b]], [[1, c]])[0]
      expect([row.time.low, row.time.high, row.time.note]).toEqual([null, null, 'too-few-samples'])
    }
  })

  it('a speedup needs three one-worker times on each side too, the time does not', () => {
    for (const [b1, c1] of [
      [two, three],
      [three, two]
    ]) {
      const row = rowOf(
        [
          [1, b1],
          [2, [50, 51, 49]]
        ],
        [
          [1, c1],
          [2, [40, 41, 39]]
        ]
      )[1]
      expect(row.time.low).toBeNull()
      expect(row.speedup).toMatchObject({ low: null, high: null, note: 'too-few-samples' })
    }
    const row = rowOf(
      [
        [1, three],
        [2, [50, 51, 49]]
      ],
      [
        [1, three],
        [2, [40, 41, 39]]
      ]
    )[1]
    expect(row.speedup!.low).not.toBeNull()
  })

  it('without an interval a large change is no change, either way', () => {
    const faster = rowOf([[1, [100, 100]]], [[1, [50, 50]]])[0]
    const slower = rowOf([[1, [100, 100]]], [[1, [200, 200]]])[0]
    expect([faster.time.ratio, faster.time.verdict]).toEqual([0.5, 'no-change'])
    expect([slower.time.ratio, slower.time.verdict]).toEqual([2, 'no-change'])
  })
})

describe('compareRuns: verdicts at their edges (threshold 0.25)', () => {
  const constant = (ms: number, n = 5): number[] => Array.from({ length: n }, () => ms)
  const verdicts = (b: Samples, c: Samples) => {
    const rows = ok(compareRuns(run('a', b), run('b', c), { threshold: 0.25, resamples: 400 })).rows
    const last = rows[rows.length - 1]
    return {
      time: [last.time.ratio, last.time.low, last.time.high, last.time.verdict],
      speedup: last.speedup && [
        last.speedup.ratio,
        last.speedup.low,
        last.speedup.high,
        last.speedup.verdict
      ]
    }
  }

  it('time: beyond the threshold with the interval clear of 1; exactly at it is no change', () => {
    expect(verdicts([[1, constant(100)]], [[1, constant(70)]]).time).toEqual([
      0.7,
      0.7,
      0.7,
      'improved'
    ])
    expect(verdicts([[1, constant(100)]], [[1, constant(75)]]).time).toEqual([
      0.75,
      0.75,
      0.75,
      'no-change'
    ])
    expect(verdicts([[1, constant(100)]], [[1, constant(130)]]).time).toEqual([
      1.3,
      1.3,
      1.3,
      'regressed'
    ])
    expect(verdicts([[1, constant(100)]], [[1, constant(125)]]).time).toEqual([
      1.25,
      1.25,
      1.25,
      'no-change'
    ])
  })

  it('time: within the threshold is no change, however tight the interval', () => {
    expect(verdicts([[1, constant(100)]], [[1, constant(90)]]).time[3]).toBe('no-change')
    expect(verdicts([[1, constant(100)]], [[1, constant(110)]]).time[3]).toBe('no-change')
  })

  it('time: an interval ending exactly at 1 is no change, however far the estimate moved', () => {
    // Resampled medians of the candidate are 50, 75 or 100: the interval reaches 1.
    const down = verdicts([[1, constant(100)]], [[1, [50, 50, 50, 100, 100]]]).time
    expect(down.slice(0, 3)).toEqual([0.5, 0.5, 1])
    expect(down[3]).toBe('no-change')
    const up = verdicts([[1, constant(100)]], [[1, [200, 200, 200, 100, 100]]]).time
    expect(up.slice(0, 3)).toEqual([2, 1, 2])
    expect(up[3]).toBe('no-change')
  })

  it('speedup: better above 1 + threshold, worse below 1 − threshold, no change at either', () => {
    const base: Samples = [
      [1, constant(100)],
      [2, constant(50)]
    ]
    const at = (ms: number) => verdicts(base, [base[0], [2, constant(ms)]]).speedup
    expect(at(40)).toEqual([1.25, 1.25, 1.25, 'no-change'])
    expect(at(37.5)).toEqual([4 / 3, 4 / 3, 4 / 3, 'improved'])
    expect(at(50 / 0.75)).toEqual([0.75, 0.75, 0.75, 'no-change'])
    expect(at(80)).toEqual([0.625, 0.625, 0.625, 'regressed'])
    expect(at(45)![3]).toBe('no-change')
    expect(at(55)![3]).toBe('no-change')
  })

  it('speedup: an interval ending exactly at 1 is no change', () => {
    const base: Samples = [
      [1, constant(100)],
      [2, constant(50)]
    ]
    const better = verdicts(base, [base[0], [2, [25, 25, 25, 50, 50]]]).speedup!
    expect(better.slice(0, 3)).toEqual([2, 1, 2])
    expect(better[3]).toBe('no-change')
    const worse = verdicts(base, [base[0], [2, [100, 100, 100, 50, 50]]]).speedup!
    expect(worse.slice(0, 3)).toEqual([0.5, 0.5, 1])
    expect(worse[3]).toBe('no-change')
  })

  it('lists the improved and regressed counts by their time verdict', () => {
    const c = ok(
      compareRuns(
        run('a', [
          [1, constant(100)],
          [2, constant(40)],
          [4, constant(30)]
        ]),
        run('b', [
          [1, constant(60)],
          [2, constant(50)],
          [4, constant(30)]
        ]),
        { threshold: 0.2, resamples: 50 }
      )
    )
    expect([c.improved, c.regressed]).toEqual([[1], [2]])
    // Regressed by exactly 25 % (50/40 = 1.25, exact in binary): over 24.9 %, not over 25 %.
    expect(c.rows[1].time.ratio).toBe(1.25)
    expect(regressionsOver(c, 24.9)).toEqual([2])
    expect(regressionsOver(c, 25)).toEqual([])
  })
})

describe('compareRuns: refusals, differences and the lists', () => {
  const walls = [100, 101, 99]

  it('refuses another range by its start alone, or by its end alone', () => {
    const a = run('a', [[1, walls]])
    for (const range of [
      { start: 1, end: 1_000_000 },
      { start: 0, end: 999_999 }
    ]) {
      const out = compareRuns(a, run('b', [[1, walls]], { range }))
      expect(out).toEqual({
        ok: false,
        refusal: {
          code: 'different-range',
          baseline: { start: 0, end: 1_000_000 },
          candidate: range
        }
      })
    }
  })

  it('refuses a wrong sum whether the record says so or the sums differ, and a count without times', () => {
    const flagged = run('b', [[2, walls]])
    flagged.results[0] = { ...flagged.results[0], correct: false }
    expect(compareRuns(run('a', [[2, walls]]), flagged)).toEqual({
      ok: false,
      refusal: { code: 'wrong-sum', side: 'candidate', workers: 2 }
    })
    const differs = run('a', [[2, walls]])
    differs.results[0] = { ...differs.results[0], sum: '1' }
    expect(compareRuns(differs, run('b', [[2, walls]]))).toEqual({
      ok: false,
      refusal: { code: 'wrong-sum', side: 'baseline', workers: 2 }
    })
    expect(compareRuns(run('a', [[2, walls]]), run('b', [[2, []]]))).toEqual({
      ok: false,
      refusal: { code: 'no-samples', side: 'candidate', workers: 2 }
    })
  })

  it('compares the common counts in order and lists the others sorted, whatever order they ran in', () => {
    const c = ok(
      compareRuns(
        run('a', [
          [8, walls],
          [16, walls],
          [1, walls],
          [4, walls],
          [2, walls]
        ]),
        run('b', [
          [2, walls],
          [12, walls],
          [1, walls],
          [3, walls],
          [8, walls]
        ]),
        { resamples: 20 }
      )
    )
    expect(c.rows.map((r) => r.workers)).toEqual([1, 2, 8])
    expect(c.onlyInBaseline).toEqual([4, 16])
    expect(c.onlyInCandidate).toEqual([3, 12])
    const none = compareRuns(
      run('a', [
        [8, walls],
        [1, walls],
        [16, walls]
      ]),
      run('b', [
        [12, walls],
        [3, walls],
        [20, walls]
      ])
    )
    expect(none).toEqual({
      ok: false,
      refusal: { code: 'no-common-workers', baseline: [1, 8, 16], candidate: [3, 12, 20] }
    })
  })

  it('names each run by id, start and configuration', () => {
    const a = run('a', [[1, walls]])
    const b = run('b', [[1, walls]])
    const c = ok(compareRuns(a, b, { resamples: 10 }))
    expect(c.baseline).toEqual({ id: 'a', startedAt: a.startedAt, config: a.config })
    expect(c.candidate).toEqual({ id: 'b', startedAt: b.startedAt, config: b.config })
  })

  it('lists each setting that differs as text: strings as they are, numbers and absent ones shown', () => {
    const c = ok(
      compareRuns(
        run('a', [[1, walls]], { backend: 'process', warmup: 1, reps: 3 }),
        run('b', [[1, walls]], { backend: 'thread', warmup: 2 }),
        { resamples: 10 }
      )
    )
    expect(c.differences).toEqual([
      { field: 'backend', baseline: 'process', candidate: 'thread' },
      { field: 'warmup', baseline: '1', candidate: '2' },
      { field: 'reps', baseline: '3', candidate: '—' }
    ])
  })

  it('names another machine by its CPU and parallelism, with ? for what is unknown', () => {
    const differences = (a?: object | null, b?: object | null) =>
      ok(
        compareRuns(run('a', [[1, walls]], {}, a), run('b', [[1, walls]], {}, b), { resamples: 10 })
      ).differences
    expect(differences({ cpuModel: 'A', availableParallelism: 4 }, { cpuModel: 'B' })).toEqual([
      { field: 'machine', baseline: 'A × 4', candidate: 'B × ?' }
    ])
    expect(differences({ availableParallelism: 4 }, null)).toEqual([
      { field: 'machine', baseline: '? × 4', candidate: 'unknown' }
    ])
    expect(
      differences(
        { cpuModel: 'A', availableParallelism: 4 },
        { cpuModel: 'A', availableParallelism: 4 }
      )
    ).toEqual([])
  })
})
