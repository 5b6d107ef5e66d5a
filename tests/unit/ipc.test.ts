/**
 * The IPC contract, channel by channel: the one sender/payload matrix. Every
 * channel declared in src/shared/ipc.ts goes through what main registers
 * (registerHandlers: the sender check, then the service's validation) and,
 * for its valid payload, through its `window.api` verb too (createBenchApi):
 * a new channel is covered here without editing this file (its payloads
 * come from tests/helpers/ipcPayloads.ts, which does not compile without).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../src/engine/types'
import type { HistoryStore } from '../../src/main/history/historyStore'
import { isAppUrl, isTrustedSender } from '../../src/main/ipc/senderPolicy'
import type { SenderFacts, TrustedRenderer } from '../../src/main/ipc/senderPolicy'
import { createBenchService } from '../../src/main/service/benchService'
import { API_CONTRACT } from '../../src/shared/api'
import { createBenchApi } from '../../src/shared/createBenchApi'
import type { Result } from '../../src/shared/errors'
import { INVOKE_CHANNELS, invokeChannels } from '../../src/shared/ipc'
import type { InvokeChannel } from '../../src/shared/ipc'
import { BAD_PAYLOADS, MALFORMED_PAYLOADS, VALID_PAYLOADS } from '../helpers/ipcPayloads'
import { sampleRun } from '../helpers/runRecord'

/** ipcMain, faked: the handlers main registers. */
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  ipcMain: {
    handle: (channel: string, h: (event: unknown, payload: unknown) => Promise<unknown>) =>
      electron.handlers.set(channel, h),
    removeHandler: (channel: string) => electron.handlers.delete(channel)
  }
}))
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }))

const { registerHandlers, send } = await import('../../src/main/ipc/index')

const APP = 'file:///opt/Speedup%20Lab/resources/app.asar/out/renderer/index.html'
const trusted: TrustedRenderer = { webContentsId: 1, url: APP }
const fromApp: SenderFacts = { webContentsId: 1, frameUrl: APP, isTopFrame: true }

