import type { ChartType, Plugin } from 'chart.js'

/** The app's own chart.js plugins: each draws what chart.js has no element for. */

/** Every sample of each bar, drawn as a strip of dots over it (in the bar's value units). */
export interface StripOptions {
  /** Which dataset the strips belong to, and one list of samples per data index. */
  datasetIndex?: number
  samples?: (readonly number[])[]
  color?: string
}

export interface BackgroundOptions {
  color?: string
}

/** An interval around one point, in the y axis's units. */
export interface Interval {
  low: number
  high: number
}

/** Error bars over the points of one line dataset, in the y axis's units. */
export interface ErrorBarSet {
  datasetIndex: number
  /** One ± half-width per data index; null or 0 draws nothing there. */
  errors?: (number | null)[]
  /** Or one interval per data index (a bootstrap interval need not be symmetric). */
  intervals?: (Interval | null)[]
}

export interface ErrorBarOptions {
  sets?: ErrorBarSet[]
  color?: string
}

/** A vertical line at an x value, with a label at its top. */
export interface VerticalMarker {
  x: number
  label: string
  color: string
  dash?: number[]
}

export interface VerticalMarkerOptions {
  markers?: VerticalMarker[]
  /** Behind the labels, so they stay readable over grid lines and data. */
  labelBackground?: string
}

/** A horizontal band between two y values (a no-change zone), labelled at its right end. */
export interface BandOptions {
  from?: number
  to?: number
  color?: string
  label?: string
  labelColor?: string
  /**
   * Least height drawn, in pixels, centred where the band is: on an axis
   * reaching far past it the band would shrink to a hairline and vanish.
   */
  minHeight?: number
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    strips?: StripOptions
    band?: BandOptions
    canvasBackground?: BackgroundOptions
    errorBars?: ErrorBarOptions
    verticalMarkers?: VerticalMarkerOptions
  }
}

/**
 * Paints the canvas before drawing, so a PNG export is not transparent (a
 * transparent chart on a dark image viewer is unreadable).
 */
export const canvasBackground: Plugin = {
  id: 'canvasBackground',
  beforeDraw(chart, _args, options: BackgroundOptions) {
    if (!options.color) return
    const { ctx, width, height } = chart
    ctx.save()
    ctx.globalCompositeOperation = 'destination-over'
    ctx.fillStyle = options.color
    ctx.fillRect(0, 0, width, height)
    ctx.restore()
  }
}

/**
 * Draws every sample of a vertical bar dataset as a dot over its bar, spread
 * sideways by a fixed pattern (not at random: the same run draws the same
 * picture), so how the repetitions fall — tight, spread, one outlier — shows.
 */
export const strips: Plugin = {
  id: 'strips',
  afterDatasetsDraw(chart, _args, options: StripOptions) {
    const samples = options.samples
    if (!samples?.length) return
    const meta = chart.getDatasetMeta(options.datasetIndex ?? 0)
    if (meta.hidden) return
    const y = chart.scales[meta.yAxisID ?? 'y']
    if (!y) return
    const { ctx } = chart
    ctx.save()
    ctx.fillStyle = options.color ?? '#333'
    ctx.globalAlpha = 0.75
    meta.data.forEach((bar, i) => {
      const values = samples[i]
      if (!values?.length) return
      const { x, width } = bar.getProps(['x', 'width'], true) as { x: number; width: number }
      const spread = Math.min(14, width * 0.3)
      const radius = values.length > 40 ? 1.5 : 2.5
      values.forEach((value, k) => {
        if (!Number.isFinite(value)) return
        // Golden-ratio steps fill −1…1 evenly for any number of samples.
        const offset = values.length === 1 ? 0 : (((k * 0.618034) % 1) * 2 - 1) * spread
        ctx.beginPath()
        ctx.arc(x + offset, y.getPixelForValue(value), radius, 0, Math.PI * 2)
        ctx.fill()
      })
    })
    ctx.restore()
  }
}

