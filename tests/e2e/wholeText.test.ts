import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppWithHistory } from './harness'
import type { App, SeededApp } from './harness'
import { chooseLanguage, inPage } from './ui/helpers'
import { syntheticRun } from '../helpers/syntheticRun'
import type { RunRecord } from '../../src/shared/result'

const LANGUAGES = ['en', 'ko'] as const

/** Two comparable runs of 0 … 10^9 (the longest total the form's presets give), a minute apart. */
function seeded(): RunRecord[] {
  const total = '499999999500000000'
  return [0, 1].map((i) => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: [6340, 6400, 6300, 6350, 6330, 6360] },
        { workers: 2, wallMs: [5770 - i * 900, 5800 - i * 900, 5750 - i * 900, 5780, 5760, 5790] }
      ],
      { range: { start: 0, end: 1_000_000_000 } },
      2,
      `run-${i}`
    )
    return {
      ...run,
      startedAt: `2026-12-07T01:2${i}:30.000Z`,
      results: run.results.map((r) => ({ ...r, sum: total, expectedSum: total }))
    }
  })
}

/**
 * Every number on show in the view, from its text: one whose glyphs fall on
 * more than one line (a Range over it has rects at two heights) is broken.
 */
function brokenNumbers(page: Page, panel: string): Promise<string[]> {
  return page.evaluate(
    inPage<string, string[]>(`
    const root = document.querySelector(arg)
    const broken = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || el.closest('.visually-hidden, [aria-hidden="true"] option, option, script, style')) continue
      for (const match of node.data.matchAll(/\\d(?:[\\d,.]*\\d)?/g)) {
        if (match[0].length < 2) continue
        const range = document.createRange()
        range.setStart(node, match.index)
        range.setEnd(node, match.index + match[0].length)
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (tops.size > 1) broken.push(match[0] + ' in «' + node.data.trim().slice(0, 60) + '»')
      }
    }
    return broken`),
    panel
  )
}

/** The history graph's configuration menu: what it shows, what is chosen, and whether it is cut. */
function menuShown(
  page: Page
): Promise<{ shown: string; chosen: string; cut: boolean; lines: number[] }> {
  return page.evaluate(
    inPage<null, never>(`
    const box = document.querySelector('[data-chart="speedup-history"] [data-testid="whole-select"]')
    const select = box.querySelector('select')
    const shown = box.querySelector('.shown')
    const parts = [...shown.querySelectorAll('.part')]
    return {
      shown: shown.innerText.replace(/\\s+/g, ' ').trim(),
      chosen: select.selectedOptions[0].textContent.trim(),
      cut: shown.scrollWidth > shown.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1,
      lines: parts.map((p) => p.getClientRects().length)
    }`),
    null
  )
}

/** Each visible table of the view: whether it fits its room, and whether its wrapper scrolls with a cue. */
function tables(
  page: Page,
  panel: string
): Promise<{ caption: string; fits: boolean; cue: boolean }[]> {
  return page.evaluate(
    inPage<string, never>(`
    return [...document.querySelectorAll(arg + ' table:not([data-chart-table])')]
      .filter((t) => t.getClientRects().length > 0)
      .map((t) => {
        const wrap = t.closest('.table-wrap')
        const room = (wrap ?? t.parentElement).clientWidth
        const style = wrap ? getComputedStyle(wrap) : null
        return {
          caption: (t.caption?.innerText ?? '').trim(),
          fits: t.scrollWidth <= room + 1,
          cue: !!style && style.overflowX === 'auto' && style.backgroundImage.includes('radial-gradient')
        }
      })`),
    panel
  )
}

describe('numbers and menus are shown whole at 720 px, in English and Korean', () => {
  let opened: SeededApp
  let app: App

  beforeAll(async () => {
    opened = await openAppWithHistory(seeded(), {
      prefix: 'speedup-whole-text-',
      viewport: { width: 1280, height: 860 }
    })
    app = opened.app
  })
  afterAll(async () => {
    await opened?.close()
  })

  it('no number breaks across lines in Results and History; the configuration menu shows its choice whole', async () => {
    const { page } = app
    await page.getByRole('tab', { name: /History/ }).click()
    await page
      .getByRole('button', { name: /^View run of / })
      .first()
      .click()
    await page.locator('section.results[data-run-id="run-1"]').waitFor()
    await page.locator('[data-chart="speedup-history"] canvas').waitFor()
    // A wide screen shows every column of every table; narrower, a table scrolls with a cue.
    for (const width of [1440, 1024, 720]) {
      await page.setViewportSize({ width, height: 860 })
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))'
      )
      const seen = await tables(page, '#panel-results')
      expect(seen.length, `${width}px`).toBeGreaterThan(0)
      for (const t of seen) {
        if (width === 1440) expect(t.fits, `${width}px «${t.caption}» lost a column`).toBe(true)
        else expect(t.fits || t.cue, `${width}px «${t.caption}» scrolls with no cue`).toBe(true)
      }
    }
    const found: string[] = []
    for (const language of LANGUAGES) {
      await chooseLanguage(page, language)
      for (const view of ['results', 'history'] as const) {
        await page.locator('[data-testid="tab-menu"]').selectOption(view)
        await page.locator(`#panel-${view}`).waitFor()
        await page.evaluate(
          'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))'
        )
        for (const b of await brokenNumbers(page, `#panel-${view}`))
          found.push(`${language} ${view}: ${b}`)
        if (view === 'results') {
          // The Results view reveals its charts in stages: the history graph comes last.
          await page
            .locator('[data-chart="speedup-history"] [data-testid="whole-select"]')
            .waitFor({ timeout: 10_000 })
          const menu = await menuShown(page)
          expect(menu.shown, language).toBe(menu.chosen)
          expect(menu.chosen, language).toMatch(/1,000,000,000 .*\(2\)$/)
          expect(menu.cut, language).toBe(false)
          expect(
            menu.lines.every((n) => n === 1),
            `${language} ${menu.lines}`
          ).toBe(true)
        }
      }
    }
    // The probe sees a number broken where one is: a control, so an empty list means something.
    await page.evaluate(
      inPage<null, void>(`
      const probe = document.createElement('p')
      probe.id = 'broken-probe'
      probe.style.cssText = 'width: 40px; overflow-wrap: anywhere'
      probe.textContent = '499,999,999,500,000,000'
      document.querySelector('#panel-history').append(probe)`),
      null
    )
    expect(await brokenNumbers(page, '#broken-probe')).toHaveLength(1)
    await page.evaluate("document.querySelector('#broken-probe').remove()")
    await chooseLanguage(page, 'en')
    expect(found).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
