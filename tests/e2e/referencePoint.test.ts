import { rm } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { historyDirWith, launchChromium, openApp } from './harness'
import type { App } from './harness'
import { chooseLanguage, waitForReady } from './ui/helpers'
import { syntheticRun } from '../helpers/syntheticRun'
import type { RunRecord } from '../../src/shared/result'

const reps = (ms: number): number[] => Array.from({ length: 6 }, (_, i) => ms + i * 0.1)

/** The same job on the same machine: quiet at 10:12 (1.97×), busy at 12:00 (each worker 1.9× slower). */
function seeded(otherMachine: boolean): RunRecord[] {
  const make = (id: string, startedAt: string, twoMs: number, otherCores: number): RunRecord => {
    const r = syntheticRun(
      [
        { workers: 1, wallMs: reps(100) },
        { workers: 2, wallMs: reps(twoMs) }
      ],
      {},
      2,
      id
    )
    r.startedAt = startedAt
    r.load = {
      source: 'proc-stat',
      wallMs: 5000,
      cores: 2,
      otherCores,
      stealCores: 0,
      ownCores: 1,
      loadAverage: null
    }
    return r
  }
  const quiet = make('run-quiet', '2026-12-07T10:12:00.000Z', 50.65, 0.02)
  if (otherMachine) quiet.system = { ...quiet.system, cpuModel: 'Another CPU' }
  return [quiet, make('run-busy', '2026-12-07T12:00:00.000Z', 95, 0.9)]
}

describe('a contended run shows what the same job reached on this machine when it was quiet', () => {
  let browser: Browser
  const dirs: string[] = []
  const apps: App[] = []

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await browser?.close()
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  async function openBusyRun(otherMachine: boolean): Promise<App> {
    const historyDir = await historyDirWith('speedup-reference-', seeded(otherMachine))
    dirs.push(historyDir)
    const app = await openApp({ browser, historyDir, viewport: { width: 1280, height: 860 } })
    apps.push(app)
    await waitForReady(app.page)
    await app.page.getByRole('tab', { name: /History/ }).click()
    await app.page
      .locator('.history-row[data-run-id="run-busy"]')
      .getByRole('button', { name: /^View run of / })
      .click()
    await app.page.locator('section.results[data-run-id="run-busy"]').waitFor()
    await app.page.getByTestId('contention').waitFor()
    return app
  }

  it('in Results, in English and Korean, after the contention finding', async () => {
    const { page, pageErrors } = await openBusyRun(false)
    const reference = page.getByTestId('reference')
    expect(await reference.textContent()).toContain(
      'On this machine this job has reached 1.97× with 2 workers'
    )
    await chooseLanguage(page, 'ko')
    await reference.filter({ hasText: '이 기계에서 이 작업은' }).waitFor()
    expect(await reference.textContent()).toContain('1.97×')
    await chooseLanguage(page, 'en')
    expect(pageErrors).toEqual([])
  })

  it('not when the quiet run was measured on another machine', async () => {
    const { page } = await openBusyRun(true)
    expect(await page.getByTestId('reference').count()).toBe(0)
  })
})
