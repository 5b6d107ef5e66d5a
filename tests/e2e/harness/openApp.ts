import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { collectSystemInfo, createEngine, createMemoryProbe } from '../../../src/engine'
import type { EngineOptions } from '../../../src/engine'
import type { Engine } from '../../../src/engine/types'
import { createHistoryStore } from '../../../src/main/history/historyStore'
import type { HistoryStore } from '../../../src/main/history/historyStore'
import { createBenchService } from '../../../src/main/service/benchService'
import { APPROVALS_FILE, fileCommandApprovals } from '../../../src/main/commands/commandApprovals'
import type { BenchService, SaveFileOptions } from '../../../src/main/service/benchService'
import { apiVerbsJson } from '../../../src/shared/api'
import type { BenchApi } from '../../../src/shared/api'
import { createBenchApi } from '../../../src/shared/createBenchApi'
import type { EventChannel, EventPayloads, InvokeChannel } from '../../../src/shared/ipc'
import { serveStatic } from './staticServer'

const ROOT = resolve(__dirname, '../../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')
export const WORKER_PATH = join(ROOT, 'out/main/worker.js')
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Names the bridge uses in the page; the real preload has neither. */
const INVOKE_BINDING = '__speedupLabInvoke'
const DELIVER_EVENT = '__speedupLabDeliver'

/** Debian's Chromium, headless, quiet: no network chatter, no GPU on a build machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  })
}

/**
 * Run by tsx (the perf scripts, `npm run screenshots`), esbuild keeps
 * function names by wrapping them in `__name(fn, "name")` calls, a helper the
 * page does not have: a source sent to the page gets this stand-in.
 */
const KEEP_NAMES_SHIM = 'const __name = (target) => target;'

/**
 * The page-side half of the bridge: `window.api` built by the preload's own
 * createBenchApi (its source injected verbatim) from the same contract's
 * verbs, invoking through a Playwright binding and receiving events the
 * harness delivers.
 */
function bridgeScript(): string {
  return `(() => {
  ${KEEP_NAMES_SHIM}
  const createBenchApi = ${createBenchApi.toString()};
  const listeners = new Map();
  const transport = {
    invoke: (channel, payload) => window.${INVOKE_BINDING}(channel, payload),
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const entry = { listener };
      set.add(entry);
      return () => { set.delete(entry) };
    }
  };
  Object.defineProperty(window, '${DELIVER_EVENT}', {
    value: (channel, payload) => {
      for (const { listener } of [...(listeners.get(channel) ?? [])]) {
        try { listener(payload) } catch (e) { console.error(e) }
      }
    }
  });
  Object.defineProperty(window, 'api', {
    value: createBenchApi(transport, ${apiVerbsJson()}),
    enumerable: true
  });
})();`
}

/**
 * Calls `fn(window.api, arg)` in the page and resolves with its answer.
 * `fn` runs in the browser: it may use only its arguments (its source is
 * sent, not its closure), and `arg` must be JSON.
 */
export function callApi<R, A = undefined>(
  page: Page,
  fn: (api: BenchApi, arg: A) => R | Promise<R>,
  arg?: A
): Promise<R> {
  // A source string, not a function: tsconfig.node has no DOM types for `window`.
  return page.evaluate(
    `(() => { ${KEEP_NAMES_SHIM} return (${fn.toString()})(globalThis.api, ${JSON.stringify(arg ?? null)}) })()`
  ) as Promise<R>
}

export interface OpenAppOptions {
  /**
   * Where history lives. Pass the `historyDir` of an earlier app to see its
   * runs (a restart); by default a fresh temporary folder, removed on close.
   */
  historyDir?: string
  /**
   * What the save dialog answers: a path to write, or null (the user
   * cancelled). Default: `<saveDir>/<the dialog's suggested file name>`.
   */
  saveAs?: (request: SaveFileOptions, saveDir: string) => string | null
  /**
   * What the native confirmation of a command answers (true: Run), given its
   * exact text. Default: Cancel, as a user who did not look would.
   */
  confirmCommand?: (text: string) => boolean
  /** What the native folder dialog answers: a folder, or null (cancelled). Default: null. */
  chooseFolder?: () => string | null
  /** Share one Chromium between tests; by default each app launches its own. */
  browser?: Browser
  viewport?: { width: number; height: number }
  /** Engine options beyond the worker path (e.g. a spying backend). */
  engine?: Omit<EngineOptions, 'workerPath'>
  /** Page path to open, default the app's index. */
  path?: string
  /** Which built renderer to serve, default out/renderer (a benchmark compares two builds). */
  rendererDir?: string
  /** The browser's language (navigator.language), default en-US: the app picks its own from it. */
  locale?: string
  /** What prefers-color-scheme says, default light. */
  colorScheme?: 'light' | 'dark'
  /**
   * Lets the test inject scripts the page's CSP would refuse (axe-core for the
   * accessibility check). Never on in tests of the app's own behaviour.
   */
  bypassCSP?: boolean
}

