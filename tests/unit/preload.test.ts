import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BenchApi } from '../../src/shared/api'
import { tutorialRunConfig } from '../../src/shared/config'

/** Electron's preload side, faked: what the preload exposes and what it sends. */
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  return {
    exposed: new Map<string, unknown>(),
    invoked: [] as { channel: string; payload: unknown }[],
    listeners,
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value)
    },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        electron.invoked.push({ channel, payload })
        return { ok: true, value: channel }
      },
      on: (channel: string, l: (...args: unknown[]) => void) => {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l))
      },
      removeListener: (channel: string, l: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(l)
      }
    },
    /** Delivers an event as ipcRenderer would: (event, payload). */
    emit(channel: string, payload: unknown) {
      const event = { sender: 'the ipcRenderer itself', senderId: 0 }
      for (const l of listeners.get(channel) ?? []) l(event, payload)
    }
  }
})
vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer
}))

let api: BenchApi
beforeEach(async () => {
  electron.invoked.length = 0
  await import('../../src/preload/index')
  api = electron.exposed.get('api') as BenchApi
})

describe('preload', () => {
  it('exposes window.api and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(
      [
        'cancel',
        'clearHistory',
        'deleteRuns',
        'exportComparison',
        'exportCsv',
        'exportJson',
        'exportMarkdown',
        'exportPng',
        'exportStudy',
        'getRun',
        'historyPage',
        'historySeries',
        'listHistory',
        'onMenu',
        'onProgress',
        'onStudyProgress',
        'run',
        'runConfirmed',
        'runStudy',
        'showInFolder',
        'systemInfo',
        'probeCluster'
      ].sort()
    )
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('maps every verb to its channel and payload', async () => {
    const study = {
      base: tutorialRunConfig(),
      sizes: [1000, 10_000],
      backends: ['thread' as const]
    }
    await api.run(tutorialRunConfig())
    await api.cancel()
    await api.listHistory()
    await api.historyPage({ offset: 100, limit: 50 })
    await api.historySeries('0:10 · split · process · warm · js')
    await api.getRun('r1')
    await api.deleteRuns(['r1', 'r2'])
    await api.deleteRuns({ all: true, except: ['r3'] })
    await api.clearHistory()
    await api.exportCsv(['r1'])
    await api.exportJson(['r2'])
    await api.exportPng('chart', 'data:image/png;base64,AAAA')
    await api.runStudy(study)
    await api.exportMarkdown(['r3'])
    await api.exportStudy('s1', 'csv')
    expect(await api.systemInfo()).toEqual({ ok: true, value: 'system:info' })
    await api.showInFolder('/tmp/a.csv')
    await api.probeCluster('nats://h:4222')
    expect(electron.invoked).toEqual([
      { channel: 'bench:run', payload: tutorialRunConfig() },
      { channel: 'bench:cancel', payload: undefined },
      { channel: 'history:list', payload: undefined },
      { channel: 'history:page', payload: { offset: 100, limit: 50 } },
      { channel: 'history:series', payload: { key: '0:10 · split · process · warm · js' } },
      { channel: 'history:get', payload: { id: 'r1' } },
      { channel: 'history:delete', payload: { ids: ['r1', 'r2'] } },
      { channel: 'history:delete', payload: { ids: { all: true, except: ['r3'] } } },
      { channel: 'history:clear', payload: undefined },
      { channel: 'export:csv', payload: { ids: ['r1'] } },
      { channel: 'export:json', payload: { ids: ['r2'] } },
      { channel: 'export:png', payload: { name: 'chart', dataUrl: 'data:image/png;base64,AAAA' } },
      { channel: 'bench:study', payload: study },
      { channel: 'export:markdown', payload: { ids: ['r3'] } },
      { channel: 'export:study', payload: { id: 's1', format: 'csv' } },
      { channel: 'system:info', payload: undefined },
      { channel: 'shell:show-in-folder', payload: { path: '/tmp/a.csv' } },
      { channel: 'cluster:probe', payload: { server: 'nats://h:4222' } }
    ])
  })

  it('hands listeners the payload only, never the IpcRendererEvent, until unsubscribed', () => {
    const got: unknown[][] = []
    const off = api.onMenu((...args: unknown[]) => got.push(args))
    const offProgress = api.onProgress((...args: unknown[]) => got.push(['progress', ...args]))
    const offStudy = api.onStudyProgress((...args: unknown[]) => got.push(['study', ...args]))
    electron.emit('app:menu', 'run')
    electron.emit('bench:study-progress', { step: 1 })
    off()
    offStudy()
    electron.emit('app:menu', 'cancel')
    electron.emit('bench:study-progress', { step: 2 })
    offProgress()
    electron.emit('bench:progress', {})
    expect(got).toEqual([['run'], ['study', { step: 1 }]])
    expect(electron.listeners.get('bench:study-progress')?.size).toBe(0)
    expect(electron.listeners.get('app:menu')?.size).toBe(0)
  })

  it('refuses a listener that is not a function', () => {
    expect(() => api.onProgress('x' as never)).toThrow(TypeError)
  })
})
