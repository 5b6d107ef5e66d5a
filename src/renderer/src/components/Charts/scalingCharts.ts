import type { ChartConfiguration, TooltipItem } from 'chart.js'
import { breakEvenTooWide } from '@shared/analysis/findingFacts'
import type {
  BackendComparisonAnalysis,
  RunAnalysis,
  SizeSweepAnalysis,
  WorkerCountAnalysis
} from '@shared/analysis'
import type { WorkloadComparisonAnalysis } from '@shared/analysis/workloadComparison'
import type { PoolMode } from '@shared/config'
import { amdahlSpeedup, uslSpeedup } from '@shared/stats'
import { withAlpha } from './colors'
import { axis, basePlugins, timesTick } from './options'
import type { ChartContext } from './options'
import {
  formatDuration,
  formatInteger,
  formatPercent,
  formatSignificant,
  formatTick
} from '@shared/format'
import type { ErrorBarSet, VerticalMarker } from './plugins'

type Point = { x: number; y: number }

/** What a worker count's "speedup" is: S for a fixed job, the scaled speedup for weak scaling. */
export function speedupOf(w: WorkerCountAnalysis): { value: number; error: number } {
  // The analysis already applies the workload's definition (N·T1/TN for weak scaling).
  return { value: w.speedup.speedup, error: w.speedup.speedupError }
}

/** Efficiency ± e: S/N, as the analysis gives it. */
export function efficiencyOf(w: WorkerCountAnalysis): { value: number; error: number } {
  return { value: w.speedup.efficiency, error: w.speedup.efficiencyError }
}

const sorted = (a: RunAnalysis): WorkerCountAnalysis[] =>
  [...a.workers].sort((x, y) => x.workers - y.workers)

/**
 * The worker axis: ticks at the measured counts' integers, with a little room
 * either side so points and their error bars are not cut by the plot's edge.
 */
function workerAxis(ctx: ChartContext, maxN: number) {
  const pad = Math.max(0.15, (maxN - 1) * 0.04)
  const step = maxN <= 16 ? 1 : Math.ceil(maxN / 12)
  return {
    ...axis(ctx, ctx.m.scaling.charts.axis.workers),
    type: 'linear' as const,
    min: 1 - pad,
    max: Math.max(2, maxN) + pad,
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
      const ticks: { value: number }[] = [{ value: 1 }]
      for (let n = step === 1 ? 2 : step; n <= maxN; n += step) ticks.push({ value: n })
      scale.ticks = ticks
    },
    ticks: { color: ctx.palette.muted, precision: 0 }
  }
}

/** N values from 1 to maxN, fine enough for a smooth model curve. */
function curveXs(maxN: number): number[] {
  const steps = 80
  return Array.from({ length: steps + 1 }, (_, i) => 1 + ((maxN - 1) * i) / steps)
}

const line = (
  label: string,
  data: Point[],
  color: string,
  extra: Record<string, unknown> = {}
) => ({
  label,
  data,
  borderColor: color,
  backgroundColor: color,
  borderWidth: 2,
  pointRadius: 4,
  pointHoverRadius: 6,
  ...extra
})

const curve = (label: string, data: Point[], color: string, dash: number[] = []) =>
  line(label, data, color, {
    borderWidth: 1.75,
    borderDash: dash,
    pointRadius: 0,
    pointHoverRadius: 0,
    tension: 0
  })

/** A horizontal line at y across the worker axis (the ceiling 1/f, the 100 % line). */
const level = (label: string, y: number, maxN: number, color: string, dash: number[]) =>
  curve(
    label,
    [
      { x: 1, y },
      { x: maxN, y }
    ],
    color,
    dash
  )

/** The ideal speedup S = N, dashed. */
const idealLine = (ctx: ChartContext, maxN: number) =>
  curve(
    ctx.m.scaling.charts.series.ideal,
    [
      { x: 1, y: 1 },
      { x: maxN, y: maxN }
    ],
    ctx.palette.ideal,
    [6, 4]
  )

