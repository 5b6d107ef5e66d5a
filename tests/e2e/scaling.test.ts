import { readFile } from 'node:fs/promises'
import { findingText as studyFindingMessage } from '../../src/shared/report'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { StudyExport } from '../../src/shared/report/exporters'
import type { App } from './harness'
import { canvasInk, fillForm, inPage, runButton, screenshot, waitInPage } from './ui/helpers'
import { appForSuite } from './ui/suiteApp'

/** The study's base: a small range, 1…3 workers (3 > the 2 cores here is allowed), 3 repetitions. */
const BASE = {
  start: '0',
  end: '2,000,000',
  workers: '1,2,3',
  // No backend here: the Scaling view has its own Processes/Threads choice, and fillForm picks by label.
  workload: 'Split',
  pool: 'Warm',
  warmup: '0',
  reps: '3'
} as const

const studyButton = (page: Page): Locator => page.getByRole('button', { name: 'Run study' })
const sizesField = (page: Page): Locator => page.getByLabel('Range lengths')
const sweepBox = (page: Page): Locator => page.getByRole('checkbox', { name: /Problem-size sweep/ })
const compareBox = (page: Page): Locator =>
  page.getByRole('checkbox', { name: /Threads vs processes/ })
const studyCalls = (app: App): number =>
  app.invocations.filter((call) => call.channel === 'bench:study').length

async function issues(page: Page): Promise<string> {
  return (await page.getByTestId('study-issues').textContent()) ?? ''
}

/** Pixels of a canvas within `tolerance` of an exact colour: a marker drawn in that colour. */
function pixelsOf(canvas: Locator, rgb: [number, number, number], tolerance = 24): Promise<number> {
  return canvas.evaluate(
    inPage<unknown, number>(`
      const [r0, g0, b0, tol] = ${JSON.stringify([...rgb, tolerance])}
      const d = arg.getContext('2d').getImageData(0, 0, arg.width, arg.height).data
      let n = 0
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - r0) <= tol && Math.abs(d[i + 1] - g0) <= tol && Math.abs(d[i + 2] - b0) <= tol) n++
      }
      return n`)
  )
}

/** Records, in the page, what the study's progress panel showed (a step can be brief). */
async function watchStudyProgress(page: Page): Promise<void> {
  await page.evaluate(
    inPage<null, void>(`
    const seen = { steps: [], maxPercent: -1 }
    window.__studySeen = seen
    const look = () => {
      const step = document.querySelector('[data-testid="study-step"] strong')?.textContent
      if (step && !seen.steps.includes(step)) seen.steps.push(step)
      const bar = document.querySelector('[role="progressbar"][aria-label="Study progress"]')
      if (bar) seen.maxPercent = Math.max(seen.maxPercent, Number(bar.getAttribute('aria-valuenow')))
    }
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })`),
    null
  )
}

const studySeen = (page: Page): Promise<{ steps: string[]; maxPercent: number }> =>
  page.evaluate(
    inPage<null, { steps: string[]; maxPercent: number }>('return window.__studySeen'),
    null
  )