/** Draws y ± e bars, or low … high intervals, with caps on line points. */
export const errorBars: Plugin = {
  id: 'errorBars',
  afterDatasetsDraw(chart, _args, options: ErrorBarOptions) {
    if (!options.sets?.length) return
    const { ctx, chartArea } = chart
    ctx.save()
    // A wide interval must not run over the axes and the legend.
    ctx.beginPath()
    ctx.rect(
      chartArea.left,
      chartArea.top,
      chartArea.right - chartArea.left,
      chartArea.bottom - chartArea.top
    )
    ctx.clip()
    ctx.lineWidth = 1.25
    for (const set of options.sets) {
      const meta = chart.getDatasetMeta(set.datasetIndex)
      if (meta.hidden || !chart.isDatasetVisible(set.datasetIndex)) continue
      const y = chart.scales[meta.yAxisID ?? 'y']
      const data = chart.data.datasets[set.datasetIndex]?.data as { y: number }[] | undefined
      if (!y || !data) continue
      ctx.strokeStyle =
        options.color ?? String(chart.data.datasets[set.datasetIndex].borderColor ?? '#333')
      meta.data.forEach((point, i) => {
        const value = data[i]?.y
        const e = set.errors?.[i]
        const interval =
          set.intervals?.[i] ??
          (e && Number.isFinite(e) ? { low: value - e, high: value + e } : null)
        if (!interval || !Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return
        const { x } = point.getProps(['x'], true) as { x: number }
        const top = y.getPixelForValue(interval.high)
        const bottom = y.getPixelForValue(interval.low)
        ctx.beginPath()
        ctx.moveTo(x, top)
        ctx.lineTo(x, bottom)
        ctx.moveTo(x - 4, top)
        ctx.lineTo(x + 4, top)
        ctx.moveTo(x - 4, bottom)
        ctx.lineTo(x + 4, bottom)
        ctx.stroke()
      })
    }
    ctx.restore()
  }
}

/**
 * Vertical lines at given x values (a break-even size), each labelled at the
 * top of the plot area; labels that would overlap are stacked downwards.
 */
export const verticalMarkers: Plugin = {
  id: 'verticalMarkers',
  afterDatasetsDraw(chart, _args, options: VerticalMarkerOptions) {
    const markers = options.markers
    const x = chart.scales.x
    if (!markers?.length || !x) return
    const { ctx, chartArea } = chart
    ctx.save()
    ctx.font = `600 11px ${String(chart.options.font?.family ?? 'sans-serif')}`
    ctx.textBaseline = 'top'
    const taken: { left: number; right: number; row: number }[] = []
    for (const marker of markers) {
      const px = x.getPixelForValue(marker.x)
      if (!Number.isFinite(px) || px < chartArea.left || px > chartArea.right) continue
      ctx.strokeStyle = marker.color
      ctx.lineWidth = 1.5
      ctx.setLineDash(marker.dash ?? [])
      ctx.beginPath()
      ctx.moveTo(px, chartArea.top)
      ctx.lineTo(px, chartArea.bottom)
      ctx.stroke()
      ctx.setLineDash([])

      const width = ctx.measureText(marker.label).width + 8
      // Keep the label inside the plot: to the right of the line unless it would overflow.
      const left = px + width + 4 > chartArea.right ? px - width - 4 : px + 4
      let row = 0
      while (taken.some((t) => t.row === row && left < t.right && left + width > t.left)) row++
      taken.push({ left, right: left + width, row })
      const top = chartArea.top + 4 + row * 18
      ctx.fillStyle = options.labelBackground ?? 'rgba(255, 255, 255, 0.88)'
      ctx.fillRect(left, top - 2, width, 16)
      ctx.fillStyle = marker.color
      ctx.fillText(marker.label, left + 4, top + 1)
    }
    ctx.restore()
  }
}

/** Shades y from … to behind the data (where a change is too small to count). */
export const band: Plugin = {
  id: 'band',
  beforeDatasetsDraw(chart, _args, options: BandOptions) {
    const y = chart.scales.y
    if (options.from === undefined || options.to === undefined || !y) return
    const { ctx, chartArea } = chart
    let top = y.getPixelForValue(options.to)
    let bottom = y.getPixelForValue(options.from)
    const short = (options.minHeight ?? 0) - (bottom - top)
    if (short > 0) {
      top -= short / 2
      bottom += short / 2
    }
    top = Math.max(chartArea.top, top)
    bottom = Math.min(chartArea.bottom, bottom)
    if (bottom <= top) return
    ctx.save()
    ctx.fillStyle = options.color ?? 'rgba(0, 0, 0, 0.06)'
    ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top)
    if (options.label) {
      ctx.font = `11px ${String(chart.options.font?.family ?? 'sans-serif')}`
      ctx.fillStyle = options.labelColor ?? '#555'
      ctx.textAlign = 'right'
      ctx.textBaseline = 'bottom'
      ctx.fillText(
        options.label,
        chartArea.right - 4,
        top - 2 < chartArea.top + 12 ? bottom + 12 : top - 2
      )
    }
    ctx.restore()
  }
}