describe('isAppUrl', () => {
  it.each([
    [APP, APP, true],
    [`${APP}#/history`, APP, true],
    [`${APP}?x=1`, APP, true],
    ['file:///opt/Speedup%20Lab/resources/app.asar/out/renderer/other.html', APP, false],
    ['file:///tmp/evil/index.html', APP, false],
    ['https://example.com/index.html', APP, false],
    ['http://localhost:5173/', 'http://localhost:5173/', true],
    ['http://localhost:5173/#/x', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    ['http://127.0.0.1:5173/', 'http://localhost:5173/', false],
    ['not a url', APP, false],
    ['data:text/html,<script>', APP, false],
    ['devtools://devtools/bundled/inspector.html', APP, false]
  ])('%s for %s → %s', (url, app, expected) => expect(isAppUrl(url, app)).toBe(expected))
})

describe('isTrustedSender', () => {
  it('trusts only the main window top frame showing the app page', () => {
    expect(isTrustedSender(fromApp, trusted)).toBe(true)
    expect(isTrustedSender({ ...fromApp, webContentsId: 2 }, trusted)).toBe(false)
    expect(isTrustedSender({ ...fromApp, isTopFrame: false }, trusted)).toBe(false)
    expect(isTrustedSender({ ...fromApp, frameUrl: null }, trusted)).toBe(false)
    expect(isTrustedSender({ ...fromApp, frameUrl: 'https://evil.example/' }, trusted)).toBe(false)
    expect(isTrustedSender(fromApp, null)).toBe(false)
  })
})

/** What Electron hands a handler: the sending WebContents and frame. */
const ipcEvent = (id: number, url: string | null, top = true) => ({
  sender: { id },
  senderFrame: url === null ? null : { url, parent: top ? null : { url: APP } }
})
const FROM_APP = ipcEvent(1, `${APP}#/history`)
/** Another window, a page navigated elsewhere, an iframe, a frame that is gone. */
const FOREIGN = [
  ipcEvent(9, APP),
  ipcEvent(1, 'https://evil.example/'),
  ipcEvent(1, APP, false),
  ipcEvent(1, null)
]

/** Main as registered, over a service whose engine, history, dialog and probe record any use. */
function setup() {
  const engine = {
    busy: false,
    run: vi.fn(async () => sampleRun()),
    cancel: vi.fn(async () => false),
    dispose: vi.fn(async () => undefined)
  } satisfies Engine
  const touched: string[] = []
  const history = new Proxy({} as HistoryStore, {
    get: (_t, key) => {
      if (key === 'path') return '/tmp/history.jsonl'
      return async () => {
        touched.push(String(key))
        if (key === 'list') return { runs: [], damaged: [], path: '/tmp/history.jsonl' }
        if (key === 'getMany') return { runs: [], missing: [] }
        return key === 'get' ? null : 0
      }
    }
  })
  const saveFile = vi.fn(async () => null)
  const probeCluster = vi.fn(async (server: string) => ({ server, agents: [] }))
  const chooseFolder = vi.fn(async () => null)
  const service = createBenchService({
    engine,
    history,
    saveFile,
    systemInfo: () => sampleRun().system,
    emit: () => undefined,
    probeCluster,
    chooseFolder
  })
  let window: TrustedRenderer | null = trusted
  const unregister = registerHandlers(service, () => window)
  const handle = (channel: string, event: unknown, payload: unknown) =>
    electron.handlers.get(channel)!(event, payload) as Promise<Result<unknown>>
  // The renderer's side: window.api from the same contract, sending from the app window.
  const api = createBenchApi(
    { invoke: (channel, payload) => handle(channel, FROM_APP, payload), subscribe: () => () => {} },
    API_CONTRACT
  )
  const nothingStarted = () => {
    expect(engine.run).not.toHaveBeenCalled()
    expect(engine.cancel).not.toHaveBeenCalled()
    expect(touched).toEqual([])
    expect(saveFile).not.toHaveBeenCalled()
    expect(probeCluster).not.toHaveBeenCalled()
    expect(chooseFolder).not.toHaveBeenCalled()
  }
  const closeWindow = () => (window = null)
  return { api, handle, nothingStarted, closeWindow, unregister }
}

describe('the IPC contract: every channel, its sender and its payload', () => {
  let s: ReturnType<typeof setup>
  beforeEach(() => {
    electron.handlers.clear()
    s = setup()
  })

  it('registers every channel of the contract and nothing else, until unregistered', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    s.unregister()
    expect(electron.handlers.size).toBe(0)
  })

  describe.each(INVOKE_CHANNELS)('%s', (channel: InvokeChannel) => {
    const { verb, payload: schema } = invokeChannels[channel]

    it('accepts its valid payload sent by its window.api verb', async () => {
      const call = Reflect.get(s.api, verb) as (payload: unknown) => Promise<Result<unknown>>
      const result = await call(VALID_PAYLOADS[channel])
      // The fake history holds no runs, so some answer not-found: an answer, not a refusal.
      if (!result.ok) expect(result.error.code, result.error.message).toBe('not-found')
    })

    it('refuses each bad payload with the reasons, and starts nothing', async () => {
      const bad = [
        ...BAD_PAYLOADS[channel],
        ...MALFORMED_PAYLOADS.filter((p) => !schema.safeParse(p).success)
      ]
      expect(bad.length).toBeGreaterThan(0)
      for (const payload of bad) {
        const result = await s.handle(channel, FROM_APP, payload)
        expect(result.ok, `${channel} accepted ${JSON.stringify(payload)}`).toBe(false)
        if (!result.ok) {
          expect(result.error.code).toBe('invalid-input')
          expect(result.error.message).toMatch(/^Invalid request: .+/)
          expect(result.error.issues?.length).toBeGreaterThan(0)
        }
      }
      s.nothingStarted()
    })

    it('refuses a foreign sender or frame before reading its payload', async () => {
      for (const event of FOREIGN) {
        for (const payload of [VALID_PAYLOADS[channel], ...MALFORMED_PAYLOADS]) {
          const result = await s.handle(channel, event, payload)
          expect(result.ok).toBe(false)
          if (!result.ok) {
            expect(result.error.code).toBe('forbidden')
            expect(result.error.message).toContain(channel)
          }
        }
      }
      // Once the window is gone nobody is trusted.
      s.closeWindow()
      const orphan = await s.handle(channel, FROM_APP, VALID_PAYLOADS[channel])
      expect(!orphan.ok && orphan.error.code).toBe('forbidden')
      s.nothingStarted()
    })
  })

  it('sends events to a live window only', () => {
    const sent: unknown[] = []
    const window = (destroyed: boolean) =>
      ({
        isDestroyed: () => destroyed,
        webContents: { isDestroyed: () => destroyed, send: (...args: unknown[]) => sent.push(args) }
      }) as never
    send(window(false), 'app:menu', 'run')
    send(window(true), 'app:menu', 'cancel')
    send(null, 'app:menu', 'cancel')
    expect(sent).toEqual([['app:menu', 'run']])
  })
})
