/**
 * Renderer start-up and result figures (npm run perf -- renderer), measured
 * in Chromium on the built renderer with the real engine behind window.api
 * (the e2e harness):
 * - the bundle: JavaScript loaded at start (raw and gzip) and loaded later;
 * - a cold start in a fresh browser: when "Run benchmark" is painted, and the
 *   longest task before it (the entry script's parse and first render); of
 *   that time, when the files the page starts with (its scripts and
 *   stylesheet) had arrived from the harness's HTTP server — the rest is the
 *   page's own work: scripts, first render, layout and paint;
 * - a result arriving: the time until every graph of the Results view has
 *   been drawn for it (the wall time's strip plot, the speedup with its
 *   interval bars and the ideal line, the timeline, the history graph with
 *   its intervals), and the longest task from the moment the Results view
 *   takes the new run until a second after the last graph is drawn; then the
 *   same for a second run, whose result replaces the one on show (graphs
 *   updated, not created).
 * Each cold start is traced: the CPU time of the page's main-thread tasks
 * (until "Run benchmark" is painted; the longest task after each result) is
 * printed beside the wall times, since on a shared machine a task's wall time
 * grows with the load and its CPU time much less.
 * Compares two builds side by side when RENDERER_BEFORE names another built
 * renderer folder (default perf/.tmp/renderer-before when it exists), starts
 * interleaved so load on the machine hits both alike. SAMPLES sets the number
 * of cold starts per build (default 7). Prints figures; asserts nothing.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { median } from 'simple-statistics'
import { launchChromium, openApp, RENDERER_DIR } from '../tests/e2e/harness'
import type { Page } from 'playwright-core'
import { fillForm, waitInPage } from '../tests/e2e/ui/helpers'

const SAMPLES = Number(process.env.SAMPLES ?? 7)
const TARGET_MS = 500
const BEFORE = process.env.RENDERER_BEFORE ?? resolve(__dirname, '.tmp/renderer-before')

interface Build {
  label: string
  dir: string
}

interface Sample {
  runPaintedMs: number
  /** When the last of the page's start files (entry, preloads, stylesheet) had arrived. */
  filesInMs: number
  startLongestTaskMs: number
  resultLongestTaskMs: number
  /** From the Results view taking the run to the end of the task that drew its last graph. */
  resultGraphsMs: number
  /** The same for a second result, arriving while the Results view is open. */
  againLongestTaskMs: number
  againGraphsMs: number
  /** Main-thread CPU time (from a trace): what the load on the machine does not inflate. */
  cpu: TraceCpu
}

/** Runs in the page before its own scripts: long tasks, and when the run button and a result appear. */
const INSTRUMENT = `(() => {
  const perf = { longTasks: [], runPainted: null, runSeen: null, resultsAt: null, shown: [], draws: [] }
  Object.defineProperty(window, '__perf', { value: perf })
  // chart.js clears a canvas at the start of every draw, and draws in one task:
  // the task after the clear's marks the end of that graph's draw.
  const clear = CanvasRenderingContext2D.prototype.clearRect
  const pending = new Set()
  CanvasRenderingContext2D.prototype.clearRect = function (...args) {
    const canvas = this.canvas
    const figure = canvas.closest && canvas.closest('section.results [data-chart]')
    if (figure && !pending.has(canvas)) {
      pending.add(canvas)
      setTimeout(() => {
        pending.delete(canvas)
        perf.draws.push([figure.getAttribute('data-chart'), performance.now()])
      }, 0)
    }
    return clear.apply(this, args)
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) perf.longTasks.push([e.startTime, e.duration])
  }).observe({ type: 'longtask', buffered: true })
  const look = () => {
    if (perf.runSeen === null && document.getElementById('run-button')) {
      perf.runSeen = performance.now()
      // The frame that shows it: after its requestAnimationFrame, the next task runs once it is painted.
      requestAnimationFrame(() =>
        setTimeout(() => {
          perf.runPainted = performance.now()
          performance.mark('perf:run-painted')
        }, 0)
      )
    }
    const results = document.querySelector('section.results[data-run-id]')
    if (perf.resultsAt === null && results) perf.resultsAt = performance.now()
    const id = results?.getAttribute('data-run-id')
    if (id && perf.shown.at(-1)?.[0] !== id) {
      perf.shown.push([id, performance.now()])
      performance.mark('perf:shown-' + perf.shown.length)
    }
  }
  new MutationObserver(look).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-run-id']
  })
})()`

