import { describe, expect, it } from 'vitest'
import type { App } from './harness'
import { appForSuite } from './ui/suiteApp'
import type { Locator } from 'playwright-core'
import { chooseLanguage, fillForm, runFromForm, VIEWPORT } from './ui/helpers'
import { compareRuns } from '../../src/shared/analysis/compareRuns'
import { formatSignedPercent } from '../../src/shared/format'

/**
 * What a user sees of the line once they scroll to it: in the window, whole
 * (no text cut or hidden), between the verdict and the headline cards.
 */
async function seen(
  line: Locator
): Promise<{ inWindow: boolean; whole: boolean; placed: boolean }> {
  await line.scrollIntoViewIfNeeded()
  return line.evaluate(
    new Function(
      'el',
      `const box = el.getBoundingClientRect()
       const style = getComputedStyle(el)
       const verdict = document.querySelector('section.results [data-testid="verdict"]').getBoundingClientRect()
       const cards = document.querySelector('section.results [data-card]').getBoundingClientRect()
       return {
         inWindow: box.height > 0 && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth &&
           style.visibility === 'visible' && style.display !== 'none' && Number(style.opacity) === 1,
         whole: el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
         placed: verdict.bottom <= box.top && box.bottom <= cards.top
       }`
    ) as (el: unknown) => { inWindow: boolean; whole: boolean; placed: boolean }
  )
}

describe('Results says what changed since the last comparable run', () => {
  let app: App
  appForSuite((a) => (app = a))

  it('a first run has nothing to compare; a second of the same configuration says, with the shared comparison’s numbers', async () => {
    const { page } = app
    await fillForm(page, {
      start: '0',
      end: '2,000,000',
      workers: '1,2',
      workload: 'Split',
      backend: 'Processes',
      pool: 'Warm',
      warmup: '0',
      reps: '5'
    })
    const first = await runFromForm(page)
    expect(await page.getByTestId('since-last').count()).toBe(0)
    const second = await runFromForm(page)
    // In the Results view, the run just made on show.
    const results = page.locator(`section.results[data-run-id="${second}"]`)
    const line = results.getByTestId('since-last')
    await line.filter({ hasText: 'Since the last comparable run' }).waitFor()
    const text = (await line.textContent())!.trim()

    // The same numbers as the comparison of the two stored records (seeded: deterministic).
    const [baseline, candidate] = [await app.history.get(first), await app.history.get(second)]
    const outcome = compareRuns(baseline!, candidate!)
    if (!outcome.ok) throw new Error('two runs of one configuration were refused')
    const row = outcome.value.rows.find((r) => r.workers === 2)!
    const pct = (x: number): string => formatSignedPercent(x - 1, 'en')
    expect(text).toContain('2 workers')
    expect(text).toContain(`${pct(row.time.low!)} … ${pct(row.time.high!)}`)
    expect(text).toContain(`(median ${pct(row.time.ratio)})`)
    expect(text).toContain(
      { 'no-change': 'no change', improved: 'faster', regressed: 'slower' }[row.time.verdict]
    )
    expect(await line.getAttribute('data-verdict')).toBe(row.time.verdict)
    expect(await seen(line)).toEqual({ inWindow: true, whole: true, placed: true })

    // At 720 px, in Korean: the same numbers in the Korean words, still whole and in view.
    await page.setViewportSize({ width: 720, height: VIEWPORT.height })
    await chooseLanguage(page, 'ko')
    await line.filter({ hasText: '마지막 비교 가능한 실행' }).waitFor()
    const ko = (await line.textContent())!.trim()
    const pctKo = (x: number): string => formatSignedPercent(x - 1, 'ko')
    expect(ko).toContain('워커 2개')
    expect(ko).toContain(`${pctKo(row.time.low!)} … ${pctKo(row.time.high!)}`)
    expect(ko).toContain(
      { 'no-change': '변화 없음', improved: '빨라짐', regressed: '느려짐' }[row.time.verdict]
    )
    expect(await seen(line)).toEqual({ inWindow: true, whole: true, placed: true })
    await chooseLanguage(page, 'en')
    await page.setViewportSize(VIEWPORT)
  })
})
