import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './harness'
import type { App } from './harness'
import { chooseLanguage, fillForm, inPage, waitForReady, waitInPage } from './ui/helpers'

/** Runs what the form holds with Ctrl+Enter and waits until the new run is on show. */
async function runWithShortcut(page: Page): Promise<void> {
  const before = await page
    .locator('section.results[data-run-id]')
    .getAttribute('data-run-id', {
      timeout: 1000
    })
    .catch(() => null)
  await page.keyboard.press('Control+Enter')
  await waitInPage(
    page,
    `const el = document.querySelector('section.results[data-run-id]')
     return !!el && el.getAttribute('data-run-id') !== arg && !!document.getElementById('run-button')`,
    before
  )
}

describe('names, notices and focus, in Chromium on the real engine', () => {
  let browser: Browser
  let app: App

  beforeAll(async () => {
    browser = await launchChromium()
    app = await openApp({ browser, viewport: { width: 1280, height: 800 } })
    await waitForReady(app.page)
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('no preset is named like a tab', async () => {
    const { page } = app
    const tabs = await page.getByRole('tab').allTextContents()
    const presets = await page
      .getByRole('group', { name: 'Presets' })
      .getByRole('button')
      .allTextContents()
    expect(presets.length).toBeGreaterThan(1)
    for (const preset of presets) {
      expect(tabs.map((t) => t.replace(/\d+$/, '').trim())).not.toContain(preset.trim())
    }
  })

  it('after Ctrl+Enter in a field the keyboard is on Cancel, then back on Run benchmark', async () => {
    const { page } = app
    await fillForm(page, { start: '0', end: '3,000,000', workers: '1,2', warmup: '0', reps: '2' })
    // Every frame, the page notes whether the focus was on the page body.
    await page.evaluate(
      inPage<null, void>(`
      window.__bodyFrames = 0
      window.__cancelFocused = false
      const look = () => {
        if (document.activeElement === document.body) window.__bodyFrames++
        if (document.activeElement?.classList.contains('cancel')) window.__cancelFocused = true
        requestAnimationFrame(look)
      }
      requestAnimationFrame(look)`),
      null
    )
    await page.getByLabel('Repetitions').focus()
    await runWithShortcut(page)
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
    expect(await page.evaluate('window.__bodyFrames')).toBe(0)
    expect(await page.evaluate('window.__cancelFocused')).toBe(true)
    expect(await page.evaluate('document.activeElement?.id')).toBe('run-button')
  })

  it('History names the worker count a speedup is for in words, not “@2”', async () => {
    const { page } = app
    await page.locator('#tab-history').click()
    const row = page.locator('.history-row').first()
    await row.waitFor()
    const text = (await row.textContent()) ?? ''
    expect(text).not.toMatch(/@\s*\d/)
    expect(text).toMatch(/on 2 workers/)
    await page.locator('#tab-results').click()
  })

  it('an export says where it went in the language on show, and shows the file in its folder', async () => {
    const { page } = app
    await page.locator('section.results').getByRole('button', { name: 'Export CSV' }).click()
    const status = page.locator('.status-bar [role="status"]')
    await expect.poll(() => status.textContent()).toContain('CSV saved to ')
    const path = app.savedFiles.at(-1)!
    expect(await status.textContent()).toContain(path)

    await chooseLanguage(page, 'ko')
    await expect.poll(() => status.textContent()).toContain(`CSV 저장함: ${path}`)
    expect(await status.textContent()).not.toContain('saved to')
    const show = page.getByTestId('notice-action')
    expect(await show.textContent()).toBe('폴더에서 보기')
    await show.click()
    await expect.poll(() => app.shownInFolder).toEqual([path])
    await chooseLanguage(page, 'en')
    expect(await show.textContent()).toBe('Show in folder')
  })

  it('a validation error at the foot of the form opens in view, not under the Run button', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1280, height: 600 })
    try {
      // The Repetitions field sits on the visible edge of the scrolled form, as a user would leave it.
      await page.evaluate(
        inPage<null, void>(`
        const box = document.querySelector('.sidebar-scroll')
        const input = document.querySelector('input[id$="reps"], input[aria-label="Repetitions"]') ??
          [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Repetitions')?.control
        const edge = input.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom
        box.scrollTop += edge + 2
        input.focus({ preventScroll: true })
        input.select()`),
        null
      )
      await page.keyboard.type('0')
      const errors = page.locator('.sidebar-scroll .errors')
      await errors.first().waitFor()
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))'
      )
      const [list, box] = await Promise.all([
        errors.first().boundingBox(),
        page.locator('.sidebar-scroll').boundingBox()
      ])
      expect(list!.y + list!.height).toBeLessThanOrEqual(box!.y + box!.height + 1)
      expect(list!.y).toBeGreaterThanOrEqual(box!.y - 1)
    } finally {
      await page.getByLabel('Repetitions').fill('2')
      await page.setViewportSize({ width: 1280, height: 800 })
    }
  })

  it('the explainer’s start-up lines are sentences that start with a capital', async () => {
    const { page } = app
    await fillForm(page, { start: '0', end: '1,000,000', workers: '1,2', pool: 'Cold', reps: '2' })
    await runWithShortcut(page)
    await page.locator('#tab-explain').click()
    const shares = page.locator('[data-section="spawn"] .share')
    await shares.first().waitFor()
    for (const text of await shares.allTextContents()) expect(text.trim()).toMatch(/^[A-Z]/)
    expect(app.pageErrors).toEqual([])
  })
})
