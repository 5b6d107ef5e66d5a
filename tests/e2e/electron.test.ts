import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import type { ElectronApplication, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { BenchApi } from '../../src/shared/api'
import type { RunRecord } from '../../src/shared/result'

const MAIN = resolve(__dirname, '../../out/main/index.js')

/** The Electron binary, or why there is none (the npm package installs it from outside the registry). */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const path = createRequire(__filename)('electron') as unknown
    if (typeof path === 'string' && existsSync(path)) return { path }
    return { missing: `no binary at ${String(path)}` }
  } catch (e) {
    return { missing: e instanceof Error ? e.message : String(e) }
  }
}

/** The tutorial's experiment done right: each of the 1 and 2 workers sums 0 … 50,000,000 in full. */
const WHOLE = 1_249_999_975_000_000n
const grouped = (n: bigint): string => n.toLocaleString('en-US')

/** What the page can reach: only window.api, which the preload put there. */
type PageGlobals = { api?: BenchApi; require?: unknown; process?: unknown; module?: unknown }

/** Polls a page-side check until it holds. */
async function until(page: Page, check: () => Promise<boolean>, ms = 120_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await page.waitForTimeout(100)
  }
}

describe('the desktop app (Electron)', () => {
  let app: ElectronApplication | null = null
  let userData: string | null = null
  afterAll(async () => {
    await app?.close().catch(() => undefined)
    if (userData) await rm(userData, { recursive: true, force: true })
  })

  it('runs the Tutorial preset to the correct sums, in a locked-down window', async (ctx) => {
    const binary = electronBinary()
    if ('missing' in binary) {
      ctx.skip(`Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): ${binary.missing}`)
      return
    }
    userData = await mkdtemp(join(tmpdir(), 'speedup-electron-'))
    app = await electron.launch({
      executablePath: binary.path,
      // Chromium refuses its sandbox to root (CI containers) unless told.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN],
      env: { ...process.env, SPEEDUP_LAB_USER_DATA: userData, ELECTRON_RENDERER_URL: '' },
      timeout: 60_000
    })
    const page = await app.firstWindow()
    await page.getByRole('button', { name: 'Tutorial' }).click()
    await page.getByRole('button', { name: 'Run benchmark' }).click()
    const sum = page.getByTestId('sum')
    await until(page, async () =>
      ((await sum.count()) ? await sum.innerText() : '').includes(grouped(2n * WHOLE))
    )

    // The run is in history under userData, every worker's total exact.
    const lines = (await readFile(join(userData, 'history.jsonl'), 'utf8')).trim().split('\n')
    const run = JSON.parse(lines[lines.length - 1]) as RunRecord
    expect(run.config).toMatchObject({ workers: [1, 2], workload: 'replicate', pool: 'cold' })
    expect(run.results.map((r) => [r.workers, r.sum, r.correct])).toEqual([
      [1, WHOLE.toString(), true],
      [2, (2n * WHOLE).toString(), true]
    ])
    expect(run.system.electronVersion).toMatch(/^\d+\./)

    // The page has window.api and no Node: isolated, sandboxed, no node integration.
    const reach = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals
      return {
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        // Across the context bridge the page sees proxies, not the preload's functions.
        runIsBridged: String(g.api?.run).includes('[native code]'),
        apiFrozen: Object.isFrozen(g.api)
      }
    })
    expect(reach).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      runIsBridged: true,
      apiFrozen: true
    })

    // New windows and navigation away are refused; permissions are denied.
    const appUrl = page.url()
    expect(appUrl).toMatch(/^file:.*\/out\/renderer\/index\.html/)
    const opened = await page.evaluate(() => {
      const g = globalThis as unknown as { open(url: string): unknown }
      return g.open('https://example.com/') === null
    })
    expect(opened).toBe(true)
    await page
      .evaluate(() => {
        ;(globalThis as unknown as { location: { href: string } }).location.href =
          'https://example.com/'
      })
      .catch(() => undefined)
    await page.waitForTimeout(500)
    expect(page.url()).toBe(appUrl)
    const permission = await page.evaluate(async () => {
      const nav = (
        globalThis as unknown as {
          navigator: { permissions: { query(q: { name: string }): Promise<{ state: string }> } }
        }
      ).navigator
      return (await nav.permissions.query({ name: 'notifications' })).state
    })
    expect(permission).toBe('denied')
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)

    // Closing the app leaves no worker behind.
    const pids = run.results.flatMap((r) => r.samples.flatMap((s) => s.workers.map((w) => w.pid)))
    await app.close()
    app = null
    for (const pid of pids) {
      if (pid === null) continue
      expect(() => process.kill(pid, 0)).toThrow()
    }
  }, 180_000)
})
