/**
 * "Your command" in the app, end to end: the built renderer in Chromium,
 * window.api bridged to the real service and engine (the harness), the form
 * filled and run as a user would. Main refuses the command until the native
 * confirmation (faked at the dialog only) says Run, then runs N copies as
 * real processes, shows CPU utilization beside the speedup, stores the run,
 * and does not ask again for the same command.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from './harness'
import type { App } from './harness'
import { fillForm, runButton, runFromForm, VIEWPORT, waitForReady } from './ui/helpers'

/** A CPU-bound loop in the shell: a few tens of ms per copy here. */
const LOOP = 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done'

describe.runIf(process.platform !== 'win32')('your own command, in the app', () => {
  let app: App
  let answer = false
  const folder = mkdtempSync(join(tmpdir(), 'speedup-e2e-command-'))

  beforeAll(async () => {
    app = await openApp({
      viewport: VIEWPORT,
      confirmCommand: () => answer,
      chooseFolder: () => folder
    })
    await waitForReady(app.page)
  })
  afterAll(async () => {
    await app?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('is refused until confirmed, then runs --copies and shows CPU use; asked once', async () => {
    const { page } = app
    await page.getByRole('radio', { name: 'Your command' }).check()
    await page.getByRole('radio', { name: 'N copies at once' }).check()
    // The sum's range is not the command's: it is not on the form.
    expect(await page.getByLabel('Range start').count()).toBe(0)
    await runButton(page).waitFor()
    expect(await runButton(page).isDisabled()).toBe(true) // no command yet
    await page.getByLabel('Command line').fill(LOOP)
    await page.getByTestId('choose-folder').click()
    await expect.poll(() => page.getByLabel('Working folder').inputValue()).toBe(folder)
    await fillForm(page, { workers: '1,2', warmup: '0', reps: '2' })
    expect(await page.getByText('{index}: the copy’s number').isVisible()).toBe(true)
    // Every placeholder is explained: {size} (a size sweep, from the CLI) and the lifecycle's.
    expect(await page.getByText('{size}: each size of a size sweep').isVisible()).toBe(true)
    expect(await page.getByText('Prepare knows {workers} and {rep}').isVisible()).toBe(true)

    // The user cancels the native dialog: main refuses, nothing runs or is stored.
    await runButton(page).click()
    const notice = page.locator('.controls [role="alert"]')
    await notice.waitFor({ timeout: 60_000 })
    expect(await notice.getAttribute('data-code')).toBe('forbidden')
    expect(await notice.textContent()).toContain('you did not confirm it')
    expect(app.commandConfirmations).toEqual([`--copies ${LOOP}\n--cwd ${folder}`])
    expect((await app.history.list()).runs).toEqual([])

    // Confirmed: the copies run, the results show CPU use beside the speedup.
    answer = true
    const id = await runFromForm(page)
    expect(app.commandConfirmations).toHaveLength(2)
    const run = await app.history.get(id)
    expect(run?.config).toMatchObject({
      job: 'command',
      workload: 'replicate',
      workers: [1, 2],
      reps: 2,
      command: { shape: 'copies', line: LOOP, cwd: folder }
    })
    expect(run?.correct).toBe(true)
    expect(run?.results.map((r) => r.samples[0].workers.length)).toEqual([1, 2])
    const head = await page.locator('table.data-table thead').first().textContent()
    expect(head).toContain('Speedup')
    expect(head).toContain('CPU utilization')
    expect(head).toContain('Every copy exited 0')
    // The headline's check is the copies', never a sum ("Sum 1, expected 1" before).
    expect(await page.locator('[data-card="sum"]').count()).toBe(0)
    const exited = page.locator('[data-card="exited"]')
    expect((await exited.textContent())?.replace(/\s+/g, ' ')).toMatch(
      /Copies that exited 0 ✓ all 2 of 2 copies/
    )
    const cpu = page.locator('tr[data-workers="2"] td[data-col="cpu-utilization"]')
    expect((await cpu.textContent())?.trim()).toMatch(/^\d+(\.\d+)?\s?%$/)

    // The same command again: not asked again (remembered by its hash), and it runs.
    answer = false
    const second = await runFromForm(page)
    expect(second).not.toBe(id)
    expect(app.commandConfirmations).toHaveLength(2)
    expect((await app.history.list()).runs).toHaveLength(2)
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
