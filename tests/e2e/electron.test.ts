import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, _electron as electron } from 'playwright-core'
import type { Browser, ElectronApplication, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { BenchApi } from '../../src/shared/api'
import type { RunRecord } from '../../src/shared/result'
import { ensureDisplay } from '../helpers/display'
import type { XDisplay } from '../helpers/display'

const MAIN = resolve(__dirname, '../../out/main/index.js')
const ROOT = resolve(__dirname, '../..')

/**
 * The app as electron-builder packs it (`npm run dist:dir`: the unpacked folder every
 * installer wraps), or why there is none. SPEEDUP_LAB_PACKAGED_APP may name the
 * executable of a build made elsewhere.
 */
function packagedApp(): { path: string } | { missing: string } {
  const how =
    'build it with `npm run dist:dir` (needs the Electron binary, which electron-builder downloads), or name its executable in SPEEDUP_LAB_PACKAGED_APP'
  if (process.platform !== 'linux')
    return { missing: 'the packaged-app test reads worker processes from /proc (Linux only)' }
  const arch = process.arch === 'x64' ? '' : `${process.arch}-`
  const path =
    process.env.SPEEDUP_LAB_PACKAGED_APP ||
    join(ROOT, 'dist', `linux-${arch}unpacked`, 'speedup-lab')
  return existsSync(path)
    ? { path }
    : { missing: `binary missing: no packaged app at ${path}: ${how}` }
}

/**
 * What a missing binary's skip says: only that, and how to get it. Not
 * Electron's own "delete node_modules/electron and try installing again",
 * which is wrong advice after ELECTRON_SKIP_BINARY_DOWNLOAD=1.
 */
const BINARY_MISSING =
  'binary missing: get it with `npm rebuild electron` (downloads from Electron’s release host)'

/** The Electron binary, or null (the npm package installs it from outside the registry). */
function electronBinary(): string | null {
  try {
    const path = createRequire(__filename)('electron') as unknown
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null // the package throws when its binary was never downloaded
  }
}

/**
 * The worker processes under Electron's main process: its utility processes
 * (Electron starts them itself, so they are its children), read from /proc.
 */
function utilityWorkers(mainPid: number): number[] {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      // The parent pid is the 2nd field after the command name, which may hold spaces.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
    } catch {
      // Gone while we looked.
    }
  }
  const found: number[] = []
  const visit = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      try {
        const cmd = readFileSync(`/proc/${child}/cmdline`, 'utf8')
        if (cmd.includes('--type=utility') && cmd.includes('node.mojom.NodeService'))
          found.push(child)
      } catch {
        // Gone while we looked.
      }
      visit(child)
    }
  }
  visit(mainPid)
  return found
}

