import type { RunConfig } from './config'
import type { HistoryPageQuery, RunIds } from './historyPage'
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
  /** Every stored summary at once (tests and tools; History asks for pages). */
  listHistory(): Promise<InvokeResult<'history:list'>>
  /** A window of the history, newest first, with the total and the counts. */
  historyPage(query: HistoryPageQuery): Promise<InvokeResult<'history:page'>>
  /** The history graph's points for a configuration key (null: every run). */
  historySeries(key: string | null): Promise<InvokeResult<'history:series'>>
  getRun(id: string): Promise<InvokeResult<'history:get'>>
  deleteRuns(ids: RunIds): Promise<InvokeResult<'history:delete'>>
  clearHistory(): Promise<InvokeResult<'history:clear'>>
  exportCsv(ids: RunIds): Promise<InvokeResult<'export:csv'>>
  exportJson(ids: RunIds): Promise<InvokeResult<'export:json'>>
  exportMarkdown(ids: RunIds): Promise<InvokeResult<'export:markdown'>>
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
