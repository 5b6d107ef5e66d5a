import type { TooltipItem } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { summarize } from '../../src/shared/history'
import { historyChart } from '../../src/renderer/src/components/Charts/resultsCharts'
import type { HistorySeries } from '../../src/shared/historyPage'
import { FALLBACK_PALETTE } from '../../src/renderer/src/components/Charts/colors'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { syntheticRun } from '../helpers/syntheticRun'

/** Three runs of one configuration: two a second apart, one a month later. */
function runs() {
  const at = ['2026-11-01T10:00:00.000Z', '2026-11-01T10:00:01.000Z', '2026-12-01T10:00:00.000Z']
  return at
    .map((startedAt, i) => {
      const run = syntheticRun(
        [
          { workers: 1, wallMs: [100, 101, 99] },
          { workers: 2, wallMs: [60 - i * 5, 61 - i * 5, 59 - i * 5] }
        ],
        {},
        2,
        `run-${i}`
      )
      return summarize({ ...run, startedAt })
    })
    .reverse() // the store lists newest first
}

describe('the speedup-history graph', () => {
  // The series as main sends it (historyView's seriesOf, tested in historyPages.test.ts): oldest first.
  const oldestFirst = runs().reverse()
  const series: HistorySeries = {
    key: null,
    total: 3,
    points: oldestFirst.map((r, i) => ({
      id: r.id,
      startedAt: r.startedAt,
      order: i + 1,
      speedups: r.points.filter((p) => p.workers > 1)
    })),
    decimated: false,
    first: oldestFirst[0].startedAt,
    last: oldestFirst[2].startedAt,
    latest: oldestFirst[2].points.filter((p) => p.workers > 1),
    revision: 1
  }
  const config = historyChart(series, { palette: FALLBACK_PALETTE, m: en, locale: 'en' })
  const points = config.data.datasets[0].data

  it('places runs in their order, one step apart, however close in time', () => {
    expect(points.map((p) => p.x)).toEqual([1, 2, 3])
    expect(points.map((p) => p.y.toFixed(2))).toEqual(['1.67', '1.82', '2.00'])
    const x = config.options?.scales?.x as { min: number; max: number; title: { text: string } }
    expect([x.min, x.max]).toEqual([0.5, 3.5])
    expect(x.title.text).toBe('When each run started, oldest to newest')
  })

  it('labels each run’s step with its date and time, to the second (never “#1”)', () => {
    const x = config.options?.scales?.x as {
      ticks: { callback: (v: number) => string | string[] }
    }
    const tick = (v: number): string => [x.ticks.callback(v)].flat().join(' ')
    expect(tick(1)).toMatch(/^Nov 1 \d\d:00:00$/)
    expect(tick(2)).toMatch(/^Nov 1 \d\d:00:01$/)
    expect(tick(3)).toMatch(/^Dec 1 /)
    expect(tick(2.5)).toBe('')
    expect(tick(1)).not.toContain('#')
  })

  it('draws each run’s 95% interval and the ideal N× of each worker count', () => {
    const bars = config.options?.plugins?.errorBars?.sets ?? []
    expect(bars).toHaveLength(1)
    const intervals = bars[0].intervals!
    expect(intervals).toHaveLength(3)
    oldestFirst.forEach((run, i) => {
      const two = run.points.find((p) => p.workers === 2)!
      expect(intervals[i]).toEqual({ low: two.low, high: two.high })
      expect(intervals[i]!.low).toBeLessThan(points[i].y)
      expect(intervals[i]!.high).toBeGreaterThan(points[i].y)
    })
    const ideal = config.data.datasets[1]
    expect(ideal.label).toBe('Ideal (N×)')
    expect(ideal.data.map((p) => p.y)).toEqual([2, 2])
    expect(ideal.data.map((p) => p.x)).toEqual([0.5, 3.5])
    // The ideal is on the graph: the axis reaches it.
    const y = config.options?.scales?.y as { suggestedMax: number }
    expect(y.suggestedMax).toBeGreaterThanOrEqual(2)
  })

  it('names the run under the pointer: its place and when it ran', () => {
    const title = config.options?.plugins?.tooltip?.callbacks?.title as (
      items: TooltipItem<'line'>[]
    ) => string
    const second = title([{ raw: points[1] } as TooltipItem<'line'>])
    expect(second).toMatch(/^Run 2 of 3 · Nov 1, 2026/)
    expect(second).not.toBe(title([{ raw: points[0] } as TooltipItem<'line'>]))
  })
})
