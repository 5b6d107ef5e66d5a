/**
 * The cluster backend in the app: the built renderer in Chromium, window.api
 * bridged to the real service and engine (the NATS client runs in "main"),
 * a real nats-server with a user and password, and a real agent.
 */
import { hostname } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedSum } from '../../src/shared/range'
import type { RunRecord } from '../../src/shared/result'
import { natsServerMissing } from '../helpers/cluster'
import type { NatsServer } from '../helpers/cluster'
import type { App } from './harness'
import { openClusterApp } from './ui/clusterApp'
import type { ClusterApp } from './ui/clusterApp'
import { fillForm, runButton, screenshot, waitInPage } from './ui/helpers'

const missing = natsServerMissing()
if (missing) console.log(`cluster e2e skipped: ${missing}`)

const PASSWORD = 'pw-not-for-eyes'

describe.skipIf(missing !== null)('the Cluster (NATS) backend in the app', () => {
  let cluster: ClusterApp
  let server: NatsServer
  let app: App

  beforeAll(async () => {
    cluster = await openClusterApp(PASSWORD, [
      { args: ['--processes', '2', '--name', 'lab-pc-1'], workers: 2 }
    ])
    ;({ server, app } = cluster)
  })

  afterAll(() => cluster?.close())

  it('tests the connection, lists the workers found, runs on them; the password is never shown or saved', async () => {
    const page = app.page
    await fillForm(page, { start: '0', end: '20,000,000', workers: '1,2', warmup: '0', reps: '2' })
    await page.getByRole('radio', { name: 'Cluster (NATS)' }).check()
    const field = page.getByLabel('NATS server')
    await field.fill('ftp://nowhere')
    await expect.poll(() => page.getByText('must start with nats:// or tls://').count()).toBe(1)
    await expect(runButton(page).isDisabled()).resolves.toBe(true)

    await field.fill(`nats://lab:wrong@127.0.0.1:${server.port}`)
    await page.getByRole('button', { name: 'Test connection' }).click()
    await page.getByText(/Could not connect: .*refused the credentials/).waitFor()

    await field.fill(`nats://lab:${PASSWORD}@127.0.0.1:${server.port}`)
    await page.getByRole('button', { name: 'Test connection' }).click()
    const row = page.locator('section.agents li')
    await row.first().waitFor()
    expect(await row.count()).toBe(1)
    const line = (await row.first().textContent())?.replace(/\s+/g, ' ') ?? ''
    expect(line).toContain('lab-pc-1 (processes)')
    expect(line).toContain('Free / workers 2 / 2')
    expect(line).toMatch(/Kernels js/)
    expect(await page.getByText('1 agent, 2 free workers').count()).toBe(1)
    await page.locator('section.agents').scrollIntoViewIfNeeded()
    await screenshot(page, 'cluster-workers')

    await runButton(page).click()
    // Every piece drawn (the graphs come a frame apart): the timeline's table names the hosts.
    await waitInPage(
      page,
      `return !!document.querySelector('section.results[data-run-id]:not([aria-busy="true"])')`,
      null
    )
    await runButton(page).waitFor()
    const text = await page.locator('body').innerText()
    expect(text).not.toContain(PASSWORD)
    expect(await page.getByTestId('sum').textContent()).toContain(
      Number(expectedSum({ start: 0, end: 20_000_000 }))
        .toLocaleString('en-US')
        .slice(0, 6)
    )
    // The timeline names the host each worker ran on.
    expect(await page.locator('th[scope="row"]', { hasText: ` · ${hostname()}` }).count()).toBe(2)
    await page.locator('section.results').scrollIntoViewIfNeeded()
    await screenshot(page, 'cluster-run')

    const listing = await app.history.list()
    expect(listing.runs).toHaveLength(1)
    const run = (await app.history.get(listing.runs[0].id)) as RunRecord
    expect(run.correct).toBe(true)
    expect(run.config.backend).toBe('cluster')
    expect(run.config.cluster?.server).toBe(`nats://127.0.0.1:${server.port}`)
    expect(JSON.stringify(run)).not.toContain(PASSWORD)
    expect(run.results[1].samples[0].workers.every((w) => w.agent === 'lab-pc-1')).toBe(true)
  })
})