/** The highest worker count measured, at least 2 (the axis always shows 1 and 2). */
const maxWorkers = (counts: readonly number[]): number => Math.max(2, ...counts)

/** "3.41 ± 0.05×": a speedup and its error, as the tooltips say it. */
const speedupText = (s: { value: number; error: number }, locale: string): string =>
  `${formatSignificant(s.value, locale)} ± ${formatSignificant(s.error, locale)}×`

/** The speedup axis: from zero to a little above the highest value. */
const speedupAxis = (ctx: ChartContext, top: number) => ({
  ...axis(ctx, ctx.m.scaling.charts.axis.speedup),
  beginAtZero: true,
  suggestedMax: top * 1.05,
  ticks: { color: ctx.palette.muted, callback: timesTick(ctx) }
})

/**
 * Speedup ± e against workers, the ideal line, the Amdahl (or USL) curve and
 * the ceiling 1/f. `bothModels` draws the USL curve whenever it was fitted,
 * not only when it fits best (the explainer shows both laws through the
 * user's own points).
 */
export function modelChart(
  a: RunAnalysis,
  ctx: ChartContext,
  { bothModels = false }: { bothModels?: boolean } = {}
): ChartConfiguration<'line', Point[]> {
  const { palette, m, locale } = ctx
  const c = m.scaling.charts
  const rows = sorted(a)
  const maxN = maxWorkers(rows.map((r) => r.workers))
  const weak = a.scaling === 'weak'
  const measured = rows.map((r) => ({ x: r.workers, y: speedupOf(r).value }))
  const datasets = [
    line(weak ? c.series.scaled : c.series.measured, measured, palette.series[0]),
    idealLine(ctx, maxN)
  ]
  const fit = a.models.comparison
  // The axis follows the values; an interval wider than the plot is clipped at its edge.
  let top = Math.max(maxN, ...rows.map((r) => speedupOf(r).value))
  if (fit?.amdahl) {
    const f = fit.amdahl.serialFraction
    datasets.push(
      curve(
        c.series.amdahl(formatSignificant(f, locale)),
        curveXs(maxN).map((x) => ({ x, y: amdahlSpeedup(f, x) })),
        palette.series[2]
      )
    )
    const ceiling = fit.amdahl.ceiling
    // The ceiling is drawn only where it is in sight; far above, the fit line says it.
    if (ceiling !== null && ceiling <= top * 1.6) {
      top = Math.max(top, ceiling)
      datasets.push(
        level(
          c.series.ceiling(formatSignificant(ceiling, locale)),
          ceiling,
          maxN,
          palette.series[2],
          [2, 3]
        )
      )
    }
  }
  if ((bothModels || fit?.best === 'usl') && fit?.usl) {
    const { sigma, kappa } = fit.usl
    datasets.push(
      curve(
        c.series.usl(formatSignificant(sigma, locale), formatSignificant(kappa, locale)),
        curveXs(maxN).map((x) => ({ x, y: uslSpeedup(sigma, kappa, x) })),
        palette.series[5],
        [8, 3]
      )
    )
  }
  const errors: ErrorBarSet[] = [{ datasetIndex: 0, errors: rows.map((r) => speedupOf(r).error) }]
  return {
    type: 'line',
    data: { datasets },
    options: {
      plugins: {
        ...basePlugins(ctx),
        errorBars: { sets: errors },
        tooltip: {
          filter: (item: TooltipItem<'line'>) => item.datasetIndex === 0,
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const r = rows[item.dataIndex]
              return `${m.charts.series.workers(r.workers)}: ${speedupText(speedupOf(r), locale)}`
            }
          }
        }
      },
      scales: {
        x: workerAxis(ctx, maxN),
        y: speedupAxis(ctx, top)
      }
    }
  }
}

