import type { Messages } from '../../lib/i18n'
import { formatTick } from '@shared/format'
import type { ChartPalette } from './colors'

/** What every graph's configuration is built from: the theme's colours and the user's language. */
export interface ChartContext {
  palette: ChartPalette
  m: Messages
  locale: string
}

/** An axis in the theme's colours, with its title. */
export function axis(ctx: ChartContext, title: string) {
  return {
    title: { display: true, text: title, color: ctx.palette.muted },
    ticks: { color: ctx.palette.muted },
    grid: { color: ctx.palette.grid },
    border: { color: ctx.palette.grid }
  }
}

/** The options every graph shares: an opaque background (for PNG export) and the legend. */
export function basePlugins(ctx: ChartContext, legend = true) {
  return {
    canvasBackground: { color: ctx.palette.background },
    legend: {
      display: legend,
      position: 'top' as const,
      align: 'end' as const,
      labels: { color: ctx.palette.text, boxWidth: 12, boxHeight: 12, padding: 10 }
    }
  }
}

/** Tick labels of a speedup axis: "2×". */
export const timesTick = (ctx: ChartContext) => (value: string | number) =>
  `${formatTick(Number(value), ctx.locale)}×`
