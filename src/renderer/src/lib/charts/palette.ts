/**
 * Chart colours come from the theme's CSS custom properties, so charts follow
 * the stylesheet (and a future dark theme) instead of hard-coding colours.
 * The series colours are the Okabe–Ito set, readable with colour blindness.
 */
export interface ChartPalette {
  text: string
  muted: string
  grid: string
  background: string
  series: string[]
  ideal: string
  whisker: string
  bar: string
  spawn: string
  dispatch: string
  compute: string
  collect: string
  idle: string
}

const FALLBACK: ChartPalette = {
  text: '#1d2330',
  muted: '#5b6473',
  grid: '#e3e6ec',
  background: '#ffffff',
  series: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'],
  ideal: '#8a93a3',
  whisker: '#1d2330',
  bar: '#0072b2',
  spawn: '#cc79a7',
  dispatch: '#56b4e9',
  compute: '#0072b2',
  collect: '#e69f00',
  idle: '#d9dde4'
}

export function readPalette(element: Element = document.documentElement): ChartPalette {
  const style = getComputedStyle(element)
  const v = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback
  return {
    text: v('--chart-text', FALLBACK.text),
    muted: v('--chart-muted', FALLBACK.muted),
    grid: v('--chart-grid', FALLBACK.grid),
    background: v('--chart-background', FALLBACK.background),
    series: FALLBACK.series.map((c, i) => v(`--chart-series-${i + 1}`, c)),
    ideal: v('--chart-ideal', FALLBACK.ideal),
    whisker: v('--chart-whisker', FALLBACK.whisker),
    bar: v('--chart-bar', FALLBACK.bar),
    spawn: v('--chart-spawn', FALLBACK.spawn),
    dispatch: v('--chart-dispatch', FALLBACK.dispatch),
    compute: v('--chart-compute', FALLBACK.compute),
    collect: v('--chart-collect', FALLBACK.collect),
    idle: v('--chart-idle', FALLBACK.idle)
  }
}