/** Efficiency ± e against workers, with the 100 % line. */
export function efficiencyChart(
  a: RunAnalysis,
  ctx: ChartContext
): ChartConfiguration<'line', Point[]> {
  const { palette, m, locale } = ctx
  const c = m.scaling.charts
  const rows = sorted(a)
  const maxN = maxWorkers(rows.map((r) => r.workers))
  const points = rows.map((r) => ({ x: r.workers, y: efficiencyOf(r).value * 100 }))
  const top = Math.max(100, ...rows.map((r) => efficiencyOf(r).value * 100))
  return {
    type: 'line',
    data: {
      datasets: [
        line(c.series.efficiency, points, palette.series[0]),
        level(c.series.perfect, 100, maxN, palette.ideal, [6, 4])
      ]
    },
    options: {
      plugins: {
        ...basePlugins(ctx),
        errorBars: {
          sets: [{ datasetIndex: 0, errors: rows.map((r) => efficiencyOf(r).error * 100) }]
        },
        tooltip: {
          filter: (item: TooltipItem<'line'>) => item.datasetIndex === 0,
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const r = rows[item.dataIndex]
              const e = efficiencyOf(r)
              return `${m.charts.series.workers(r.workers)}: ${formatPercent(e.value, locale)} ± ${formatPercent(e.error, locale)}`
            }
          }
        }
      },
      scales: {
        x: workerAxis(ctx, maxN),
        y: {
          ...axis(ctx, c.axis.efficiency),
          beginAtZero: true,
          suggestedMax: top * 1.05,
          ticks: {
            color: palette.muted,
            callback: (v: string | number) => `${formatTick(Number(v), locale)} %`
          }
        }
      }
    }
  }
}

/** Karp–Flatt e(N) ± error against workers. */
export function karpFlattChart(
  a: RunAnalysis,
  ctx: ChartContext
): ChartConfiguration<'line', Point[]> {
  const { palette, m, locale } = ctx
  const c = m.scaling.charts
  const points = [...(a.karpFlatt?.points ?? [])].sort((x, y) => x.workers - y.workers)
  const maxN = maxWorkers(a.workers.map((r) => r.workers))
  return {
    type: 'line',
    data: {
      datasets: [
        line(
          c.series.karpFlatt,
          points.map((p) => ({ x: p.workers, y: p.serialFraction })),
          palette.series[0]
        )
      ]
    },
    options: {
      plugins: {
        ...basePlugins(ctx, false),
        errorBars: { sets: [{ datasetIndex: 0, errors: points.map((p) => p.error) }] },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const p = points[item.dataIndex]
              return `${m.charts.series.workers(p.workers)}: e = ${formatSignificant(p.serialFraction, locale)}${p.error ? ` ± ${formatSignificant(p.error, locale)}` : ''}`
            }
          }
        }
      },
      scales: {
        x: workerAxis(ctx, maxN),
        y: {
          ...axis(ctx, c.axis.karpFlatt),
          suggestedMin: 0,
          suggestedMax: Math.max(0.05, ...points.map((p) => p.serialFraction * 1.5)),
          ticks: {
            color: palette.muted,
            callback: (v: string | number) => formatTick(Number(v), locale)
          }
        }
      }
    }
  }
}

