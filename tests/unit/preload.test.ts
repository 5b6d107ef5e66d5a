import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import { apiVerbsJson } from '../../src/shared/api'
import { createBenchApi } from '../../src/shared/createBenchApi'
import type { BenchApi } from '../../src/shared/api'
import { eventChannels, INVOKE_CHANNELS, invokeChannels } from '../../src/shared/ipc'
import type { Result } from '../../src/shared/errors'
import type { RunConfig } from '../../src/shared/config'
import type { RunProgress, RunRecord } from '../../src/shared/result'
import { VALID_PAYLOADS } from '../helpers/ipcPayloads'

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

// What the build defines in the preload (electron.vite.config.ts).
vi.stubGlobal('__BENCH_API_VERBS__', JSON.parse(apiVerbsJson()))

let api: BenchApi
beforeEach(async () => {
  electron.invoked.length = 0
  await import('../../src/preload/index')
  api = electron.exposed.get('api') as BenchApi
})

describe('preload', () => {
  it('exposes window.api and nothing else: a verb per channel of the contract', () => {
    expect([...electron.exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(
      [...Object.values(invokeChannels), ...Object.values(eventChannels)]
        .map(({ verb }) => verb)
        .sort()
    )
    expect(Object.isFrozen(api)).toBe(true)
  })

  it("sends each verb's one payload, as given, to its channel", async () => {
    for (const channel of INVOKE_CHANNELS) {
      const call = Reflect.get(api, invokeChannels[channel].verb) as (
        p: unknown
      ) => Promise<unknown>
      expect(await call(VALID_PAYLOADS[channel])).toEqual({ ok: true, value: channel })
    }
    expect(electron.invoked).toEqual(
      INVOKE_CHANNELS.map((channel) => ({ channel, payload: VALID_PAYLOADS[channel] }))
    )
  })

  it('takes typed payloads: one object per verb, none for payload-less channels', async () => {
    await api.getRun({ id: 'r1' })
    await api.exportStudy({ id: 's1', format: 'csv' })
    await api.cancel()
    // History: "select all but these" and a series for one configuration.
    await api.deleteRuns({ ids: { all: true, except: ['r3'] } })
    await api.historySeries({ key: '0:10 · split · process · warm · js' })
    expect(electron.invoked).toEqual([
      { channel: 'history:get', payload: { id: 'r1' } },
      { channel: 'export:study', payload: { id: 's1', format: 'csv' } },
      { channel: 'bench:cancel', payload: undefined },
      { channel: 'history:delete', payload: { ids: { all: true, except: ['r3'] } } },
      { channel: 'history:series', payload: { key: '0:10 · split · process · warm · js' } }
    ])
    // @ts-expect-error: the old positional form no longer type-checks
    await api.exportStudy('s1', 'csv')
  })

  it('has the types the contract declares (checked by npm run typecheck)', () => {
    expectTypeOf(api.run).parameter(0).toEqualTypeOf<RunConfig>()
    expectTypeOf(api.getRun).returns.resolves.toEqualTypeOf<Result<RunRecord>>()
    expectTypeOf(api.cancel).parameters.toEqualTypeOf<[payload?: undefined]>()
    expectTypeOf(api.onProgress).parameter(0).parameter(0).toEqualTypeOf<RunProgress>()
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

  it('refuses a contract where two channels share a verb', () => {
    const contract = JSON.parse(apiVerbsJson())
    contract.invoke['export:json'] = { verb: 'exportCsv' }
    const transport = { invoke: async () => null, subscribe: () => () => {} }
    expect(() => createBenchApi(transport, contract)).toThrow('IPC verbs are not unique: exportCsv')
  })

  it('refuses a listener that is not a function', () => {
    expect(() => api.onProgress('x' as never)).toThrow(TypeError)
  })
})