interface PagePerf {
  longTasks: [number, number][]
  runPainted: number | null
  runSeen: number | null
  resultsAt: number | null
  /** Each run the Results view showed, and when it took it. */
  shown: [string, number][]
  /** Each draw of a Results graph: its data-chart name, when the task that drew it ended. */
  draws: [string, number][]
}

/** The Results view's graphs (their data-chart names) as the page holds them. */
const GRAPHS = `return [...document.querySelectorAll('section.results [data-chart]')].filter((f) => f.querySelector('canvas')).map((f) => f.getAttribute('data-chart'))`

/**
 * Waits until every graph of the Results view has been drawn since `at` (or
 * 10 s have passed: a graph whose data did not change is not redrawn), and a
 * second more to catch a redraw; returns when the last one was drawn.
 */
async function graphsDrawn(page: Page, at: number): Promise<number> {
  await waitInPage(
    page,
    `const names = (() => { ${GRAPHS} })()
     const drawn = new Set(window.__perf.draws.filter(([, t]) => t >= arg).map(([n]) => n))
     return (names.length >= 4 && names.every((n) => drawn.has(n))) || performance.now() > arg + 10000`,
    at
  )
  await page.waitForTimeout(1000)
  const perf = (await page.evaluate('window.__perf')) as PagePerf
  return Math.max(...perf.draws.filter(([, t]) => t >= at).map(([, t]) => t)) - at
}

function bundle(dir: string): { startJs: number; startGzip: number; laterJs: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const entry = /<script[^>]*src="\.?\/?([^"]+\.js)"/.exec(html)?.[1]
  const preloads = [
    ...html.matchAll(/<link rel="modulepreload"[^>]*href="\.?\/?([^"]+\.js)"/g)
  ].map((m) => m[1])
  const start = new Set([entry, ...preloads].filter((f): f is string => !!f))
  let startJs = 0
  let startGzip = 0
  let laterJs = 0
  for (const file of readdirSync(join(dir, 'assets'))) {
    if (!file.endsWith('.js')) continue
    const path = join(dir, 'assets', file)
    if (start.has(`assets/${file}`)) {
      startJs += statSync(path).size
      startGzip += gzipSync(readFileSync(path)).length
    } else {
      laterJs += statSync(path).size
    }
  }
  return { startJs, startGzip, laterJs }
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
}

/** CPU time of the page's main-thread tasks, by period. */
interface TraceCpu {
  /** Every task up to the frame that showed "Run benchmark". */
  startCpuMs: number
  /** The task that took most CPU before it. */
  startLongestCpuMs: number
  /** The task that took most CPU from the first result taken until a second after its graphs were drawn. */
  resultLongestCpuMs: number
  /** The same for the second result. */
  againLongestCpuMs: number
}

/**
 * The page's main-thread tasks from a Chromium trace, with their CPU time
 * (tdur), cut into periods by the page's own marks: on a loaded machine a
 * task's wall time grows with the waiting, its CPU time much less.
 */
function traceCpu(trace: Buffer): TraceCpu {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
  const mark = (name: string): TraceEvent | undefined => events.find((e) => e.name === name)
  const painted = mark('perf:run-painted')
  if (!painted) throw new Error('the trace holds no perf:run-painted mark')
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === 'RunTask' &&
      e.pid === painted.pid &&
      e.tid === painted.tid &&
      e.tdur !== undefined
  )
  const cpu = (from: number, to: number): number[] =>
    tasks.filter((t) => t.ts + (t.dur ?? 0) >= from && t.ts <= to).map((t) => t.tdur! / 1000)
  const window = (start: string, end: string): number[] => {
    const a = mark(start)
    const b = mark(end)
    return a && b ? cpu(a.ts, b.ts) : []
  }
  const before = tasks.filter((t) => t.ts <= painted.ts).map((t) => t.tdur! / 1000)
  return {
    startCpuMs: before.reduce((a, b) => a + b, 0),
    startLongestCpuMs: Math.max(0, ...before),
    resultLongestCpuMs: Math.max(0, ...window('perf:shown-1', 'perf:drawn-1')),
    againLongestCpuMs: Math.max(0, ...window('perf:shown-2', 'perf:drawn-2'))
  }
}

