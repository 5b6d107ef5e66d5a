import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { collectSystemInfo } from '../../src/engine'
import type { RunsExport } from '../../src/shared/runExport'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import type { RunRecord } from '../../src/shared/result'
import type { App } from './harness'
import {
  canvasInk,
  fillForm,
  grouped,
  progressSeen,
  rangeSum,
  runButton,
  screenshot,
  waitForReady,
  watchProgress,
  runFromForm
} from './ui/helpers'
import { appForSuite } from './ui/suiteApp'

/** 0 … 20,000,000 split over 1 and 2 workers: a real run that takes about a second. */
const SMALL = {
  start: '0',
  end: '20,000,000',
  workers: '1,2',
  workload: 'Split',
  backend: 'Processes',
  pool: 'Warm',
  warmup: '0',
  reps: '2'
} as const
const SMALL_SUM = rangeSum(0n, 20_000_000n)

/** The tutorial's correct total: two workers each summing 0 … 50,000,000. */
const TUTORIAL_SUM = 2n * rangeSum(0n, 50_000_000n)

async function storedRuns(app: App): Promise<RunRecord[]> {
  const listing = await app.history.list()
  const records = await Promise.all(listing.runs.map((r) => app.history.get(r.id)))
  return records.filter((r): r is RunRecord => r !== null && r !== undefined)
}

async function sumShown(page: Page): Promise<string> {
  return (await page.getByTestId('sum').textContent())?.trim() ?? ''
}

