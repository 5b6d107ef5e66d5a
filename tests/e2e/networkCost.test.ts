/**
 * The network-cost study in the app (issue 11): the Scaling view's study form
 * compares processes with the cluster — the built renderer in Chromium,
 * window.api bridged to the real service and engine, a real nats-server with
 * a user and password, and two real agents.
 */
import { readFile } from 'node:fs/promises'
import { findingText as studyFindingMessage } from '../../src/shared/report'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedSum } from '../../src/shared/range'
import type { StudyExport } from '../../src/shared/report/exporters'
import { natsServerMissing } from '../helpers/cluster'
import type { NatsServer } from '../helpers/cluster'
import type { App } from './harness'
import { openClusterApp } from './ui/clusterApp'
import type { ClusterApp } from './ui/clusterApp'
import { chooseLanguage, fillForm, screenshot } from './ui/helpers'

const missing = natsServerMissing()
if (missing) console.log(`network-cost e2e skipped: ${missing}`)

const PASSWORD = 'net-cost-pw-hidden'

describe.skipIf(missing !== null)('the network-cost study in the Scaling view', () => {
  let cluster: ClusterApp
  let server: NatsServer
  let app: App

  beforeAll(async () => {
    cluster = await openClusterApp(PASSWORD, [
      { args: ['--processes', '1', '--name', 'lab-a'], workers: 1 },
      { args: ['--processes', '1', '--name', 'lab-b'], workers: 1 }
    ])
    ;({ server, app } = cluster)
  })

  afterAll(() => cluster?.close())

  it('needs a server, then runs both sweeps side by side with a break-even each; no password anywhere', async () => {
    const { page } = app
    await fillForm(page, {
      start: '0',
      end: '100,000',
      workers: '1,2',
      workload: 'Split',
      pool: 'Warm',
      warmup: '0',
      reps: '2'
    })
    await page.getByRole('tab', { name: 'Scaling' }).click()
    await page.getByLabel('Range lengths').fill('1_000, 1_000_000')
    const compare = page.getByRole('checkbox', { name: /Threads vs processes/ })
    if (!(await compare.isChecked())) await compare.check()
    await page
      .getByTestId('study-compare-with')
      .getByRole('radio', { name: 'cluster (NATS)' })
      .check()
    // No server yet: the study says why and does not start.
    await expect
      .poll(async () => (await page.getByTestId('study-issues').textContent()) ?? '')
      .toMatch(/NATS server: Comparing with the cluster needs its NATS server/)
    const run = page.getByRole('button', { name: 'Run study' })
    expect(await run.isDisabled()).toBe(true)
    expect(app.invocations.filter((c) => c.channel === 'bench:study')).toHaveLength(0)

    const field = page.getByTestId('study-cluster').getByLabel('NATS server')
    await field.fill(`nats://lab:${PASSWORD}@127.0.0.1:${server.port}`)
    await page.getByTestId('study-cluster').getByRole('button', { name: 'Test connection' }).click()
    await page.getByText('2 agents, 2 free workers').waitFor()
    await run.click()
    await page.getByTestId('study-findings').waitFor({ timeout: 300_000 })

    await page.getByRole('button', { name: 'Export the study as JSON' }).click()
    await page.getByText(/^Study JSON saved to /).waitFor()
    const exported = await readFile(app.savedFiles.at(-1)!, 'utf8')
    expect(exported).not.toContain(PASSWORD)
    const parsed = JSON.parse(exported) as StudyExport
    const study = { ...parsed, id: parsed.studyId }
    const analysis = parsed.analysis
    expect(study.correct).toBe(true)
    expect(study.config.backends).toEqual(['process', 'cluster'])
    expect(study.config.base.cluster).toEqual({ server: `nats://127.0.0.1:${server.port}` })
    expect(study.sizeRuns.map((r) => r.backend)).toEqual([
      ...Array(4).fill('process'),
      ...Array(4).fill('cluster')
    ])
    for (const r of study.sizeRuns)
      for (const result of r.run.results)
        expect(result.sum).toBe(expectedSum({ start: 0, end: r.size }).toString())

    // The page says what the analysis says: both break-evens per pool, and the verdict.
    const verdict = await page.getByTestId('study-verdict').locator('li').allTextContents()
    expect(verdict).toEqual(analysis.verdict.map((f) => studyFindingMessage(f)))
    const section = page.getByTestId('network-cost')
    expect(analysis.networkCost.map((c) => c.pool)).toEqual(['warm', 'cold'])
    for (const cost of analysis.networkCost) {
      const pool = section.locator(`[data-pool="${cost.pool}"]`)
      const facts = pool.getByTestId('network-break-even')
      expect(await facts.locator('[data-backend="process"]').getAttribute('data-status')).toBe(
        cost.local.breakEven.status
      )
      expect(await facts.locator('[data-backend="cluster"]').getAttribute('data-status')).toBe(
        cost.cluster.breakEven.status
      )
      expect(await facts.locator('[data-difference]').getAttribute('data-difference')).toBe(
        cost.difference
      )
      expect(await pool.locator('tbody tr').count()).toBe(2)
    }
    // Remote workers' memory: "not measured", never 0.
    const remote = page.getByTestId('backend-comparison').locator('tr[data-backend="cluster"]')
    expect(await remote.getByTestId('rss').textContent()).toContain('not measured (remote workers)')
    expect(await page.locator('body').innerText()).not.toContain(PASSWORD)
    await section.scrollIntoViewIfNeeded()
    await screenshot(page, 'network-cost')

    // The same in Korean.
    await chooseLanguage(page, 'ko')
    await expect
      .poll(async () => (await section.textContent()) ?? '')
      .toContain('네트워크 비용: 로컬 대 클러스터')
    await chooseLanguage(page, 'en')
  })
})
