import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { RunRecord } from '../../src/shared/result'
import type { App } from './harness'
import { fillForm, runFromForm } from './ui/helpers'
import { appForSuite } from './ui/suiteApp'

/** en.explain.tab (an e2e test names what the user reads, like the other tabs' tests). */
const EXPLAIN_TAB = 'What am I measuring?'
const studyButton = (page: Page): Locator => page.getByRole('button', { name: 'Run study' })

describe('kernels in the app (Chromium, real engine)', () => {
  let app: App

  appForSuite((a) => (app = a))

  it('runs the wasm kernel from the form, says so, shows throughput per worker and stores it', async () => {
    const { page } = app
    expect(await page.getByRole('radio', { name: 'JavaScript' }).isChecked()).toBe(true)
    await fillForm(page, {
      start: '0',
      end: '20,000,000',
      workers: '1,2',
      pool: 'Warm',
      warmup: '0',
      reps: '2'
    })
    await page.getByRole('radio', { name: 'WebAssembly SIMD' }).check()
    await runFromForm(page)
    const results = page.locator('section.results')
    expect(await results.textContent()).toContain('wasm kernel')
    expect(await page.getByRole('columnheader', { name: 'Per worker' }).count()).toBe(1)
    const cells = await page.locator('td[data-col="throughput"]').allTextContents()
    expect(cells).toHaveLength(2)
    for (const cell of cells) expect(cell.trim()).toMatch(/^\d[\d.]* [GMk]\/s$/)
    const listing = await app.history.list()
    const stored = (await app.history.get(listing.runs[0].id)) as RunRecord
    expect(stored.config.kernel).toBe('wasm')
    expect(stored.correct).toBe(true)
  })

  it('compares the kernels in the Scaling view, with the explainer quoting the numbers', async () => {
    const { page } = app
    await page.getByRole('tab', { name: 'Scaling' }).click()
    await page.getByRole('checkbox', { name: /Threads vs processes/ }).uncheck()
    await page.getByTestId('compare-kernels').check()
    await page.getByLabel('Range lengths').fill('10_000, 3_000_000')
    await studyButton(page).click()
    const comparison = page.getByTestId('kernel-comparison')
    await comparison.waitFor({ timeout: 300_000 })
    expect(await comparison.locator('tbody tr').count()).toBe(2)
    expect(await comparison.locator('tr[data-kernel="wasm"] th').textContent()).toBe('wasm kernel')
    expect(await page.getByRole('heading', { name: 'js kernel' }).count()).toBe(1)
    expect(await page.getByRole('heading', { name: 'wasm kernel' }).count()).toBe(1)
    const findings = await page.getByTestId('kernel-findings').locator('li').allTextContents()
    expect(findings[0]).toMatch(/less time per element than the/)
    // Each size is worded once: 'about 1,000,000', 'below 10,000' or 'above 3,000,000'.
    for (const finding of findings) expect(finding).not.toMatch(/about (about|below|above)/)

    await page.getByRole('tab', { name: EXPLAIN_TAB }).click()
    // The explainer loads when first opened: wait for its list before reading it.
    await page.getByTestId('kernel-explainer-findings').locator('li').first().waitFor()
    const explained = await page
      .getByTestId('kernel-explainer-findings')
      .locator('li')
      .allTextContents()
    expect(explained).toEqual(findings)
  })
})