/** Stacked medians per worker count: spawn, dispatch, compute (mean), imbalance, merge. */
export function overheadChart(
  a: RunAnalysis,
  ctx: ChartContext
): ChartConfiguration<'bar', number[], string> {
  const { palette, m, locale } = ctx
  const s = m.scaling.charts.series
  const rows = sorted(a)
  const part = (label: string, data: number[], color: string) => ({
    label,
    data,
    backgroundColor: color,
    borderColor: color,
    borderWidth: 0,
    maxBarThickness: 56,
    stack: 'time'
  })
  const cold = rows.some((r) => r.overhead.spawnMs !== null)
  const datasets = [
    ...(cold
      ? [
          part(
            s.spawn,
            rows.map((r) => r.overhead.spawnMs ?? 0),
            palette.spawn
          )
        ]
      : []),
    part(
      s.dispatch,
      rows.map((r) => Math.max(0, r.overhead.dispatchMs)),
      palette.dispatch
    ),
    part(
      s.compute,
      rows.map((r) => r.overhead.computeMeanMs),
      palette.compute
    ),
    part(
      s.imbalance,
      rows.map((r) => Math.max(0, r.overhead.computeSlowestMs - r.overhead.computeMeanMs)),
      palette.collect
    ),
    part(
      s.merge,
      rows.map((r) => r.overhead.mergeMs),
      palette.series[5]
    )
  ]
  return {
    type: 'bar',
    data: { labels: rows.map((r) => String(r.workers)), datasets },
    options: {
      plugins: {
        ...basePlugins(ctx),
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) =>
              `${item.dataset.label}: ${formatDuration(Number(item.raw), locale)}`
          }
        }
      },
      scales: {
        x: { ...axis(ctx, m.scaling.charts.axis.workers), stacked: true, grid: { display: false } },
        y: { ...axis(ctx, m.scaling.charts.axis.timeMs), stacked: true, beginAtZero: true }
      }
    }
  }
}

/** Where N first beats one, as a marker: only for a sweep that has a break-even size. */
export function breakEvenMarkers(
  sweeps: readonly SizeSweepAnalysis[],
  ctx: ChartContext
): VerticalMarker[] {
  const { m, locale } = ctx
  return (
    sweeps
      // A line at one size only where the data place it there (its interval within half a decade).
      .filter((s) => s.breakEven.size !== null && !breakEvenTooWide(s.breakEven))
      .map((s) => ({
        x: s.breakEven.size!,
        // A command's sweep has one pool, which means nothing to it: its size is a value of {size}.
        label:
          s.job === 'command'
            ? m.scaling.size.command.marker(
                formatInteger(Number(s.breakEven.size!.toPrecision(2)), locale)
              )
            : m.scaling.size.marker(
                m.words[s.pool],
                formatInteger(Number(s.breakEven.size!.toPrecision(2)), locale)
              ),
        color: poolColor(s.pool, ctx),
        dash: s.pool === 'cold' ? [6, 4] : []
      }))
  )
}

const poolColor = (pool: PoolMode, ctx: ChartContext): string =>
  pool === 'warm' ? ctx.palette.series[2] : ctx.palette.series[3]

/** Median time of 1 worker and of N against the range length, log–log, one backend's sweeps. */
export function sizeChart(
  sweeps: readonly SizeSweepAnalysis[],
  ctx: ChartContext
): ChartConfiguration<'line', Point[]> {
  const { palette, m, locale } = ctx
  const t = m.scaling.size
  const datasets = sweeps.flatMap((s) => {
    const pool = m.words[s.pool]
    const command = s.job === 'command'
    const extra = {
      borderDash: s.pool === 'cold' ? [6, 4] : [],
      pointStyle: s.pool === 'cold' ? ('triangle' as const) : ('circle' as const),
      pointRadius: 3.5
    }
    return [
      line(
        command ? t.command.one : t.one(pool),
        s.points.map((p) => ({ x: p.size, y: p.t1.value })),
        palette.series[1],
        extra
      ),
      line(
        command ? t.command.many(s.workers) : t.many(s.workers, pool),
        s.points.map((p) => ({ x: p.size, y: p.tn.value })),
        palette.series[0],
        extra
      )
    ]
  })
  const sizes = sweeps.flatMap((s) => s.points.map((p) => p.size))
  return {
    type: 'line',
    data: { datasets },
    options: {
      plugins: {
        ...basePlugins(ctx),
        verticalMarkers: {
          markers: breakEvenMarkers(sweeps, ctx),
          labelBackground: withAlpha(palette.background, 0.9)
        },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) =>
              `${formatInteger((items[0]?.raw as Point | undefined)?.x ?? 0, locale)}`,
            label: (item: TooltipItem<'line'>) =>
              `${item.dataset.label}: ${formatDuration((item.raw as Point).y, locale)}`
          }
        }
      },
      scales: {
        x: {
          ...axis(ctx, sweeps[0]?.job === 'command' ? t.command.axisSize : t.axisSize),
          type: 'logarithmic',
          min: sizes.length ? Math.min(...sizes) / 1.5 : undefined,
          max: sizes.length ? Math.max(...sizes) * 1.5 : undefined,
          ticks: {
            color: palette.muted,
            // Only powers of ten carry a label: never rotate for the unlabelled minor ticks.
            maxRotation: 0,
            autoSkip: false,
            callback: (v: string | number) => powerOfTen(Number(v))
          }
        },
        y: {
          ...axis(ctx, t.axisTime),
          type: 'logarithmic',
          ticks: {
            color: palette.muted,
            callback: (v: string | number) => powerOfTen(Number(v), locale)
          }
        }
      }
    }
  }
}

