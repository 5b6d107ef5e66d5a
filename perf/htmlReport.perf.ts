/**
 * The HTML report of a 2-worker run (npm run perf -- htmlReport): the built
 * CLI writes it in English and Korean; this prints each file's size (and the
 * embedded font's share), and the time from opening it in Chromium (from
 * disk, offline) to its charts drawn and its fonts ready: median and worst
 * of 7 opens, each in a fresh page. Figures only: the machine is shared.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const CLI = resolve(__dirname, '../out/main/cli.js')
const OPENS = 7
const dir = mkdtempSync(join(tmpdir(), 'speedup-html-perf-'))

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function main(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other work may be running)`
  )
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run']
  })
  const rows: string[] = []
  const medians: Record<string, number> = {}
  for (const lang of ['en', 'ko']) {
    const file = join(dir, `report-${lang}.html`)
    const t0 = performance.now()
    execFileSync(process.execPath, [
      CLI,
      ...['--range', '0:100000000', '--workers', '1,2', '--reps', '5', '--quiet'],
      ...['--html', file, '--lang', lang]
    ])
    const runAndWriteMs = performance.now() - t0
    const html = readFileSync(file, 'utf8')
    const font = [...html.matchAll(/base64,([A-Za-z0-9+/=]+)/g)].reduce(
      (n, m) => n + m[1].length,
      0
    )
    const times: number[] = []
    for (let i = 0; i < OPENS; i++) {
      const context = await browser.newContext({ offline: true })
      const page = await context.newPage()
      const start = performance.now()
      await page.goto(pathToFileURL(file).href)
      await page.evaluate(
        `document.fonts.ready.then(() => [...document.querySelectorAll('svg[role=img]')].every((s) => s.getBoundingClientRect().width > 0))`
      )
      // Charts laid out and painted: wait one frame after the fonts are ready.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(true)))')
      times.push(performance.now() - start)
      await context.close()
    }
    medians[lang] = median(times)
    rows.push(
      `${lang}: ${(statSync(file).size / 1024).toFixed(1)} KiB (embedded font ${(font / 1024).toFixed(1)} KiB base64), ` +
        `open → charts drawn median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms ` +
        `(${OPENS} opens); CLI run + write ${(runAndWriteMs / 1000).toFixed(1)} s`
    )
  }
  await browser.close()
  for (const r of rows) console.log(r)
  console.log(`ko ÷ en open time: ${(medians.ko / medians.en).toFixed(2)}×`)
}

main()
  .catch((e) => {
    console.error(e)
    process.exitCode = 1
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }))
