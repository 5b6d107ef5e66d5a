import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppWithHistory } from './harness'
import type { App, SeededApp } from './harness'
import { chooseLanguage, inPage } from './ui/helpers'
import { syntheticRun } from '../helpers/syntheticRun'
import type { RunRecord } from '../../src/shared/result'
import { REPORT_WORDS } from '../../src/shared/report/catalog/words'

const at = (minute: number): string => `2026-12-07T01:${String(minute).padStart(2, '0')}:30.000Z`

/** Three stored runs a minute apart: a clear 2× win, a noisy 1.1× (no difference), a wait run. */
function seeded(): RunRecord[] {
  const win = syntheticRun(
    [
      { workers: 1, wallMs: [100, 102, 98, 101, 99, 100] },
      { workers: 2, wallMs: [51, 50, 52, 49, 50, 50] }
    ],
    {},
    2,
    'run-win'
  )
  const noisy = syntheticRun(
    [
      { workers: 1, wallMs: [100, 140, 70] },
      { workers: 2, wallMs: [90, 120, 65] }
    ],
    {},
    2,
    'run-noisy'
  )
  const wait = syntheticRun(
    [
      { workers: 1, wallMs: [1300, 1310, 1290] },
      { workers: 4, wallMs: [330, 331, 329] }
    ],
    { job: 'wait', wait: { requests: 64, delayMs: 20 }, backend: 'async' },
    2,
    'run-wait'
  )
  return [
    { ...win, startedAt: at(1) },
    { ...noisy, startedAt: at(2) },
    { ...wait, startedAt: at(3) }
  ]
}

/** Per row: its verdict, the speedup's weight, the configuration's parts and how many lines each takes. */
function rows(page: Page): Promise<
  {
    id: string
    verdict: string
    weight: string
    parts: string[]
    partLines: number[]
    configCut: boolean
    bestCut: boolean
  }[]
> {
  return page.evaluate(
    inPage<null, never>(`
    return [...document.querySelectorAll('.history-row[data-run-id]')].map((row) => {
      const config = row.querySelector('.config')
      const parts = [...config.querySelectorAll('.part')]
      const rowBox = row.getBoundingClientRect()
      return {
        id: row.dataset.runId,
        verdict: row.querySelector('.verdict').innerText.trim(),
        weight: getComputedStyle(row.querySelector('.best .value')).fontWeight,
        parts: parts.map((p) => p.innerText.replace(/^·\\s*/, '').trim()),
        partLines: parts.map((p) => p.getClientRects().length),
        bestCut: row.querySelector('.best').scrollWidth > row.querySelector('.best').clientWidth + 1,
        configCut: config.scrollWidth > config.clientWidth + 1 ||
          config.getBoundingClientRect().bottom > rowBox.bottom + 1
      }
    })`),
    null
  )
}

describe('History rows tell runs apart and never show noise as a result', () => {
  let opened: SeededApp
  let app: App

  beforeAll(async () => {
    opened = await openAppWithHistory(seeded(), {
      prefix: 'speedup-history-rows-',
      viewport: { width: 1440, height: 860 }
    })
    app = opened.app
  })
  afterAll(async () => {
    await opened?.close()
  })

  it('a verdict column; only a significant speedup is bold; the job and size always shown, whole', async () => {
    const { page } = app
    await page.getByRole('tab', { name: /History/ }).click()
    await page.locator('.history-row[data-run-id="run-win"]').waitFor()
    for (const width of [1440, 1024, 720]) {
      await page.setViewportSize({ width, height: 860 })
      for (const language of ['en', 'ko'] as const) {
        await chooseLanguage(page, language)
        const byId = Object.fromEntries((await rows(page)).map((r) => [r.id, r]))
        const where = `${width}px ${language}`
        const words =
          language === 'en' ? { sum: 'sum', wait: 'wait' } : { sum: '덧셈', wait: '대기' }
        const verdictWord = REPORT_WORDS[language].results.verdictWord
        expect(byId['run-win'].verdict, where).toBe(verdictWord.faster)
        expect(byId['run-noisy'].verdict, where).toBe(verdictWord['no-difference'])
        expect(Number(byId['run-win'].weight), where).toBeGreaterThanOrEqual(700)
        expect(Number(byId['run-noisy'].weight), where).toBeLessThan(600)
        // The job first, then its size: a range, or the wait run's requests and delay.
        expect(byId['run-noisy'].parts.slice(0, 2), where).toEqual([words.sum, '0 … 1,000,000'])
        expect(byId['run-wait'].parts[0], where).toBe(words.wait)
        expect(byId['run-wait'].parts[1], where).toMatch(/64.*20\s?ms/)
        for (const r of Object.values(byId)) {
          // Workload, size, sharing, backend, pool (and a sum's kernel), each on one line, none cut.
          expect(r.parts.length, `${where} ${r.id}`).toBeGreaterThanOrEqual(5)
          expect(
            r.partLines.every((n) => n === 1),
            `${where} ${r.id} ${r.parts}`
          ).toBe(true)
          expect(r.configCut, `${where} ${r.id}`).toBe(false)
          expect(r.bestCut, `${where} ${r.id}: the speedup cell is cut`).toBe(false)
        }
        // The check column's name (Check, 검사: every job's check, not "Sum") is whole: its
        // text ends inside the list and starts after the verdict's name.
        const checkHead = (await page.evaluate(`(() => {
          const text = (el) => {
            const range = document.createRange()
            range.selectNodeContents(el)
            return range.getBoundingClientRect()
          }
          const el = document.querySelector('.columns .names span.center')
          return {
            left: text(el).left,
            right: text(el).right,
            edge: el.closest('.columns').getBoundingClientRect().right,
            before: text(document.querySelector('.columns .names .verdict-name')).right
          }
        })()`)) as { left: number; right: number; edge: number; before: number }
        expect(checkHead.right, `${where}: the check column's name is cut`).toBeLessThanOrEqual(
          checkHead.edge - 1
        )
        expect(checkHead.left, `${where}: the check column's name overlaps`).toBeGreaterThan(
          checkHead.before
        )
      }
    }
    await chooseLanguage(page, 'en')
    expect(app.pageErrors).toEqual([])
  })
})