/** Log-axis ticks at powers of ten only ("10⁶"), others unlabelled; small ones as plain numbers. */
function powerOfTen(value: number, locale?: string): string {
  const k = Math.log10(value)
  if (Math.abs(k - Math.round(k)) > 1e-9) return ''
  const e = Math.round(k)
  if (locale !== undefined && e >= -3 && e <= 4) return formatTick(value, locale)
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹'
  const digits = String(Math.abs(e))
    .split('')
    .map((d) => sup[Number(d)])
    .join('')
  return `10${e < 0 ? '⁻' : ''}${digits}`
}

/** Each backend's speedup ± e against workers, side by side, with the ideal line. */
export function backendSpeedupChart(
  c: BackendComparisonAnalysis,
  ctx: ChartContext
): ChartConfiguration<'line', Point[]> {
  const { palette, m, locale } = ctx
  const maxN = maxWorkers(c.workers)
  const rows = c.backends.map((b) => sorted(b.analysis))
  const datasets = [
    ...c.backends.map((b, i) =>
      line(
        m.words[b.backend],
        rows[i].map((r) => ({ x: r.workers, y: speedupOf(r).value })),
        palette.series[i]
      )
    ),
    idealLine(ctx, maxN)
  ]
  const top = Math.max(maxN, ...rows.flat().map((r) => speedupOf(r).value))
  return {
    type: 'line',
    data: { datasets },
    options: {
      plugins: {
        ...basePlugins(ctx),
        errorBars: {
          sets: rows.map((r, i) => ({ datasetIndex: i, errors: r.map((x) => speedupOf(x).error) }))
        },
        tooltip: {
          filter: (item: TooltipItem<'line'>) => item.datasetIndex < rows.length,
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const r = rows[item.datasetIndex][item.dataIndex]
              return `${item.dataset.label}, ${m.charts.series.workers(r.workers)}: ${speedupText(speedupOf(r), locale)}`
            }
          }
        }
      },
      scales: {
        x: workerAxis(ctx, maxN),
        y: speedupAxis(ctx, top)
      }
    }
  }
}

const MIB = 2 ** 20

/**
 * One figure per backend as bars, on its own axis: start cost (ms) and
 * memory (MiB) are two charts, never two axes of one (two scales on one
 * picture invite comparing bar heights that share no unit).
 */
function backendBars(
  c: BackendComparisonAnalysis,
  ctx: ChartContext,
  figure: { label: string; color: string; values: (number | null)[]; format: (v: number) => string }
): ChartConfiguration<'bar', (number | null)[], string> {
  const { m } = ctx
  return {
    type: 'bar',
    data: {
      labels: c.backends.map((b) => m.words[b.backend]),
      datasets: [
        {
          label: figure.label,
          data: figure.values,
          backgroundColor: withAlpha(figure.color, 0.8),
          borderColor: figure.color,
          borderWidth: 1,
          maxBarThickness: 48
        }
      ]
    },
    options: {
      plugins: {
        ...basePlugins(ctx, false),
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) =>
              `${figure.label}: ${figure.format(Number(item.raw))}`
          }
        }
      },
      scales: {
        x: { ...axis(ctx, m.scaling.backends.colBackend), grid: { display: false } },
        y: { ...axis(ctx, figure.label), beginAtZero: true }
      }
    }
  }
}

