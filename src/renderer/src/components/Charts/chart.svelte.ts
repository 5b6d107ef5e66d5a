import { untrack } from 'svelte'
import type { Attachment } from 'svelte/attachments'
import type { ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js'
import { registerCharts } from './register'

/**
 * Attaches a chart.js chart to a canvas, once. The chart is created when the
 * canvas mounts, fed a snapshot of the data (chart.js mutates what it is
 * given), updated in place when the configuration changes, and destroyed when
 * the canvas goes away.
 */
export function chart<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
  config: () => ChartConfiguration<TType, TData, TLabel>
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const Chart = registerCharts()
    const initial = untrack(config)
    const instance = new Chart(canvas, {
      ...initial,
      data: $state.snapshot(initial.data) as typeof initial.data
    })
    let first = true
    $effect(() => {
      const next = config()
      const data = $state.snapshot(next.data) as typeof next.data
      if (first) {
        first = false
        return
      }
      instance.data = data
      if (next.options) instance.options = next.options
      instance.update()
    })
    return () => {
      instance.destroy()
    }
  }
}
