import { describe, expect, it } from 'vitest'
import { speedupChart, wallTimeChart } from '../../src/renderer/src/components/Charts/resultsCharts'
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
