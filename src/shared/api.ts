import type { RunConfig } from './config'
import type { ComparisonExportFormat, InvokeResult, MenuCommand, StudyExportFormat } from './ipc'
import type { RunProgress } from './result'
import type { StudyConfig, StudyProgress } from './study'

/**
 * What the preload exposes as `window.api`. Every call resolves to a Result:
 * failures are values ({ ok: false, error }), never rejections.
 * Subscriptions return their unsubscribe function.
 */
export interface BenchApi {
  run(config: RunConfig): Promise<InvokeResult<'bench:run'>>
  /** The same, once the user confirmed a run whose estimate needs it ('needs-confirmation'). */
  runConfirmed(config: RunConfig): Promise<InvokeResult<'bench:run-confirmed'>>
  /** Runs a study (size sweep and/or backend comparison); its runs do not go into history. */
  runStudy(config: StudyConfig): Promise<InvokeResult<'bench:study'>>
  /** Cancels the run or the study in progress. */
  cancel(): Promise<InvokeResult<'bench:cancel'>>
  onProgress(listener: (progress: RunProgress) => void): () => void
  onStudyProgress(listener: (progress: StudyProgress) => void): () => void
  onMenu(listener: (command: MenuCommand) => void): () => void
  listHistory(): Promise<InvokeResult<'history:list'>>
  getRun(id: string): Promise<InvokeResult<'history:get'>>
  deleteRuns(ids: string[]): Promise<InvokeResult<'history:delete'>>
  clearHistory(): Promise<InvokeResult<'history:clear'>>
  exportCsv(ids: string[]): Promise<InvokeResult<'export:csv'>>
  exportJson(ids: string[]): Promise<InvokeResult<'export:json'>>
  exportMarkdown(ids: string[]): Promise<InvokeResult<'export:markdown'>>
  exportStudy(id: string, format: StudyExportFormat): Promise<InvokeResult<'export:study'>>
  /** Exports the comparison of two stored runs (baseline, then candidate). */
  exportComparison(
    baselineId: string,
    candidateId: string,
    format: ComparisonExportFormat
  ): Promise<InvokeResult<'export:comparison'>>
  exportPng(name: string, dataUrl: string): Promise<InvokeResult<'export:png'>>
  systemInfo(): Promise<InvokeResult<'system:info'>>
  /** Shows a file this app exported (in this session) in the OS file manager. */
  showInFolder(path: string): Promise<InvokeResult<'shell:show-in-folder'>>
  /** Connects to a NATS server and lists the agents found (host, cores, kernels, link). */
  probeCluster(server: string): Promise<InvokeResult<'cluster:probe'>>
}
