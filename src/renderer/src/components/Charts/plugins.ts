import type { ChartType, Plugin } from 'chart.js'

/** The app's own chart.js plugins: each draws what chart.js has no element for. */

/** Min … max of one bar, in the bar's value units. */
export interface Whisker {
  min: number
  max: number
}

export interface WhiskerOptions {
  /** Which dataset the whiskers belong to, and one whisker per data index. */
  datasetIndex?: number
  ranges?: (Whisker | null)[]
  color?: string
}

export interface BackgroundOptions {
  color?: string
}

/** ± error bars over the points of one line dataset, in the y axis's units. */
export interface ErrorBarSet {
  datasetIndex: number
  /** One half-width per data index; null or 0 draws nothing there. */
  errors: (number | null)[]
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

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    whiskers?: WhiskerOptions
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

/** Draws min … max whiskers with caps over a vertical bar dataset. */
export const whiskers: Plugin = {
  id: 'whiskers',
  afterDatasetsDraw(chart, _args, options: WhiskerOptions) {
    const ranges = options.ranges
    if (!ranges?.length) return
    const meta = chart.getDatasetMeta(options.datasetIndex ?? 0)
    if (meta.hidden) return
    const y = chart.scales[meta.yAxisID ?? 'y']
    if (!y) return
    const { ctx } = chart
    ctx.save()
    ctx.strokeStyle = options.color ?? '#333'
    ctx.lineWidth = 1.5
    meta.data.forEach((bar, i) => {
      const range = ranges[i]
      if (!range) return
      const { x, width } = bar.getProps(['x', 'width'], true) as { x: number; width: number }
      const top = y.getPixelForValue(range.max)
      const bottom = y.getPixelForValue(range.min)
      const cap = Math.min(10, width * 0.25)
      ctx.beginPath()
      ctx.moveTo(x, top)
      ctx.lineTo(x, bottom)
      ctx.moveTo(x - cap, top)
      ctx.lineTo(x + cap, top)
      ctx.moveTo(x - cap, bottom)
      ctx.lineTo(x + cap, bottom)
      ctx.stroke()
    })
    ctx.restore()
  }
}

/** Draws y ± e bars with caps on line points (the whiskers plugin is for bars). */
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
        const e = set.errors[i]
        const value = data[i]?.y
        if (!e || !Number.isFinite(e) || !Number.isFinite(value)) return
        const { x } = point.getProps(['x'], true) as { x: number }
        const top = y.getPixelForValue(value + e)
        const bottom = y.getPixelForValue(value - e)
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
