import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './harness'

/**
 * The Korean messages load only when Korean is chosen (a dynamic import), so
 * an English window does not evaluate them before its first paint; a Korean
 * window waits for them before mounting, so it never shows English first.
 * The page records, before its own scripts run, the run button's first text
 * and which of the app's scripts had been fetched when it appeared.
 */
const RECORD_FIRST_RUN_BUTTON = `(() => {
  const seen = { text: null, scripts: null }
  Object.defineProperty(window, '__firstRunButton', { value: seen })
  new MutationObserver(() => {
    const button = document.getElementById('run-button')
    if (seen.text !== null || !button) return
    seen.text = button.textContent.trim()
    seen.scripts = performance.getEntriesByType('resource').map((e) => e.name.split('/').pop())
  }).observe(document, { subtree: true, childList: true })
})()`

interface FirstRunButton {
  text: string | null
  scripts: string[] | null
}

describe('the first paint is in the user’s language', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser.close()
  })

  async function firstRunButton(
    options: { locale?: string; saved?: string } = {}
  ): Promise<{ first: FirstRunButton; later: string }> {
    const app = await openApp({ browser, locale: options.locale, path: 'about:blank' })
    try {
      const { page } = app
      await app.context.addInitScript({ content: RECORD_FIRST_RUN_BUTTON })
      if (options.saved) {
        await app.context.addInitScript({
          content: `localStorage.setItem('speedup-lab.language', ${JSON.stringify(options.saved)})`
        })
      }
      await page.goto(app.url)
      await page.locator('#run-button').waitFor()
      const first = (await page.evaluate('window.__firstRunButton')) as FirstRunButton
      const later = (await page.locator('#run-button').textContent())!.trim()
      expect(app.pageErrors).toEqual([])
      return { first, later }
    } finally {
      await app.close()
    }
  }

  it('English: painted in English without fetching the Korean messages', async () => {
    const { first, later } = await firstRunButton({ locale: 'en-US' })
    expect(first.text).toBe('Run benchmark')
    expect(later).toBe('Run benchmark')
    expect(first.scripts!.some((s) => s.startsWith('index-'))).toBe(true)
    expect(first.scripts!.filter((s) => /^ko-.*\.js$/.test(s))).toEqual([])
  })

  it('a Korean OS: Korean from the first paint, never English first', async () => {
    const { first, later } = await firstRunButton({ locale: 'ko-KR' })
    expect(first.text).toBe('벤치마크 실행')
    expect(later).toBe('벤치마크 실행')
    expect(first.scripts!.some((s) => /^ko-.*\.js$/.test(s))).toBe(true)
  })

  it('Korean saved as the choice on an English OS: Korean from the first paint', async () => {
    const { first } = await firstRunButton({ locale: 'en-US', saved: 'ko' })
    expect(first.text).toBe('벤치마크 실행')
  })
})
