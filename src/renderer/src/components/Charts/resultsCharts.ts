import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js'
import type { HistorySeries } from '@shared/historyPage'
import type { WorkerTiming } from '@shared/result'
import { idealLine, waitIdealLine } from '../../lib/results/idealLine'
import type { ResultView } from '../../lib/results/runView'
import type { WaitConfig, Workload } from '@shared/config'
import {
  durationUnit,
  formatDateTime,
  formatDuration,
  formatInteger,
  formatSpeedup
} from '@shared/format'
import { withAlpha } from './colors'
import type { Interval } from './plugins'
import { dateTimeLines } from '../History/shortDateTime'
import { axis, basePlugins, timesTick } from './options'
import type { ChartContext } from './options'

type Point = { x: number; y: number }
type Span = [number, number]

const byWorkers = (results: readonly ResultView[]): ResultView[] =>
  [...results].sort((a, b) => a.workers - b.workers)

/**
 * 1. Median wall time per worker count, every repetition a dot over its bar;
 * for the wait, its ideal bound ceil(R/N)·delay dashed across the bars (the
 * time no run can beat: each worker's requests one after another).
 */
export function wallTimeChart(
  results: readonly ResultView[],
  ctx: ChartContext
): ChartConfiguration<'bar', number[], string> {
  const rows = byWorkers(results)
  const bound = rows.some((r) => r.idealMs !== null)
  const { unit, scale } = durationUnit(Math.max(0, ...rows.map((r) => r.maxMs)))
  const rep = (r: ResultView): number[] => r.wallSamplesMs.map((ms) => ms * scale)
  const { palette, m } = ctx
  const idealBound = {
    type: 'line' as const,
    label: m.wait.idealBound,
    data: rows.map((r) => (r.idealMs === null ? Number.NaN : r.idealMs * scale)),
    borderColor: palette.ideal,
    backgroundColor: palette.ideal,
    borderDash: [6, 4],
    borderWidth: 1.5,
    pointRadius: 3,
    pointStyle: 'line' as const,
    order: -1
  }
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => String(r.workers)),
      datasets: [
        {
          label: m.charts.series.median,
          data: rows.map((r) => r.medianMs * scale),
          // Light enough for the dots over it to read.
          backgroundColor: withAlpha(palette.bar, 0.45),
          borderColor: palette.bar,
          borderWidth: 1,
          maxBarThickness: 64
        },
        // A line over bars: chart.js draws a mixed chart from one 'bar' configuration.
        ...(bound ? [idealBound as unknown as ChartDataset<'bar', number[]>] : [])
      ]
    },
    options: {
      plugins: {
        ...basePlugins(ctx, bound),
        strips: { datasetIndex: 0, samples: rows.map(rep), color: palette.whisker },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) =>
              m.charts.series.workers(rows[items[0]?.dataIndex ?? 0]?.workers ?? 0),
            label: (item: TooltipItem<'bar'>) => {
              const r = rows[item.dataIndex]
              if (item.datasetIndex === 1)
                return `${m.wait.idealBound}: ${formatDuration(r.idealMs, ctx.locale)}`
              return m.charts.series.samples(
                formatDuration(r.medianMs, ctx.locale),
                r.n,
                `${formatDuration(r.minMs, ctx.locale)} … ${formatDuration(r.maxMs, ctx.locale)}`
              )
            }
          }
        }
      },
      scales: {
        x: { ...axis(ctx, m.charts.axis.workers), grid: { display: false } },
        y: {
          ...axis(ctx, unit === 's' ? m.charts.axis.wallS : m.charts.axis.wallMs),
          beginAtZero: true,
          suggestedMax: Math.max(0, ...rows.map((r) => r.maxMs * scale))
        }
      }
    }
  }
}

/**
 * 2. Speedup against worker count with each point's 95% interval, and the
 * ideal line. The x axis runs half a step past the first and last count, so
 * no marker or interval is cut at an edge.
 */
