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
import { canvasBackground, errorBars, verticalMarkers, whiskers } from './plugins'

let registered = false

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
    whiskers,
    errorBars,
    verticalMarkers
  )
  // A measuring tool draws what it measured, at once: no tweening between states.
  Chart.defaults.animation = false
  Chart.defaults.font.family =
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", sans-serif'
  Chart.defaults.font.size = 11
  Chart.defaults.maintainAspectRatio = false
  return Chart
}
