import { describe, expect, it } from 'vitest'
import { speedupChart, wallTimeChart } from '../../src/renderer/src/components/Charts/resultsCharts'
import {
  BAND_MIN_PX,
  comparisonChart,
  ratioAxis
} from '../../src/renderer/src/components/Charts/compareChart'
import { band } from '../../src/renderer/src/components/Charts/plugins'
import {
  breakEvenMarkers,
  modelChart
} from '../../src/renderer/src/components/Charts/scalingCharts'
import type { SizeSweepAnalysis } from '../../src/shared/analysis/types'
import { compareRuns } from '../../src/shared/analysis/compareRuns'
import { FALLBACK_PALETTE } from '../../src/renderer/src/components/Charts/colors'
import { runView } from '../../src/renderer/src/lib/results/runView'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { syntheticRun } from '../helpers/syntheticRun'

const ctx = { palette: FALLBACK_PALETTE, m: en, locale: 'en' }

/** Eight repetitions each, so the bootstrap gives every speedup an interval. */
const record = syntheticRun([
  { workers: 1, wallMs: [100, 102, 98, 101, 99, 100, 103, 97] },
  { workers: 2, wallMs: [55, 60, 52, 58, 70, 54, 56, 53] },
  { workers: 4, wallMs: [40, 41, 39, 60, 42, 38, 40, 41] }
])
const rows = runView(record).rows

describe('the Results graphs carry their uncertainty', () => {
  it('speedup: every point beyond the baseline has its 95% interval drawn around it', () => {
    const config = speedupChart(rows, 'split', ctx)
    const sets = config.options?.plugins?.errorBars?.sets ?? []
    expect(sets).toHaveLength(1)
    const points = config.data.datasets[0].data
    const intervals = sets[0].intervals ?? []
    expect(intervals).toHaveLength(points.length)
    expect(intervals[0]).toBeNull() // one worker is the baseline: no interval
    for (const [i, interval] of intervals.entries()) {
      if (i === 0) continue
      expect(interval!.low).toBeLessThanOrEqual(points[i].y as number)
      expect(interval!.high).toBeGreaterThanOrEqual(points[i].y as number)
      expect(interval!.high).toBeGreaterThan(interval!.low as number)
    }
    // The ideal line is there, named as such.
    expect(config.data.datasets[1].label).toBe(en.charts.series.ideal)
  })

  it('speedup: the axes leave room for the first and last marker and the highest interval', () => {
    const config = speedupChart(rows, 'split', ctx)
    const x = config.options!.scales!.x as { min: number; max: number }
    expect(x.min).toBeLessThan(1)
    expect(x.max).toBeGreaterThan(4)
    const y = config.options!.scales!.y as { suggestedMax: number }
    const highest = Math.max(...rows.map((r) => r.speedupHigh ?? 0))
    expect(y.suggestedMax).toBeGreaterThan(highest)
  })

  it('wall time: every repetition is a dot over its bar, not a min … max whisker', () => {
    const config = wallTimeChart(rows, ctx)
    const plugins = config.options!.plugins as Record<string, unknown>
    expect(plugins.whiskers).toBeUndefined()
    const samples = (plugins.strips as { samples: number[][] }).samples
    expect(samples.map((s) => s.length)).toEqual([8, 8, 8])
    // In the axis's unit (ms here), the outlier of 4 workers included.
    expect(samples[2]).toContain(60)
  })
})