export function speedupChart(
  results: readonly ResultView[],
  workload: Workload,
  ctx: ChartContext,
  wait: WaitConfig | null = null
): ChartConfiguration<'line', Point[]> {
  const rows = byWorkers(results)
  const { palette, m } = ctx
  const maxN = Math.max(1, ...rows.map((r) => r.workers))
  // The wait's ideal is R ÷ ceil(R/N) at each count (N where R divides evenly).
  const ideal: Point[] = wait ? waitIdealLine(wait.requests, maxN) : idealLine(maxN)
  const measured = rows.filter((r) => Number.isFinite(r.speedup))
  const intervals = measured.map((r) =>
    r.speedupLow !== null && r.speedupHigh !== null
      ? { low: r.speedupLow, high: r.speedupHigh }
      : null
  )
  const top = Math.max(
    maxN,
    ...measured.map((r) => r.speedup),
    ...intervals.map((i) => i?.high ?? 0)
  )
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: m.charts.series.measured,
          data: measured.map((r) => ({ x: r.workers, y: r.speedup })),
          borderColor: palette.series[0],
          backgroundColor: palette.series[0],
          pointRadius: 4,
          pointHoverRadius: 6,
          borderWidth: 2
        },
        {
          label: wait
            ? m.wait.idealSpeedup
            : workload === 'split'
              ? m.charts.series.ideal
              : m.charts.series.idealReplicate,
          data: ideal,
          borderColor: palette.ideal,
          backgroundColor: palette.ideal,
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointRadius: 0,
          pointHoverRadius: 0
        }
      ]
    },
    options: {
      plugins: {
        ...basePlugins(ctx, true),
        errorBars: { sets: [{ datasetIndex: 0, intervals }], color: palette.series[0] },
        tooltip: {
          filter: (item: TooltipItem<'line'>) => item.datasetIndex === 0,
          callbacks: {
            title: (items: TooltipItem<'line'>[]) =>
              m.charts.series.workers((items[0]?.raw as Point | undefined)?.x ?? 0),
            label: (item: TooltipItem<'line'>) => {
              const speedup = formatSpeedup((item.raw as Point).y, ctx.locale)
              const interval = intervals[item.dataIndex]
              return interval
                ? `${speedup} (${m.charts.series.interval(formatSpeedup(interval.low, ctx.locale), formatSpeedup(interval.high, ctx.locale))})`
                : speedup
            }
          }
        }
      },
      scales: {
        x: {
          ...axis(ctx, m.charts.axis.workers),
          type: 'linear',
          min: 0.5,
          max: Math.max(2, maxN) + 0.5,
          ticks: {
            color: palette.muted,
            precision: 0,
            stepSize: maxN <= 16 ? 1 : undefined,
            // Worker counts only: the half steps at the ends are room, not counts.
            callback: (value: string | number) =>
              Number.isInteger(Number(value)) && Number(value) >= 1
                ? formatInteger(Number(value), ctx.locale)
                : ''
          }
        },
        y: {
          ...axis(ctx, m.charts.axis.speedup),
          beginAtZero: true,
          suggestedMax: top * 1.05,
          ticks: {
            color: palette.muted,
            callback: timesTick(ctx)
          }
        }
      }
    }
  }
}

/** The phases of one worker in one repetition, as [from, to] spans (ms since the repetition began). */
export function workerPhases(workers: readonly WorkerTiming[]): {
  spawn: (Span | null)[]
  dispatch: Span[]
  compute: Span[]
  collect: Span[]
  idle: Span[]
} {
  const end = Math.max(0, ...workers.map((w) => w.receivedAt))
  return {
    spawn: workers.map((w) =>
      w.spawnStart !== null && w.readyAt !== null ? [w.spawnStart, w.readyAt] : null
    ),
    dispatch: workers.map((w) => [w.dispatchedAt, w.computeStart]),
    compute: workers.map((w) => [w.computeStart, w.computeEnd]),
    collect: workers.map((w) => [w.computeEnd, w.receivedAt]),
    idle: workers.map((w) => [w.receivedAt, end])
  }
}

/** 3. What every worker did in the last repetition: spawn, dispatch, compute, result, idle. */
export function timelineChart(
  workers: readonly WorkerTiming[],
  ctx: ChartContext
): ChartConfiguration<'bar', (Span | null)[], string> {
  const { palette, m } = ctx
  const phases = workerPhases(workers)
  const series = m.charts.series
  const dataset = (label: string, data: (Span | null)[], color: string) => ({
    label,
    data,
    backgroundColor: color,
    borderColor: color,
    borderWidth: 0,
    borderSkipped: false as const,
    grouped: false,
    barPercentage: 0.7,
    categoryPercentage: 0.9
  })
  return {
    type: 'bar',
    data: {
      // Cluster workers: where each ran.
      labels: workers.map((w, i) => m.chartData.worker(i + 1) + (w.host ? ` · ${w.host}` : '')),
      datasets: [
        dataset(series.spawn, phases.spawn, palette.spawn),
        dataset(series.dispatch, phases.dispatch, palette.dispatch),
        dataset(series.compute, phases.compute, palette.compute),
        dataset(series.collect, phases.collect, palette.collect),
        dataset(series.idle, phases.idle, palette.idle)
      ]
    },
    options: {
      indexAxis: 'y',
      plugins: {
        ...basePlugins(ctx, true),
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const span = item.raw as Span | null
              if (!span) return ''
              return `${item.dataset.label}: ${formatDuration(span[1] - span[0], ctx.locale)} (${formatDuration(span[0], ctx.locale)} → ${formatDuration(span[1], ctx.locale)})`
            }
          }
        }
      },
      scales: {
        x: { ...axis(ctx, m.charts.axis.timeMs), type: 'linear', min: 0 },
        y: { ...axis(ctx, ''), title: { display: false }, grid: { display: false } }
      }
    }
  }
}