export interface App {
  page: Page
  context: BrowserContext
  browser: Browser
  /** The page's http origin, e.g. http://127.0.0.1:41234/ */
  url: string
  engine: Engine
  history: HistoryStore
  service: BenchService
  historyDir: string
  saveDir: string
  /** What the save dialog was asked, in order. */
  saveRequests: SaveFileOptions[]
  /** Every file an export wrote, in order. */
  savedFiles: string[]
  /** Every file main was asked to show in the file manager (and agreed to), in order. */
  shownInFolder: string[]
  /** Every command text the confirmation dialog showed, in order. */
  commandConfirmations: string[]
  /** Every request the page made, the answer's ok flag and, when ok, its value. */
  invocations: { channel: string; ok: boolean; value?: unknown }[]
  /** Every main → renderer event, in order. */
  events: { channel: EventChannel; payload: unknown }[]
  /** Worker log lines (name, pid, event). */
  workerLog: string[]
  /** Uncaught page errors and console.error messages. */
  pageErrors: string[]
  /** Sends a main → renderer event, as the app menu does; resolves once delivered. */
  emit<E extends EventChannel>(channel: E, payload: EventPayloads[E]): Promise<void>
  /** Reloads the page (history stays: it lives in main). */
  reload(): Promise<void>
  close(): Promise<void>
}

/**
 * Opens the built renderer (out/renderer, served over http on 127.0.0.1) in
 * Chromium with `window.api` bridged to a real bench service: the real
 * engine with real worker processes, history in a folder, exports written to
 * `saveDir`. Build first (`npm run build`).
 */
export async function openApp(options: OpenAppOptions = {}): Promise<App> {
  const ownHistory = options.historyDir === undefined
  const historyDir = options.historyDir ?? (await mkdtemp(join(tmpdir(), 'speedup-history-')))
  const saveDir = await mkdtemp(join(tmpdir(), 'speedup-export-'))
  const workerLog: string[] = []
  const engine = createEngine({
    ...options.engine,
    workerPath: WORKER_PATH,
    log: (line) => {
      workerLog.push(line)
      options.engine?.log?.(line)
    }
  })
  const history = createHistoryStore(historyDir)
  const saveRequests: SaveFileOptions[] = []
  const savedFiles: string[] = []
  const shownInFolder: string[] = []
  const commandConfirmations: string[] = []
  const events: App['events'] = []
  const invocations: App['invocations'] = []
  const pageErrors: string[] = []
  const saveAs = options.saveAs ?? ((request, dir) => join(dir, request.defaultPath))

  let page: Page | null = null
  let closed = false
  // Events reach the page in the order they were sent.
  let delivery: Promise<void> = Promise.resolve()
  const deliver = (channel: EventChannel, payload: unknown): Promise<void> => {
    events.push({ channel, payload })
    delivery = delivery.then(async () => {
      if (!page || closed) return
      await page
        .evaluate(
          ([fn, c, p]) =>
            (globalThis as unknown as Record<string, (c: unknown, p: unknown) => void>)[fn](c, p),
          [DELIVER_EVENT, channel, payload] as const
        )
        .catch(() => undefined) // the page navigated or closed meanwhile
    })
    return delivery
  }

  const service = createBenchService({
    engine,
    // Two probe workers per backend: enough for a median, light on a shared 2-core machine.
    measureMemory: createMemoryProbe({ workerPath: WORKER_PATH, workers: 2 }),
    history,
    systemInfo: () => collectSystemInfo(options.engine?.systemExtra),
    emit: (channel, payload) => void deliver(channel, payload),
    saveFile: async (request) => {
      saveRequests.push(request)
      const path = saveAs(request, saveDir)
      if (path !== null) savedFiles.push(path)
      return path
    },
    showItemInFolder: (path) => shownInFolder.push(path),
    chooseFolder: async () => (options.chooseFolder ? options.chooseFolder() : null),
    confirmCommand: async (text) => {
      commandConfirmations.push(text)
      return options.confirmCommand?.(text) ?? false
    },
    commandApprovals: fileCommandApprovals(join(historyDir, APPROVALS_FILE))
  })

  const server = await serveStatic(options.rendererDir ?? RENDERER_DIR)
  const ownBrowser = options.browser === undefined
  const browser = options.browser ?? (await launchChromium())
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    bypassCSP: options.bypassCSP ?? false
  })
  await context.exposeBinding(
    INVOKE_BINDING,
    async (_source, channel: unknown, payload: unknown) => {
      const result = await service.handle(channel as InvokeChannel, payload)
      // What the page received: a test reads the page's numbers against it.
      invocations.push({
        channel: String(channel),
        ok: result.ok,
        ...(result.ok ? { value: result.value } : {})
      })
      return result
    }
  )
  await context.addInitScript({ content: bridgeScript() })
  page = await context.newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text())
  })
  const url = server.url
  await page.goto(new URL(options.path ?? '', url).href)

  return {
    page,
    context,
    browser,
    url,
    engine,
    history,
    service,
    historyDir,
    saveDir,
    saveRequests,
    savedFiles,
    shownInFolder,
    commandConfirmations,
    invocations,
    events,
    workerLog,
    pageErrors,
    emit: (channel, payload) => deliver(channel, payload),
    reload: async () => {
      await page?.reload()
    },
    close: async () => {
      if (closed) return
      closed = true
      await delivery
      await context.close().catch(() => undefined)
      if (ownBrowser) await browser.close().catch(() => undefined)
      await engine.dispose()
      await server.close()
      await rm(saveDir, { recursive: true, force: true })
      if (ownHistory) await rm(historyDir, { recursive: true, force: true })
    }
  }
}
