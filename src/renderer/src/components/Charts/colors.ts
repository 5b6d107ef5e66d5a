/**
 * Chart colours come from the theme's CSS custom properties (app.css), so
 * charts follow the stylesheet, light or dark. The series colours are the
 * Okabe–Ito set, told apart with every common colour-vision deficiency.
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

/** The light theme's colours: used where no stylesheet answers (tests, a bare page). */
export const FALLBACK_PALETTE: ChartPalette = {
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

/** The palette a computed style declares (`--chart-*`), with the fallback for what it leaves out. */
export function paletteFromStyle(
  style: Pick<CSSStyleDeclaration, 'getPropertyValue'>
): ChartPalette {
  const v = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback
  const f = FALLBACK_PALETTE
  return {
    text: v('--chart-text', f.text),
    muted: v('--chart-muted', f.muted),
    grid: v('--chart-grid', f.grid),
    background: v('--chart-background', f.background),
    series: f.series.map((c, i) => v(`--chart-series-${i + 1}`, c)),
    ideal: v('--chart-ideal', f.ideal),
    whisker: v('--chart-whisker', f.whisker),
    bar: v('--chart-bar', f.bar),
    spawn: v('--chart-spawn', f.spawn),
    dispatch: v('--chart-dispatch', f.dispatch),
    compute: v('--chart-compute', f.compute),
    collect: v('--chart-collect', f.collect),
    idle: v('--chart-idle', f.idle)
  }
}

/** "#0072b2" + 0.7 → "rgba(0, 114, 178, 0.7)"; other colour syntaxes pass through. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)
  if (!hex) return color
  const n = parseInt(hex[1], 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}
