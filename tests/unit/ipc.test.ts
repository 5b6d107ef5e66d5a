import fc from 'fast-check'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../src/main/engine/types'
import type { HistoryStore } from '../../src/main/history/historyStore'
import { guardedInvoke, isAppUrl, isTrustedSender } from '../../src/main/ipc/senderPolicy'
import type { SenderFacts, TrustedRenderer } from '../../src/main/ipc/senderPolicy'
import { createBenchService } from '../../src/main/service/benchService'
import { tutorialRunConfig } from '../../src/shared/config'
import { INVOKE_CHANNELS, invokeChannels } from '../../src/shared/ipc'
import type { InvokeChannel } from '../../src/shared/ipc'
import { sampleRun } from '../helpers/runRecord'

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

/** Every request reaches the service only through the guard; the engine and history record use. */
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
  const service = createBenchService({
    engine,
    history,
    saveFile,
    systemInfo: () => sampleRun().system,
    emit: () => undefined,
    probeCluster: async (server) => ({ server, agents: [] })
  })
  return { engine, touched, saveFile, service }
}

/** A valid payload for every channel. */
const validPayloads: { [C in InvokeChannel]: unknown } = {
  'bench:run': tutorialRunConfig(),
  'bench:run-confirmed': tutorialRunConfig(),
  'bench:study': { base: tutorialRunConfig(), sizes: [1000, 10_000] },
  'bench:cancel': undefined,
  'history:list': undefined,
  'history:get': { id: 'run-1' },
  'history:delete': { ids: ['run-1'] },
  'history:clear': undefined,
  'export:csv': { ids: ['run-1'] },
  'export:json': { ids: ['run-1'] },
  'export:markdown': { ids: ['run-1'] },
  'export:study': { id: 'study-1', format: 'markdown' },
  'export:comparison': { baselineId: 'run-1', candidateId: 'run-2', format: 'csv' },
  'export:png': { name: 'chart', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
  'system:info': undefined,
  'shell:show-in-folder': { path: '/tmp/speedup-lab.csv' },
  'cluster:probe': { server: 'nats://lab:pw@127.0.0.1:4222' }
}

/** Payloads each channel must refuse. */
const badPayloads: { [C in InvokeChannel]: unknown[] } = {
  'bench:run': [
    undefined,
    null,
    'run',
    {},
    { ...tutorialRunConfig(), range: { start: 10, end: 1 } },
    { ...tutorialRunConfig(), range: { start: 0, end: 2 ** 53 } },
    { ...tutorialRunConfig(), workers: [] },
    { ...tutorialRunConfig(), workers: [0] },
    { ...tutorialRunConfig(), workers: [1.5] },
    // Issue 12: a warm pool of 1,024 processes would ask for ~46 GB.
    { ...tutorialRunConfig(), workers: [1024, 2048] },
    { ...tutorialRunConfig(), workers: [1, 999] },
    { ...tutorialRunConfig(), reps: 1000 },
    { ...tutorialRunConfig(), workload: 'both' },
    { ...tutorialRunConfig(), backend: 'gpu' },
    { ...tutorialRunConfig(), reps: 1e9 },
    { ...tutorialRunConfig(), __proto__: { polluted: true }, constructor: 1 }
  ],
  'bench:run-confirmed': [undefined, {}, { ...tutorialRunConfig(), workers: [1024] }],
  'bench:study': [
    undefined,
    {},
    tutorialRunConfig(),
    // Neither a size sweep nor a backend comparison: nothing to study.
    { base: tutorialRunConfig() },
    { base: tutorialRunConfig(), sizes: [] },
    { base: tutorialRunConfig(), sizes: [0] },
    { base: tutorialRunConfig(), sizes: [1.5] },
    { base: tutorialRunConfig(), sizes: [1000, 1000] },
    { base: tutorialRunConfig(), sizes: Array.from({ length: 41 }, (_, i) => i + 1) },
    { base: tutorialRunConfig(), sizes: [2 ** 53] },
    // A size sweep compares 1 worker with N ≥ 2.
    { base: { ...tutorialRunConfig(), workers: [1] }, sizes: [1000] },
    { base: tutorialRunConfig(), backends: [] },
    { base: tutorialRunConfig(), backends: ['gpu'] },
    { base: tutorialRunConfig(), backends: ['thread', 'thread'] },
    { base: { ...tutorialRunConfig(), reps: 0 }, backends: ['thread'] },
    { base: tutorialRunConfig(), sizes: [1000], extra: true }
  ],
  'bench:cancel': [{}, 1, 'now'],
  'cluster:probe': [
    undefined,
    {},
    { server: 7 },
    { server: 'http://127.0.0.1:4222' },
    { server: 'nats://h:4222/x' },
    { server: 'nats://h:4222', path: '/etc' }
  ],
  'history:list': [{ all: true }, []],
  'history:get': [undefined, {}, { id: '' }, { id: 7 }, { id: 'x'.repeat(101) }, { id: 'a', b: 1 }],
  'history:delete': [undefined, { ids: [] }, { ids: 'run-1' }, { ids: [1] }, ['run-1']],
  'history:clear': [{ confirm: true }],
  'export:csv': [undefined, { ids: [] }, { ids: [''] }],
  'export:json': [{ ids: null }, { id: 'run-1' }],
  'export:markdown': [undefined, { ids: [] }, { ids: [7] }, ['run-1']],
  'export:study': [
    undefined,
    { id: 'study-1' },
    { id: '', format: 'csv' },
    { id: 'study-1', format: 'pdf' },
    { id: 'study-1', format: 'csv', path: '/etc/passwd' },
    { ids: ['study-1'], format: 'json' }
  ],
  'export:comparison': [
    undefined,
    { baselineId: 'run-1', candidateId: 'run-2' },
    { baselineId: '', candidateId: 'run-2', format: 'csv' },
    { baselineId: 'run-1', candidateId: 7, format: 'csv' },
    { baselineId: 'run-1', candidateId: 'run-2', format: 'pdf' },
    { baselineId: 'run-1', candidateId: 'run-2', format: 'csv', path: '/etc/passwd' },
    { ids: ['run-1', 'run-2'], format: 'json' }
  ],
  'export:png': [
    undefined,
    { name: 'chart', dataUrl: 'data:image/jpeg;base64,AAAA' },
    { name: 'chart', dataUrl: 'javascript:alert(1)' },
    { name: '../../.bashrc', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
    { name: '', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
    { name: 'chart' }
  ],
  'system:info': [{ secret: true }, 0],
  'shell:show-in-folder': [
    undefined,
    {},
    { path: '' },
    { path: 7 },
    { path: 'x'.repeat(4097) },
    { path: '/tmp/a.csv', open: true },
    '/tmp/a.csv'
  ]
}

describe('IPC handlers: sender check and payload validation', () => {
  let s: ReturnType<typeof setup>
  beforeEach(() => {
    s = setup()
  })

  it.each(INVOKE_CHANNELS)(
    '%s refuses a foreign sender before reading its payload',
    async (channel) => {
      for (const sender of [
        { ...fromApp, webContentsId: 9 },
        { ...fromApp, isTopFrame: false },
        { ...fromApp, frameUrl: 'https://evil.example/' },
        { ...fromApp, frameUrl: null }
      ]) {
        const result = await guardedInvoke(
          s.service,
          trusted,
          sender,
          channel,
          validPayloads[channel]
        )
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.error.code).toBe('forbidden')
      }
      // Once the window is gone nobody is trusted.
      const orphan = await guardedInvoke(s.service, null, fromApp, channel, validPayloads[channel])
      expect(!orphan.ok && orphan.error.code).toBe('forbidden')
      expect(s.engine.run).not.toHaveBeenCalled()
      expect(s.engine.cancel).not.toHaveBeenCalled()
      expect(s.touched).toEqual([])
      expect(s.saveFile).not.toHaveBeenCalled()
    }
  )

  it.each(INVOKE_CHANNELS)('%s refuses malformed payloads with the reasons', async (channel) => {
    for (const payload of badPayloads[channel]) {
      const result = await guardedInvoke(s.service, trusted, fromApp, channel, payload)
      expect(result.ok, `${channel} accepted ${JSON.stringify(payload)}`).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input')
        expect(result.error.issues?.length).toBeGreaterThan(0)
      }
    }
    expect(s.engine.run).not.toHaveBeenCalled()
    expect(s.touched).toEqual([])
    expect(s.saveFile).not.toHaveBeenCalled()
  })

  it.each(INVOKE_CHANNELS)('%s accepts its valid payload from the app window', async (channel) => {
    const result = await guardedInvoke(s.service, trusted, fromApp, channel, validPayloads[channel])
    // The fake history holds no runs, so get answers not-found: an answer, not a refusal.
    if (!result.ok) expect(result.error.code, result.error.message).toBe('not-found')
    expect(invokeChannels[channel].payload.safeParse(validPayloads[channel]).success).toBe(true)
  })

  it('answers random shapes with validation errors only, and starts no run', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...INVOKE_CHANNELS),
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        async (channel, payload) => {
          const parsed = invokeChannels[channel].payload.safeParse(payload)
          const result = await guardedInvoke(s.service, trusted, fromApp, channel, payload)
          if (!parsed.success) {
            expect(result.ok).toBe(false)
            if (!result.ok) expect(result.error.code).toBe('invalid-input')
          }
        }
      ),
      { numRuns: 500 }
    )
    expect(s.engine.run).not.toHaveBeenCalled()
  })
})
