import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openApp } from './harness'
import { seriousViolations } from './ui/axe'
import type { App } from './harness'
import { fillForm, screenshot, waitForReady, runFromForm } from './ui/helpers'
import { appForSuite } from './ui/suiteApp'

/**
 * A small job run for real three times: on a warm pool, on a cold pool (the
 * processes spawned inside every timed repetition: a certain, large
 * regression), and replicated instead of split (another job).
 */
const JOB = {
  start: '0',
  end: '2,000,000',
  workers: '1,2',
  backend: 'Processes',
  warmup: '1',
  reps: '5'
} as const

/** Ticks exactly the runs given, in the History list. */
async function selectRuns(page: Page, ids: string[]): Promise<void> {
  for (const row of await page.locator('.history-row[data-run-id]').all()) {
    const id = await row.getAttribute('data-run-id')
    await row.getByRole('checkbox').setChecked(ids.includes(id ?? ''))
  }
}

describe('comparing two runs from History', () => {
  let browser: Browser
  let app: App
  const ids = { warm: '', cold: '', replicate: '' }

  appForSuite((a, b) => ((app = a), (browser = b)))

  it('runs the job on a warm pool, a cold pool, and replicated', async () => {
    const { page } = app
    await fillForm(page, { ...JOB, workload: 'Split', pool: 'Warm' })
    ids.warm = await runFromForm(page)
    await fillForm(page, { pool: 'Cold' })
    ids.cold = await runFromForm(page)
    await fillForm(page, { workload: 'Replicate', pool: 'Warm' })
    ids.replicate = await runFromForm(page)
    expect(new Set(Object.values(ids)).size).toBe(3)
  })

  it('compares two selected runs side by side: the cold pool regressed', async () => {
    const { page } = app
    await page.getByRole('tab', { name: /History/ }).click()
    const compare = page.getByRole('button', { name: 'Compare', exact: true })
    await selectRuns(page, [ids.warm])
    expect(await compare.isDisabled()).toBe(true)
    await selectRuns(page, [ids.warm, ids.cold])
    await compare.click()

    const panel = page.getByRole('region', { name: 'Comparing two runs' })
    await panel.locator('table').waitFor()
    // The older run is the baseline.
    expect(await panel.locator('[data-role="baseline"]').getAttribute('data-run-id')).toBe(ids.warm)
    expect(await panel.locator('[data-role="candidate"]').getAttribute('data-run-id')).toBe(
      ids.cold
    )
    for (const workers of [1, 2]) {
      const row = panel.locator(`tr[data-workers="${workers}"]`)
      expect(await row.locator('[data-verdict]').getAttribute('data-verdict')).toBe('regressed')
      expect(await row.textContent()).toMatch(/×\s*\[\d+\.\d{3}, \d+\.\d{3}\]/)
    }
    expect(await panel.getByText('Compared across pool: Warm → Cold').count()).toBe(1)
    expect(await panel.getByText(/^1 worker: Regressed, median \+\d/).count()).toBe(1)
    await screenshot(page, 'compare')

    await panel.getByRole('button', { name: 'Export CSV' }).click()
    await page.getByText(/^Comparison CSV saved to /).waitFor()
    expect(app.savedFiles).toHaveLength(1)
    expect(app.saveRequests[0].defaultPath).toMatch(/^speedup-lab-comparison-.*\.csv$/)
    const rows = Papa.parse<Record<string, string>>(await readFile(app.savedFiles[0], 'utf8'), {
      header: true
    }).data
    expect(rows.map((r) => [r.baselineRunId, r.candidateRunId, r.workers, r.timeVerdict])).toEqual([
      [ids.warm, ids.cold, '1', 'regressed'],
      [ids.warm, ids.cold, '2', 'regressed']
    ])

    await panel.getByRole('button', { name: 'Swap baseline and candidate' }).click()
    expect(
      await panel.locator('tr[data-workers="1"] [data-verdict]').getAttribute('data-verdict')
    ).toBe('improved')
  })

  it('refuses two different jobs, saying what differs', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Back to history' }).click()
    await selectRuns(page, [ids.cold, ids.replicate])
    await page.getByRole('button', { name: 'Compare', exact: true }).click()
    const alert = page.getByRole('region', { name: 'Comparing two runs' }).getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain(
      'They used different workloads (baseline split, candidate replicate)'
    )
    expect(await page.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Back to history' }).click()
  })

  it('says the same in Korean', async () => {
    const ko = await openApp({ browser, historyDir: app.historyDir, locale: 'ko-KR' })
    try {
      const { page } = ko
      await waitForReady(page)
      await page.getByRole('tab', { name: /기록/ }).click()
      await page.locator('.history-row[data-run-id]').first().waitFor()
      await selectRuns(page, [ids.warm, ids.cold])
      await page.getByRole('button', { name: '비교', exact: true }).click()
      const panel = page.getByRole('region', { name: '두 실행 비교' })
      await panel.locator('table').waitFor()
      expect(await panel.locator('tr[data-workers="2"] [data-verdict]').textContent()).toBe(
        '저하됨'
      )
      expect(await panel.getByText(/^워커 1개: 저하됨, 중앙값 \+/).count()).toBe(1)
      // The setting and its values in Korean too, not the record's codes.
      expect(await panel.getByText('다른 풀끼리 비교: 웜 → 콜드').count()).toBe(1)
      expect(ko.pageErrors).toEqual([])
    } finally {
      await ko.close()
    }
  })

  it('passes axe (no serious or critical finding), light and dark', async () => {
    // Its own page: axe must be injected, which the app's CSP rightly forbids elsewhere.
    for (const colorScheme of ['light', 'dark'] as const) {
      const checked = await openApp({
        browser,
        historyDir: app.historyDir,
        bypassCSP: true,
        colorScheme
      })
      try {
        const { page } = checked
        await waitForReady(page)
        await page.getByRole('tab', { name: /History/ }).click()
        await page.locator('.history-row[data-run-id]').first().waitFor()
        await selectRuns(page, [ids.warm, ids.cold])
        await page.getByRole('button', { name: 'Compare', exact: true }).click()
        await page.getByRole('region', { name: 'Comparing two runs' }).locator('table').waitFor()
        expect(await seriousViolations(page)).toEqual([])
      } finally {
        await checked.close()
      }
    }
  })

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
