/**
 * A size sweep of your command in the app (issue 20), end to end: the built
 * renderer in Chromium, window.api bridged to the real service and engine
 * (the harness). The user types a command with {size}, gives its values
 * beside it, and runs the Scaling view's study: main asks to confirm the
 * exact command (the native dialog, answered by the harness), runs it at
 * each size, 1 worker vs 2, and the page shows the break-even and the table
 * worded in sizes of {size}, as the study it received says, in English and
 * Korean. Then Run benchmark in the sidebar with several values of {size}
 * sweeps them all too (it ran only the first, as one run, before), as the
 * CLI's --sizes LIST does. One page load, sizes 1 and 2, 2 repetitions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findingText } from '../../src/shared/report'
import { formatSignificant } from '../../src/shared/format'
import { analyzeStudy } from '../../src/shared/analysis'
import type { StudyRecord } from '../../src/shared/study'
import { openApp } from './harness'
import type { App } from './harness'
import {
  chooseLanguage,
  fillForm,
  runButton,
  VIEWPORT,
  waitForReady,
  waitInPage
} from './ui/helpers'

/** A loop of {size} steps in the shell: a trivial job whose length the size sets. */
const LINE = 'i=0; while [ $i -lt {size} ]; do i=$((i+1)); done'

describe.runIf(process.platform !== 'win32')('a size sweep of your command, in the app', () => {
  let app: App

  beforeAll(async () => {
    app = await openApp({ viewport: VIEWPORT, confirmCommand: () => true })
    await waitForReady(app.page)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('sweeps {size} over 1 and 2 after the confirmation and words the result in sizes', async () => {
    const { page } = app
    await page.getByRole('radio', { name: 'Your command' }).check()
    const field = page.getByTestId('command-field')
    await field.getByLabel('Command line').fill(LINE)
    // {size} in the line: its values are asked for beside it, and needed.
    const sizes = field.getByLabel('Values of {size}')
    await sizes.waitFor()
    await field.getByText('Give at least one size').waitFor()
    await sizes.fill('1,2')
    await fillForm(page, { workers: '1,2', warmup: '0', reps: '2' })

    await page.getByRole('tab', { name: 'Scaling' }).click()
    const sweep = page.getByTestId('command-sweep')
    await sweep.waitFor()
    // The sum's studies are not offered for a command; the list is the same one.
    expect(await page.getByTestId('compare-workloads').count()).toBe(0)
    expect(await sweep.getByLabel('Values of {size}').inputValue()).toBe('1,2')
    expect(await page.getByTestId('study-issues').count()).toBe(0)
    // The base is the command's: its shape, no range, split, backend or pool.
    const base = (await page.getByTestId('study-base').textContent()) ?? ''
    expect(base).toContain('One process, N workers')
    expect(base).not.toMatch(/split|warm pool|processes/)
    const note = await page.locator('.study-form header .note').textContent()
    expect(note).toContain('the command line, its shape')
    expect(note).not.toContain('range start')
    await page.getByRole('button', { name: 'Run study' }).click()
    await page.getByTestId('study-findings').waitFor({ timeout: 120_000 })

    // Asked once, for the exact command; what the page received is the study it shows.
    expect(app.commandConfirmations).toEqual([`--command ${LINE}`])
    const answer = app.invocations.filter((c) => c.channel === 'bench:study').at(-1)
    expect(answer?.ok).toBe(true)
    const study = answer!.value as StudyRecord
    expect(study.sizeRuns.map((r) => [r.size, r.run.config.command?.size])).toEqual([
      [1, 1],
      [2, 2]
    ])
    expect(study.correct).toBe(true)
    expect(await page.getByTestId('study-findings').getAttribute('data-study-id')).toBe(study.id)
    const analysis = analyzeStudy(study)
    const [s] = analysis.sizeSweeps
    expect(analysis.sizeSweeps).toHaveLength(1)
    expect(s.job).toBe('command')

    // The verdict's lines are the shared catalog's, in sizes of {size} (never elements).
    const verdict = await page.getByTestId('study-verdict').locator('li').allTextContents()
    expect(verdict).toEqual(analysis.verdict.map((f) => findingText(f)))
    expect(verdict.join(' ')).not.toContain('elements')

    // The break-even: one card (no pool), its status and words from the study.
    const fact = page.locator('[data-testid="break-even"] .fact')
    expect(await fact.count()).toBe(1)
    expect(await fact.getAttribute('data-status')).toBe(s.breakEven.status)
    const text = (await fact.textContent()) ?? ''
    expect(text).toContain('Break-even of {size}')
    expect(text).toMatch(
      s.breakEven.size !== null
        ? /≈ size \d|between sizes /
        : s.breakEven.status === 'never'
          ? /above 2: 1 won at every size/
          : s.breakEven.status === 'always'
            ? /below 1: N won at every size/
            : /none: the winner changes/
    )
    expect(text).not.toContain('elements')
    // The table: a row per size with the speedup the study measured, no pool column.
    await page.locator('[data-testid="size-sweep"] summary').click()
    const table = page.locator('[data-testid="size-sweep"] table')
    expect(await table.locator('thead th').first().textContent()).toBe('Size')
    expect(await table.locator('thead').textContent()).not.toContain('Pool')
    for (const p of s.points) {
      const row = table.locator(`tbody tr[data-size="${p.size}"]`)
      expect((await row.locator('td').nth(2).textContent())?.replace(/\s+/g, ' ').trim()).toBe(
        `${formatSignificant(p.speedup.speedup, 'en-US')} ± ${formatSignificant(p.speedup.speedupError, 'en-US')}×`
      )
    }

    // The same study in Korean: one switch, no second run.
    await chooseLanguage(page, 'ko')
    await waitInPage(page, `return document.documentElement.lang === arg`, 'ko')
    expect(await fact.textContent()).toContain('{size}의 손익분기')
    expect(await table.locator('thead th').first().textContent()).toBe('크기')
    const koVerdict = await page.getByTestId('study-verdict').locator('li').allTextContents()
    expect(koVerdict).toEqual(analysis.verdict.map((f) => findingText(f, 'ko')))
    expect(app.invocations.filter((c) => c.channel === 'bench:study')).toHaveLength(1)
  })

  it('Run benchmark with several values of {size} runs the whole sweep, as --sizes does', async () => {
    const { page } = app
    await chooseLanguage(page, 'en')
    await waitInPage(page, `return document.documentElement.lang === arg`, 'en')
    const before = await page.getByTestId('study-findings').getAttribute('data-study-id')
    await page.getByRole('tab', { name: 'Results' }).click()
    // Another command, so main asks again; {size} is an argument `true` ignores.
    const line = 'true {size}'
    await page.getByTestId('command-field').getByLabel('Command line').fill(line)
    await page.getByTestId('command-field').getByLabel('Values of {size}').fill('2, 1')
    await runButton(page).click()

    // Whatever main was asked first (a single run before the fix), then: the sweep, in Scaling.
    const asked = (channel: string): number =>
      app.invocations.filter((c) => c.channel === channel).length
    await expect.poll(() => asked('bench:run') + asked('bench:study'), { timeout: 120_000 }).toBe(2)
    expect(app.invocations.filter((c) => c.channel === 'bench:run')).toEqual([])
    await expect
      .poll(() => page.getByTestId('study-findings').getAttribute('data-study-id'))
      .not.toBe(before)
    expect(await page.getByRole('tab', { name: 'Scaling' }).getAttribute('aria-selected')).toBe(
      'true'
    )
    expect(app.commandConfirmations.at(-1)).toBe(`--command ${line}`)
    const answer = app.invocations.filter((c) => c.channel === 'bench:study').at(-1)
    expect(answer?.ok).toBe(true)
    const study = answer!.value as StudyRecord
    expect(study.sizeRuns.map((r) => [r.size, r.run.config.command?.line])).toEqual([
      [1, line],
      [2, line]
    ])
    expect(await page.getByTestId('study-findings').getAttribute('data-study-id')).toBe(study.id)
    const [s] = analyzeStudy(study).sizeSweeps
    expect(await page.locator('[data-testid="break-even"] .fact').getAttribute('data-status')).toBe(
      s.breakEven.status
    )
    const rows = page.locator('[data-testid="size-sweep"] table tbody tr')
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-size')))).toEqual([
      '1',
      '2'
    ])
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
