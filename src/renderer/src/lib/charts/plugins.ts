import type { ChartType, Plugin } from 'chart.js'

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

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    whiskers?: WhiskerOptions
    canvasBackground?: BackgroundOptions
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
