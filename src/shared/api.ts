import type { RunConfig } from './config'
import type { InvokeResult, MenuCommand } from './ipc'
import type { RunProgress } from './result'

/**
 * What the preload exposes as `window.api`. Every call resolves to a Result:
 * failures are values ({ ok: false, error }), never rejections.
 * Subscriptions return their unsubscribe function.
 */
export interface BenchApi {
  run(config: RunConfig): Promise<InvokeResult<'bench:run'>>
  cancel(): Promise<InvokeResult<'bench:cancel'>>
  onProgress(listener: (progress: RunProgress) => void): () => void
  onMenu(listener: (command: MenuCommand) => void): () => void
  listHistory(): Promise<InvokeResult<'history:list'>>
  getRun(id: string): Promise<InvokeResult<'history:get'>>
  deleteRuns(ids: string[]): Promise<InvokeResult<'history:delete'>>
  clearHistory(): Promise<InvokeResult<'history:clear'>>
  exportCsv(ids: string[]): Promise<InvokeResult<'export:csv'>>
  exportJson(ids: string[]): Promise<InvokeResult<'export:json'>>
  exportPng(name: string, dataUrl: string): Promise<InvokeResult<'export:png'>>
  systemInfo(): Promise<InvokeResult<'system:info'>>
}
