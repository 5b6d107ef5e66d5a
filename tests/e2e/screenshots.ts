/**
 * Retakes the screenshots in docs/ (npm run screenshots): every view at 720
 * and 1440 px in English and Korean, after meaningful runs on this machine —
 * the tutorial's experiment on a cold pool and again on a warm one, one job
 * of 0 … 10^9 on 1 and 2 workers (6 repetitions: the fewest that give the
 * median its bootstrap interval, as the verdict asks for), and a small size
 * sweep; then the two tutorial runs compared (screenshot-compare-WIDTH-LANG),
 * and Results in both languages in the light and the dark theme
 * (screenshot-LANG-THEME); one job run twice, whose second Results says
 * what changed since the first (screenshot-since-last-720-LANG). Not a test:
 * it asserts nothing and takes minutes. `npx tsx tests/e2e/screenshots.ts
 * since-last` retakes only the last two.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { natsServerMissing, startAgent, startNatsServer } from '../helpers/cluster'
import { openApp } from './harness'
import { chooseLanguage, fillForm, waitForReady, waitInPage } from './ui/helpers'

const DOCS = resolve(__dirname, '../../docs')
const WIDTHS = [720, 1440] as const
const LANGUAGES = ['en', 'ko'] as const
const VIEWS = ['results', 'scaling', 'history', 'system', 'explain'] as const

/** Runs the form; returns the id of the run it stored. */
async function run(page: Page): Promise<string> {
  const before = await page
    .locator('section.results[data-run-id]')
    .getAttribute('data-run-id', { timeout: 500 })
    .catch(() => null)
  await page.keyboard.press('Control+Enter')
  await waitInPage(
    page,
    `const el = document.querySelector('section.results[data-run-id]')
     return !!el && el.getAttribute('data-run-id') !== arg && el.getAttribute('aria-busy') !== 'true' &&
       !!document.getElementById('run-button')`,
    before,
    600_000
  )
  return (await page.locator('section.results[data-run-id]').getAttribute('data-run-id'))!
}

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0)
  await page.evaluate('document.activeElement?.blur()')
  const path = join(DOCS, `screenshot-${name}.png`)
  await page.screenshot({ path })
  console.log(path)
}

async function open(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  const tab = page.locator(`#tab-${view}`)
  if (await tab.isVisible()) await tab.click()
  else await page.getByTestId('tab-menu').selectOption(view)
  await page.locator(`#panel-${view}`).waitFor()
  await page.locator('main.content').evaluate((el) => (el.scrollTop = 0))
  // The form as a user first sees it: filling it scrolled the sidebar.
  await page.locator('.sidebar-scroll').evaluate((el) => (el.scrollTop = 0))
  await page.waitForTimeout(400) // charts animate in
}

async function main(): Promise<void> {
  await mkdir(DOCS, { recursive: true })
  const app = await openApp({ viewport: { width: 1440, height: 900 } })
  try {
    const { page } = app
    await waitForReady(page)
    console.log('the tutorial’s experiment…')
    await page.getByRole('button', { name: 'Tutorial', exact: true }).click()
    const cold = await run(page)
    console.log('…again on a warm pool…')
    await fillForm(page, { pool: 'Warm' })
    const warm = await run(page)
    console.log('0 … 10^9 on 1 and 2 workers…')
    await fillForm(page, {
      start: '0',
      end: '1,000,000,000',
      workers: '1,2',
      workload: 'Split',
      backend: 'Processes',
      pool: 'Warm',
      warmup: '1',
      reps: '6'
    })
    await run(page)
    console.log('a size sweep…')
    await open(page, 'scaling')
    await page.getByLabel('Range lengths').fill('10^5, 10^6, 10^7, 10^8')
    await page.getByRole('checkbox', { name: /Threads vs processes/ }).uncheck()
    await page.getByRole('button', { name: 'Run study' }).click()
    await page.getByTestId('study-findings').waitFor({ timeout: 600_000 })
    await open(page, 'results')

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      for (const language of LANGUAGES) {
        await chooseLanguage(page, language)
        for (const view of VIEWS) {
          await open(page, view)
          await shot(page, `${view}-${width}-${language}`)
        }
      }
    }

    console.log('the tutorial on a cold pool against a warm one…')
    await page.setViewportSize({ width: 1440, height: 900 })
    await chooseLanguage(page, 'en')
    await open(page, 'history')
    for (const row of await page.locator('.history-row[data-run-id]').all()) {
      const id = await row.getAttribute('data-run-id')
      await row.getByRole('checkbox').setChecked(id === cold || id === warm)
    }
    await page.getByRole('button', { name: 'Compare', exact: true }).click()
    await page.locator('section.compare table').waitFor()
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      for (const language of LANGUAGES) {
        await chooseLanguage(page, language)
        await open(page, 'history')
        await page.locator('section.compare').evaluate((el) => el.scrollIntoView())
        await page.waitForTimeout(400)
        await shot(page, `compare-${width}-${language}`)
      }
    }

    // Results as the README's Languages and themes table shows it.
    await page.setViewportSize({ width: 1440, height: 900 })
    for (const language of LANGUAGES) {
      await chooseLanguage(page, language)
      for (const theme of ['light', 'dark'] as const) {
        await page.locator('[data-setting="theme"]').selectOption(theme)
        await open(page, 'results')
        await shot(page, `${language}-${theme}`)
      }
    }
    await page.locator('[data-setting="theme"]').selectOption('system')
  } finally {
    await app.close()
  }
  await networkCost()
}