/** Running (a zombie, exited but not yet reaped by whoever adopted it, counts as gone). */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
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
  let display: XDisplay | null = null
  afterAll(async () => {
    await app?.close().catch(() => undefined)
    await display?.stop()
    if (userData) await rm(userData, { recursive: true, force: true })
  })

  it('finds a display server, or starts Xvfb, where one is installed', async (ctx) => {
    const found = await ensureDisplay({ ...process.env, DISPLAY: '' })
    if ('missing' in found) {
      ctx.skip(found.missing)
      return
    }
    try {
      if (process.platform === 'linux') {
        expect(found.started).toBe(true)
        expect(found.display).toMatch(/^:\d+$/)
        expect(existsSync(`/tmp/.X11-unix/X${found.display.slice(1)}`)).toBe(true)
      }
    } finally {
      await found.stop()
    }
    if (process.platform === 'linux')
      expect(existsSync(`/tmp/.X11-unix/X${found.display.slice(1)}`)).toBe(false)
  })

  it('runs the Tutorial preset to the correct sums, in a locked-down window', async (ctx) => {
    // Skipped only when there is nothing to run: no binary, or no display server.
    const binary = electronBinary()
    if (binary === null) {
      ctx.skip(BINARY_MISSING)
      return
    }
    const found = await ensureDisplay()
    if ('missing' in found) {
      ctx.skip(found.missing)
      return
    }
    display = found
    userData = await mkdtemp(join(tmpdir(), 'speedup-electron-'))
    // With a binary and a display, a launch that fails is a failure, not a skip.
    try {
      app = await electron.launch({
        executablePath: binary,
        // Chromium refuses its sandbox to root (CI containers) unless told.
        args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN],
        env: {
          ...process.env,
          ...(found.display ? { DISPLAY: found.display } : {}),
          SPEEDUP_LAB_USER_DATA: userData,
          ELECTRON_RENDERER_URL: ''
        },
        timeout: 60_000
      })
    } catch (e) {
      throw new Error(
        `failed to launch Electron (${binary}, DISPLAY=${found.display || 'none'}): ${e instanceof Error ? e.message : String(e)}`
      )
    }
    const page = await app.firstWindow()
    await page.getByRole('button', { name: 'Tutorial', exact: true }).click()
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
    expect(appUrl).toMatch(/^app:\/\/speedup-lab\/index\.html/)
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

    // Closing the app in the middle of a warm-pool run leaves no worker behind.
    // (The Tutorial's cold pool has already stopped its workers: a check after
    // it could not fail.) The run is started through the bridge and not awaited.
    const mainPid = app.process().pid!
    await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals
      void g.api!.run({
        range: { start: 0, end: 2_000_000_000 },
        workers: [2],
        workload: 'split',
        backend: 'process',
        pool: 'warm',
        warmup: 0,
        reps: 2
      })
    })
    let workers: number[] = []
    const seenBy = Date.now() + 60_000
    while ((workers = utilityWorkers(mainPid)).length < 2 && Date.now() < seenBy)
      await new Promise((r) => setTimeout(r, 50))
    expect(workers.length, 'the warm pool started its two workers').toBeGreaterThanOrEqual(2)
    expect(workers.every(alive)).toBe(true)
    await app.close()
    app = null
    const goneBy = Date.now() + 10_000
    while (workers.some(alive) && Date.now() < goneBy) await new Promise((r) => setTimeout(r, 50))
    expect(workers.filter(alive), 'workers left after the app closed').toEqual([])
  }, 180_000)

  /*
   * The packaged app: the real app.asar with its fuses flipped (no --inspect, so
   * Playwright's Electron driver cannot attach to main), app:// served from inside
   * the asar, the worker from app.asar.unpacked on utilityProcess. Driven over
   * Chromium's DevTools protocol; quit with SIGTERM, which Electron turns into
   * app.quit() — the quit chain the user's Quit runs.
   */
  it('runs the packaged app (app.asar) on utilityProcess workers, and leaves none after quit', async (ctx) => {
    const packaged = packagedApp()
    if ('missing' in packaged) {
      ctx.skip(packaged.missing)
      return
    }
    const found = await ensureDisplay()
    if ('missing' in found) {
      ctx.skip(found.missing)
      return
    }
    const data = await mkdtemp(join(tmpdir(), 'speedup-packaged-'))
    let child: ChildProcess | null = null
    let browser: Browser | null = null
    try {
      child = spawn(
        packaged.path,
        [
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          '--remote-debugging-port=0',
          '--remote-debugging-address=127.0.0.1'
        ],
        {
          env: {
            ...process.env,
            ...(found.display ? { DISPLAY: found.display } : {}),
            SPEEDUP_LAB_USER_DATA: data
          },
          stdio: ['ignore', 'ignore', 'pipe']
        }
      )
      const started = child
      let stderr = ''
      const endpoint = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no DevTools endpoint: ${stderr}`)), 60_000)
        started.stderr!.on('data', (d: Buffer) => {
          stderr += d.toString()
          const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr)
          if (match) {
            clearTimeout(timer)
            done(match[1])
          }
        })
        started.once('exit', (code) => fail(new Error(`the app exited (${code}): ${stderr}`)))
      })
      browser = await chromium.connectOverCDP(endpoint)
      const context = browser.contexts()[0]
      const pageFor = async (): Promise<Page> => {
        const end = Date.now() + 60_000
        for (;;) {
          const page = context.pages().find((p) => p.url().startsWith('app://speedup-lab/'))
          if (page) return page
          if (Date.now() > end) throw new Error('the app’s page never appeared')
          await new Promise((r) => setTimeout(r, 100))
        }
      }
      const page = await pageFor()
      await page.getByRole('button', { name: 'Tutorial', exact: true }).click()
      await page.getByRole('button', { name: 'Run benchmark' }).click()
      const sum = page.getByTestId('sum')
      await until(page, async () =>
        ((await sum.count()) ? await sum.innerText() : '').includes(grouped(2n * WHOLE))
      )
      const lines = (await readFile(join(data, 'history.jsonl'), 'utf8')).trim().split('\n')
      const run = JSON.parse(lines[lines.length - 1]) as RunRecord
      expect(run.results.map((r) => [r.workers, r.sum, r.correct])).toEqual([
        [1, WHOLE.toString(), true],
        [2, (2n * WHOLE).toString(), true]
      ])

      // A warm-pool run in flight: its workers are utility processes running the
      // unpacked worker; SIGTERM quits the app, and none of them may survive it.
      const mainPid = started.pid!
      await page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals
        void g.api!.run({
          range: { start: 0, end: 2_000_000_000 },
          workers: [2],
          workload: 'split',
          backend: 'process',
          pool: 'warm',
          warmup: 0,
          reps: 2
        })
      })
      let workers: number[] = []
      const seenBy = Date.now() + 60_000
      while ((workers = utilityWorkers(mainPid)).length < 2 && Date.now() < seenBy)
        await new Promise((r) => setTimeout(r, 50))
      expect(workers.length, 'the warm pool started its two workers').toBeGreaterThanOrEqual(2)
      await browser.close().catch(() => undefined)
      browser = null
      const exited = new Promise<void>((r) => started.once('exit', () => r()))
      started.kill('SIGTERM')
      await exited
      child = null
      const goneBy = Date.now() + 10_000
      while (workers.some(alive) && Date.now() < goneBy) await new Promise((r) => setTimeout(r, 50))
      expect(workers.filter(alive), 'workers left after the app quit').toEqual([])
      // The quit chain saved the window's place and left no temporary file.
      const left = readdirSync(data)
      expect(left).toContain('window-state.json')
      expect(left.filter((n) => n.endsWith('.tmp'))).toEqual([])
    } finally {
      await browser?.close().catch(() => undefined)
      child?.kill('SIGKILL')
      await found.stop()
      await rm(data, { recursive: true, force: true })
    }
  }, 240_000)
})
