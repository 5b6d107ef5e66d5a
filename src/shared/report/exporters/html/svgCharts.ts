/**
 * The report's charts as inline SVG, drawn from the analysis by pure
 * functions: no script, no canvas, nothing fetched, so a report opens from
 * disk in any browser and prints as drawn. The same charts as the app's
 * Results tab: the speedup with its intervals and the ideal line, the wall
 * time with min … max, and the last repetition's worker timeline; a study
 * adds the speedup by problem size.
 */
import type { WorkerTiming } from '../../../result'
import { formatInteger, formatTick } from '../../../format'
import { escapeHtml } from '../../table'

const WIDTH = 640
const HEIGHT = 300
const M = { left: 60, right: 16, top: 14, bottom: 46 }
const PLOT_W = WIDTH - M.left - M.right
const PLOT_H = HEIGHT - M.top - M.bottom

/** Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00']
const PHASE_COLORS = {
  spawn: '#999999',
  dispatch: '#e69f00',
  compute: '#0072b2',
  collect: '#009e73'
}

const f = (x: number): string => (Math.round(x * 10) / 10).toString()

interface Scale {
  (value: number): number
  ticks: number[]
}

function linear(min: number, max: number, from: number, to: number, ticks: number[]): Scale {
  const span = max - min || 1
  const s = ((v: number) => from + ((v - min) / span) * (to - from)) as Scale
  s.ticks = ticks
  return s
}

/** About five round ticks from 0 to at least `max`. */
function niceTicks(max: number): { ticks: number[]; top: number } {
  const raw = Math.max(max, 1e-9) / 5
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw
  const top = Math.ceil(max / step) * step
  const ticks: number[] = []
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Number(t.toPrecision(12)))
  return { ticks, top }
}

export interface ChartText {
  title: string
  description: string
  xLabel: string
  yLabel: string
}

/** The frame every chart shares: axes, ticks, labels, a legend; `body` draws the data. */
function frame(
  kind: string,
  text: ChartText,
  x: Scale,
  y: Scale,
  xTick: (v: number) => string,
  yTick: (v: number) => string,
  body: string,
  legend: { label: string; color: string; dashed?: boolean }[],
  points: number
): string {
  const grid = y.ticks
    .map(
      (t) =>
        `<line class="grid" x1="${M.left}" x2="${WIDTH - M.right}" y1="${f(y(t))}" y2="${f(y(t))}"/>` +
        `<text class="tick" x="${M.left - 6}" y="${f(y(t) + 4)}" text-anchor="end">${escapeHtml(yTick(t))}</text>`
    )
    .join('')
  const xTicks = x.ticks
    .map(
      (t) =>
        `<text class="tick" x="${f(x(t))}" y="${HEIGHT - M.bottom + 16}" text-anchor="middle">${escapeHtml(xTick(t))}</text>`
    )
    .join('')
  const axes =
    `<line class="axis" x1="${M.left}" x2="${WIDTH - M.right}" y1="${HEIGHT - M.bottom}" y2="${HEIGHT - M.bottom}"/>` +
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${HEIGHT - M.bottom}"/>` +
    `<text class="label" x="${M.left + PLOT_W / 2}" y="${HEIGHT - 8}" text-anchor="middle">${escapeHtml(text.xLabel)}</text>` +
    `<text class="label" transform="translate(14 ${M.top + PLOT_H / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(text.yLabel)}</text>`
  const key = legend
    .map(
      (l) =>
        `<span class="key"><svg width="18" height="10" aria-hidden="true"><line x1="1" x2="17" y1="5" y2="5" stroke="${l.color}" stroke-width="3"${l.dashed ? ' stroke-dasharray="4 3"' : ''}/></svg>${escapeHtml(l.label)}</span>`
    )
    .join('')
  return (
    `<figure class="chart" data-chart="${kind}">` +
    `<figcaption><strong>${escapeHtml(text.title)}</strong> ${escapeHtml(text.description)}</figcaption>` +
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(text.title)}" data-points="${points}">` +
    `${grid}${axes}${xTicks}${body}</svg>` +
    (key ? `<div class="legend">${key}</div>` : '') +
    `</figure>`
  )
}

export interface SpeedupPoint {
  workers: number
  speedup: number
  low: number | null
  high: number | null
}

