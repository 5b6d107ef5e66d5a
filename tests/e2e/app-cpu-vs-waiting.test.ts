/**
 * CPU vs waiting, run end to end in the app (issue 17): the built renderer in
 * Chromium, window.api bridged to the real service and engine (the harness).
 * The user puts the form on waiting with a tiny job (8 requests of 2 ms,
 * 2 repetitions), ticks CPU vs waiting in Scaling and runs it: main runs the
 * CLI's --compare-workloads study (the same runStudy) over 1 … 16× the
 * cores, and the page shows the sum's and the wait's speedups on one graph
 * and in its table, each number the one the study it received gives.
 */
import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { analyzeStudy } from '../../src/shared/analysis'
import { formatSignificant } from '../../src/shared/format'
import { workloadComparisonText } from '../../src/shared/report'
import { workloadStudyWorkers, type StudyRecord } from '../../src/shared/study'
import type { App } from './harness'
import { appForSuite } from './ui/suiteApp'
import { canvasInk, fillForm } from './ui/helpers'

describe('CPU vs waiting, run in the app', () => {
  let app: App

  appForSuite((a) => (app = a))

  it(
    'runs the sum and the wait side by side and shows the speedups the study measured',
    { timeout: 240_000 },
    async () => {
      const { page } = app
      await page.getByRole('radio', { name: 'Waiting (I/O)' }).check()
      await page.getByLabel('Requests (R)').fill('8')
      await page.getByLabel('Delay (ms)').fill('2')
      await fillForm(page, { warmup: '0', reps: '2' })

      await page.getByRole('tab', { name: 'Scaling' }).click()
      await page.getByTestId('compare-workloads').check()
      const workers = workloadStudyWorkers(availableParallelism())
      expect(await page.getByTestId('study-base').textContent()).toContain(workers.join(', '))
      await page.getByRole('button', { name: 'Run study' }).click()
      const view = page.getByTestId('workload-comparison')
      await view.waitFor({ timeout: 240_000 })

      // What the page received: the study main ran, with the form's wait on every wait run.
      const answer = app.invocations.filter((c) => c.channel === 'bench:study').at(-1)
      expect(answer?.ok).toBe(true)
      const study = answer!.value as StudyRecord
      expect(study.config.compareWorkloads).toBe(true)
      expect(study.workloadRuns.map((w) => `${w.job}/${w.backend}`)).toEqual([
        'sum/process',
        'wait/thread',
        'wait/process',
        'wait/async'
      ])
      for (const w of study.workloadRuns) {
        expect(w.run.correct).toBe(true)
        expect(w.run.results.map((r) => r.workers)).toEqual(workers)
        if (w.job === 'wait') expect(w.run.config.wait).toEqual({ requests: 8, delayMs: 2 })
      }
      const comparison = analyzeStudy(study).workloadComparison!
      expect(comparison.series.map((s) => s.job)).toEqual(['sum', 'wait', 'wait', 'wait'])

      // The table: a column per series, a row per count, each cell the study's S ± e.
      const cell = (speedup: number, error: number): string =>
        `${formatSignificant(speedup, 'en-US')} ± ${formatSignificant(error, 'en-US')}×`
      const heads = await view
        .locator('thead th[data-series]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-series')))
      expect(heads).toEqual(['sum-process', 'wait-thread', 'wait-process', 'wait-async'])
      for (const n of comparison.workers) {
        const shown = await view.locator(`tbody tr[data-workers="${n}"] td`).allTextContents()
        expect(shown.map((t) => t.trim())).toEqual(
          comparison.series.map((s) => {
            const p = s.points.find((x) => x.workers === n)!
            return cell(p.speedup.speedup, p.speedup.speedupError)
          })
        )
      }

      // The graph: drawn, and what it says (its accessible summary) holds both workloads' numbers.
      const chart = page.locator('[data-chart="cpu-vs-waiting"]')
      expect((await canvasInk(chart.locator('canvas'))).ink).toBeGreaterThan(500)
      const summary = (await chart.locator('[role="img"]').getAttribute('aria-label')) ?? ''
      for (const s of comparison.series) {
        const top = s.points.at(-1)!
        expect(summary).toContain(
          `${top.workers} ${cell(top.speedup.speedup, top.speedup.speedupError)}`
        )
      }
      expect(summary).toContain('sum · processes: ')
      expect(summary).toContain('waiting · threads: ')
      expect(summary).toContain('waiting · no worker (async): ')
      // The finding is the shared catalog's, from the same analysis.
      expect(await view.locator('p.finding').textContent()).toBe(
        workloadComparisonText(comparison, 'en')
      )
    }
  )

  it('leaves no page errors behind', () => {
    expect(app.pageErrors).toEqual([])
  })
})
