import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Locator, Page } from 'playwright-core'

/** Screenshots go to docs/ when UPDATE_SCREENSHOTS=1, else to a scratch folder (git-ignored). */
const ROOT = resolve(__dirname, '../../..')
export const SHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? join(ROOT, 'docs')
  : join(ROOT, 'tests/.tmp/screenshots')

export const VIEWPORT = { width: 1280, height: 860 }

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SHOT_DIR, { recursive: true })
  const path = join(SHOT_DIR, `screenshot-${name}.png`)
  await page.screenshot({ path })
  return path
}

export interface FormValues {
  start?: string
  end?: string
  /** A custom worker list such as "1,2". */
  workers?: string
  workload?: 'Split' | 'Replicate'
  backend?: 'Processes' | 'Threads'
  pool?: 'Warm' | 'Cold'
  warmup?: string
  reps?: string
}

/** Fills the run form the way a user does: by the labels they read. */
export async function fillForm(page: Page, values: FormValues): Promise<void> {
  if (values.start !== undefined) await page.getByLabel('Range start').fill(values.start)
  if (values.end !== undefined) await page.getByLabel('Range end').fill(values.end)
  if (values.workers !== undefined) {
    await page.getByLabel('Worker counts', { exact: true }).selectOption('custom')
    await page.getByLabel('Custom worker counts').fill(values.workers)
  }
  if (values.workload) await page.getByRole('radio', { name: values.workload }).check()
  if (values.backend) await page.getByRole('radio', { name: values.backend }).check()
  if (values.pool) await page.getByRole('radio', { name: values.pool }).check()
  if (values.warmup !== undefined) await page.getByLabel('Warm-up runs').fill(values.warmup)
  if (values.reps !== undefined) await page.getByLabel('Repetitions').fill(values.reps)
}

export const runButton = (page: Page): Locator =>
  page.getByRole('button', { name: 'Run benchmark' })

/**
 * A function for the page, written as source: the page's CSP forbids eval, so
 * Playwright must get a function (sent as a function), and tsconfig.node has
 * no DOM types for its body.
 */
export function inPage<A, R>(body: string): (arg: A) => R {
  return new Function('arg', body) as (arg: A) => R
}

/** Waits until the page says `body` is true (re-checked on every animation frame). */
export async function waitInPage(
  page: Page,
  body: string,
  arg: string | number | null,
  timeout = 120_000
): Promise<void> {
  await page.waitForFunction(inPage<string | number | null, boolean>(body), arg, { timeout })
}

/** Waits until the app has read the machine (the header names its cores; a narrow header hides them). */
export async function waitForReady(page: Page): Promise<void> {
  await page.locator('.machine .chip').waitFor({ state: 'attached' })
}

/**
 * Starts recording, in the page, what the progress UI showed: the largest
 * overall percentage and how many per-worker bars appeared. A fast run can
 * come and go between two polls from the test, so the page watches itself.
 */
export async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(
    inPage<null, void>(`
    const seen = { maxPercent: -1, workerBars: 0, phases: [] }
    window.__progressSeen = seen
    const look = () => {
      const overall = document.querySelector('[role="progressbar"][aria-label="Overall progress"]')
      if (overall) seen.maxPercent = Math.max(seen.maxPercent, Number(overall.getAttribute('aria-valuenow')))
      seen.workerBars = Math.max(seen.workerBars, document.querySelectorAll('[role="progressbar"][aria-label^="Worker "]').length)
      const phase = document.querySelector('.progress[data-phase]')?.getAttribute('data-phase')
      if (phase && !seen.phases.includes(phase)) seen.phases.push(phase)
    }
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true })`),
    null
  )
}

export interface ProgressSeen {
  maxPercent: number
  workerBars: number
  phases: string[]
}

export function progressSeen(page: Page): Promise<ProgressSeen> {
  return page.evaluate(inPage<null, ProgressSeen>('return window.__progressSeen'), null)
}

export interface CanvasInk {
  width: number
  height: number
  /** Pixels that are not the white background. */
  ink: number
  /** Pixels in the data colour (the Okabe–Ito blue of bars, lines and compute spans). */
  data: number
}

/** Reads back what a chart canvas holds, pixel by pixel. */
export function canvasInk(canvas: Locator): Promise<CanvasInk> {
  return canvas.evaluate(
    new Function(
      'canvas',
      `const ctx = canvas.getContext('2d')
       const { width, height } = canvas
       const d = ctx.getImageData(0, 0, width, height).data
       let ink = 0, data = 0
       for (let i = 0; i < d.length; i += 4) {
         const r = d[i], g = d[i + 1], b = d[i + 2], a = d[i + 3]
         if (a > 0 && (r < 235 || g < 235 || b < 235)) ink++
         if (a > 0 && b > r + 60 && b > 120 && g < b) data++
       }
       return { width, height, ink, data }`
    ) as (canvas: unknown) => CanvasInk
  )
}

/** "199999990000000" → "199,999,990,000,000", as the app shows it in English. */
export function grouped(value: bigint | string): string {
  return BigInt(value).toLocaleString('en')
}

/** The closed form of the sum of [start, end). */
export function rangeSum(start: bigint, end: bigint): bigint {
  return end <= start ? 0n : ((end - start) * (start + end - 1n)) / 2n
}

/**
 * Starts a run of what the form holds (its button, or Ctrl+Enter) and waits
 * until a new run's results are on show (every piece drawn: the Results view
 * draws its graphs a frame apart) and the form is ready again; the new run's id.
 */
export async function runFromForm(
  page: Page,
  how: 'button' | 'shortcut' = 'button'
): Promise<string> {
  const shown = page.locator('section.results[data-run-id]')
  const before = (await shown.count()) ? await shown.getAttribute('data-run-id') : null
  if (how === 'button') await runButton(page).click()
  else await page.keyboard.press('Control+Enter')
  await waitInPage(
    page,
    `const el = document.querySelector('section.results[data-run-id]')
     return !!el && el.getAttribute('data-run-id') !== arg && el.getAttribute('aria-busy') !== 'true'`,
    before
  )
  await runButton(page).waitFor()
  return (await shown.getAttribute('data-run-id')) ?? ''
}

/**
 * Chooses the window's language as a user does, then waits until the window shows it: a
 * language's words load on first use, so the switch can land a moment after the click
 * (`<html lang>` changes with the words; a read before that sees the old language).
 */
export async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.locator('[data-setting="language"]').selectOption(language)
  await waitInPage(page, 'return document.documentElement.lang === arg', language, 30_000)
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
}
