/**
 * History at scale in the renderer (npm run perf -- historyRenderer): a
 * synthetic history of 10,000 and 100,000 runs (HISTORY_SIZES to change),
 * its summary index written beside it as the app leaves it, then
 * - main: a fresh store (the app starting) answering the whole list
 *   (`history:list`, what the renderer asked for before) and the first page
 *   (`history:page`, what it asks for now);
 * - in Chromium through the e2e harness (the built renderer, window.api
 *   bridged to the real bench service): History opening time (click → rows
 *   painted; target < 300 ms at 100,000), the longest task while the list is
 *   scrolled top to bottom in SCROLL_STEPS jumps (target: none over 50 ms),
 *   the renderer's JS heap after that (CDP Performance.getMetrics, and after a
 *   forced GC; target < 100 MB), and the bytes main sent for the history.
 * Side by side with another built renderer when HISTORY_BEFORE names one
 * (default perf/.tmp/history-renderer-before when it exists: a build of the
 * commit before paging, which still asks for `history:list`). Prints
 * figures; asserts nothing.
 */
import { existsSync } from 'node:fs'
import { appendFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { median } from 'simple-statistics'
import { createHistoryStore } from '../src/main/history/historyStore'
import { indexOf, saveSummaryIndex } from '../src/main/history/summaryIndex'
import type { IndexEntry } from '../src/main/history/summaryIndex'
import { summarize } from '../src/shared/history'
import type { RunRecord } from '../src/shared/result'
import { launchChromium, openApp, RENDERER_DIR } from '../tests/e2e/harness'
import { inPage } from '../tests/e2e/ui/helpers'
import { sampleRun } from '../tests/helpers/runRecord'

const SIZES = (process.env.HISTORY_SIZES ?? '10000,100000').split(',').map(Number)
const SCROLL_STEPS = Number(process.env.SCROLL_STEPS ?? 200)
const BEFORE = process.env.HISTORY_BEFORE ?? resolve(__dirname, '.tmp/history-renderer-before')
const OPEN_TARGET_MS = 300
const TASK_TARGET_MS = 50
const HEAP_TARGET_MB = 100

/** Run i; every tenth on threads, so the graph's filter has two configurations. */
function run(i: number): RunRecord {
  const base = sampleRun({}, i)
  return i % 10 === 9 ? { ...base, config: { ...base.config, backend: 'thread' } } : base
}

/** Writes `n` runs and their summary index, as a long-used app leaves its history folder. */
async function writeHistory(n: number): Promise<{ dir: string; bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'history-renderer-perf-'))
  const file = join(dir, 'history.jsonl')
  await writeFile(file, '')
  const entries: IndexEntry[] = []
  let offset = 0
  for (let from = 0; from < n; from += 5000) {
    const lines: string[] = []
    for (let i = from; i < Math.min(n, from + 5000); i++) {
      const record = run(i)
      const line = JSON.stringify(record)
      const length = Buffer.byteLength(line)
      entries.push({ id: record.id, line: i + 1, offset, length, summary: summarize(record) })
      offset += length + 1
      lines.push(line)
    }
    await appendFile(file, lines.join('\n') + '\n')
  }
  const s = await stat(file)
  const index = indexOf(`${s.ino}:${s.size}:${s.mtimeMs}`, entries, s.size, true)
  await saveSummaryIndex(join(dir, 'history.index.json'), index)
  return { dir, bytes: s.size }
}

const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

/** Main alone: a fresh store (as at app start) listing everything, and answering the first page. */
async function mainFigures(
  dir: string,
  n: number
): Promise<{ list: number; page: number; pageWarm: number }> {
  const list: number[] = []
  const page: number[] = []
  const warm: number[] = []
  for (let i = 0; i < 3; i++) {
    list.push(await time(() => createHistoryStore(dir).list()))
    const store = createHistoryStore(dir)
    page.push(await time(() => store.page({ offset: 0, limit: 100 })))
    warm.push(await time(() => store.page({ offset: n >> 1, limit: 100 })))
  }
  return { list: median(list), page: median(page), pageWarm: median(warm) }
}

/** Long tasks, recorded from the page's first script on. */
const INSTRUMENT = `(() => {
  const perf = { longTasks: [] }
  Object.defineProperty(window, '__perf', { value: perf })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.longTasks.push([e.startTime, e.duration])
  }).observe({ type: 'longtask', buffered: true })
})()`

/** Clicks the History tab and resolves with the ms until its first rows are painted. */
const OPEN_HISTORY = inPage<null, Promise<number>>(`
  return new Promise((resolve) => {
    const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => /History/.test(t.textContent))
    const found = () => document.querySelector('[role="list"] [data-run-id]')
    const t0 = performance.now()
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
    const watch = new MutationObserver(() => {
      if (found()) { watch.disconnect(); done() }
    })
    watch.observe(document.body, { subtree: true, childList: true })
    tab.click()
  })`)

/** Scrolls the list top to bottom in `arg` jumps, two frames each; resolves with [start, end] times. */
const SCROLL = inPage<number, Promise<[number, number]>>(`
  const list = document.querySelector('[role="list"]').parentElement
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  return (async () => {
    const t0 = performance.now()
    for (let i = 1; i <= arg; i++) {
      list.scrollTop = (list.scrollHeight - list.clientHeight) * i / arg
      await frame()
    }
    return [t0, performance.now()]
  })()`)