describe('Compare is a plot of each ratio over the no-change band', () => {
  const before = syntheticRun(
    [
      { workers: 1, wallMs: [100, 101, 99, 100, 102] },
      { workers: 2, wallMs: [60, 61, 59, 60, 62] }
    ],
    {},
    2,
    'before'
  )
  const after = syntheticRun(
    [
      { workers: 1, wallMs: [100, 99, 101, 100, 98] },
      { workers: 2, wallMs: [40, 41, 39, 40, 42] }
    ],
    {},
    2,
    'after'
  )
  const outcome = compareRuns(before, after, { resamples: 500 })
  if (!outcome.ok) throw new Error('comparable runs were refused')
  const comparison = outcome.value

  it('draws each time ratio with its interval, and shades 1 ± threshold', () => {
    const config = comparisonChart(comparison, ctx)
    const plugins = config.options!.plugins!
    expect(plugins.band).toMatchObject({
      from: 1 - comparison.threshold,
      to: 1 + comparison.threshold
    })
    const ratios = config.data.datasets[0].data.map((p) => p.y)
    expect(ratios).toEqual(comparison.rows.map((r) => r.time.ratio))
    const intervals = plugins.errorBars!.sets![0].intervals!
    expect(intervals.map((i) => [i!.low, i!.high])).toEqual(
      comparison.rows.map((r) => [r.time.low, r.time.high])
    )
    // The improved count (2 workers, 60 → 40 ms) lies below the band, in sight.
    const y = config.options!.scales!.y as { min: number; max: number }
    const two = comparison.rows.find((r) => r.workers === 2)!
    expect(two.time.verdict).toBe('improved')
    expect(y.min).toBeLessThan(two.time.low!)
    expect(y.max).toBeGreaterThan(1 + comparison.threshold)
  })

  it('the ratio axis is logarithmic and symmetric about 1, ticked at ratios and their inverses', () => {
    const config = comparisonChart(comparison, ctx)
    const y = config.options!.scales!.y as { type: string; min: number; max: number }
    expect(y.type).toBe('logarithmic')
    expect(y.min * y.max).toBeCloseTo(1, 12)
    for (const r of comparison.rows) {
      expect(y.min).toBeLessThanOrEqual(r.time.low!)
      expect(y.max).toBeGreaterThanOrEqual(r.time.high!)
    }
    // 2 workers went 60 → 40 ms (≈ 0.67×): the axis reaches 2× each way, ticked 0.5× … 2×.
    expect(ratioAxis([0.667, 0.64, 0.69], 0.02).ticks).toEqual([1 / 2, 1 / 1.5, 1, 1.5, 2])
    // No change at all: the axis still holds the band (±2 %) with room, ±5 %.
    expect(ratioAxis([1, 0.99, 1.01], 0.02)).toMatchObject({ min: 1 / 1.05, max: 1.05 })
    const far = ratioAxis([8, 7.5, 8.6], 0.02)
    expect(far.ticks).toEqual([1 / 8, 1 / 4, 1 / 2, 1, 2, 4, 8])
    expect(far.max).toBeGreaterThan(8.6)
    expect(far.min).toBeCloseTo(1 / far.max, 12)
    // Past 2^4 every other power, past 2^8 every third: at most four ticks each way.
    expect(ratioAxis([75, 36, 203], 0.02).ticks).toEqual([1 / 512, 1 / 64, 1 / 8, 1, 8, 64, 512])
    const labels = config.options!.scales!.y as {
      ticks: { callback: (v: number) => string }
    }
    expect([1 / 64, 0.125, 0.5, 1 / 1.5, 1, 2].map((v) => labels.ticks.callback(v))).toEqual([
      '1/64×',
      '0.125×',
      '0.5×',
      '0.67×',
      '1×',
      '2×'
    ])
  })

  it('a ratio of 8 leaves the no-change band in sight', () => {
    const slow = syntheticRun(
      [
        { workers: 1, wallMs: [10, 10.2, 9.9, 10.1, 10] },
        { workers: 2, wallMs: [6, 6.1, 5.9, 6, 6.2] }
      ],
      {},
      2,
      'before'
    )
    const eightTimes = syntheticRun(
      [
        { workers: 1, wallMs: [80, 81, 79, 80, 82] },
        { workers: 2, wallMs: [48, 49, 47, 48, 50] }
      ],
      {},
      2,
      'after'
    )
    const outcome = compareRuns(slow, eightTimes, { resamples: 500 })
    if (!outcome.ok) throw new Error('comparable runs were refused')
    const config = comparisonChart(outcome.value, ctx)
    const y = config.options!.scales!.y as { type?: string; min: number; max: number }
    // The y scale as chart.js maps it (log or linear), over a 190 px plot.
    const area = { top: 10, bottom: 200, left: 40, right: 400 }
    const f = y.type === 'logarithmic' ? Math.log : (v: number) => v
    const pixel = (v: number): number =>
      area.bottom - ((f(v) - f(y.min)) / (f(y.max) - f(y.min))) * (area.bottom - area.top)
    const rects: number[][] = []
    const canvas = {
      save() {},
      restore() {},
      fillText() {},
      fillRect: (...r: number[]) => rects.push(r)
    }
    const chart = {
      scales: { y: { getPixelForValue: pixel } },
      ctx: canvas,
      chartArea: area,
      options: { font: { family: 'sans-serif' } }
    }
    const draw = band.beforeDatasetsDraw as unknown as (c: unknown, a: unknown, o: unknown) => void
    draw(chart, {}, config.options!.plugins!.band)
    expect(rects).toHaveLength(1)
    const [, top, , height] = rects[0]
    expect(height).toBeGreaterThanOrEqual(BAND_MIN_PX)
    // Centred on 1×, within the plot.
    expect(top + height / 2).toBeCloseTo(pixel(1), 0)
    expect(top).toBeGreaterThanOrEqual(area.top)
  })
})

