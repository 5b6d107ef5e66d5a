import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip
} from 'chart.js'
import { canvasBackground, whiskers } from './plugins'

/** Only the chart.js parts the four graphs use (keeps the bundle small). */
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  canvasBackground,
  whiskers
)

// A measuring tool draws what it measured, at once: no tweening between states.
Chart.defaults.animation = false
Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", sans-serif'
Chart.defaults.font.size = 11
Chart.defaults.maintainAspectRatio = false

export { Chart }
