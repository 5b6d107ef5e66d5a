import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type { ApiVerbs } from '../shared/api'
import { createBenchApi } from '../shared/createBenchApi'

/** The IPC contract's verbs, put here by the build (electron.vite.config.ts): zod stays in main. */
declare const __BENCH_API_VERBS__: ApiVerbs

/**
 * Exposes `window.api` (BenchApi) and nothing else: each verb invokes its
 * channel from the shared contract; listeners get payloads, never the
 * IpcRendererEvent (which would hand the page `sender`, i.e. ipcRenderer).
 */
const api = createBenchApi(
  {
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (channel, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(channel, forward)
      return () => {
        ipcRenderer.removeListener(channel, forward)
      }
    }
  },
  __BENCH_API_VERBS__
)

contextBridge.exposeInMainWorld('api', api)
