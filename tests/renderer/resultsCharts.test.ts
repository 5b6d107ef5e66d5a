import { describe, expect, it } from 'vitest'
import { speedupChart, wallTimeChart } from '../../src/renderer/src/components/Charts/resultsCharts'
import { comparisonChart, niceStep } from '../../src/renderer/src/components/Charts/compareChart'
import { modelChart } from '../../src/renderer/src/components/Charts/scalingCharts'
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

  it('the ratio axis ends on whole steps (no "2.14×" tick) and holds every interval', () => {
    const config = comparisonChart(comparison, ctx)
    const y = config.options!.scales!.y as { min: number; max: number; ticks: { stepSize: number } }
    const step = y.ticks.stepSize
    expect([1, 2, 2.5, 5]).toContain(Number((step / 10 ** Math.floor(Math.log10(step))).toFixed(6)))
    for (const end of [y.min, y.max]) expect(end / step).toBeCloseTo(Math.round(end / step), 9)
    for (const r of comparison.rows) {
      expect(y.min).toBeLessThanOrEqual(r.time.low!)
      expect(y.max).toBeGreaterThanOrEqual(r.time.high!)
    }
    expect(niceStep(2.14)).toBe(0.5)
    expect(niceStep(0.3)).toBe(0.1)
    expect(niceStep(1.2)).toBe(0.25)
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
