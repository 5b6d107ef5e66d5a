import { untrack } from 'svelte'
import type { Attachment } from 'svelte/attachments'
import type { Chart, ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js'
import { queueDraw } from './drawQueue'
import { registerCharts } from './register'

export interface ChartOptions {
  /**
   * Create the chart in a task of its own, after a frame (drawQueue), not in
   * the task that mounted its canvas: a view that mounts several graphs at
   * once then never creates them all in one long task, and the creation does
   * not pay for laying out the page just changed around it.
   */
  deferred?: boolean
  /** Called once, when the chart has been created and drawn for the first time. */
  ondrawn?: () => void
}

/**
 * Attaches a chart.js chart to a canvas, once. The chart is created when the
 * canvas mounts (or a frame later, `deferred`), fed a snapshot of the data
 * (chart.js mutates what it is given), updated when the configuration
 * changes, and destroyed when the canvas goes away. The configuration is
 * built once per change; updates are drawn one chart per frame (drawQueue),
 * so a new result does not redraw every graph in one task.
 */
export function chart<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
  config: () => ChartConfiguration<TType, TData, TLabel>,
  options: ChartOptions = {}
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const ChartClass = registerCharts()
    let instance: Chart<TType, TData, TLabel> | null = null
    let cancel = (): void => {}
    const create = (
      next: ChartConfiguration<TType, TData, TLabel>,
      data: typeof next.data
    ): void => {
      instance = untrack(() => new ChartClass(canvas, { ...next, data }))
      options.ondrawn?.()
    }
    $effect(() => {
      const next = config()
      const data = $state.snapshot(next.data) as typeof next.data
      cancel()
      if (!instance && !options.deferred) {
        create(next, data)
        return
      }
      cancel = queueDraw(() => {
        if (!instance) return create(next, data)
        instance.data = data
        if (next.options) instance.options = next.options
        instance.update()
      })
    })
    return () => {
      cancel()
      instance?.destroy()
    }
  }
}