describe('the Scaling view, on the real engine', () => {
  let app: App

  appForSuite((a) => (app = a))

  it('shows what is wrong with a study, disables Run study and starts nothing', async () => {
    const { page } = app
    await fillForm(page, { ...BASE, workers: '1' })
    await page.getByRole('tab', { name: 'Scaling' }).click()
    expect(await sweepBox(page).isChecked()).toBe(true)
    // A size sweep compares 1 worker with N: N = 1 is no comparison.
    expect(await issues(page)).toContain('give a worker count of at least 2')
    expect(await studyButton(page).isDisabled()).toBe(true)

    await fillForm(page, { workers: '1,2' })
    await sizesField(page).fill('10_000, ten')
    expect(await issues(page)).toContain('"ten" is not a size')
    expect(await sizesField(page).getAttribute('aria-invalid')).toBe('true')
    await sizesField(page).fill('0, 1000')
    expect(await issues(page)).toContain('A size must be at least 1')
    await sizesField(page).press('Enter')
    expect(await studyButton(page).isDisabled()).toBe(true)

    await page.getByRole('button', { name: 'Restore the default sizes' }).click()
    expect(await sizesField(page).inputValue()).toBe('10^4..10^9')
    expect(await page.getByText('11 sizes: 10,000 … 1,000,000,000').count()).toBe(1)
    expect(await page.getByTestId('study-issues').count()).toBe(0)
    expect(await studyButton(page).isEnabled()).toBe(true)

    await sweepBox(page).uncheck()
    await compareBox(page).uncheck()
    expect(await issues(page)).toContain('Choose a size sweep, a backend comparison, or both.')
    expect(await studyButton(page).isDisabled()).toBe(true)
    await compareBox(page).check()
    await sweepBox(page).check()

    // The run form is the study's base: while it is wrong, so is the study.
    await fillForm(page, { end: 'lots' })
    expect(await issues(page)).toContain('The run form on the left has errors')
    expect(await studyButton(page).isDisabled()).toBe(true)

    expect(studyCalls(app)).toBe(0)
    expect(app.engine.busy).toBe(false)
    expect(app.events.filter((e) => e.channel === 'bench:study-progress')).toEqual([])
  })

  it('runs a tiny study: break-even, model fit, threads vs processes, all graphs drawn', async () => {
    const { page } = app
    await page.getByRole('tab', { name: 'Results' }).click()
    await fillForm(page, BASE)
    await page.getByRole('tab', { name: 'Scaling' }).click()
    await sizesField(page).fill('10_000, 1_000_000')
    expect(await page.getByTestId('study-base').textContent()).toContain('workers 1, 2, 3')
    await watchStudyProgress(page)
    await studyButton(page).click()
    await page.getByTestId('study-findings').waitFor({ timeout: 300_000 })

    // Progress was shown step by step: 2 backends × 2 pools × 2 sizes, then 3 steps per backend.
    const seen = await studySeen(page)
    expect(seen.steps.length).toBeGreaterThan(1)
    expect(seen.steps.every((s) => / of 14$/.test(s))).toBe(true)
    expect(app.events.some((e) => e.channel === 'bench:study-progress')).toBe(true)
    expect(await page.getByRole('heading', { name: 'Study running' }).count()).toBe(0)

    // The study is exported as JSON; the page must say what its analysis says.
    await page.getByRole('button', { name: 'Export the study as JSON' }).click()
    await page.getByText(/^Study JSON saved to /).waitFor()
    const exported = JSON.parse(await readFile(app.savedFiles.at(-1)!, 'utf8')) as StudyExport
    const study = { ...exported, id: exported.studyId }
    const analysis = exported.analysis
    expect(study.correct).toBe(true)
    expect(study.sizeRuns).toHaveLength(8)
    expect(await page.getByTestId('study-findings').getAttribute('data-study-id')).toBe(study.id)
    const verdict = await page.getByTestId('study-verdict').locator('li').allTextContents()
    expect(verdict).toEqual(analysis.verdict.map((f) => studyFindingMessage(f)))

    // Break-even, per pool, for the backend shown (processes): the marker, or why there is none.
    const sweeps = analysis.sizeSweeps.filter((s) => s.backend === 'process')
    expect(sweeps.map((s) => s.pool)).toEqual(['warm', 'cold'])
    const sizeCanvas = page.locator('[data-chart="time-vs-size-process"] canvas')
    for (const sweep of sweeps) {
      const fact = page.locator(`[data-testid="break-even"] [data-pool="${sweep.pool}"]`)
      expect(await fact.getAttribute('data-status')).toBe(sweep.breakEven.status)
      const text = (await fact.textContent()) ?? ''
      // Okabe–Ito green marks the warm pool's break-even, reddish purple the cold one's.
      const marker: [number, number, number] =
        sweep.pool === 'warm' ? [0, 158, 115] : [204, 121, 167]
      if (sweep.breakEven.size !== null) {
        // One figure only when its interval spans at most half a decade; else the interval.
        expect(text).toMatch(/≈ [\d,]+ elements|between .+ and /)
        expect(await pixelsOf(sizeCanvas, marker), `${sweep.pool} marker`).toBeGreaterThan(40)
      } else {
        expect(text).toMatch(
          sweep.breakEven.status === 'never'
            ? /above 1,000,000: 1 won at every size/
            : sweep.breakEven.status === 'always'
              ? /below 10,000: N won at every size/
              : /none: the winner changes/
        )
        expect(await pixelsOf(sizeCanvas, marker), `no ${sweep.pool} marker`).toBeLessThan(5)
      }
    }
    expect(await page.locator('[data-testid="size-sweep"] tbody tr').count()).toBe(4)
    // The size table is folded under its chart until asked for.
    const sizeTable = page.locator('[data-testid="size-sweep"] table')
    expect(await sizeTable.isVisible()).toBe(false)
    await page.locator('[data-testid="size-sweep"] summary').click()
    expect(await sizeTable.isVisible()).toBe(true)

    // Threads vs processes: a row each, with cold start and memory per worker.
    const comparison = page.getByTestId('backend-comparison')
    expect(
      await comparison
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-backend')))
    ).toEqual(['process', 'thread'])
    for (const backend of ['process', 'thread']) {
      const row = comparison.locator(`tbody tr[data-backend="${backend}"]`)
      expect(await row.getByTestId('cold-start').textContent()).toMatch(/^[\d.,]+ (ms|s)$/)
      expect(await row.getByTestId('rss').textContent()).toMatch(/^[\d.,]+ MiB$/)
    }

    // The statistics show the study's process sweep, with the Amdahl fit's f ± u.
    expect(await page.getByLabel('Run analysed').inputValue()).toBe('study:process')
    const processAnalysis = analysis.backendComparison!.backends[0].analysis
    const processFit = processAnalysis.models.comparison?.amdahl
    // On a busy machine a tiny job can run slower with more workers (overhead dominates), and
    // without significant speedups within the cores, or with a poor fit, no model is fitted
    // (no lesson from noise): then the page shows no figure for one.
    const slowdown = processAnalysis.workers.some((w) => w.workers > 1 && w.speedup.speedup < 1)
    if (slowdown || processAnalysis.models.code !== 'fitted') {
      expect(processFit).toBeUndefined()
      expect(['slower-than-one', 'too-few-worker-counts', 'not-significant', 'poor-fit']).toContain(
        processAnalysis.models.code
      )
      expect(await page.getByTestId('model-fit').locator('dd').first().textContent()).toBe('—')
    } else {
      expect(processFit).toBeTruthy()
      const f = (await page.getByTestId('model-fit').locator('dd').first().textContent()) ?? ''
      expect(f).toMatch(/^[\d.]+( ± [\d.]+)?$/)
      expect(Number(f.split(' ± ')[0])).toBeCloseTo(processFit!.serialFraction, 2)
    }
    const stats = page.getByTestId('stats-table')
    expect(await stats.locator('tbody tr').count()).toBe(3)
    // Three repetitions: the median's 95% interval would be min…max, so it is shown as missing.
    expect(await stats.locator('tbody tr[data-workers="2"] td').nth(2).textContent()).toContain(
      '— (n = 3)'
    )
    expect(
      await page.getByText(/by percentile bootstrap \(10,000 seeded resamples\)/).count()
    ).toBe(1)

    // Every graph of the view is drawn.
    const charts = await page
      .locator('.scaling [data-chart]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-chart')))
    expect(charts).toEqual([
      'time-vs-size-process',
      'backend-speedup',
      'backend-start',
      'backend-memory',
      'speedup-models',
      'efficiency',
      'karp-flatt',
      'overhead'
    ])
    for (const chart of charts) {
      // Karp–Flatt e(N) exists only for 1 ≤ S ≤ N: after a slowdown the card says why it is empty.
      if (chart === 'karp-flatt' && (processAnalysis.karpFlatt?.points.length ?? 0) === 0) {
        expect(await page.locator(`[data-chart="${chart}"] canvas`).count()).toBe(0)
        continue
      }
      const ink = await canvasInk(page.locator(`[data-chart="${chart}"] canvas`))
      expect(ink.ink, `${chart} has axes and labels`).toBeGreaterThan(500)
      // Memory has no bar where the platform cannot measure it.
      if (chart !== 'backend-memory') expect(ink.data, `${chart} has data`).toBeGreaterThan(20)
    }
    // The size sweep's own picker (the study form has a "threads" choice too).
    const sweep = page.getByTestId('size-sweep')
    await sweep.getByRole('radio', { name: 'threads', exact: true }).check()
    expect(await page.locator('[data-chart="time-vs-size-thread"] canvas').count()).toBe(1)
    await sweep.getByRole('radio', { name: 'processes', exact: true }).check()

    // A study's runs are not the user's runs: history is untouched.
    expect((await app.history.list()).runs).toEqual([])

    await page.getByRole('button', { name: 'Export the study as Markdown' }).click()
    await page.getByText(/^Study report \(Markdown\) saved to /).waitFor()
    const markdown = await readFile(app.savedFiles.at(-1)!, 'utf8')
    expect(markdown).toMatch(/^# Speedup Lab study/)
    expect(markdown).toContain('## Threads vs processes')

    await page.getByRole('button', { name: 'Save “Time vs problem size” as PNG' }).click()
    await page.getByText(/^PNG saved to /).waitFor()
    expect(app.savedFiles.at(-1)).toMatch(/speedup-lab-time-vs-size-process\.png$/)
    const png = await readFile(app.savedFiles.at(-1)!)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')

    // The screenshot: the findings, the break-even and its graph, without the last notice.
    await page.locator('.status-bar').getByRole('button', { name: 'Dismiss' }).click()
    await page
      .getByTestId('study-findings')
      .evaluate(inPage<unknown, void>(`arg.scrollIntoView({ block: 'start' })`))
    await screenshot(page, 'scaling')
  })

  it('reads the run on display: statistics, warnings and a Markdown report', async () => {
    const { page } = app
    // fillForm finds fields by label; the Scaling view's graph summaries mention repetitions too.
    await page.getByRole('tab', { name: 'Results' }).click()
    await fillForm(page, { ...BASE, end: '1,000,000' })
    await runButton(page).click()
    await page.locator('section.results[data-run-id]').waitFor({ timeout: 120_000 })
    const runId = await page.locator('section.results').getAttribute('data-run-id')
    await runButton(page).waitFor()

    await page.getByRole('tab', { name: 'Scaling' }).click()
    await page.getByLabel('Run analysed').selectOption('shown')
    const stats = page.getByTestId('run-statistics')
    expect(await stats.textContent()).toContain('0 … 1,000,000')
    expect(await stats.getByTestId('stats-table').locator('tbody tr').count()).toBe(3)
    expect(await stats.getByTestId('warnings').count()).toBe(1)

    await stats.getByRole('button', { name: 'Markdown report' }).click()
    await page.getByText(/^Markdown report saved to /).waitFor()
    const file = app.savedFiles.at(-1)!
    expect(file).toMatch(/\.md$/)
    const report = await readFile(file, 'utf8')
    expect(report).toMatch(/^# Speedup Lab report/)
    expect(report).toContain(`Run ${runId}`)
    expect(report).toContain('## Verdict')
  })

  it('cancels a longer study, says so, and keeps the last finished study on show', async () => {
    const { page } = app
    const before = await page.getByTestId('study-findings').getAttribute('data-study-id')
    await page.getByRole('tab', { name: 'Results' }).click()
    await fillForm(page, { ...BASE, workers: '1,2' })
    await page.getByRole('tab', { name: 'Scaling' }).click()
    await page.getByRole('button', { name: 'Restore the default sizes' }).click()
    const progressEvents = (): number =>
      app.events.filter((e) => e.channel === 'bench:study-progress').length
    const from = progressEvents()
    await studyButton(page).click()
    await page.getByRole('heading', { name: 'Study running' }).waitFor()
    // The form that set the study up is locked while it runs.
    expect(await page.getByLabel('Range end').isDisabled()).toBe(true)
    expect(await runButton(page).isDisabled()).toBe(true)
    await waitInPage(
      page,
      `return /^Step ([2-9]|\\d\\d) of/.test(document.querySelector('[data-testid="study-step"] strong')?.textContent ?? '')`,
      null
    )
    expect(progressEvents()).toBeGreaterThan(from)

    await page.getByRole('button', { name: 'Cancel', exact: true }).click()
    const notice = page.locator('.study-form [role="alert"][data-code]')
    await notice.waitFor({ timeout: 60_000 })
    expect(await notice.getAttribute('data-code')).toBe('cancelled')
    expect(await notice.textContent()).toContain('Nothing was saved')
    expect(app.engine.busy).toBe(false)
    expect(await page.getByRole('heading', { name: 'Study running' }).count()).toBe(0)
    expect(await studyButton(page).isEnabled()).toBe(true)
    expect(await page.getByTestId('study-findings').getAttribute('data-study-id')).toBe(before)
    expect((await app.history.list()).runs).toHaveLength(1)
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
