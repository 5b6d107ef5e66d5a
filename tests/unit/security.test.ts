/**
 * Hardening regressions. The Electron main process (src/main/index.ts) is
 * loaded as it is, against a fake `electron` that records what it was asked:
 * the window's preferences, its navigation / window.open / webview / permission
 * handlers and its IPC registration are then exercised directly. The CSP is read
 * from the page source and from the built page.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { INVOKE_CHANNELS } from '../../src/shared/ipc'

type Listener = (...args: unknown[]) => unknown

const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    windows: [] as FakeWindow[],
    ipc: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    forks: 0,
    /** What happened, in order: the scheme must be privileged before the app is ready. */
    steps: [] as string[],
    privileged: [] as unknown[],
    protocols: new Map<string, (request: { url: string }) => Promise<Response>>()
  }
  class FakeContents {
    readonly id = 41
    readonly handlers = new Map<string, Listener>()
    windowOpen: Listener | null = null
    on(event: string, listener: Listener): this {
      this.handlers.set(event, listener)
      return this
    }
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpen = handler
    }
    isDestroyed(): boolean {
      return false
    }
    send(): void {}
  }
  class FakeWindow {
    readonly webContents = new FakeContents()
    url: string | null = null
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      state.windows.push(this)
    }
    async loadURL(url: string): Promise<void> {
      state.steps.push('loadURL')
      this.url = url
    }
    once(): this {
      return this
    }
    on(): this {
      return this
    }
    show(): void {}
    maximize(): void {}
    restore(): void {}
    focus(): void {}
    isMinimized(): boolean {
      return false
    }
    isMaximized(): boolean {
      return false
    }
    isDestroyed(): boolean {
      return false
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1200, height: 800 }
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      getVersion: () => '0.0.0-test',
      getLocale: () => 'en-US',
      getPath: () => state.userData,
      setPath: () => undefined,
      requestSingleInstanceLock: () => true,
      whenReady: () => {
        state.steps.push('whenReady')
        return Promise.resolve()
      },
      on: (event: string) => {
        state.steps.push(`app.on ${event}`)
      },
      off: () => undefined,
      quit: () => undefined,
      exit: () => undefined
    },
    nativeTheme: { shouldUseDarkColors: false },
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.steps.push('registerSchemesAsPrivileged')
        state.privileged.push(...schemes)
      },
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
        state.steps.push(`handle ${scheme}`)
        state.protocols.set(scheme, handler)
      }
    },
    dialog: {
      showSaveDialog: async () => ({ canceled: true }),
      showMessageBox: async () => ({ response: 1 }),
      showErrorBox: () => undefined
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (state.permissionCheck = h)
      }
    },
    ipcMain: {
      handle: (channel: string, h: (event: unknown, payload: unknown) => Promise<unknown>) =>
        state.ipc.set(channel, h),
      removeHandler: (channel: string) => state.ipc.delete(channel)
    },
    utilityProcess: {
      fork: () => {
        state.forks++
        throw new Error('no worker may start in this test')
      }
    }
  }
  return { state, electron }
})
type FakeWindow = {
  options: { webPreferences?: Record<string, unknown>; show?: boolean; backgroundColor?: string }
  url: string | null
  webContents: { id: number; handlers: Map<string, Listener>; windowOpen: Listener | null }
}

vi.mock('electron', () => fake.electron)

const ROOT = resolve(__dirname, '../..')
const { state } = fake

let win: FakeWindow
beforeAll(async () => {
  state.userData = mkdtempSync(join(tmpdir(), 'security-userdata-'))
  Reflect.deleteProperty(process.env, 'ELECTRON_RENDERER_URL')
  await import('../../src/main/index')
  const until = Date.now() + 10_000
  while (!(state.windows[0]?.url && state.ipc.size > 0) && Date.now() < until)
    await new Promise((r) => setTimeout(r, 10))
  win = state.windows[0]
  expect(win?.url, 'the main process opened its window').toBeTruthy()
})
afterAll(() => {
  rmSync(state.userData, { recursive: true, force: true })
})

const event = () => ({ preventDefault: vi.fn() })