describe('the explainer draws both laws through the user’s points', () => {
  it('the USL curve is drawn whenever it was fitted, not only when it fits best', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: [100, 101, 99, 100, 102, 100] },
        { workers: 2, wallMs: [55, 56, 54, 55, 57, 55] },
        { workers: 3, wallMs: [42, 43, 41, 42, 44, 42] },
        { workers: 4, wallMs: [36, 37, 35, 36, 38, 36] }
      ],
      {},
      8
    )
    const analysis = runView(run).analysis
    const fit = analysis.models.comparison
    if (!fit?.usl) return expect.fail('no USL fit on four counts')
    const labels = (both: boolean) =>
      modelChart(analysis, ctx, { bothModels: both }).data.datasets.map((d) => d.label ?? '')
    expect(labels(true).some((l) => l.startsWith('USL'))).toBe(true)
    expect(labels(true).some((l) => l.startsWith('Amdahl'))).toBe(true)
    if (fit.best !== 'usl') expect(labels(false).some((l) => l.startsWith('USL'))).toBe(false)
  })
})

describe('a wait run’s graphs draw its ideal (issue 17)', () => {
  // 16 requests of 10 ms on 1, 4 and 32 workers (32 > 2 cores: waiting is not oversubscribed).
  const wait = syntheticRun(
    [
      { workers: 1, wallMs: [165, 166, 164, 167, 165, 166] },
      { workers: 4, wallMs: [42, 43, 41, 44, 42, 43] },
      { workers: 32, wallMs: [11, 12, 11, 12, 11, 12] }
    ],
    { job: 'wait', wait: { requests: 16, delayMs: 10 } }
  )
  const waitRows = runView(wait).rows

  it('wall time: the bound ceil(R/N)·delay is a dashed line over the bars, in the legend', () => {
    const config = wallTimeChart(waitRows, ctx)
    const bound = config.data.datasets[1] as unknown as {
      type: string
      label: string
      data: number[]
    }
    expect(bound.type).toBe('line')
    expect(bound.label).toBe(en.wait.idealBound)
    expect(bound.data).toEqual([160, 40, 10])
    expect((config.options!.plugins as { legend: { display: boolean } }).legend.display).toBe(true)
    // A sum run has no bound.
    expect(wallTimeChart(rows, ctx).data.datasets).toHaveLength(1)
  })

  it('speedup: the ideal is R ÷ ceil(R/N), not N past the requests', () => {
    const config = speedupChart(waitRows, 'split', ctx, { requests: 16, delayMs: 10 })
    const ideal = config.data.datasets[1]
    expect(ideal.label).toBe(en.wait.idealSpeedup)
    const y = (x: number): number | undefined => ideal.data.find((p) => p.x === x)?.y
    expect(y(4)).toBe(4)
    expect(y(32)).toBe(16)
  })

  it('the rows carry the ideal and follow the analysis: 32 waiting workers are not oversubscribed', () => {
    expect(waitRows.map((r) => r.idealMs)).toEqual([160, 40, 10])
    expect(waitRows.every((r) => !r.oversubscribed)).toBe(true)
    const sum = runView(
      syntheticRun([
        { workers: 1, wallMs: [100, 101, 99] },
        { workers: 4, wallMs: [60, 61, 59] }
      ])
    ).rows
    expect(sum.find((r) => r.workers === 4)?.oversubscribed).toBe(true)
  })
})

describe('the size chart marks a break-even at one size only where the data place it there', () => {
  /** A sweep's break-even at 58,000 with the interval given (null: beyond the sizes measured). */
  const swept = (lower: number | null, upper: number | null): SizeSweepAnalysis =>
    ({
      job: 'sum',
      pool: 'warm',
      breakEven: { status: 'crosses', size: 58_000, interval: { lower, upper } }
    }) as unknown as SizeSweepAnalysis

  it('draws the line for an interval within half a decade, none for a wider one', () => {
    expect(breakEvenMarkers([swept(40_000, 90_000)], ctx).map((m) => m.x)).toEqual([58_000])
    expect(breakEvenMarkers([swept(10_000, 1_000_000)], ctx)).toEqual([])
    expect(breakEvenMarkers([swept(null, 90_000)], ctx)).toEqual([])
  })
})
