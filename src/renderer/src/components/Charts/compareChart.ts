import type { ChartConfiguration, Scale, TooltipItem } from 'chart.js'
import type { RunComparison } from '@shared/analysis/compareRuns'
import { formatFixed, formatInteger, formatRatio } from '@shared/format'
import { withAlpha } from './colors'
import { axis, basePlugins } from './options'
import type { ChartContext } from './options'

type Point = { x: string; y: number }

/** The no-change band's least drawn height: a far ratio would leave it a hairline. */
export const BAND_MIN_PX = 6

/** Ratios past 1 an axis may end on: 1.05, 1.1, 1.25, 1.5, then 2, 3, 4, 6, 8, 12, 16, … */
const SMALL_ENDS = [1.05, 1.1, 1.25, 1.5]
const ENDS = [
  ...SMALL_ENDS,
  ...Array.from({ length: 30 }, (_, k) => [2 ** (k + 1), 3 * 2 ** k]).flat()
]

/**
 * The ticks past 1 on an axis that ends at `end`, far enough apart for their
 * labels: the end and the step before it up to 3×, then powers of 2, at
 * most four (2, 4, 8; 4, 16, 64; 8, 64, 512 …).
 */
function ticksAbove(end: number): number[] {
  if (end <= 2) return [...SMALL_ENDS, 2].filter((r) => r <= end).slice(-2)
  if (end < 4) return [2, end]
  const top = Math.floor(Math.log2(end))
  const every = Math.ceil(top / 4)
  const ticks: number[] = []
  for (let k = every; k <= top; k += every) ticks.push(2 ** k)
  return ticks
}

/**
 * The ratio axis: logarithmic and symmetric about 1 (a run twice as slow and
 * one twice as fast sit as far from 1), just past every point and interval
 * and the no-change band with a little room, ticks at 1× and at ratios and
 * their inverses (0.5×, 1×, 2×). On a linear axis a ratio of 8 pressed the
 * band around 1 to a sliver at the foot.
 */
export function ratioAxis(
  values: number[],
  threshold: number
): { min: number; max: number; ticks: number[] } {
  const reach = Math.max(
    Math.log2(1 + 2 * threshold),
    ...values.filter((v) => v > 0 && Number.isFinite(v)).map((v) => Math.abs(Math.log2(v)))
  )
  // 15% of the reach as room, so no marker or interval touches the edge.
  const needed = 2 ** (reach * 1.15)
  const max = ENDS.find((e) => e >= needed) ?? needed
  const above = ticksAbove(max)
  const ticks = [...above.map((r) => 1 / r).reverse(), 1, ...above]
  return { min: 1 / max, max, ticks }
}

/**
 * A ratio as a tick: exact to the digits it has (0.125×, 0.5×, 2×), else two
 * decimals (0.67×); the inverse of a power of 2 past 8 as a fraction (1/64×).
 */
function ratioTick(value: number, locale: string): string {
  if (value < 0.1 && Number.isInteger(1 / value)) return `1/${formatInteger(1 / value, locale)}×`
  const decimals = [0, 1, 2, 3].find((d) => Math.abs(Number(value.toFixed(d)) - value) < 1e-9)
  return `${formatFixed(value, decimals ?? 2, locale)}×`
}

/**
 * Each worker count's time ratio (candidate ÷ baseline) with its 95%
 * bootstrap interval, over the no-change band 1 ± threshold: a point whose
 * interval leaves the band (and excludes 1) is a change; one inside it is
 * noise. Below 1 the candidate is faster.
 */
export function comparisonChart(
  comparison: RunComparison,
  ctx: ChartContext
): ChartConfiguration<'line', Point[], string> {
  const { palette, m, locale } = ctx
  const t = m.compare
  const rows = comparison.rows
  const intervals = rows.map((r) =>
    r.time.low !== null && r.time.high !== null ? { low: r.time.low, high: r.time.high } : null
  )
  const values = rows.flatMap((r, i) => [
    r.time.ratio,
    intervals[i]?.low ?? r.time.ratio,
    intervals[i]?.high ?? r.time.ratio
  ])
  const y = ratioAxis(values, comparison.threshold)
  const colors = rows.map((r) =>
    r.time.verdict === 'improved'
      ? palette.series[2]
      : r.time.verdict === 'regressed'
        ? palette.series[5]
        : palette.series[0]
  )
  return {
    type: 'line',
    data: {
      labels: rows.map((r) => String(r.workers)),
      datasets: [
        {
          label: t.chartSeries,
          data: rows.map((r) => ({ x: String(r.workers), y: r.time.ratio })),
          showLine: false,
          borderColor: palette.series[0],
          backgroundColor: colors,
          pointBorderColor: colors,
          pointRadius: 5,
          pointHoverRadius: 7
        }
      ]
    },
    options: {
      plugins: {
        ...basePlugins(ctx, false),
        band: {
          from: 1 - comparison.threshold,
          to: 1 + comparison.threshold,
          color: withAlpha(palette.ideal, 0.2),
          // A far ratio leaves the band a few pixels tall at most: it stays in sight.
          minHeight: BAND_MIN_PX,
          label: t.noChangeBand(formatFixed(comparison.threshold * 100, 0, locale)),
          labelColor: palette.muted
        },
        errorBars: { sets: [{ datasetIndex: 0, intervals }], color: palette.text },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) =>
              m.charts.series.workers(rows[items[0]?.dataIndex ?? 0]?.workers ?? 0),
            label: (item: TooltipItem<'line'>) => {
              const row = rows[item.dataIndex]
              const i = intervals[item.dataIndex]
              const range = i
                ? `[${formatFixed(i.low, 3, locale)}, ${formatFixed(i.high, 3, locale)}]`
                : t.noInterval
              return `${formatRatio(row.time.ratio, locale)} ${range} · ${t.verdict[row.time.verdict]}`
            }
          }
        }
      },
      scales: {
        x: { ...axis(ctx, t.columns.workers), offset: true, grid: { display: false } },
        y: {
          ...axis(ctx, t.chartAxis),
          type: 'logarithmic',
          min: y.min,
          max: y.max,
          // chart.js would put a log axis's ticks at 1, 2, 5 × 10^k: these are the ratios and their inverses.
          afterBuildTicks: (scale: Scale) => {
            scale.ticks = y.ticks.map((value) => ({ value }))
          },
          ticks: {
            color: palette.muted,
            autoSkip: false,
            callback: (value: string | number) => ratioTick(Number(value), locale)
          }
        }
      }
    }
  }
}
