import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleRun } from '../helpers/runRecord'
import { launchChromium, openApp } from './harness'
import type { App } from './harness'
import { VIEWPORT, fillForm, inPage, runFromForm, waitForReady } from './ui/helpers'

const RUNS = 20_000
const id = (i: number) => `run-${String(i).padStart(6, '0')}`
const grouped = (n: number) => n.toLocaleString('en')

/**
 * History paging (issue 13): the renderer asks main for the rows it shows.
 * 20,000 stored runs: the list shows the total, every row it scrolls to is
 * the right run, and select + delete (of a few, and of "all but one") work,
 * with no answer carrying the whole history.
 */
describe('a history of 20,000 runs, paged by main', () => {
  let browser: Browser
  let app: App
  let historyDir: string
  /** The size of every answer the page received (JSON bytes), by channel. */
  const answers: { channel: string; bytes: number }[] = []
  let freshId = ''
  /** What the page asked, by channel. */
  const asked: { channel: string; payload: unknown }[] = []

  beforeAll(async () => {
    historyDir = await mkdtemp(join(tmpdir(), 'speedup-paged-history-'))
    const file = join(historyDir, 'history.jsonl')
    await writeFile(file, '')
    for (let from = 0; from < RUNS; from += 5000) {
      const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify(sampleRun({}, from + i)))
      await appendFile(file, lines.join('\n') + '\n')
    }
    browser = await launchChromium()
    app = await openApp({ browser, historyDir, viewport: VIEWPORT })
    const handle = app.service.handle.bind(app.service)
    app.service.handle = async (channel, payload) => {
      asked.push({ channel, payload })
      const result = await handle(channel, payload)
      answers.push({ channel, bytes: Buffer.byteLength(JSON.stringify(result)) })
      return result
    }
    await app.page.reload()
    await waitForReady(app.page)
  }, 180_000)
  afterAll(async () => {
    await app?.close()
    await browser?.close()
    if (historyDir) await rm(historyDir, { recursive: true, force: true })
  })

  const list = () => app.page.getByRole('list', { name: 'Past runs' })
  const rows = () => list().getByRole('listitem')
  /** The run ids drawn, top to bottom, and where the first of them is. */
  const drawn = async (): Promise<{ first: number; ids: string[] }> => {
    const items = rows()
    const first = Number(await items.first().getAttribute('aria-posinset'))
    const ids = await list()
      .locator('[data-run-id]')
      .evaluateAll(
        inPage<unknown[], string[]>('return arg.map((e) => e.getAttribute("data-run-id"))')
      )
    return { first, ids }
  }
  const scrollTo = (top: number) =>
    list().evaluate(inPage<unknown, void>(`arg.parentElement.scrollTop = ${top}`))

  it('opens with the total, newest first, without the whole list crossing IPC', async () => {
    const { page } = app
    await page.getByRole('tab', { name: /History/ }).click()
    await list()
      .locator(`[data-run-id="${id(RUNS - 1)}"]`)
      .waitFor({ timeout: 120_000 })
    expect(await page.getByText(`${grouped(RUNS)} runs`).count()).toBe(1)
    expect(await rows().first().getAttribute('aria-setsize')).toBe(String(RUNS))
    const { ids } = await drawn()
    expect(ids.slice(0, 3)).toEqual([id(RUNS - 1), id(RUNS - 2), id(RUNS - 3)])
    expect(answers.some((a) => a.channel === 'history:list')).toBe(false)
    const pages = answers.filter((a) => a.channel === 'history:page')
    expect(pages.length).toBeGreaterThan(0)
    // A page of 100 summaries, not 20,000 (those were ~9 MB).
    expect(Math.max(...pages.map((a) => a.bytes))).toBeLessThan(100_000)
  })

  it('scrolls to the middle and to the end, and the rows there are the right runs', async () => {
    await scrollTo(10_000 * 66) // rows are 66 px (HistoryPanel ROW_HEIGHT)
    await list()
      .locator(`[data-run-id="${id(RUNS - 1 - 10_000)}"]`)
      .waitFor()
    const middle = await drawn()
    // Row n (1-based, newest first) holds run RUNS − n.
    expect(middle.ids).toEqual(middle.ids.map((_, i) => id(RUNS - middle.first - i)))

    await scrollTo(1e9)
    await list()
      .locator(`[data-run-id="${id(0)}"]`)
      .waitFor()
    const end = await drawn()
    expect(await rows().last().getAttribute('aria-posinset')).toBe(String(RUNS))
    expect(end.ids.slice(-3)).toEqual([id(2), id(1), id(0)])
    expect(end.ids).toEqual(end.ids.map((_, i) => id(RUNS - end.first - i)))
    expect(await rows().count()).toBeLessThan(60)
  })

  it('deletes two selected runs: the total and the list follow, the file keeps the rest', async () => {
    const { page } = app
    for (const i of [1, 0]) {
      await list()
        .locator(`[data-run-id="${id(i)}"]`)
        .getByRole('checkbox')
        .check()
    }
    expect(await page.getByText('2 selected').count()).toBe(1)
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByText('Deleted 2 runs.').waitFor()
    await page.getByText(`${grouped(RUNS - 2)} runs`).waitFor()
    await scrollTo(1e9)
    await list()
      .locator(`[data-run-id="${id(2)}"]`)
      .waitFor()
    expect(await rows().last().getAttribute('aria-posinset')).toBe(String(RUNS - 2))
    expect(
      await list()
        .locator(`[data-run-id="${id(0)}"]`)
        .count()
    ).toBe(0)
    const stored = await app.history.page({ offset: RUNS - 4, limit: 10 })
    expect(stored.runs.map((r) => r.id)).toEqual([id(3), id(2)])
    const lines = (await readFile(join(historyDir, 'history.jsonl'), 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(RUNS - 2)
  })

  it('selects all but one without sending ids, and deletes them', async () => {
    const { page } = app
    await scrollTo(0)
    await list()
      .locator(`[data-run-id="${id(RUNS - 1)}"]`)
      .waitFor()
    await page.getByRole('button', { name: 'Select all' }).click()
    expect(await page.getByText(`${grouped(RUNS - 2)} selected`).count()).toBe(1)
    await list()
      .locator(`[data-run-id="${id(RUNS - 2)}"]`)
      .getByRole('checkbox')
      .uncheck()
    expect(await page.getByText(`${grouped(RUNS - 3)} selected`).count()).toBe(1)
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByText(`Deleted ${grouped(RUNS - 3)} runs.`).waitFor({ timeout: 120_000 })
    expect(asked.filter((a) => a.channel === 'history:delete').at(-1)?.payload).toEqual({
      ids: { all: true, except: [id(RUNS - 2)] }
    })
    await page.getByText('1 run', { exact: true }).waitFor()
    expect((await drawn()).ids).toEqual([id(RUNS - 2)])
    expect((await app.history.ids()).length).toBe(1)
  })

  it('shows a run that just finished on top', async () => {
    const { page } = app
    await fillForm(page, { start: '0', end: '100000', workers: '1,2', reps: '1', warmup: '0' })
    const fresh = await runFromForm(page)
    await page.getByRole('tab', { name: /History/ }).click()
    await page.getByText('2 runs', { exact: true }).waitFor()
    expect((await drawn()).ids).toEqual([fresh, id(RUNS - 2)])
    freshId = fresh
  })

  it('compares the two runs of "select all" (resolved from a page, not from ids held)', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Select all' }).click()
    await page.getByRole('button', { name: 'Compare', exact: true }).click()
    await page.getByRole('region', { name: 'Comparing two runs' }).waitFor()
    const opened = asked
      .filter((a) => a.channel === 'history:get')
      .slice(-2)
      .map((a) => (a.payload as { id: string }).id)
    expect(opened.sort()).toEqual([freshId, id(RUNS - 2)].sort())
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
