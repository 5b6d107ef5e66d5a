import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  Tooltip
} from 'chart.js'
import { KOREAN_FACE } from '../../lib/fonts'
import { band, canvasBackground, errorBars, strips, verticalMarkers } from './plugins'

let registered = false

/** Used where the page has no --font-ui (a test without app.css). */
const FALLBACK_FAMILY = `system-ui, sans-serif, "${KOREAN_FACE}"`

export function chartFontFamily(): string {
  const root = globalThis.document?.documentElement
  const family = root ? getComputedStyle(root).getPropertyValue('--font-ui').trim() : ''
  return family || FALLBACK_FAMILY
}

/**
 * The one chart.js registration: only the parts the app's graphs use (keeps
 * the bundle small), and the app's defaults. Called by the chart attachment
 * before it creates a chart — importing a module never changes the registry.
 */
export function registerCharts(): typeof Chart {
  if (registered) return Chart
  registered = true
  Chart.register(
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    CategoryScale,
    LinearScale,
    // Time against problem size (Scaling view).
    LogarithmicScale,
    Tooltip,
    Legend,
    canvasBackground,
    strips,
    band,
    errorBars,
    verticalMarkers
  )
  // A measuring tool draws what it measured, at once: no tweening between states.
  Chart.defaults.animation = false
  // The page's own font list (app.css --font-ui), so a chart's Hangul is drawn
  // by the bundled face the i18n loader made ready, as the page's is.
  Chart.defaults.font.family = chartFontFamily()
  Chart.defaults.font.size = 11
  Chart.defaults.maintainAspectRatio = false
  return Chart
}