describe('the main window', () => {
  it('is the only window, isolated, sandboxed, without Node, with web security on', () => {
    expect(state.windows).toHaveLength(1)
    const prefs = win.options.webPreferences ?? {}
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    })
    for (const key of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag'])
      expect(prefs[key], key).not.toBe(true)
    expect(prefs.allowRunningInsecureContent).not.toBe(true)
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/)
  })

  it('shows the built page from its own privileged app:// scheme, not file:// or a remote origin', () => {
    expect(win.url).toBe('app://speedup-lab/index.html')
    // Registered as standard and secure before the app is ready, then handled.
    expect(state.steps.indexOf('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0)
    expect(state.steps.indexOf('registerSchemesAsPrivileged')).toBeLessThan(
      state.steps.indexOf('whenReady')
    )
    expect(state.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }
    ])
    expect(state.steps).toContain('handle app')
    // DevTools stay available in a development build only.
    expect(win.options.webPreferences?.devTools).toBe(true)
  })

  it('wires quitting before anything can fail, and watches the page for a crash', () => {
    // The quit chain and window-all-closed are in place before the app is ready,
    // so a page that fails to load still quits cleanly (issue 23.4).
    const before = state.steps.indexOf('whenReady')
    expect(state.steps.indexOf('app.on before-quit')).toBeGreaterThanOrEqual(0)
    expect(state.steps.indexOf('app.on before-quit')).toBeLessThan(before)
    expect(state.steps.indexOf('app.on window-all-closed')).toBeLessThan(before)
    expect(state.steps.indexOf('loadURL')).toBeGreaterThan(before)
    expect(win.webContents.handlers.has('render-process-gone')).toBe(true)
    // Painted on the page's own background, shown only when ready.
    expect(win.options).toMatchObject({ show: false, backgroundColor: '#eef0f3' })
  })

  it('serves the renderer folder over app:// and nothing outside it', async (ctx) => {
    if (!existsSync(join(ROOT, 'out/renderer/index.html')))
      ctx.skip('not built (npm test builds first)')
    const serve = state.protocols.get('app')!
    const page = await serve({ url: 'app://speedup-lab/index.html' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await page.text()).toContain('Content-Security-Policy')
    for (const url of [
      'app://speedup-lab/../main/index.js',
      'app://speedup-lab/%2e%2e/main/index.js',
      'app://speedup-lab/..%2fmain%2findex.js',
      'app://speedup-lab/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://other-host/index.html'
    ])
      expect((await serve({ url })).status, url).toBe(404)
  })

  it('stays on its page: navigation and redirects elsewhere are prevented', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const handler = win.webContents.handlers.get(name)
      expect(handler, name).toBeTypeOf('function')
      for (const url of [
        'https://evil.example/',
        'http://127.0.0.1:8080/',
        'file:///etc/passwd',
        'app://speedup-lab/other.html',
        'app://evil/index.html',
        `${win.url!.replace('index.html', 'other.html')}`,
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>'
      ]) {
        const e = event()
        handler!(e, url)
        expect(e.preventDefault, `${name} ${url}`).toHaveBeenCalled()
      }
      // Its own page (a hash route, a reload) is allowed.
      const own = event()
      handler!(own, `${win.url}#/history`)
      expect(own.preventDefault).not.toHaveBeenCalled()
    }
  })

  it('opens no new windows and attaches no webviews', () => {
    expect(win.webContents.windowOpen).toBeTypeOf('function')
    for (const url of ['https://evil.example/', win.url!, 'about:blank'])
      expect(win.webContents.windowOpen!({ url })).toEqual({ action: 'deny' })
    const attach = win.webContents.handlers.get('will-attach-webview')
    expect(attach).toBeTypeOf('function')
    const e = event()
    attach!(e, {}, {})
    expect(e.preventDefault).toHaveBeenCalled()
  })

  it('grants no permission the page asks for', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const grant = vi.fn()
      state.permissionRequest!({}, permission, grant)
      expect(grant).toHaveBeenCalledWith(false)
      expect(state.permissionCheck!({}, permission)).toBe(false)
    }
  })
})

describe('IPC, as main wires it', () => {
  const trustedEvent = () => ({
    sender: { id: win.webContents.id },
    senderFrame: { url: win.url, parent: null }
  })
  const foreignEvents = () => [
    { sender: { id: 999 }, senderFrame: { url: win.url, parent: null } },
    { sender: { id: win.webContents.id }, senderFrame: { url: win.url, parent: { url: win.url } } },
    {
      sender: { id: win.webContents.id },
      senderFrame: { url: 'https://evil.example/', parent: null }
    },
    { sender: { id: win.webContents.id }, senderFrame: null }
  ]
  type Answer = { ok: boolean; error?: { code: string } }

  it('registers every channel of the contract, and nothing else', () => {
    expect([...state.ipc.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  // Every channel's sender and payload checks are tests/unit/ipc.test.ts; here, that main
  // hands them the window it opened as the one it trusts.
  it('answers its own window, validates its payloads, and refuses any other sender', async () => {
    const list = state.ipc.get('history:list')!
    expect(((await list(trustedEvent(), undefined)) as Answer).ok).toBe(true)
    const bad = (await list(trustedEvent(), { all: true })) as Answer
    expect(bad.error?.code).toBe('invalid-input')
    for (const e of foreignEvents())
      expect(((await list(e, undefined)) as Answer).error?.code).toBe('forbidden')
    expect(state.forks).toBe(0)
  })
})

describe('the Content Security Policy', () => {
  const cspOf = (html: string): Map<string, string[]> => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
    expect(meta, 'a CSP <meta> in the page').not.toBeNull()
    return new Map(
      meta![1]
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name.toLowerCase(), sources])
    )
  }
  const pages = [
    ['src/renderer/index.html', true],
    ['out/renderer/index.html', existsSync(join(ROOT, 'out/renderer/index.html'))]
  ] as const

  for (const [page, present] of pages) {
    it(`${page}: scripts only from the app, no eval, no inline script, no plugins`, (ctx) => {
      if (!present) ctx.skip('not built (npm test builds first)')
      const html = readFileSync(join(ROOT, page), 'utf8')
      const csp = cspOf(html)
      const scripts = csp.get('script-src') ?? csp.get('default-src')
      expect(scripts, 'script-src (or default-src)').toBeDefined()
      for (const bad of [
        "'unsafe-eval'",
        "'unsafe-inline'",
        "'unsafe-hashes'",
        '*',
        'data:',
        'http:',
        'https:'
      ])
        expect(scripts).not.toContain(bad)
      expect(csp.get('default-src')).toEqual(["'self'"])
      expect(csp.get('object-src')).toEqual(["'none'"])
      expect(csp.get('base-uri')).toEqual(["'none'"])
      // Every script the page loads is a file (the CSP would block inline ones anyway).
      for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(attributes).toMatch(/\ssrc="/)
        expect(body.trim()).toBe('')
      }
      expect(html).not.toMatch(/\son[a-z]+="/i)
    })
  }
})
