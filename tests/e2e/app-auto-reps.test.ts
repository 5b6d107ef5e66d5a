import { describe, expect, it } from 'vitest'
import type { App } from './harness'
import { fillForm, runButton } from './ui/helpers'
import { appForSuite } from './ui/suiteApp'

describe('repetitions chosen for the user, in the app', () => {
  let app: App

  appForSuite((a) => (app = a))

  it('is the default, shows the plan before measuring, and measures 5+ times and 3 s per count', async () => {
    const { page } = app
    expect(await page.getByLabel('Repetitions').inputValue()).toBe('auto')
    await fillForm(page, { start: '0', end: '20,000,000', workers: '1,2', warmup: '0' })
    await runButton(page).click()
    const plan = page.getByTestId('run-plan')
    await plan.waitFor()
    expect(await plan.textContent()).toMatch(
      /^Repetitions chosen for you: at least 5 and 3 s per worker count, at most 100 \(about [\d–]+ here\)\. The run takes about .* \(estimated before timing\)\.$/
    )
    await page.locator('section.results[data-run-id]').waitFor({ timeout: 120_000 })
    expect(await page.locator('.results-head .config').textContent()).toContain(
      'repetitions chosen automatically'
    )
    const [summary] = (await app.history.list()).runs
    const run = await app.history.get(summary.id)
    expect(run?.config.reps).toBe('auto')
    for (const result of run!.results) {
      const n = result.samples.length
      expect(n).toBeGreaterThanOrEqual(5)
      expect(n).toBeLessThanOrEqual(100)
      if (n < 100)
        expect(result.samples.reduce((a, s) => a + s.wallMs, 0)).toBeGreaterThanOrEqual(3000)
    }
  })

  it('refuses a count that is neither a number nor auto, in the form', async () => {
    const { page } = app
    await fillForm(page, { reps: 'many' })
    expect(await page.getByText('Reps must be a number or auto').count()).toBe(1)
    expect(await runButton(page).isDisabled()).toBe(true)
    await fillForm(page, { reps: '3' })
    expect(await runButton(page).isDisabled()).toBe(false)
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
