import { describe, expect, it, vi } from 'vitest'
import type { BenchService } from '../../src/main/service/benchService'
import { INVOKE_CHANNELS } from '../../src/shared/ipc'

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

const APP = 'file:///app/out/renderer/index.html'
const event = (id: number, url: string | null, top = true) => ({
  sender: { id },
  senderFrame: url === null ? null : { url, parent: top ? null : { url: APP } }
})

describe('IPC registration', () => {
  it('registers every channel of the contract, each guarded by the sender check', async () => {
    const handled: unknown[] = []
    const service: BenchService = {
      handle: async (channel, payload) => {
        handled.push([channel, payload])
        return { ok: true, value: 'answer' } as never
      }
    }
    const unregister = registerHandlers(service, () => ({ webContentsId: 7, url: APP }))
    expect([...electron.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())

    const list = electron.handlers.get('history:list')!
    expect(await list(event(7, `${APP}#/history`), undefined)).toEqual({
      ok: true,
      value: 'answer'
    })
    for (const foreign of [
      event(8, APP),
      event(7, 'https://evil/'),
      event(7, APP, false),
      event(7, null)
    ]) {
      const answer = (await list(foreign, undefined)) as { ok: boolean; error: { code: string } }
      expect(answer.ok).toBe(false)
      expect(answer.error.code).toBe('forbidden')
    }
    expect(handled).toEqual([['history:list', undefined]])

    unregister()
    expect(electron.handlers.size).toBe(0)
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
