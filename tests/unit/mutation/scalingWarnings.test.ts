/**
 * Every warning of scalingWarnings.ts at its threshold (docs/MUTATION.md): more
 * workers than cores only above them; spawn only when longer than the job;
 * none of the per-repetition checks below three repetitions; a slow first
 * repetition at ratio ≥ 1.25 and only above every other; a trend only with
 * p strictly below α and a change at least the minimum; a wide interval only
 * strictly above 10% and for a positive median. Given intervals are used as
 * they are, so the thresholds are met exactly.
 */
import { describe, expect, it } from 'vitest'
import { scalingWarnings } from '../../../src/shared/analysis/scalingWarnings'
import { mannKendall } from '../../../src/shared/stats/mannKendall'
import type { ConfidenceInterval } from '../../../src/shared/stats/types'

const interval = (estimate: number, halfWidth: number): ConfidenceInterval => ({
  method: 'bootstrap-percentile',
  level: 0.95,
  estimate,
  lower: estimate - halfWidth,
  upper: estimate + halfWidth,
  halfWidth
})
const STEADY = [100, 101, 99, 100, 102, 98]
const codes = (input: Parameters<typeof scalingWarnings>[0]): string[] =>
  scalingWarnings({ interval: interval(100, 1), ...input }).map((w) => w.code)

describe('scalingWarnings at each threshold', () => {
  it('more workers than cores only above them, and only when the cores are known', () => {
    expect(codes({ workers: 4, wallMs: STEADY, logicalCores: 4 })).toEqual([])
    expect(codes({ workers: 4, wallMs: STEADY, logicalCores: null })).toEqual([])
    expect(scalingWarnings({ workers: 5, wallMs: [], logicalCores: 4 })).toEqual([
      { code: 'more-workers-than-cores', severity: 'warning', workers: 5, logicalCores: 4 }
    ])
  })

  it('spawn only when it takes longer than the job; the given job time wins over the median', () => {
    expect(codes({ workers: 2, wallMs: STEADY, spawnMs: 100 })).toEqual([])
    expect(codes({ workers: 2, wallMs: STEADY, spawnMs: 100.5 })).toEqual([
      'job-shorter-than-spawn'
    ])
    const w = scalingWarnings({
      workers: 2,
      wallMs: STEADY,
      spawnMs: 30,
      jobMs: 20,
      interval: interval(100, 1)
    })
    expect(w).toEqual([
      { code: 'job-shorter-than-spawn', severity: 'warning', workers: 2, jobMs: 20, spawnMs: 30 }
    ])
    expect(codes({ workers: 2, wallMs: STEADY, spawnMs: null })).toEqual([])
  })

  it('no per-repetition checks with two repetitions, however slow the first', () => {
    expect(codes({ workers: 1, wallMs: [500, 100] })).toEqual([])
  })

  it('three repetitions are enough for the outlier check', () => {
    // Median 10.1, MAD 0.1 (deviations 0.1, 0, 29.9): |modified Z| of 40 = 0.6745·29.9/0.1.
    const w = scalingWarnings({ workers: 2, wallMs: [10, 10.1, 40], interval: interval(10.1, 0.1) })
    expect(w.map((x) => x.code)).toContain('outliers')
    expect(w.find((x) => x.code === 'outliers')).toMatchObject({ workers: 2, repetitions: [3] })
  })

  it('a slow first repetition from a ratio of exactly 1.25, only above every other', () => {
    const w = scalingWarnings({
      workers: 1,
      wallMs: [125, 100, 90, 110, 95, 105],
      interval: interval(100, 1)
    })
    // Not an outlier (|modified Z| = 0.6745·22.5/7.5 ≈ 2.0) and no trend: the one warning.
    expect(w).toEqual([
      {
        code: 'slow-first-repetition',
        severity: 'warning',
        workers: 1,
        firstMs: 125,
        restMedianMs: 100,
        ratio: 1.25
      }
    ])
    expect(
      codes({ workers: 1, wallMs: [124.9, 100, 90, 110, 95, 105] }).includes(
        'slow-first-repetition'
      )
    ).toBe(false)
    // The first is 1.3× the rest's median but another repetition was as slow.
    expect(
      codes({ workers: 1, wallMs: [130, 100, 90, 130, 95, 105] }).includes('slow-first-repetition')
    ).toBe(false)
    const auto = scalingWarnings({
      workers: 1,
      wallMs: [125, 100, 90, 110, 95, 105],
      interval: interval(100, 1),
      warmup: 'auto'
    })
    expect(auto[0]).toMatchObject({ code: 'slow-first-repetition', warmupAuto: true })
    const fixed = scalingWarnings({
      workers: 1,
      wallMs: [125, 100, 90, 110, 95, 105],
      interval: interval(100, 1),
      warmup: 2
    })
    expect(fixed[0]).not.toHaveProperty('warmupAuto')
  })

  it('a trend only with p strictly below α and a change of at least the minimum', () => {
    const rising = [100, 102, 104, 106, 108, 110]
    const t = mannKendall(rising)
    // Sen's slope 2 ms a repetition over 5 steps, median 105: 10/105.
    const change = (t.slope * 5) / 105
    expect(change).toBeCloseTo(10 / 105, 15)
    const trend = (thresholds: object) =>
      scalingWarnings({
        workers: 1,
        wallMs: rising,
        interval: interval(105, 1),
        thresholds
      }).filter((w) => w.code === 'trend')
    expect(trend({ trendAlpha: t.pValue })).toEqual([])
    expect(trend({ trendAlpha: t.pValue * 1.0001, trendMinChange: change })).toEqual([
      {
        code: 'trend',
        severity: 'warning',
        workers: 1,
        direction: 'slowing',
        pValue: t.pValue,
        slopeMsPerRepetition: 2,
        relativeChange: change
      }
    ])
    expect(trend({ trendMinChange: change * 1.0001 })).toEqual([])
    const falling = scalingWarnings({
      workers: 1,
      wallMs: [...rising].reverse(),
      interval: interval(105, 1)
    }).find((w) => w.code === 'trend')
    expect(falling).toMatchObject({ direction: 'speeding-up', slopeMsPerRepetition: -2 })
    expect((falling as { relativeChange: number }).relativeChange).toBeCloseTo(-10 / 105, 15)
  })

  it('a wide interval strictly above 10% of a positive median', () => {
    expect(codes({ workers: 1, wallMs: STEADY, interval: interval(100, 10) })).toEqual([])
    expect(scalingWarnings({ workers: 1, wallMs: STEADY, interval: interval(100, 10.5) })).toEqual([
      {
        code: 'wide-interval',
        severity: 'warning',
        workers: 1,
        medianMs: 100,
        halfWidthMs: 10.5,
        relativeHalfWidth: 0.105,
        level: 0.95
      }
    ])
    expect(codes({ workers: 1, wallMs: STEADY, interval: interval(0, 10) })).toEqual([])
    expect(codes({ workers: 1, wallMs: STEADY, interval: null })).toEqual([])
  })

  it('flags outliers by repetition number with their figures', () => {
    const w = scalingWarnings({
      workers: 3,
      wallMs: [100, 101, 99, 100, 160, 100],
      interval: interval(100, 1)
    })
    expect(w).toEqual([
      {
        code: 'outliers',
        severity: 'warning',
        workers: 3,
        repetitions: [5],
        valuesMs: [160],
        // Deviations 0 1 1 0 60 0: MAD 0.5, so 0.6745 · 60 / 0.5.
        scores: [(0.6745 * 60) / 0.5],
        threshold: 3.5,
        medianMs: 100,
        count: 6,
        minRelative: 0.05
      }
    ])
  })
})
