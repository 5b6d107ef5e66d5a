import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { callApi, launchChromium, openApp } from './harness'
import type { App } from './harness'
import type { RunProgress } from '../../src/shared/result'
import { eventChannels, invokeChannels } from '../../src/shared/ipc'

/** What the tests keep on the page's global object between calls. */
type PageGlobals = { menu: string[]; off: () => void; api: import('../../src/shared/api').BenchApi }

describe('e2e harness: window.api bridged to the real engine', () => {
  let browser: Browser
  let app: App

  beforeAll(async () => {
    browser = await launchChromium()
    app = await openApp({ browser })
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('serves the built renderer over http on 127.0.0.1', async () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const res = await fetch(app.url)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toContain('Content-Security-Policy')
    const script = /src="(?:\.?\/)?(assets\/[^"]+\.js)"/.exec(await (await fetch(app.url)).text())
    expect(script).not.toBeNull()
    const js = await fetch(new URL(script![1], app.url))
    expect(js.headers.get('content-type')).toContain('text/javascript')
    expect((await fetch(new URL('nothing-here.js', app.url))).status).toBe(404)
  })

  it('exposes the same verbs as the preload, before page scripts run', async () => {
    const verbs = await callApi(app.page, (api) => Object.keys(api).sort())
    // The preload builds window.api from the same contract: every verb, and nothing else.
    expect(verbs).toEqual(
      [...Object.values(invokeChannels), ...Object.values(eventChannels)]
        .map(({ verb }) => verb)
        .sort()
    )
    expect(await callApi(app.page, (api) => Object.isFrozen(api))).toBe(true)
  })

  it('answers systemInfo from main', async () => {
    const info = await callApi(app.page, (api) => api.systemInfo())
    expect(info.ok).toBe(true)
    if (info.ok) expect(info.value.logicalCores).toBeGreaterThan(0)
  })

  it('runs on real worker processes, streams progress, stores and exports the run', async () => {
    const { run, progress } = await callApi(app.page, async (api) => {
      const progress: RunProgress[] = []
      const off = api.onProgress((p) => progress.push(p))
      const run = await api.run({
        range: { start: -1000, end: 2_000_000 },
        workers: [1, 2],
        workload: 'replicate',
        backend: 'process',
        pool: 'cold',
        warmup: 0,
        reps: 1
      })
      off()
      return { run, progress }
    })
    expect(run.ok).toBe(true)
    if (!run.ok) return
    const record = run.value
    expect(record.correct).toBe(true)
    // Replicate: every worker sums the whole range.
    const whole = ((2_000_000n - -1000n) * (-1000n + 1_999_999n)) / 2n
    expect(record.results.map((r) => r.sum)).toEqual([whole.toString(), (whole * 2n).toString()])
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.every((p) => p.runId === record.id)).toBe(true)
    // Real processes: every timing names a pid that is not this test's.
    const pids = record.results.flatMap((r) =>
      r.samples.flatMap((s) => s.workers.map((w) => w.pid))
    )
    expect(pids.length).toBe(3)
    expect(pids.every((pid) => typeof pid === 'number' && pid !== process.pid)).toBe(true)

    // Stored before the answer came back.
    const listed = await callApi(app.page, (api) => api.listHistory())
    expect(listed.ok && listed.value.runs.map((r) => r.id)).toEqual([record.id])

    const exported = await callApi(app.page, (api, id) => api.exportCsv({ ids: [id] }), record.id)
    expect(exported).toEqual({ ok: true, value: { saved: true, path: app.savedFiles[0] } })
    expect(app.saveRequests[0].filters[0].extensions).toEqual(['csv'])
    const csv = Papa.parse<Record<string, string>>(await readFile(app.savedFiles[0], 'utf8'), {
      header: true,
      skipEmptyLines: true
    })
    expect(csv.data.map((row) => [row.runId, row.workers, row.rangeStart, row.sum])).toEqual([
      [record.id, '1', '-1000', whole.toString()],
      [record.id, '2', '-1000', (whole * 2n).toString()]
    ])
  })

  it('returns invalid input as a value and starts nothing', async () => {
    const before = app.workerLog.length
    const calls = app.invocations.length
    const result = await callApi(app.page, (api) =>
      api.run({ range: { start: 5, end: 1 } } as never)
    )
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input')
      expect(result.error.issues?.map((i) => i.field)).toContain('range.end')
    }
    expect(app.invocations.slice(calls)).toEqual([{ channel: 'bench:run', ok: false }])
    expect(app.workerLog.length).toBe(before)
  })

  it('delivers main → renderer events to subscribers, and unsubscribes', async () => {
    await app.page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals
      g.menu = []
      g.off = g.api.onMenu((c) => g.menu.push(c))
    })
    await app.emit('app:menu', 'export-csv')
    await app.page.evaluate(() => (globalThis as unknown as PageGlobals).off())
    await app.emit('app:menu', 'run')
    expect(await app.page.evaluate(() => (globalThis as unknown as PageGlobals).menu)).toEqual([
      'export-csv'
    ])
  })

  it('keeps history in main across a reload', async () => {
    await app.reload()
    const listed = await callApi(app.page, (api) => api.listHistory())
    expect(listed.ok && listed.value.runs).toHaveLength(1)
  })
})

describe('e2e harness under tsx (the perf scripts, npm run screenshots)', () => {
  it('gives the page a working window.api although tsx wraps functions in __name()', async () => {
    const script = join(__dirname, 'fixtures/harnessUnderTsx.ts')
    const tsx = join(__dirname, '../../node_modules/.bin/tsx')
    const { stdout } = await promisify(execFile)(tsx, [script], { timeout: 90_000 })
    const answer = JSON.parse(stdout.trim().split('\n').at(-1)!)
    expect(answer).toMatchObject({ ready: true, errors: [] })
    expect(answer.verbs).toBe(
      Object.keys(invokeChannels).length + Object.keys(eventChannels).length
    )
  }, 120_000)
})
