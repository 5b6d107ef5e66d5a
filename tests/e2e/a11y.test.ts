import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './harness'
import type { App } from './harness'
import { seriousViolations } from './ui/axe'
import {
  chooseLanguage,
  VIEWPORT,
  fillForm,
  grouped,
  rangeSum,
  screenshot,
  waitForReady,
  runFromForm
} from './ui/helpers'

type Language = 'en' | 'ko'
type Theme = 'light' | 'dark'
const COMBOS: [Language, Theme][] = [
  ['en', 'light'],
  ['en', 'dark'],
  ['ko', 'light'],
  ['ko', 'dark']
]
const VIEWS = ['results', 'history', 'system', 'scaling', 'explain'] as const

/** The tutorial's correct total: two workers each summing 0 … 50,000,000. */
const TUTORIAL_SUM = grouped(2n * rangeSum(0n, 50_000_000n))

/** Picks a language and a theme the way a user does: with the header's two selects. */
async function choose(page: Page, language: Language, theme: Theme): Promise<void> {
  await chooseLanguage(page, language)
  await page.locator('[data-setting="theme"]').selectOption(theme)
  expect(await page.evaluate('document.documentElement.lang')).toBe(language)
  expect(await page.evaluate('document.documentElement.dataset.theme')).toBe(theme)
}

async function openTab(page: Page, tab: (typeof VIEWS)[number]): Promise<void> {
  await page.locator(`#tab-${tab}`).click()
  await page.locator(`#panel-${tab}`).waitFor()
  // Results draws its graphs one per task when shown again: until then it says it is busy.
  if (tab === 'results')
    await page.waitForFunction(
      `document.querySelector('section.results')?.getAttribute('aria-busy') !== 'true'`
    )
}

/** Every main view, in every language and theme: no serious or critical axe finding. */
async function auditViews(page: Page, where: string): Promise<string[]> {
  const found: string[] = []
  for (const view of VIEWS) {
    await openTab(page, view)
    for (const v of await seriousViolations(page)) {
      found.push(`${where} ${view}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.join(', ')}`)
    }
  }
  return found
}

/** The colour of a chart's top-left pixel: its painted background. */
function cornerColour(page: Page, chart: string): Promise<number[]> {
  return page
    .locator(`[data-chart="${chart}"] canvas`)
    .evaluate(
      new Function(
        'canvas',
        'return [...canvas.getContext("2d").getImageData(2, 2, 1, 1).data].slice(0, 3)'
      ) as (canvas: unknown) => number[]
    )
}

