import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import type { App } from './harness'
import { fillForm, runButton, screenshot, waitInPage } from './ui/helpers'
import { appForSuite } from './ui/suiteApp'

/** 0 … 2e10 on one worker takes about a minute here: long enough to stop it. */
const LONG = {
  start: '0',
  end: '2e10',
  workers: '1,2',
  workload: 'Split',
  backend: 'Processes',
  pool: 'Warm',
  warmup: '0',
  reps: '1'
} as const

const storedIds = async (app: App): Promise<string[]> =>
  (await app.history.list()).runs.map((run) => run.id)

const runCalls = (app: App): number =>
  app.invocations.filter((call) => call.channel === 'bench:run').length

/** Waits until a worker has reported progress on its part of the job. */
async function waitUntilComputing(page: Page): Promise<void> {
  await waitInPage(
    page,
    `return [...document.querySelectorAll('[role="progressbar"][aria-label^="Worker "]')]
       .some((bar) => Number(bar.getAttribute('aria-valuenow')) > 0)`,
    null
  )
}

async function errorNotice(page: Page): Promise<{ code: string | null; text: string }> {
  const notice = page.locator('.controls [role="alert"]')
  await notice.waitFor({ timeout: 60_000 })
  return {
    code: await notice.getAttribute('data-code'),
    text: (await notice.textContent()) ?? ''
  }
}

describe('failures in the app, in words a user understands', () => {
  let app: App

  appForSuite((a) => (app = a))
  // Each test starts from the All cores preset, whatever the one before left in the form.
  beforeEach(async (ctx) => {
    if (ctx.task.name.includes('page errors')) return
    await app.page.getByRole('button', { name: 'All cores' }).click()
  })

  it('invalid input shows the message beside the field, disables Run and starts nothing', async () => {
    const { page } = app
    const before = runCalls(app)
    const log = app.workerLog.length

    await fillForm(page, { end: '12abc' })
    expect(await page.getByLabel('Range end').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByText('End must be a number').isVisible()).toBe(true)
    expect(await page.getByText('Fix one field to run the benchmark.').isVisible()).toBe(true)
    expect(await runButton(page).isDisabled()).toBe(true)

    await fillForm(page, { start: '100', end: '5' })
    expect(
      await page
        .getByText('End must be greater than start (an empty range has nothing to sum)')
        .isVisible()
    ).toBe(true)
    await fillForm(page, { workers: '1, x, 4-2' })
    expect(await page.getByText('Not a worker count or range like 1-8: x, 4-2').isVisible()).toBe(
      true
    )
    await fillForm(page, { reps: '0' })
    expect(await page.getByText('Reps must be at least 1').isVisible()).toBe(true)
    expect(await page.getByText('Fix 3 fields to run the benchmark.').isVisible()).toBe(true)
    expect(await runButton(page).isDisabled()).toBe(true)

    // Neither the keyboard shortcut nor the app menu gets past the form.
    await page.getByLabel('Repetitions').press('Control+Enter')
    await app.emit('app:menu', 'run')
    await page.waitForTimeout(300) // give a wrongly started run the chance to show up
    expect(runCalls(app)).toBe(before)
    expect(app.workerLog.length).toBe(log)
    expect(app.engine.busy).toBe(false)
    expect(await storedIds(app)).toEqual([])

    // Fixed, it runs.
    await fillForm(page, { start: '0', end: '1_000', workers: '1-2', reps: '1' })
    expect(await page.getByText('1,000 integers').count()).toBe(1)
    await runButton(page).click()
    await page.getByTestId('sum').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('sum').textContent()).toBe('499,500')
    expect(await storedIds(app)).toHaveLength(1)
  })

  it('Cancel stops a long run, shows it was cancelled and stores nothing', async () => {
    const { page } = app
    const stored = await storedIds(app)
    await fillForm(page, LONG)
    expect(await page.getByText('20,000,000,000 integers').count()).toBe(1)
    await runButton(page).click()
    await page.getByRole('heading', { name: 'Benchmark running' }).waitFor()
    await waitUntilComputing(page)
    expect(app.engine.busy).toBe(true)
    await screenshot(page, 'running')

    await page.getByRole('button', { name: 'Cancel' }).click()
    const notice = await errorNotice(page)
    expect(notice.code).toBe('cancelled')
    expect(notice.text).toContain('Run cancelled')
    expect(notice.text).toContain('Nothing was saved')
    expect(app.engine.busy).toBe(false)
    expect(await runButton(page).isEnabled()).toBe(true)
    expect(await page.getByRole('heading', { name: 'Benchmark running' }).count()).toBe(0)
    expect(await storedIds(app)).toEqual(stored)
  })

  it('the menu runs and Esc cancels, like the buttons', async () => {
    const { page } = app
    const stored = await storedIds(app)
    await fillForm(page, LONG)
    await app.emit('app:menu', 'run')
    await page.getByRole('heading', { name: 'Benchmark running' }).waitFor()
    await waitUntilComputing(page)
    await page.keyboard.press('Escape')
    expect((await errorNotice(page)).code).toBe('cancelled')
    expect(app.engine.busy).toBe(false)
    expect(await storedIds(app)).toEqual(stored)
  })

  it('a worker that dies mid-run is reported by name and pid', async () => {
    const { page } = app
    const stored = await storedIds(app)
    await fillForm(page, LONG)
    const from = app.workerLog.length
    await runButton(page).click()
    await waitUntilComputing(page)
    const ready = app.workerLog
      .slice(from)
      .map((line) => /^\[(.+?) \(pid (\d+)\)\] ready/.exec(line))
      .find((match) => match !== null)
    expect(ready).toBeTruthy()
    const [, name, pid] = ready!
    process.kill(Number(pid), 'SIGKILL')

    const notice = await errorNotice(page)
    expect(notice.code).toBe('worker-crashed')
    expect(notice.text).toContain('A worker stopped unexpectedly')
    expect(notice.text).toContain(`Worker ${name} (pid ${pid}) was ended by SIGKILL.`)
    expect(app.engine.busy).toBe(false)
    expect(await storedIds(app)).toEqual(stored)
    expect(await runButton(page).isEnabled()).toBe(true)
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
