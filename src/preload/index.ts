import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { BENCH_API_TABLE, createBenchApi } from '../shared/createBenchApi'

/**
 * Exposes `window.api` (BenchApi) and nothing else: each verb invokes its
 * channel from the shared contract; listeners get payloads, never the
 * IpcRendererEvent (which would hand the page `sender`, i.e. ipcRenderer).
 */
const api = createBenchApi(
  {
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (channel, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void =>
        listener(payload as Parameters<typeof listener>[0])
      ipcRenderer.on(channel, forward)
      return () => {
        ipcRenderer.removeListener(channel, forward)
      }
    }
  },
  BENCH_API_TABLE
)

contextBridge.exposeInMainWorld('api', api)