/**
 * 4. The speedup of comparable runs (one configuration key: same job, size,
 * sharing, backend, pool and kernel) over time: one line per worker count,
 * each run's 95% interval, and the ideal N× for each count. Runs sit one
 * step apart in the order they ran (two runs a second apart stay apart), and
 * each tick is the date and time its run started.
 */
export function historyChart(
  series: HistorySeries | null,
  ctx: ChartContext
): ChartConfiguration<'line', Point[]> {
  const { palette, m } = ctx
  const byCount = new Map<number, { points: Point[]; intervals: (Interval | null)[] }>()
  /** When each plotted run started, by its place in the order. */
  const started = new Map<number, string>()
  for (const run of series?.points ?? []) {
    started.set(run.order, run.startedAt)
    for (const point of run.speedups) {
      let line = byCount.get(point.workers)
      if (!line) byCount.set(point.workers, (line = { points: [], intervals: [] }))
      line.points.push({ x: run.order, y: point.speedup })
      line.intervals.push(
        point.low !== undefined && point.high !== undefined
          ? { low: point.low, high: point.high }
          : null
      )
    }
  }
  const counts = [...byCount.keys()].sort((a, b) => a - b)
  const total = series?.total ?? 0
  const many = counts.length > palette.series.length
  const shown = counts.filter((_, i) => !(many && i >= palette.series.length))
  const shell = m.shell
  const xMin = 0.5
  const xMax = Math.max(1, total) + 0.5
  const top = Math.max(
    1,
    ...shown,
    ...shown.flatMap((n) => byCount.get(n)?.points.map((p) => p.y) ?? []),
    ...shown.flatMap((n) => byCount.get(n)?.intervals.map((i) => i?.high ?? 0) ?? [])
  )
  const measured = counts.map((n, i) => {
    const color = palette.series[i % palette.series.length]
    const line = byCount.get(n)!
    return {
      label: m.charts.series.workers(n),
      data: line.points,
      borderColor: color,
      backgroundColor: color,
      borderWidth: 1.5,
      pointRadius: line.points.length > 200 ? 0 : 3,
      hidden: many && i >= palette.series.length
    }
  })
  // The ideal N× of each count shown: one dashed line each, one legend entry for all.
  const ideals = shown.map((n) => ({
    label: m.charts.series.ideal,
    data: [
      { x: xMin, y: n },
      { x: xMax, y: n }
    ],
    borderColor: palette.ideal,
    backgroundColor: palette.ideal,
    borderDash: [6, 4],
    borderWidth: 1.25,
    pointRadius: 0,
    pointHoverRadius: 0
  }))
  return {
    type: 'line',
    data: { datasets: [...measured, ...ideals] },
    options: {
      parsing: false,
      normalized: true,
      plugins: {
        ...basePlugins(ctx, true),
        legend: {
          ...basePlugins(ctx, true).legend,
          labels: {
            ...basePlugins(ctx, true).legend.labels,
            filter: (item: { datasetIndex?: number }) => (item.datasetIndex ?? 0) <= counts.length
          }
        },
        errorBars: {
          sets: counts.map((n, i) => ({
            datasetIndex: i,
            intervals: byCount.get(n)?.intervals ?? []
          }))
        },
        tooltip: {
          filter: (item: TooltipItem<'line'>) => item.datasetIndex < counts.length,
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => {
              const x = (items[0]?.raw as Point | undefined)?.x ?? 0
              return shell.historyRun(x, total, formatDateTime(started.get(x) ?? 0, ctx.locale))
            },
            label: (item: TooltipItem<'line'>) => {
              const speedup = formatSpeedup((item.raw as Point).y, ctx.locale)
              const interval = byCount.get(counts[item.datasetIndex])?.intervals[item.dataIndex]
              return interval
                ? `${item.dataset.label}: ${speedup} (${m.charts.series.interval(formatSpeedup(interval.low, ctx.locale), formatSpeedup(interval.high, ctx.locale))})`
                : `${item.dataset.label}: ${speedup}`
            }
          }
        }
      },
      scales: {
        x: {
          ...axis(ctx, shell.historyAxis),
          type: 'linear',
          min: xMin,
          max: xMax,
          ticks: {
            color: palette.muted,
            maxTicksLimit: 6,
            precision: 0,
            maxRotation: 0,
            // Each whole step is a run: its date and time, on two lines.
            callback: (value: string | number) => {
              const at = started.get(Number(value))
              return Number.isInteger(Number(value)) && at ? dateTimeLines(at, ctx.locale) : ''
            }
          }
        },
        y: {
          ...axis(ctx, m.charts.axis.speedup),
          beginAtZero: true,
          suggestedMax: top * 1.05,
          ticks: {
            color: palette.muted,
            callback: timesTick(ctx)
          }
        }
      }
    }
  }
}