describe('the app in Chromium, on the real engine', () => {
  let app: App

  appForSuite((a) => (app = a))

  it('starts on the All cores preset sized to this machine, and shows the system', async () => {
    const { page } = app
    const cores = collectSystemInfo().availableParallelism
    expect(await page.getByRole('button', { name: 'All cores' }).getAttribute('aria-pressed')).toBe(
      'true'
    )
    expect(await page.getByLabel('Range end').inputValue()).toBe('1,000,000,000')
    expect(await page.getByLabel('Worker counts', { exact: true }).inputValue()).toBe('every')
    const every = cores === 1 ? '1' : cores === 2 ? '1, 2' : `1-${cores}`
    expect(await page.getByText(`Measures ${every}`, { exact: true }).count()).toBe(1)
    expect(await runButton(page).isEnabled()).toBe(true)
    expect(await page.getByText('No results yet').isVisible()).toBe(true)
    await screenshot(page, 'empty')

    await page.getByRole('tab', { name: 'System' }).click()
    const cpu = page.locator('[data-key="cpu"] dd')
    expect(await cpu.textContent()).toBe(collectSystemInfo().cpuModel)
    expect(await page.locator('[data-key="parallelism"] dd').textContent()).toBe(String(cores))
    await screenshot(page, 'system')
    await page.getByRole('tab', { name: 'Results' }).click()
  })

  it('runs the form on real workers: progress while it runs, then the correct sum', async () => {
    const { page } = app
    await fillForm(page, SMALL)
    expect(await page.getByText('20,000,000 integers').count()).toBe(1)
    await watchProgress(page)
    // Each frame while the result is drawn: which graph cards a user could see, and whether
    // each showed its chart (chart.js marks a canvas it drew on with $chartjs) or a reason
    // why not ("Loading…") — never an empty plot.
    await page.evaluate(`(() => {
      const seen = { empty: [], drawn: [] }
      window.__cards = seen
      const visible = (el) => !!el && getComputedStyle(el).visibility === 'visible'
      const look = () => {
        for (const card of document.querySelectorAll('section.results [data-chart]')) {
          if (!visible(card)) continue
          const name = card.getAttribute('data-chart')
          const canvas = card.querySelector('canvas')
          const chart = visible(canvas) && !!canvas.$chartjs
          const reason = [...card.querySelectorAll('.empty')].some(visible)
          if (chart && !seen.drawn.includes(name)) seen.drawn.push(name)
          if (!chart && !reason && !seen.empty.includes(name)) seen.empty.push(name)
        }
        if (!seen.stop) requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })()`)
    const runId = await runFromForm(page)
    const cards = (await page.evaluate('(window.__cards.stop = true, window.__cards)')) as {
      empty: string[]
      drawn: string[]
    }
    // No card was shown empty while the graphs were created one by one (and the watch saw them).
    expect(cards.empty).toEqual([])
    expect(cards.drawn.sort()).toEqual(['speedup', 'speedup-history', 'timeline', 'wall-time'])

    const seen = await progressSeen(page)
    expect(seen.maxPercent).toBeGreaterThanOrEqual(0)
    expect(seen.workerBars).toBeGreaterThanOrEqual(1)
    expect(app.events.some((e) => e.channel === 'bench:progress')).toBe(true)

    expect(await sumShown(page)).toBe(grouped(SMALL_SUM))
    expect(await page.locator('[data-card="sum"]').textContent()).toContain('✓ correct')
    expect(await page.locator('[data-card="sum"]').textContent()).toContain(
      `expected ${grouped(SMALL_SUM)}`
    )
    const [stored] = await storedRuns(app)
    expect(stored.id).toBe(runId)
    expect(stored.config).toMatchObject({
      range: { start: 0, end: 20_000_000 },
      workers: [1, 2],
      workload: 'split',
      backend: 'process',
      pool: 'warm',
      warmup: 0,
      reps: 2
    })
    // The table has one row per worker count, with the analysis's speedup.
    const rows = page.locator('tbody tr[data-workers]:not([data-workers="serial"])')
    expect(await rows.count()).toBe(2)
    // The serial base case comes first, beside T1.
    expect(await page.locator('tbody tr[data-workers]').first().getAttribute('data-workers')).toBe(
      'serial'
    )
    const two = analyzeRun(stored).workers.find((r) => r.workers === 2)!
    expect(await page.locator('tbody tr[data-workers="2"]').textContent()).toContain(
      `${two.speedup.speedup.toFixed(2)}×`
    )
    expect(await page.getByTestId('verdict').getAttribute('data-code')).toBe(
      analyzeRun(stored).verdict.code
    )
    // The verdict leads the view: above the cards, the first thing after the run's header.
    const verdictBox = (await page.getByTestId('verdict').boundingBox())!
    const cardsBox = (await page.locator('[data-card="t1"]').boundingBox())!
    expect(verdictBox.y + verdictBox.height).toBeLessThanOrEqual(cardsBox.y)
    await screenshot(page, 'main')
  })

  it('draws all four graphs', async () => {
    const { page } = app
    for (const chart of ['wall-time', 'speedup', 'timeline', 'speedup-history']) {
      const canvas = page.locator(`[data-chart="${chart}"] canvas`)
      expect(await canvas.count(), chart).toBe(1)
      const ink = await canvasInk(canvas)
      expect(ink.width, chart).toBeGreaterThan(100)
      expect(ink.ink, `${chart} has axes and labels`).toBeGreaterThan(500)
      expect(ink.data, `${chart} has data drawn in the series colour`).toBeGreaterThan(20)
    }
  })

  it('saves a graph as PNG', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Save “Speedup vs worker count” as PNG' }).click()
    await page.getByText(/^PNG saved to /).waitFor()
    const file = app.savedFiles.at(-1)!
    expect(file).toMatch(/speedup-lab-speedup\.png$/)
    const bytes = await readFile(file)
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(bytes.length).toBeGreaterThan(2000)
  })

  it('the Tutorial preset repeats the tutorial and gets the total it printed as 0', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Tutorial', exact: true }).click()
    expect(await page.getByLabel('Range end').inputValue()).toBe('50,000,000')
    expect(await page.getByLabel('Custom worker counts').inputValue()).toBe('1, 2')
    expect(await page.getByRole('radio', { name: 'Replicate' }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: 'Cold' }).isChecked()).toBe(true)
    expect(
      await page.getByRole('button', { name: 'Tutorial', exact: true }).getAttribute('aria-pressed')
    ).toBe('true')
    await runFromForm(page)
    expect(await sumShown(page)).toBe(grouped(TUTORIAL_SUM))
    expect(grouped(TUTORIAL_SUM)).toBe('2,499,999,950,000,000')
    // Cold pools time the spawn: the table shows a Spawn column.
    const table = page.getByRole('table', { name: 'Per worker count' })
    expect(await table.getByRole('columnheader', { name: 'Spawn' }).count()).toBe(1)
    await screenshot(page, 'tutorial')
  })

  it('lists both runs in History, keeps them after a reload, and opens an older one', async () => {
    const { page } = app
    await page.getByRole('tab', { name: /History/ }).click()
    const items = page.getByRole('list', { name: 'Past runs' }).getByRole('listitem')
    expect(await items.count()).toBe(2)
    await screenshot(page, 'history')

    await app.reload()
    await waitForReady(page)
    await page.getByRole('tab', { name: /History/ }).click()
    expect(await items.count()).toBe(2)
    const [newest, older] = (await app.history.list()).runs.sort((a, b) =>
      a.startedAt < b.startedAt ? 1 : -1
    )
    // Newest first, as the list shows them.
    expect(await items.first().getAttribute('aria-posinset')).toBe('1')
    expect(await items.first().locator('[data-run-id]').getAttribute('data-run-id')).toBe(newest.id)
    await items
      .nth(1)
      .getByRole('button', { name: /^View run of / })
      .click()
    await page.locator(`section.results[data-run-id="${older.id}"]`).waitFor()
    expect(await sumShown(page)).toBe(grouped(SMALL_SUM))
  })

  it('exports the selected runs to a CSV that reads back with their figures', async () => {
    const { page } = app
    await page.getByRole('tab', { name: /History/ }).click()
    await page.getByRole('button', { name: 'Select all' }).click()
    expect(await page.getByText('2 selected').count()).toBe(1)
    const files = app.savedFiles.length
    await page.getByRole('button', { name: 'Export CSV' }).click()
    await page.getByText(/^CSV saved to /).waitFor()
    expect(app.savedFiles.length).toBe(files + 1)
    const csv = Papa.parse<Record<string, string>>(await readFile(app.savedFiles.at(-1)!, 'utf8'), {
      header: true,
      skipEmptyLines: true
    })
    expect(csv.errors).toEqual([])
    const runs = await storedRuns(app)
    const expected = runs
      .flatMap((run) =>
        analyzeRun(run).workers.map((r, i) => [
          run.id,
          String(r.workers),
          run.results[i].sum,
          r.medianMs,
          r.speedup.speedup
        ])
      )
      .sort()
    const got = csv.data
      .map((row) => [row.runId, row.workers, row.sum, Number(row.medianMs), Number(row.speedup)])
      .sort()
    expect(got).toEqual(expected)
    expect(csv.data.every((row) => row.correct === 'true')).toBe(true)

    // JSON holds the same runs, whole.
    await page.getByRole('button', { name: 'Export JSON' }).click()
    await page.getByText(/^JSON saved to /).waitFor()
    expect(app.savedFiles.at(-1)).toMatch(/\.json$/)
    const json = JSON.parse(await readFile(app.savedFiles.at(-1)!, 'utf8')) as RunsExport
    expect(json.format).toBe('speedup-lab/runs')
    expect(json.runs.map((run) => run.runId).sort()).toEqual(runs.map((run) => run.id).sort())
    expect(json.runs.map((run) => run.run).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...runs].sort((a, b) => a.id.localeCompare(b.id))
    )

    // The app menu's Export CSV does the same for the current selection.
    await app.emit('app:menu', 'export-csv')
    await expect.poll(() => app.savedFiles.length).toBe(files + 3)
    expect(app.savedFiles.at(-1)).toMatch(/\.csv$/)
  })

  it('deletes a selected run, then clears the history after confirmation', async () => {
    const { page } = app
    const items = page.getByRole('list', { name: 'Past runs' }).getByRole('listitem')
    await page.getByRole('button', { name: 'Select none' }).click()
    await items.first().getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByText('Deleted 1 run.').waitFor()
    expect((await app.history.list()).runs.length).toBe(1)
    expect(await items.count()).toBe(1)

    await page.getByRole('button', { name: 'Clear history' }).click()
    await page.getByRole('button', { name: 'Delete all' }).click()
    await page.getByText(/No runs stored yet/).waitFor()
    expect((await app.history.list()).runs.length).toBe(0)
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