/** Speedup against worker count: each series with its 95% intervals, and the ideal line N. */
export function speedupChart(
  series: { label: string; points: SpeedupPoint[] }[],
  text: ChartText & { ideal: string; idealLine: boolean }
): string {
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.speedup))
  const counts = [...new Set(all.map((p) => p.workers))].sort((a, b) => a - b)
  const maxN = Math.max(1, ...counts)
  const top = Math.max(
    text.idealLine ? maxN : 1,
    ...all.map((p) => Math.max(p.speedup, p.high ?? 0))
  )
  const yt = niceTicks(top * 1.05)
  const x = linear(1, Math.max(2, maxN), M.left + 10, WIDTH - M.right - 10, counts)
  const y = linear(0, yt.top, HEIGHT - M.bottom, M.top, yt.ticks)
  let body = text.idealLine
    ? `<line class="ideal" x1="${f(x(1))}" y1="${f(y(1))}" x2="${f(x(maxN))}" y2="${f(y(maxN))}" stroke="#666" stroke-dasharray="5 4"/>`
    : ''
  series.forEach((s, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length]
    const pts = s.points.filter((p) => Number.isFinite(p.speedup))
    body += `<polyline class="series" fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${f(x(p.workers))},${f(y(p.speedup))}`).join(' ')}"/>`
    for (const p of pts) {
      if (p.low !== null && p.high !== null) {
        body +=
          `<line class="interval" stroke="${color}" stroke-width="1.5" x1="${f(x(p.workers))}" x2="${f(x(p.workers))}" y1="${f(y(p.low))}" y2="${f(y(p.high))}"/>` +
          `<line stroke="${color}" x1="${f(x(p.workers) - 4)}" x2="${f(x(p.workers) + 4)}" y1="${f(y(p.low))}" y2="${f(y(p.low))}"/>` +
          `<line stroke="${color}" x1="${f(x(p.workers) - 4)}" x2="${f(x(p.workers) + 4)}" y1="${f(y(p.high))}" y2="${f(y(p.high))}"/>`
      }
      body += `<circle class="point" cx="${f(x(p.workers))}" cy="${f(y(p.speedup))}" r="4" fill="${color}"><title>${p.workers}: ${p.speedup.toFixed(2)}×${p.low !== null && p.high !== null ? ` [${p.low.toFixed(2)}, ${p.high.toFixed(2)}]` : ''}</title></circle>`
    }
  })
  const legend = [
    ...series.map((s, i) => ({ label: s.label, color: SERIES_COLORS[i % SERIES_COLORS.length] })),
    ...(text.idealLine ? [{ label: text.ideal, color: '#666', dashed: true }] : [])
  ]
  return frame(
    'speedup',
    text,
    x,
    y,
    (v) => String(v),
    (v) => formatTick(v),
    body,
    legend,
    all.length
  )
}

export interface WallPoint {
  workers: number
  medianMs: number
  minMs: number
  maxMs: number
}

/** Wall time by worker count: a bar per series at the median, whiskers min … max. */
export function wallTimeChart(
  series: { label: string; points: WallPoint[] }[],
  text: ChartText
): string {
  const counts = [...new Set(series.flatMap((s) => s.points.map((p) => p.workers)))].sort(
    (a, b) => a - b
  )
  const top = Math.max(...series.flatMap((s) => s.points.map((p) => p.maxMs)), 1e-6)
  const yt = niceTicks(top * 1.05)
  const slot = PLOT_W / Math.max(1, counts.length)
  const index = new Map(counts.map((c, i) => [c, i]))
  const x = ((v: number) => M.left + slot * ((index.get(v) ?? 0) + 0.5)) as Scale
  x.ticks = counts
  const y = linear(0, yt.top, HEIGHT - M.bottom, M.top, yt.ticks)
  const barW = Math.min(48, (slot * 0.7) / Math.max(1, series.length))
  let body = ''
  let drawn = 0
  series.forEach((s, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length]
    for (const p of s.points) {
      if (!Number.isFinite(p.medianMs)) continue
      drawn++
      const cx = x(p.workers) + (i - (series.length - 1) / 2) * barW
      body +=
        `<rect class="bar" x="${f(cx - barW / 2 + 1)}" y="${f(y(p.medianMs))}" width="${f(barW - 2)}" height="${f(HEIGHT - M.bottom - y(p.medianMs))}" fill="${color}" fill-opacity="0.75"><title>${p.workers}: ${p.medianMs.toFixed(3)} ms (${p.minMs.toFixed(3)} … ${p.maxMs.toFixed(3)})</title></rect>` +
        `<line class="whisker" stroke="#222" x1="${f(cx)}" x2="${f(cx)}" y1="${f(y(p.minMs))}" y2="${f(y(p.maxMs))}"/>` +
        `<line stroke="#222" x1="${f(cx - 5)}" x2="${f(cx + 5)}" y1="${f(y(p.minMs))}" y2="${f(y(p.minMs))}"/>` +
        `<line stroke="#222" x1="${f(cx - 5)}" x2="${f(cx + 5)}" y1="${f(y(p.maxMs))}" y2="${f(y(p.maxMs))}"/>`
    }
  })
  const legend = series.map((s, i) => ({
    label: s.label,
    color: SERIES_COLORS[i % SERIES_COLORS.length]
  }))
  return frame(
    'wall-time',
    text,
    x,
    y,
    (v) => String(v),
    (v) => formatTick(v),
    body,
    legend,
    drawn
  )
}

