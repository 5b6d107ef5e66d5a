/**
 * Waiting (I/O) in the app, end to end (issue 17): the built renderer in
 * Chromium, window.api bridged to the real service and engine (the harness),
 * the form filled and run as a user would — 16 requests of 10 ms on 1 and 5
 * threads. Main re-validates the payload and the engine starts its latency
 * server; Results show the ideal bound ceil(R/N)·delay and "every request
 * answered once", never a sum; then the same page in Korean (one switch, no
 * second run), the explainer's waiting section, and the Tutorial preset's
 * way to CPU vs waiting. One page load, one small run.
 */
import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { workloadStudyWorkers } from '../../src/shared/study'
import type { App } from './harness'
import { appForSuite } from './ui/suiteApp'
import { chooseLanguage, fillForm, runFromForm, waitInPage } from './ui/helpers'

describe('waiting (I/O), in the app', () => {
  let app: App

  appForSuite((a) => (app = a))

  it('runs 16 requests of 10 ms on 1 and 5 threads and shows the wait as a wait, in English and Korean', async () => {
    const { page } = app
    // The sum's form says why "no worker" is not offered for it.
    expect(await page.getByTestId('async-not-for-sum').isVisible()).toBe(true)
    expect(await page.getByRole('radio', { name: 'async (one event loop)' }).count()).toBe(0)

    await page.getByRole('radio', { name: 'Waiting (I/O)' }).check()
    expect(await page.getByLabel('Range start').count()).toBe(0)
    expect(await page.getByTestId('async-not-for-sum').count()).toBe(0)
    expect(await page.getByRole('radio', { name: 'async (one event loop)' }).count()).toBe(1)
    expect(await page.getByLabel('Requests (R)').inputValue()).toBe('64')
    expect(await page.getByLabel('Delay (ms)').inputValue()).toBe('20')
    // A bad value is refused where it was typed, before anything runs.
    await page.getByLabel('Requests (R)').fill('0')
    await page.getByText('Requests must be at least 1').waitFor()
    await page.getByLabel('Requests (R)').fill('16')
    await page.getByLabel('Delay (ms)').fill('10')
    await fillForm(page, { workers: '1,5', backend: 'Threads', warmup: '0', reps: '2' })

    const id = await runFromForm(page)
    const run = await app.history.get(id)
    expect(run?.config).toMatchObject({
      job: 'wait',
      wait: { requests: 16, delayMs: 10 },
      workers: [1, 5],
      workload: 'split',
      backend: 'thread',
      reps: 2
    })
    expect(run?.correct).toBe(true)

    const head = page.locator('table.data-table thead').first()
    const headText = (await head.textContent()) ?? ''
    expect(headText).toContain('Ideal')
    expect(headText).toContain('Server CPU')
    expect(headText).toContain('Every request answered once')
    expect(headText).not.toContain('Sum')
    const row5 = page.locator('tr[data-workers="5"]')
    // ceil(16/5)·10 ms: the bound, from the shared rule.
    expect((await row5.locator('td[data-col="ideal"]').textContent())?.trim()).toBe('40.0 ms')
    expect(await row5.locator('td[data-col="answered"]').getAttribute('class')).toContain('ok')
    expect((await row5.locator('td[data-col="server-cpu"]').textContent())?.trim()).toMatch(/ms$/)
    // 16 requests on 5 workers take ceil(16/5) = 4 rounds: the ideal speedup is 16 ÷ 4 = 4, not 5.
    const ideal = page.locator('[data-card="speedup"] [data-testid="ideal"]')
    expect((await ideal.textContent())?.trim()).toBe('ideal 4×')
    const card = page.locator('[data-card="answered"]')
    expect(await card.textContent()).toContain('✓ each once')
    expect((await card.getByTestId('answered').textContent())?.trim()).toBe('16')
    expect(await page.locator('[data-card="sum"]').count()).toBe(0)
    // The time chart says it draws the bound.
    await page.getByText('dashes: the ideal bound ceil(R/N) × delay').waitFor()

    // The same page in Korean: one switch, the same run.
    await chooseLanguage(page, 'ko')
    await waitInPage(page, `return document.documentElement.lang === arg`, 'ko')
    const koHead = (await head.textContent()) ?? ''
    expect(koHead).toContain('이상적')
    expect(koHead).toContain('서버 CPU')
    expect(koHead).toContain('모든 요청에 한 번씩 응답')
    expect(await card.textContent()).toContain('✓ 각각 한 번')
    expect((await ideal.textContent())?.trim()).toBe('이상적으로 4×')
    expect(await page.getByRole('radio', { name: '대기(I/O)' }).isChecked()).toBe(true)
    expect(await page.getByLabel('요청 수(R)').inputValue()).toBe('16')
    expect(await page.locator('section.results').getAttribute('data-run-id')).toBe(id)

    // The explainer reads this run in its waiting section.
    await page.locator('#tab-explain').click()
    const waiting = page.locator('[data-section="waiting"]')
    await waiting.getByTestId('explain-waiting').waitFor()
    expect(await waiting.locator('h3').textContent()).toContain('기다리는 일에는 스레드')
    expect(await waiting.textContent()).toContain('libuv')

    // The Tutorial preset offers CPU vs waiting: Scaling opens with it chosen (not run here).
    await page.getByRole('button', { name: '튜토리얼', exact: true }).click()
    await page.getByTestId('tutorial-waiting').click()
    await page.locator('#panel-scaling').waitFor()
    expect(await page.getByTestId('compare-workloads').isChecked()).toBe(true)
    expect(await page.getByTestId('compare-kernels').isDisabled()).toBe(true)
    expect(await page.getByTestId('study-base').textContent()).toContain(
      workloadStudyWorkers(availableParallelism()).join(', ')
    )
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
