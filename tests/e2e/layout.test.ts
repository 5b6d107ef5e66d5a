import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './harness'
import type { App } from './harness'
import { layoutProblems, misalignedHeaders } from './ui/layoutProblems'
import { chooseLanguage, fillForm, screenshot, waitForReady, runFromForm } from './ui/helpers'

/** The window's minimum width, a laptop, and a wide screen. */
const WIDTHS = [720, 1024, 1440] as const
const LANGUAGES = ['en', 'ko'] as const
const VIEWS = ['results', 'scaling', 'history', 'system', 'explain'] as const
type View = (typeof VIEWS)[number]

/**
 * Opens a view as a user does: from the tab bar, or from the tab menu when the
 * header has collapsed it. A tab that something else covers is a problem.
 */
async function openView(page: Page, view: View, found: string[] = []): Promise<void> {
  const tab = page.locator(`#tab-${view}`)
  if (await tab.isVisible()) {
    await tab.click({ timeout: 3000 }).catch(async () => {
      found.push(`the ${view} tab cannot be clicked: something covers it`)
      await tab.dispatchEvent('click')
    })
  } else {
    await page.locator('[data-testid="tab-menu"]').selectOption(view)
  }
  await page.locator(`#panel-${view}`).waitFor()
  // Charts size themselves on the next frames.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
}

/** History rows whose date column does not show the date it holds whole. */
function datesCut(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.history-row .date')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.innerText + ' (' + el.scrollWidth + ' px in ' + el.clientWidth + ')')`)
}

/**
 * History rows whose configuration is cut (it wraps between whole parts, never
 * ellipsised), or lacks a part that tells runs apart.
 */
function configsCut(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.history-row .config')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 ||
      el.getBoundingClientRect().bottom > el.closest('.history-row').getBoundingClientRect().bottom + 1 ||
      el.querySelectorAll('.part').length < 5)
    .map((el) => el.innerText + ' (' + el.scrollWidth + '×' + el.scrollHeight + ' px in ' + el.clientWidth + '×' + el.clientHeight + ')')`)
}

/** Tables wider than their room that do not sit in a scrolling wrapper showing the scroll cue. */
function tablesWithoutCue(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('table:not([data-chart-table])')]
    .filter((t) => t.offsetParent !== null)
    .filter((t) => {
      const wrap = t.closest('.table-wrap')
      const room = (wrap ?? t.parentElement).clientWidth
      if (t.scrollWidth <= room + 1) return false
      return !wrap || getComputedStyle(wrap).overflowX !== 'auto' ||
        !getComputedStyle(wrap).backgroundImage.includes('radial-gradient')
    })
    .map((t) => (t.caption?.innerText ?? 'a table') + ' (' + t.scrollWidth + ' px)')`)
}

/** Every view at every width in both languages; screenshots go to tests/.tmp/screenshots. */
async function audit(page: Page, label: string, views: readonly View[] = VIEWS): Promise<string[]> {
  const found: string[] = []
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 860 })
    for (const language of LANGUAGES) {
      await chooseLanguage(page, language)
      // A segmented choice whose label wraps (약한 스케일링, 클러스터 (NATS)) grows; its text never spills over.
      for (const spill of await segmentSpills(page)) {
        found.push(`${label} ${width}px ${language} form: segment «${spill}» taller than its box`)
      }
      for (const view of views) {
        await openView(page, view, found)
        await page.mouse.move(0, 0)
        for (const p of await layoutProblems(page)) {
          found.push(
            `${label} ${width}px ${language} ${view}: ${p.kind} ${p.where} «${p.text}» ${p.detail}`
          )
        }
        for (const m of await misalignedHeaders(page)) {
          found.push(`${label} ${width}px ${language} ${view}: ${m}`)
        }
        if (view === 'history')
          for (const d of await datesCut(page))
            found.push(`${label} ${width}px ${language} history: a run's date is cut: ${d}`)
        for (const t of await tablesWithoutCue(page))
          found.push(`${label} ${width}px ${language} ${view}: a table scrolls without a cue: ${t}`)
        if (view === 'history')
          for (const c of await configsCut(page))
            found.push(`${label} ${width}px ${language} history: a configuration is cut: ${c}`)
        await screenshot(page, `layout-${label}-${view}-${width}-${language}`)
      }
    }
  }
  await chooseLanguage(page, 'en')
  return found
}

describe('the layout from the window’s minimum width to a wide screen, in English and Korean', () => {
  let browser: Browser
  let app: App
  /** The two runs the full layout shows and the comparison compares, oldest first. */
  const runs: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    app = await openApp({ browser, viewport: { width: 1280, height: 860 } })
    await waitForReady(app.page)
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('before any run, nothing sticks out or is cut off', async () => {
    expect(await audit(app.page, 'empty')).toEqual([])
  })

  it('with a result and a study on show, nothing sticks out or is cut off', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1280, height: 860 })
    await openView(page, 'results')
    // Five repetitions, so the table's verdict and 95% interval columns hold figures.
    await fillForm(page, {
      start: '0',
      end: '3,000,000',
      workers: '1,2',
      workload: 'Split',
      backend: 'Processes',
      pool: 'Cold',
      warmup: '0',
      reps: '5'
    })
    runs.push(await runFromForm(page, 'shortcut'))
    // The last run is on show: a warm pool, the candidate of the comparison below.
    await fillForm(page, { pool: 'Warm' })
    runs.push(await runFromForm(page, 'shortcut'))
    expect(new Set(runs).size).toBe(2)
    await openView(page, 'scaling')
    await page.getByLabel('Range lengths').fill('10_000')
    await page.getByRole('checkbox', { name: /Threads vs processes/ }).uncheck()
    await page.getByRole('button', { name: 'Run study' }).click()
    await page.getByTestId('study-findings').waitFor({ timeout: 120_000 })
    expect(await audit(page, 'full')).toEqual([])
    // Two runs, a study and 30 audited screens: minutes on a busy 2-core machine.
  }, 300_000)

  it('comparing two runs from History, nothing sticks out or is cut off', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1280, height: 860 })
    await openView(page, 'history')
    for (const row of await page.locator('.history-row[data-run-id]').all()) {
      const id = (await row.getAttribute('data-run-id')) ?? ''
      await row.getByRole('checkbox').setChecked(runs.includes(id))
    }
    await page.getByRole('button', { name: 'Compare', exact: true }).click()
    const panel = page.getByRole('region', { name: 'Comparing two runs' })
    await panel.locator('table').waitFor()
    // The History tab now shows the comparison, with its ratio and interval columns.
    expect(await panel.locator('tr[data-workers]').count()).toBe(2)
    expect(await audit(page, 'compare', ['history'])).toEqual([])
    expect(await panel.isVisible()).toBe(true)
  })
})

/** The run form's segmented choices whose text is taller than the choice. */
function segmentSpills(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.sidebar fieldset .track label')]
    .filter((el) => el.scrollHeight > el.clientHeight + 1)
    .map((el) => el.textContent.trim())`) as Promise<string[]>
}
