import { untrack } from 'svelte'
import type { Attachment } from 'svelte/attachments'
import type { Chart, ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js'
import { queueDraw } from './drawQueue'
import { registerCharts } from './register'

/**
 * Attaches a chart.js chart to a canvas, once. The chart is created when the
 * canvas mounts, fed a snapshot of the data (chart.js mutates what it is
 * given), updated when the configuration changes, and destroyed when the
 * canvas goes away. The configuration is built once per change (the first
 * run of the effect creates the chart); updates are drawn one chart per
 * frame (drawQueue), so a new result does not redraw every graph in one task.
 */
export function chart<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
  config: () => ChartConfiguration<TType, TData, TLabel>
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const ChartClass = registerCharts()
    let instance: Chart<TType, TData, TLabel> | null = null
    let cancel = (): void => {}
    $effect(() => {
      const next = config()
      const data = $state.snapshot(next.data) as typeof next.data
      if (!instance) {
        instance = untrack(() => new ChartClass(canvas, { ...next, data }))
        return
      }
      const target = instance
      cancel()
      cancel = queueDraw(() => {
        target.data = data
        if (next.options) target.options = next.options
        target.update()
      })
    })
    return () => {
      cancel()
      instance?.destroy()
    }
  }
}