describe('languages, themes and accessibility, in Chromium on the real engine', () => {
  let browser: Browser
  let app: App

  beforeAll(async () => {
    browser = await launchChromium()
    app = await openApp({ browser, viewport: VIEWPORT, bypassCSP: true })
    await waitForReady(app.page)
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('follows the OS language and colour scheme until the user picks', async () => {
    const korean = await openApp({ browser, locale: 'ko-KR', colorScheme: 'dark' })
    try {
      await waitForReady(korean.page)
      expect(await korean.page.evaluate('document.documentElement.lang')).toBe('ko')
      expect(await korean.page.evaluate('document.documentElement.dataset.theme')).toBe('dark')
      expect(await korean.page.locator('#tab-results').textContent()).toContain('결과')
      expect(await korean.page.getByText('아직 결과가 없습니다').count()).toBe(1)
    } finally {
      await korean.close()
    }

    const { page } = app
    expect(await page.evaluate('document.documentElement.lang')).toBe('en')
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('light')
    // "System" follows the OS while the app runs.
    const theme = (): Promise<unknown> => page.evaluate('document.documentElement.dataset.theme')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(theme).toBe('dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(theme).toBe('light')
  })

  it('before any run: every view passes axe in both languages and themes, and the choice survives a reload', async () => {
    const { page } = app
    const found: string[] = []
    for (const [language, theme] of COMBOS) {
      await choose(page, language, theme)
      await openTab(page, 'results')
      expect(await page.getByTestId('empty-state').textContent()).toContain(
        language === 'ko' ? '벤치마크 실행' : 'Run benchmark'
      )
      found.push(...(await auditViews(page, `empty ${language}/${theme}`)))
    }
    expect(found).toEqual([])

    // ko/dark was picked last: it is remembered.
    await app.reload()
    await waitForReady(page)
    expect(await page.evaluate('document.documentElement.lang')).toBe('ko')
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark')
    expect(await page.locator('[data-setting="language"]').inputValue()).toBe('ko')
    await choose(page, 'en', 'light')
  })

  it('the empty state sets up the multiprocessing tutorial’s experiment; Ctrl+Enter runs it and the result is announced', async () => {
    const { page } = app
    await openTab(page, 'results')
    await page
      .getByTestId('empty-state')
      .getByRole('button', { name: 'Set up the multiprocessing tutorial’s experiment' })
      .click()
    expect(
      await page.getByRole('button', { name: 'Tutorial', exact: true }).getAttribute('aria-pressed')
    ).toBe('true')
    // The keyboard is left on Run benchmark.
    expect(await page.evaluate('document.activeElement?.id')).toBe('run-button')
    await runFromForm(page, 'shortcut')
    expect(await page.getByTestId('sum').textContent()).toBe(TUTORIAL_SUM)
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain(`Run finished: `)
    expect(await page.getByTestId('announcer').textContent()).toContain(`${TUTORIAL_SUM} (correct)`)

    // A second run, one job split on threads, for the explainer's other sections.
    await fillForm(page, {
      start: '0',
      end: '100,000,000',
      workers: '1,2',
      workload: 'Split',
      backend: 'Threads',
      pool: 'Warm',
      warmup: '0',
      reps: '2'
    })
    await runFromForm(page, 'shortcut')
    expect(await page.getByTestId('sum').textContent()).toBe(grouped(rangeSum(0n, 100_000_000n)))
  })

  it('after the runs: every view passes axe in both languages and themes; screenshots', async () => {
    const { page } = app
    const found: string[] = []
    for (const [language, theme] of COMBOS) {
      await choose(page, language, theme)
      found.push(...(await auditViews(page, `${language}/${theme}`)))
      if (language === 'ko' && theme === 'light') {
        // The explainer is open: the user's numbers, in Korean.
        const zero = page.locator('[data-section="zero"]')
        expect(await zero.textContent()).toContain('0 — 오답')
        expect(await page.getByTestId('explain-total').textContent()).toContain('정답')
        expect(await page.locator('[data-section="threads"] tbody tr').count()).toBe(2)
        // Amdahl's f (or Karp–Flatt e) only from a significant speedup; otherwise the explainer
        // says overhead dominates, or that there is not enough evidence, never an impossible f.
        expect(await page.getByTestId('explain-fit').textContent()).toMatch(
          /f = |e = |오버헤드가 지배|근거가 부족/
        )
        await page.locator('main.content').evaluate((el) => (el.scrollTop = 0))
        await screenshot(page, 'explainer-ko')
      }
      await openTab(page, 'results')
      await page.mouse.move(0, 0)
      await page.evaluate('document.activeElement?.blur()')
      await screenshot(page, `${language}-${theme}`)
    }
    expect(found).toEqual([])
  })

  it('a finished study passes axe in both languages and themes', async () => {
    const { page } = app
    await choose(page, 'en', 'light')
    await openTab(page, 'scaling')
    // The smallest study: one size, 1 worker vs 2, warm and cold, on the form's backend.
    await page.getByLabel('Range lengths').fill('10_000')
    await page.getByRole('checkbox', { name: /Threads vs processes/ }).uncheck()
    await page.getByRole('button', { name: 'Run study' }).click()
    await page.getByTestId('study-findings').waitFor({ timeout: 120_000 })
    const found: string[] = []
    for (const [language, theme] of COMBOS) {
      await choose(page, language, theme)
      if (language === 'ko') {
        expect(await page.getByTestId('study-verdict').textContent()).toMatch(/[\uac00-\ud7a3]/)
      }
      for (const v of await seriousViolations(page)) {
        found.push(`study ${language}/${theme}: ${v.id} (${v.impact}) — ${v.targets.join(', ')}`)
      }
    }
    expect(found).toEqual([])
    await choose(page, 'en', 'light')
  })

  it('charts repaint in the theme’s colours when it changes', async () => {
    const { page } = app
    await choose(page, 'en', 'light')
    await openTab(page, 'results')
    const light = await cornerColour(page, 'wall-time')
    expect(Math.min(...light)).toBeGreaterThan(240)
    await choose(page, 'en', 'dark')
    await expect
      .poll(async () => Math.max(...(await cornerColour(page, 'wall-time'))))
      .toBeLessThan(60)
    await choose(page, 'en', 'light')
  })

  it('tabs: arrow keys, Home and End move the selection and the focus', async () => {
    const { page } = app
    await page.locator('#tab-results').focus()
    const selected = (): Promise<string | null> =>
      page.locator('[role="tab"][aria-selected="true"]').getAttribute('id')
    await page.keyboard.press('ArrowRight')
    expect(await selected()).toBe('tab-scaling')
    expect(await page.evaluate('document.activeElement?.id')).toBe('tab-scaling')
    await page.keyboard.press('End')
    expect(await selected()).toBe('tab-explain')
    await page.keyboard.press('ArrowRight')
    expect(await selected()).toBe('tab-results')
    await page.keyboard.press('ArrowLeft')
    expect(await selected()).toBe('tab-explain')
    await page.keyboard.press('Home')
    expect(await selected()).toBe('tab-results')
    expect(await page.locator('#tab-results').getAttribute('aria-controls')).toBe('panel-results')
  })

  it('metric tooltips show on focus and hover, describe their term, and Esc dismisses them', async () => {
    const { page } = app
    const button = page.locator('[data-card="speedup"] .tip-button')
    const tipId = await button.getAttribute('aria-describedby')
    const tip = page.locator(`[id="${tipId}"]`)
    expect(await tip.getAttribute('role')).toBe('tooltip')
    expect(await tip.isVisible()).toBe(false)

    await button.focus()
    await tip.waitFor({ state: 'visible' })
    expect(await tip.textContent()).toContain('median time with 1 worker')
    await page.keyboard.press('Escape')
    await tip.waitFor({ state: 'hidden' })

    await page.locator('[data-card="speedup"] .term').hover()
    await tip.waitFor({ state: 'visible' })
    await page.mouse.move(0, 0)
    await tip.waitFor({ state: 'hidden' })
  })
})
