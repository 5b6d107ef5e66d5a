import { describe, expect, it } from 'vitest'
import type { App } from './harness'
import { appForSuite } from './ui/suiteApp'
import { fillForm, runFromForm } from './ui/helpers'
import { compareRuns } from '../../src/shared/analysis/compareRuns'
import { formatSignedPercent } from '../../src/shared/format'

describe('Results says what changed since the last comparable run', () => {
  let app: App
  appForSuite((a) => (app = a))

  it('a first run has nothing to compare; a second of the same configuration says, with the shared comparison’s numbers', async () => {
    const { page } = app
    await fillForm(page, {
      start: '0',
      end: '2,000,000',
      workers: '1,2',
      workload: 'Split',
      backend: 'Processes',
      pool: 'Warm',
      warmup: '0',
      reps: '5'
    })
    const first = await runFromForm(page)
    expect(await page.getByTestId('since-last').count()).toBe(0)
    const second = await runFromForm(page)
    const line = page.getByTestId('since-last')
    await line.filter({ hasText: 'Since the last comparable run' }).waitFor()
    const text = (await line.textContent())!.trim()

    // The same numbers as the comparison of the two stored records (seeded: deterministic).
    const [baseline, candidate] = [await app.history.get(first), await app.history.get(second)]
    const outcome = compareRuns(baseline!, candidate!)
    if (!outcome.ok) throw new Error('two runs of one configuration were refused')
    const row = outcome.value.rows.find((r) => r.workers === 2)!
    const pct = (x: number): string => formatSignedPercent(x - 1, 'en')
    expect(text).toContain('2 workers')
    expect(text).toContain(`${pct(row.time.low!)} … ${pct(row.time.high!)}`)
    expect(text).toContain(`(median ${pct(row.time.ratio)})`)
    expect(text).toContain(
      { 'no-change': 'no change', improved: 'faster', regressed: 'slower' }[row.time.verdict]
    )
    expect(await line.getAttribute('data-verdict')).toBe(row.time.verdict)
  })
})