async function coldStart(build: Build): Promise<Sample> {
  const browser = await launchChromium()
  const app = await openApp({ browser, rendererDir: build.dir, path: 'about:blank' })
  try {
    const { page } = app
    await app.context.addInitScript({ content: INSTRUMENT })
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing'
      ]
    })
    await page.goto(app.url)
    await page.waitForFunction('window.__perf.runPainted !== null', null, { timeout: 60_000 })
    const started = (await page.evaluate('window.__perf')) as PagePerf
    const painted = started.runPainted ?? Number.NaN
    const before = started.longTasks.filter(([s]) => s < painted)
    const startLongestTaskMs = Math.max(0, ...before.map(([, d]) => d))
    const filesInMs = (await page.evaluate(
      `Math.max(0, ...performance.getEntriesByType('resource')
        .filter((r) => /\\/assets\\/[^/]+\\.(js|css)$/.test(r.name) && r.responseEnd <= ${painted})
        .map((r) => r.responseEnd))`
    )) as number

    // A small real run: what matters is the work the page does when its result arrives.
    await page.locator('.machine .chip').waitFor({ state: 'attached' })
    await fillForm(page, { start: '0', end: '2,000,000', workers: '1,2', warmup: '0', reps: '2' })
    await page.keyboard.press('Control+Enter')
    await waitInPage(page, 'return window.__perf.resultsAt !== null', null)
    const at = ((await page.evaluate('window.__perf.resultsAt')) as number | null) ?? Number.NaN
    const resultGraphsMs = await graphsDrawn(page, at)
    await page.evaluate(`performance.mark('perf:drawn-1')`)
    const done = (await page.evaluate('window.__perf')) as PagePerf
    const around = done.longTasks.filter(
      ([s, d]) => s + d >= at - 1 && s <= at + resultGraphsMs + 1000
    )
    const resultLongestTaskMs = Math.max(0, ...around.map(([, d]) => d))

    // The same run again: its result replaces the one on show (graphs updated, not created).
    await page.keyboard.press('Control+Enter')
    await waitInPage(page, 'return window.__perf.shown.length >= 2', null)
    const at2 = ((await page.evaluate('window.__perf.shown[1][1]')) as number | null) ?? Number.NaN
    const againGraphsMs = await graphsDrawn(page, at2)
    await page.evaluate(`performance.mark('perf:drawn-2')`)
    const cpu = traceCpu(await browser.stopTracing())
    const again = (await page.evaluate('window.__perf')) as PagePerf
    const around2 = again.longTasks.filter(
      ([s, d]) => s + d >= at2 - 1 && s <= at2 + againGraphsMs + 1000
    )
    const againLongestTaskMs = Math.max(0, ...around2.map(([, d]) => d))
    return {
      runPaintedMs: painted,
      filesInMs,
      startLongestTaskMs,
      resultLongestTaskMs,
      resultGraphsMs,
      againLongestTaskMs,
      againGraphsMs,
      cpu
    }
  } finally {
    await app.close()
    await browser.close()
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`
const ms = (x: number): string => (x < 50 ? '< 50 ms (no long task)' : `${x.toFixed(0)} ms`)

async function main(): Promise<void> {
  const builds: Build[] = [{ label: 'this build', dir: RENDERER_DIR }]
  if (existsSync(join(BEFORE, 'index.html'))) builds.push({ label: 'before', dir: BEFORE })
  console.log(
    `renderer: ${SAMPLES} cold starts per build, interleaved; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (a shared machine: other work runs beside this)`
  )
  const samples = new Map<string, Sample[]>(builds.map((b) => [b.label, []]))
  for (let i = 0; i < SAMPLES; i++) {
    for (const build of i % 2 ? [...builds].reverse() : builds) {
      samples.get(build.label)!.push(await coldStart(build))
    }
  }
  const rows = builds.map((build) => {
    const b = bundle(build.dir)
    const s = samples.get(build.label)!
    return {
      build,
      ...b,
      painted: median(s.map((x) => x.runPaintedMs)),
      paintedMax: Math.max(...s.map((x) => x.runPaintedMs)),
      filesIn: median(s.map((x) => x.filesInMs)),
      ownPart: median(s.map((x) => x.runPaintedMs - x.filesInMs)),
      startTask: median(s.map((x) => x.startLongestTaskMs)),
      paintedInTime: s.filter((x) => x.runPaintedMs <= TARGET_MS).length,
      resultTask: median(s.map((x) => x.resultLongestTaskMs)),
      resultTaskMax: Math.max(...s.map((x) => x.resultLongestTaskMs)),
      resultLong: s.filter((x) => x.resultLongestTaskMs >= 50).length,
      resultGraphs: median(s.map((x) => x.resultGraphsMs)),
      resultGraphsMax: Math.max(...s.map((x) => x.resultGraphsMs)),
      againGraphs: median(s.map((x) => x.againGraphsMs)),
      againGraphsMax: Math.max(...s.map((x) => x.againGraphsMs)),
      againTask: median(s.map((x) => x.againLongestTaskMs)),
      againTaskMax: Math.max(...s.map((x) => x.againLongestTaskMs)),
      againLong: s.filter((x) => x.againLongestTaskMs >= 50).length,
      startCpu: median(s.map((x) => x.cpu.startCpuMs)),
      startLongestCpu: median(s.map((x) => x.cpu.startLongestCpuMs)),
      resultCpu: median(s.map((x) => x.cpu.resultLongestCpuMs)),
      resultCpuMax: Math.max(...s.map((x) => x.cpu.resultLongestCpuMs)),
      resultCpuLong: s.filter((x) => x.cpu.resultLongestCpuMs >= 50).length,
      againCpu: median(s.map((x) => x.cpu.againLongestCpuMs)),
      againCpuMax: Math.max(...s.map((x) => x.cpu.againLongestCpuMs)),
      samples: s.length
    }
  })
  for (const r of rows) {
    console.log(`\n${r.build.label} (${r.build.dir})`)
    console.log(`  JavaScript at start        ${kb(r.startJs)} (${kb(r.startGzip)} gzip)`)
    console.log(`  JavaScript loaded later    ${kb(r.laterJs)}`)
    console.log(
      `  "Run benchmark" painted    ${r.painted.toFixed(0)} ms median, ${r.paintedMax.toFixed(0)} ms worst (target ${TARGET_MS} ms: met in ${r.paintedInTime} of ${r.samples})`
    )
    console.log(
      `  … start files arrived      ${r.filesIn.toFixed(0)} ms median; painted ${r.ownPart.toFixed(0)} ms after (the page's own work)`
    )
    console.log(`  longest start-up task      ${ms(r.startTask)} median`)
    console.log(
      `  main-thread CPU to paint   ${r.startCpu.toFixed(0)} ms median, longest task ${r.startLongestCpu.toFixed(0)} ms CPU`
    )
    console.log(
      `  result in → graphs drawn   ${r.resultGraphs.toFixed(0)} ms median, ${r.resultGraphsMax.toFixed(0)} ms worst`
    )
    console.log(
      `  longest task, result in    ${ms(r.resultTask)} median, ${ms(r.resultTaskMax)} worst (a task over 50 ms in ${r.resultLong} of ${r.samples})`
    )
    console.log(
      `  … its CPU time             ${r.resultCpu.toFixed(0)} ms median, ${r.resultCpuMax.toFixed(0)} ms worst (a task over 50 ms CPU in ${r.resultCpuLong} of ${r.samples})`
    )
    console.log(
      `  second result → drawn      ${r.againGraphs.toFixed(0)} ms median, ${r.againGraphsMax.toFixed(0)} ms worst`
    )
    console.log(
      `  … a second result          ${ms(r.againTask)} median, ${ms(r.againTaskMax)} worst (a task over 50 ms in ${r.againLong} of ${r.samples})`
    )
    console.log(
      `  … its CPU time             ${r.againCpu.toFixed(0)} ms median, ${r.againCpuMax.toFixed(0)} ms worst`
    )
  }
  if (rows.length === 2) {
    const [now, then] = rows
    console.log(
      `\nthis build ÷ before: start JS ×${(now.startJs / then.startJs).toFixed(2)}, painted ×${(now.painted / then.painted).toFixed(2)}, CPU to paint ×${(now.startCpu / then.startCpu).toFixed(2)}, longest result task CPU ×${(now.resultCpu / then.resultCpu).toFixed(2)}, start task ×${(now.startTask / Math.max(1, then.startTask)).toFixed(2)}, graphs drawn ×${(now.resultGraphs / then.resultGraphs).toFixed(2)}`
    )
  }
}

void main()
