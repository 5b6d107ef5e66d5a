import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './harness'
import type { App } from './harness'
import { fillForm, waitForReady, waitInPage } from './ui/helpers'

const shownRun = (page: Page): Promise<string | null> =>
  page.locator('section.results[data-run-id]').getAttribute('data-run-id')

/** Waits until a run other than `before` is on show. */
async function waitForNewRun(page: Page, before: string | null): Promise<string> {
  await waitInPage(
    page,
    `const el = document.querySelector('section.results[data-run-id]')
     return !!el && el.getAttribute('data-run-id') !== arg && !!document.getElementById('run-button')`,
    before
  )
  return (await shownRun(page))!
}

describe('actions on a result, in Chromium on the real engine', () => {
  let browser: Browser
  let app: App

  beforeAll(async () => {
    browser = await launchChromium()
    app = await openApp({ browser })
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url })
    await waitForReady(app.page)
    await fillForm(app.page, {
      start: '0',
      end: '2,000,000',
      workers: '1,2',
      warmup: '0',
      reps: '2'
    })
    await app.page.keyboard.press('Control+Enter')
    await waitForNewRun(app.page, null)
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('Copy summary puts the verdict and the results table on the clipboard as Markdown', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Copy summary' }).click()
    await expect
      .poll(() => page.locator('.status-bar').textContent())
      .toContain('Summary copied to the clipboard')
    const text = (await page.evaluate('navigator.clipboard.readText()')) as string
    expect(text).toMatch(/^# Speedup Lab report\n\nSum of \[0, 2,000,000\)/)
    expect(text).toContain('## Verdict')
    expect(text).toMatch(/## Results\n\n\|/)
    expect(text).not.toContain('## Method')
  })

  it('Run again with these settings puts them back in the form and runs them', async () => {
    const { page } = app
    const first = (await shownRun(page))!
    const [before] = (await app.history.list()).runs.filter((r) => r.id === first)
    await fillForm(page, { end: '7,000', reps: '3' })
    await page.getByRole('button', { name: 'Run again with these settings' }).click()
    const second = await waitForNewRun(page, first)
    const [again] = (await app.history.list()).runs.filter((r) => r.id === second)
    // The same settings; the order of the worker counts is drawn afresh (each run records its seed).
    const { seed: seedAgain, ...settingsAgain } = again.config
    const { seed: seedBefore, ...settingsBefore } = before.config
    expect(settingsAgain).toEqual(settingsBefore)
    expect([typeof seedAgain, typeof seedBefore]).toEqual(['number', 'number'])
    expect(await page.getByLabel('Range end').inputValue()).toBe('2,000,000')
    expect(await page.getByLabel('Repetitions').inputValue()).toBe('2')
  })

  it('after a restart Results shows the newest stored run, and the form holds its settings', async () => {
    const newest = (await app.history.list()).runs
      .slice()
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]
    const restarted = await openApp({ browser, historyDir: app.historyDir })
    try {
      await waitForReady(restarted.page)
      await restarted.page.locator('section.results[data-run-id]').waitFor()
      expect(await shownRun(restarted.page)).toBe(newest.id)
      expect(await restarted.page.getByText('No results yet').count()).toBe(0)
      // The form and the run on screen agree (it used to show the preset's 10^9 under a 10^8 run).
      const page = restarted.page
      const grouped = (x: number): string => x.toLocaleString('en')
      expect(await page.getByLabel('Range start').inputValue()).toBe(
        grouped(newest.config.range.start)
      )
      expect(await page.getByLabel('Range end').inputValue()).toBe(grouped(newest.config.range.end))
      expect(await page.getByLabel('Repetitions').inputValue()).toBe(String(newest.config.reps))
      expect(await page.getByLabel('Warm-up runs').inputValue()).toBe(String(newest.config.warmup))
      const differs = page.getByTestId('form-differs')
      expect(await differs.count()).toBe(0)
      // A form changed since says plainly that Run benchmark would run something else…
      await fillForm(page, { end: '3,000,000', reps: '4' })
      await differs.waitFor()
      expect(await differs.getAttribute('data-settings')).toBe('range reps')
      expect(await differs.textContent()).toContain(
        'The form holds other settings than this run (range, repetitions)'
      )
      // …and puts this run's settings back on request.
      await page.getByRole('button', { name: 'Put this run’s settings in the form' }).click()
      await differs.waitFor({ state: 'detached' })
      expect(await page.getByLabel('Range end').inputValue()).toBe(grouped(newest.config.range.end))
      expect(await page.getByLabel('Repetitions').inputValue()).toBe(String(newest.config.reps))
      expect(restarted.pageErrors).toEqual([])
    } finally {
      await restarted.close()
    }
  })
})