/**
 * docs/screenshot-network-cost.png: the network-cost study of 10^5 … 10^8 on
 * processes and on two agents of a nats-server on 127.0.0.1 (skipped, with
 * the reason, without nats-server).
 */
async function networkCost(): Promise<void> {
  const missing = natsServerMissing()
  if (missing) {
    console.log(`screenshot-network-cost skipped: ${missing}`)
    return
  }
  const server = await startNatsServer()
  const url = `nats://127.0.0.1:${server.port}`
  const agents = [
    startAgent(url, ['--processes', '1', '--name', 'lab-a'], 1),
    startAgent(url, ['--processes', '1', '--name', 'lab-b'], 1)
  ]
  const app = await openApp({
    viewport: { width: 1280, height: 1100 },
    engine: { cluster: { discoverMs: 250 } }
  })
  try {
    await Promise.all(agents.map((a) => a.ready))
    const { page } = app
    await waitForReady(page)
    console.log('a network-cost study…')
    await fillForm(page, {
      start: '0',
      end: '100,000',
      workers: '1,2',
      workload: 'Split',
      backend: 'Processes',
      pool: 'Warm',
      warmup: '1',
      reps: '5'
    })
    await open(page, 'scaling')
    await page.getByLabel('Range lengths').fill('10^5, 10^6, 10^7, 10^8')
    const compare = page.getByRole('checkbox', { name: /Threads vs processes/ })
    if (!(await compare.isChecked())) await compare.check()
    await page
      .getByTestId('study-compare-with')
      .getByRole('radio', { name: 'cluster (NATS)' })
      .check()
    await page.getByTestId('study-cluster').getByLabel('NATS server').fill(url)
    await page.getByTestId('study-cluster').getByRole('button', { name: 'Test connection' }).click()
    await page.getByText('2 agents, 2 free workers').waitFor()
    await page.getByRole('button', { name: 'Run study' }).click()
    await page.getByTestId('study-findings').waitFor({ timeout: 600_000 })
    await page.getByTestId('network-cost').scrollIntoViewIfNeeded()
    await page.locator('.sidebar-scroll').evaluate((el) => (el.scrollTop = 0))
    await page.mouse.move(0, 0)
    const path = join(DOCS, 'screenshot-network-cost.png')
    await page.screenshot({ path })
    console.log(path)
  } finally {
    await app.close()
    await Promise.all(agents.map((a) => a.stop()))
    await server.stop()
  }
}

/**
 * docs/screenshot-since-last-720-LANG.png: 0 … 2·10^8 on 1 and 2 workers run
 * twice, the second's Results at 720 px scrolled to the line that says what
 * changed since the first (criterion's "no change: −3% … +2%").
 */
async function sinceLast(): Promise<void> {
  const app = await openApp({ viewport: { width: 720, height: 900 } })
  try {
    const { page } = app
    await waitForReady(page)
    console.log('one job, twice…')
    await fillForm(page, {
      start: '0',
      end: '200,000,000',
      workers: '1,2',
      workload: 'Split',
      backend: 'Processes',
      pool: 'Warm',
      warmup: '1',
      reps: '6'
    })
    await run(page)
    await run(page)
    for (const language of LANGUAGES) {
      await chooseLanguage(page, language)
      await open(page, 'results')
      const line = page.locator('section.results [data-testid="since-last"][data-verdict]')
      await line.waitFor()
      // The line in the middle of the window: the verdict above it, the cards below.
      await line.evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await page.waitForTimeout(400)
      await shot(page, `since-last-720-${language}`)
    }
  } finally {
    await app.close()
  }
}

if (process.argv[2] === 'since-last') void sinceLast()
else void main().then(sinceLast)