/** What each worker did in one repetition: spawn, dispatch, compute, result message. */
export function timelineChart(
  workers: readonly WorkerTiming[],
  text: ChartText & {
    phase: { spawn: string; dispatch: string; compute: string; collect: string }
    worker: (i: number) => string
  }
): string {
  const end = Math.max(1e-6, ...workers.map((w) => w.receivedAt))
  const start = Math.min(0, ...workers.map((w) => w.spawnStart ?? w.dispatchedAt))
  const xt = niceTicks(end - start)
  const x = linear(
    start,
    start + xt.top,
    M.left,
    WIDTH - M.right,
    xt.ticks.map((t) => t + start)
  )
  const rowH = PLOT_H / Math.max(1, workers.length)
  const yRow = (i: number): number => M.top + i * rowH
  const y = linear(0, 1, HEIGHT - M.bottom, M.top, [])
  let body = ''
  let drawn = 0
  workers.forEach((w, i) => {
    const h = Math.min(22, rowH * 0.7)
    const top = yRow(i) + (rowH - h) / 2
    const span = (from: number | null, to: number | null, phase: keyof typeof PHASE_COLORS) => {
      if (from === null || to === null || !(to >= from)) return
      drawn++
      body += `<rect class="phase ${phase}" x="${f(x(from))}" y="${f(top)}" width="${f(Math.max(0.5, x(to) - x(from)))}" height="${f(h)}" fill="${PHASE_COLORS[phase]}"><title>${escapeHtml(text.worker(i + 1))} · ${escapeHtml(text.phase[phase])}: ${(to - from).toFixed(3)} ms</title></rect>`
    }
    span(w.spawnStart, w.readyAt, 'spawn')
    span(w.dispatchedAt, w.computeStart, 'dispatch')
    span(w.computeStart, w.computeEnd, 'compute')
    span(w.computeEnd, w.receivedAt, 'collect')
    body += `<text class="tick" x="${M.left - 6}" y="${f(top + h / 2 + 4)}" text-anchor="end">${escapeHtml(text.worker(i + 1))}</text>`
  })
  const legend = (Object.keys(PHASE_COLORS) as (keyof typeof PHASE_COLORS)[]).map((p) => ({
    label: text.phase[p],
    color: PHASE_COLORS[p]
  }))
  return frame(
    'timeline',
    { ...text, yLabel: '' },
    x,
    y,
    (v) => formatTick(v),
    () => '',
    body,
    legend,
    drawn
  )
}

export interface SizePoint {
  size: number
  speedup: number
  error: number | null
}

/** A size sweep: N over 1 at each problem size (log scale), with the error, and the line at 1. */
export function sizeSpeedupChart(points: SizePoint[], text: ChartText): string {
  const usable = points.filter((p) => p.size > 0 && Number.isFinite(p.speedup))
  const sizes = usable.map((p) => p.size)
  const lo = Math.log10(Math.min(...sizes, 10))
  const hi = Math.log10(Math.max(...sizes, 100))
  const top = Math.max(1.2, ...usable.map((p) => p.speedup + (p.error ?? 0)))
  const yt = niceTicks(top * 1.05)
  const decades: number[] = []
  for (let d = Math.floor(lo); d <= Math.ceil(hi); d++) decades.push(d)
  const xl = linear(lo, hi === lo ? lo + 1 : hi, M.left + 10, WIDTH - M.right - 10, decades)
  const x = ((v: number) => xl(Math.log10(v))) as Scale
  x.ticks = decades.filter((d) => d >= lo - 1e-9 && d <= hi + 1e-9).map((d) => 10 ** d)
  const y = linear(0, yt.top, HEIGHT - M.bottom, M.top, yt.ticks)
  const color = SERIES_COLORS[0]
  let body = `<line class="ideal" x1="${M.left}" x2="${WIDTH - M.right}" y1="${f(y(1))}" y2="${f(y(1))}" stroke="#666" stroke-dasharray="5 4"/>`
  body += `<polyline class="series" fill="none" stroke="${color}" stroke-width="2" points="${usable.map((p) => `${f(x(p.size))},${f(y(p.speedup))}`).join(' ')}"/>`
  for (const p of usable) {
    if (p.error !== null && p.error > 0)
      body += `<line class="interval" stroke="${color}" x1="${f(x(p.size))}" x2="${f(x(p.size))}" y1="${f(y(Math.max(0, p.speedup - p.error)))}" y2="${f(y(p.speedup + p.error))}"/>`
    body += `<circle class="point" cx="${f(x(p.size))}" cy="${f(y(p.speedup))}" r="4" fill="${color}"><title>${formatInteger(p.size)}: ${p.speedup.toFixed(2)}×</title></circle>`
  }
  return frame(
    'size-speedup',
    text,
    x,
    y,
    (v) => `10^${Math.round(Math.log10(v))}`,
    (v) => formatTick(v),
    body,
    [],
    usable.length
  )
}
