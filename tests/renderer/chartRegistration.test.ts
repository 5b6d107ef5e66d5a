import { Chart } from 'chart.js'
import { describe, expect, it } from 'vitest'
import '../../src/renderer/src/components/Charts/resultsCharts'
import '../../src/renderer/src/components/Charts/scalingCharts'
import { registerCharts } from '../../src/renderer/src/components/Charts/register'

/** chart.js throws when a looked-up part was never registered. */
const has = (get: () => unknown): boolean => {
  try {
    return get() !== undefined
  } catch {
    return false
  }
}

describe('the one chart.js registration', () => {
  it('importing the chart modules leaves the registry alone; registerCharts fills it once', () => {
    // The configuration modules (and the registration module itself) were imported above.
    expect(has(() => Chart.registry.getPlugin('errorBars'))).toBe(false)
    expect(has(() => Chart.registry.getScale('logarithmic'))).toBe(false)
    expect(has(() => Chart.registry.getController('line'))).toBe(false)

    expect(registerCharts()).toBe(Chart)
    for (const plugin of ['canvasBackground', 'strips', 'errorBars', 'verticalMarkers'])
      expect(
        has(() => Chart.registry.getPlugin(plugin)),
        plugin
      ).toBe(true)
    for (const scale of ['category', 'linear', 'logarithmic'])
      expect(
        has(() => Chart.registry.getScale(scale)),
        scale
      ).toBe(true)
    for (const controller of ['bar', 'line'])
      expect(
        has(() => Chart.registry.getController(controller)),
        controller
      ).toBe(true)
    expect(Chart.defaults.animation).toBe(false)

    // Twice is harmless: the same Chart, nothing registered again.
    expect(registerCharts()).toBe(Chart)
  })

  it('does not register what no graph draws (keeps the bundle small)', () => {
    registerCharts()
    expect(has(() => Chart.registry.getScale('radialLinear'))).toBe(false)
    expect(has(() => Chart.registry.getController('pie'))).toBe(false)
  })
})
