import { LogarithmicScale } from 'chart.js'
import { Chart } from '../../../lib/charts/register'
import { errorBars, verticalMarkers } from './plugins'

/**
 * What the Scaling view's graphs add to the app's chart.js parts: the log
 * axis of time vs problem size, error bars on points, and the break-even
 * marker. Nothing else is registered.
 */
Chart.register(LogarithmicScale, errorBars, verticalMarkers)

export { Chart }
