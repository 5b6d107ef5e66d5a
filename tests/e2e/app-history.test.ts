import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleRun } from '../helpers/runRecord'
import { launchChromium, openApp } from './harness'
import type { App } from './harness'
import { VIEWPORT, canvasInk, inPage, waitForReady } from './ui/helpers'

const RUNS = 10_000
/** The line (1-based) written damaged on purpose. */
const DAMAGED_LINE = 5

describe('a history of 10,000 runs', () => {
  let browser: Browser
  let app: App
  let historyDir: string

  beforeAll(async () => {
    historyDir = await mkdtemp(join(tmpdir(), 'speedup-large-history-'))
    const lines: string[] = []
    for (let i = 0; i < RUNS; i++) {
      // Every tenth run has another configuration, so the graph's filter has a choice.
      const run = sampleRun(
        i % 10 === 9
          ? {
              config: {
                range: { start: 0, end: 50_000_000 },
                workers: [1, 2],
                workload: 'replicate',
                backend: 'process',
                pool: 'cold',
                warmup: 0,
                reps: 3
              }
            }
          : {},
        i
      )
      lines.push(JSON.stringify(run))
    }
    lines.splice(DAMAGED_LINE - 1, 0, '{"id": "cut short')
    await writeFile(join(historyDir, 'history.jsonl'), lines.join('\n') + '\n')
    browser = await launchChromium()
    app = await openApp({ browser, historyDir, viewport: VIEWPORT })
    await waitForReady(app.page)
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
    if (historyDir) await rm(historyDir, { recursive: true, force: true })
  })

  it('opens as a virtual list: every run counted, only the visible rows drawn', async () => {
    const { page } = app
    await page.getByRole('tab', { name: /History/ }).click()
    const list = page.getByRole('list', { name: 'Past runs' })
    // The first listing builds main's summary index, and the test bridge carries
    // 10,000 summaries through Playwright: that may take a while here.
    await list.getByRole('listitem').first().waitFor({ timeout: 60_000 })

    expect(await page.getByText(`${RUNS.toLocaleString('en')} runs`).count()).toBe(1)
    const items = list.getByRole('listitem')
    const drawn = await items.count()
    expect(drawn).toBeGreaterThan(5)
    expect(drawn).toBeLessThan(60)
    expect(await items.first().getAttribute('aria-setsize')).toBe(String(RUNS))
    // Newest first.
    expect(await items.first().locator('[data-run-id]').getAttribute('data-run-id')).toBe(
      `run-${String(RUNS - 1).padStart(6, '0')}`
    )

    // Scrolled to the end, the oldest run is there, and still few rows are drawn.
    await list.evaluate(inPage<unknown, void>('arg.parentElement.scrollTop = 1e9'))
    const oldest = page.locator('[data-run-id="run-000000"]')
    await oldest.waitFor()
    expect(await items.last().getAttribute('aria-posinset')).toBe(String(RUNS))
    expect(await items.count()).toBeLessThan(60)
  })

  it('reports the damaged line and keeps every other run', async () => {
    const { page } = app
    const notice = page.getByText('1 damaged entry was skipped while reading the history:')
    expect(await notice.isVisible()).toBe(true)
    expect(await page.getByText(new RegExp(`^line ${DAMAGED_LINE}: `)).count()).toBe(1)
    expect((await app.history.list()).runs).toHaveLength(RUNS)
  })

  it('selects all runs at once', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Select all' }).click()
    expect(await page.getByText(`${RUNS.toLocaleString('en')} selected`).count()).toBe(1)
    expect(await page.getByRole('checkbox', { checked: false }).count()).toBe(0)
    await page.getByRole('button', { name: 'Select none' }).click()
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0)
  })

  it('opens a past run and draws its configuration’s speedup history', async () => {
    const { page } = app
    await page
      .getByRole('button', { name: /^View run of / })
      .first()
      .click()
    const canvas = page.locator('[data-chart="speedup-history"] canvas')
    await canvas.waitFor()
    const ink = await canvasInk(canvas)
    expect(ink.data).toBeGreaterThan(100)
    // The filter offers both configurations, the one on display first.
    const filter = page.getByRole('combobox', { name: 'Configuration' })
    const options = await filter.locator('option').allTextContents()
    expect(options).toEqual([
      'sum · -50,000,000 … 0 · split · processes · warm pool · js kernel (9,000)',
      'sum · 0 … 50,000,000 · replicate · processes · cold pool · js kernel (1,000)'
    ])
    await filter.selectOption({ index: 1 })
    expect((await canvasInk(canvas)).data).toBeGreaterThan(100)
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