/** The median cold start of one worker, per backend. */
export function backendStartChart(
  c: BackendComparisonAnalysis,
  ctx: ChartContext
): ChartConfiguration<'bar', (number | null)[], string> {
  return backendBars(c, ctx, {
    label: ctx.m.scaling.backends.coldStart,
    color: ctx.palette.bar,
    values: c.backends.map((b) => b.coldStartMs),
    format: (v) => formatDuration(v, ctx.locale)
  })
}

/** Memory per worker (MiB), per backend; a backend not measured has no bar. */
export function backendMemoryChart(
  c: BackendComparisonAnalysis,
  ctx: ChartContext
): ChartConfiguration<'bar', (number | null)[], string> {
  return backendBars(c, ctx, {
    label: ctx.m.scaling.backends.memory,
    color: ctx.palette.series[2],
    values: c.backends.map((b) => (b.memory ? b.memory.rssBytesPerWorker / MIB : null)),
    format: (v) => `${formatSignificant(v, ctx.locale)} MiB`
  })
}

/**
 * CPU vs waiting (issue 17): each workload's speedup ± e on its backend over
 * the same worker counts, the ideal S = N, and a line at the core count. The
 * sum flattens at the cores; waiting keeps rising past them, even with no
 * worker at all (async).
 */
export function workloadSpeedupChart(
  c: WorkloadComparisonAnalysis,
  ctx: ChartContext
): ChartConfiguration<'line', Point[]> {
  const { palette, m, locale } = ctx
  const w = m.workloads
  const maxN = maxWorkers(c.workers)
  const label = (s: WorkloadComparisonAnalysis['series'][number]): string =>
    `${w.job[s.job]} · ${w.backend[s.backend] ?? s.backend}`
  const datasets = [
    ...c.series.map((s, i) =>
      line(
        label(s),
        s.points.map((p) => ({ x: p.workers, y: p.speedup.speedup })),
        palette.series[i % palette.series.length],
        // The sum is drawn solid, the waits dashed: two kinds of work, told apart without colour.
        s.job === 'wait' ? { borderDash: [5, 3] } : {}
      )
    ),
    idealLine(ctx, maxN)
  ]
  const top = Math.max(
    c.cores,
    ...c.series.flatMap((s) =>
      s.points.map((p) => p.speedup.speedup + (p.speedup.speedupError || 0))
    )
  )
  return {
    type: 'line',
    data: { datasets },
    options: {
      plugins: {
        ...basePlugins(ctx),
        errorBars: {
          sets: c.series.map((s, i) => ({
            datasetIndex: i,
            errors: s.points.map((p) => p.speedup.speedupError)
          }))
        },
        verticalMarkers: {
          markers: [{ x: c.cores, label: w.cores(c.cores), color: palette.muted, dash: [2, 3] }],
          labelBackground: withAlpha(palette.background, 0.9)
        },
        tooltip: {
          filter: (item: TooltipItem<'line'>) => item.datasetIndex < c.series.length,
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const p = c.series[item.datasetIndex].points[item.dataIndex]
              return `${item.dataset.label}, ${m.charts.series.workers(p.workers)}: ${speedupText({ value: p.speedup.speedup, error: p.speedup.speedupError }, locale)}`
            }
          }
        }
      },
      scales: {
        x: workerAxis(ctx, maxN),
        y: speedupAxis(ctx, Math.max(top, 2))
      }
    }
  }
}
