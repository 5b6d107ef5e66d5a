/**
 * Every graph in the app: the chart card and the Results tab's graphs, the
 * configurations the Scaling view's graphs are built from, and the theme's
 * chart colours. chart.js is registered once, by the chart attachment, when
 * the first graph is drawn; views import from here and nothing else in this
 * folder.
 */
export { default as ChartCard } from './ChartCard.svelte'
export { stageCharts } from './staging.svelte'
export { default as WallTimeChart } from './WallTimeChart.svelte'
export { default as SpeedupChart } from './SpeedupChart.svelte'
export { default as TimelineChart } from './TimelineChart.svelte'
export { default as HistoryChart } from './HistoryChart.svelte'
export { comparisonChart } from './compareChart'
export { readPalette } from './palette'
export type { ChartPalette } from './colors'
export type { ChartContext } from './options'
export {
  backendMemoryChart,
  backendStartChart,
  backendSpeedupChart,
  efficiencyChart,
  efficiencyOf,
  karpFlattChart,
  modelChart,
  overheadChart,
  sizeChart,
  speedupOf,
  workloadSpeedupChart
} from './scalingCharts'
