import { theme } from '../../lib/theme'
import type { ChartPalette } from './colors'

export type { ChartPalette } from './colors'

/**
 * The chart colours of the current theme. A live, reactive object: a chart
 * configuration built from it (inside the chart attachment) is rebuilt, and
 * the chart redrawn, when the theme changes.
 */
export function readPalette(): ChartPalette {
  return theme.palette
}
