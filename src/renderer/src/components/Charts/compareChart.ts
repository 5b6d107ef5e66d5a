import type { ChartConfiguration, TooltipItem } from 'chart.js'
import type { RunComparison } from '@shared/analysis/compareRuns'
import { formatFixed, formatRatio, formatTick } from '@shared/format'
import { withAlpha } from './colors'
import { axis, basePlugins } from './options'
import type { ChartContext } from './options'

type Point = { x: string; y: number }

/**
 * A step of 1, 2, 2.5 or 5 × 10^k giving about five ticks over `span`: the
 * axis ends on whole steps, never on a tick like "2.14×".
 */
export function niceStep(span: number): number {
  const rough = span / 5
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= rough) ?? 10
  return step * power
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
  // The points, their intervals and the band around 1, with a margin: not
  // symmetric about 1, so ratios all well below 1 are not squeezed at the foot.
  const lowest = Math.min(1 - comparison.threshold * 2, ...values)
  const highest = Math.max(1 + comparison.threshold * 2, ...values)
  const margin = (highest - lowest) * 0.12
  const low = Math.max(0, lowest - margin)
  const high = highest + margin
  const step = niceStep(high - low)
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
          min: Math.max(0, Math.floor(low / step) * step),
          max: Math.ceil(high / step) * step,
          ticks: {
            color: palette.muted,
            stepSize: step,
            callback: (value: string | number) => `${formatTick(Number(value), locale)}×`
          }
        }
      }
    }
  }
}