interface Figures {
  openMs: number
  scrollTask: number
  scrollOver50: number
  heapMb: number
  heapAfterGcMb: number
  /** Bytes main sent for the history until History was painted (start + open), and while scrolling. */
  openBytes: number
  openCalls: number
  scrollBytes: number
  scrollCalls: number
  lastRowRight: boolean
}

async function inChromium(dir: string, rendererDir: string, n: number): Promise<Figures> {
  const browser = await launchChromium()
  const app = await openApp({ browser, historyDir: dir, rendererDir, path: 'about:blank' })
  const sent: { channel: string; bytes: number }[] = []
  const handle = app.service.handle.bind(app.service)
  app.service.handle = async (channel, payload) => {
    const result = await handle(channel, payload)
    if (channel.startsWith('history:'))
      sent.push({ channel, bytes: Buffer.byteLength(JSON.stringify(result)) })
    return result
  }
  try {
    const { page } = app
    await app.context.addInitScript({ content: INSTRUMENT })
    await page.goto(app.url)
    await page.locator('.machine .chip').waitFor({ state: 'attached', timeout: 300_000 })
    // The start reads the history (the whole list before, the first page now): let it land.
    await page
      .locator('[role="tab"]', { hasText: n.toLocaleString('en') })
      .waitFor({ timeout: 300_000 })
    await page.waitForTimeout(500)
    const openMs = await page.evaluate(OPEN_HISTORY, null)
    await page.waitForTimeout(300)
    const opened = sent.length
    const [from, to] = await page.evaluate(SCROLL, SCROLL_STEPS)
    const oldest = page.locator(`[data-run-id="${run(0).id}"]`)
    await oldest.waitFor({ timeout: 60_000 })
    const lastRowRight =
      (await page.locator('[role="listitem"]').last().getAttribute('aria-posinset')) === String(n)
    const longTasks = (await page.evaluate('window.__perf.longTasks')) as [number, number][]
    const during = longTasks.filter(([s, d]) => s + d >= from && s <= to).map(([, d]) => d)
    const cdp = await app.context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const heap = async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics')
      return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1e6
    }
    const heapMb = await heap()
    await cdp.send('HeapProfiler.collectGarbage')
    const heapAfterGcMb = await heap()
    return {
      openMs,
      scrollTask: Math.max(0, ...during),
      scrollOver50: during.filter((d) => d > TASK_TARGET_MS).length,
      heapMb,
      heapAfterGcMb,
      openBytes: sent.slice(0, opened).reduce((sum, s) => sum + s.bytes, 0),
      openCalls: opened,
      scrollBytes: sent.slice(opened).reduce((sum, s) => sum + s.bytes, 0),
      scrollCalls: sent.length - opened,
      lastRowRight
    }
  } finally {
    await app.close()
    await browser.close()
  }
}

const row = (label: string, ...cells: string[]): void =>
  console.log(`  ${label.padEnd(40)} ${cells.map((c) => c.padStart(22)).join('')}`)
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`

async function main(): Promise<void> {
  const builds = [{ label: 'this build', dir: RENDERER_DIR }]
  if (existsSync(join(BEFORE, 'index.html'))) builds.push({ label: 'before', dir: BEFORE })
  console.log(
    `History in the renderer: ${SIZES.join(', ')} runs; scroll in ${SCROLL_STEPS} jumps; builds: ${builds
      .map((b) => `${b.label} (${b.dir})`)
      .join(', ')}`
  )
  for (const n of SIZES) {
    const { dir, bytes } = await writeHistory(n)
    try {
      const load = loadavg()[0]
      console.log(
        `\n${n.toLocaleString('en')} runs (${mb(bytes)} file), load average ${load.toFixed(2)}`
      )
      const m = await mainFigures(dir, n)
      row('main: whole list, fresh store (before)', `${m.list.toFixed(1)} ms`)
      row('main: first page, fresh store (now)', `${m.page.toFixed(1)} ms`)
      row('main: another page, same store', `${m.pageWarm.toFixed(2)} ms`)
      const figures: Figures[] = []
      for (const build of builds) figures.push(await inChromium(dir, build.dir, n))
      console.log()
      row('', ...builds.map((b) => b.label))
      row(
        `History opens (click → rows painted)`,
        ...figures.map((f) => `${f.openMs.toFixed(0)} ms`)
      )
      row(
        `  target < ${OPEN_TARGET_MS} ms`,
        ...figures.map((f) => (f.openMs < OPEN_TARGET_MS ? 'met' : 'MISSED'))
      )
      row(
        'longest task while scrolling',
        ...figures.map((f) => `${f.scrollTask.toFixed(0)} ms (${f.scrollOver50} > 50)`)
      )
      row(
        `renderer JS heap after scrolling (< ${HEAP_TARGET_MB})`,
        ...figures.map((f) => `${f.heapMb.toFixed(1)} MB`)
      )
      row('  after a forced GC', ...figures.map((f) => `${f.heapAfterGcMb.toFixed(1)} MB`))
      row(
        'history bytes sent until History painted',
        ...figures.map((f) => `${mb(f.openBytes)} / ${f.openCalls} calls`)
      )
      row(
        '  and while scrolling every row',
        ...figures.map((f) => `${mb(f.scrollBytes)} / ${f.scrollCalls} calls`)
      )
      row('last row is the oldest run', ...figures.map((f) => String(f.lastRowRight)))
      row('load average (1 min) after', loadavg()[0].toFixed(2))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}

void main()
