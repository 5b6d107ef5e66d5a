import { createContext } from 'svelte'
import type { BenchApi } from '@shared/api'
import type { MenuCommand } from '@shared/ipc'
import type { BenchError } from '@shared/errors'
import type { ComparisonExportFormat, ExportOutcome } from '@shared/ipc'
import type { Result } from '@shared/errors'
import { runSummaryMarkdown } from '@shared/markdownSummary'
import type { RunConfig } from '@shared/config'
import type { RunIds } from '@shared/historyPage'
import type { RunRecord } from '@shared/result'
import { analyzeRun } from '@shared/scaling'
import { copyText } from '../clipboard'
import { formatDuration } from '@shared/format'
import { i18n } from '../i18n'
import { CompareState } from './compare.svelte'
import { HistoryStore } from './history.svelte'
import { NoticeStore } from './notice.svelte'
import { RunForm } from './runForm.svelte'
import { ScalingState } from './scaling.svelte'
import { BenchSession } from './session.svelte'
import { SystemStore } from './system.svelte'

/** No run at all: an empty list ("all" of an empty history is refused by main). */
export const isNoRun = (ids: RunIds): boolean => Array.isArray(ids) && ids.length === 0

export type Tab = 'results' | 'scaling' | 'history' | 'system' | 'explain'
export type ExportKind = 'csv' | 'json' | 'html'

/** Everything the window shows, composed once and handed down by context. */
export class AppState {
  tab = $state<Tab>('results')
  /** A history entry being fetched to be shown. */
  opening = $state<string | null>(null)

  readonly system: SystemStore
  readonly form: RunForm
  readonly history: HistoryStore
  readonly session: BenchSession
  readonly scaling: ScalingState
  readonly notice = new NoticeStore()
  readonly compare: CompareState
  readonly api: BenchApi

  constructor(api: BenchApi) {
    this.api = api
    this.system = new SystemStore(api)
    this.form = new RunForm(() => this.system.cores)
    this.history = new HistoryStore(api)
    this.compare = new CompareState(api)
    this.session = new BenchSession(api, (record) => this.history.add(record))
    this.session.confirmLong = (error) =>
      window.confirm(
        i18n.m.limits.confirmLong(
          formatDuration(error.estimate?.estimatedMs, i18n.language),
          formatDuration(error.estimate?.confirmAboveMs, i18n.language)
        )
      )
    this.scaling = new ScalingState({
      api,
      notice: this.notice,
      base: () => this.form.config,
      shown: () => this.session.shown,
      selectedIds: () => this.history.selectedIds,
      selectedCount: () => this.history.selectedCount,
      cores: () => this.system.cores,
      commandSizes: () => this.form.command.sweepSizes
    })
  }

  /**
   * The Tutorial preset's other half (issue 17): the tutorial's sum in the
   * form, CPU vs waiting chosen in Scaling, shown there ready to run.
   */
  tutorialWaiting(): void {
    if (this.session.running || this.scaling.running) return
    this.form.setJob('sum')
    this.form.applyPreset('tutorial')
    this.scaling.chooseWorkloadComparison()
    this.tab = 'scaling'
  }

  /**
   * Reads the machine and the history. The form starts on the Scaling preset;
   * its "every count" list follows the cores main reports when they arrive.
   */
  async start(): Promise<void> {
    this.form.applyPreset('scaling')
    await this.system.load()
    // The preset as it stands once the cores are known: a form still like this is untouched.
    this.form.applyPreset('scaling')
    const untouched = JSON.stringify(this.form.config)
    await this.history.load()
    await this.reopenLast(untouched)
  }

  /**
   * After a restart Results shows the newest stored run, not "No results
   * yet" above a full history; unless a run started or one was opened meanwhile.
   * The form then holds that run's settings (a 10^9 form under a 10^8 run
   * invites running something other than what is on screen), unless the user
   * has already changed the form.
   */
  private async reopenLast(untouched: string): Promise<void> {
    const newest = this.history.recent[0]
    if (!newest || this.session.shown || this.session.running) return
    const result = await this.api.getRun({ id: newest.id })
    if (!result.ok || this.session.shown || this.session.running) return
    if (JSON.stringify(this.form.config) === untouched) this.form.apply(result.value.config)
    this.session.show(result.value)
  }

  /**
   * Your command with several values of {size}: Run sweeps them all, as the
   * CLI's --sizes LIST does (a study: each size, 1 worker vs N, and the
   * break-even in sizes), not just the first value; the run config holds one
   * size, so a single run would silently drop the others.
   */
  get commandSweep(): boolean {
    const sizes = this.form.command.sweepSizes
    return this.form.config?.job === 'command' && sizes !== null && sizes.length > 1
  }

  /** A run or a study (Run's command sweep) is under way. */
  get busy(): boolean {
    return this.session.running || this.scaling.running
  }

  get canRun(): boolean {
    if (!this.form.valid || this.busy) return false
    return this.commandSweep ? this.scaling.valid : true
  }

  async run(): Promise<void> {
    const config = this.form.config
    if (!config || this.busy) return
    if (this.commandSweep) {
      // The sweep's chart, table and break-even are the Scaling view's.
      this.tab = 'scaling'
      await this.scaling.run()
      return
    }
    this.tab = 'results'
    await this.session.run(config)
  }

  /** Puts a run's settings back in the form and runs them again. */
  async runAgain(config: RunConfig): Promise<void> {
    if (this.session.running || this.scaling.running) return
    this.form.apply(config)
    await this.run()
  }

  /** Copies a run's headline and table, as Markdown, to the clipboard. */
  async copySummary(record: RunRecord): Promise<void> {
    const copied = await copyText(runSummaryMarkdown(record, analyzeRun(record)))
    if (copied) this.notice.show('info', () => i18n.m.shell.summaryCopied)
    else this.notice.show('error', () => i18n.m.shell.copyFailed)
  }

  /** Cancels what runs: a benchmark, or a study. */
  async cancel(): Promise<void> {
    if (this.scaling.running) await this.scaling.cancel()
    else await this.session.cancel()
  }

  /** Opens a stored run in the Results view. */
  async view(id: string): Promise<void> {
    this.opening = id
    try {
      const result = await this.api.getRun({ id })
      if (result.ok) {
        this.session.show(result.value)
        this.tab = 'results'
      } else {
        this.fail(result.error)
      }
    } finally {
      this.opening = null
    }
  }

  /** Exports the given runs; by default the selected ones, else the run on display. */
  async exportRuns(kind: ExportKind, only?: string[]): Promise<void> {
    let ids: RunIds = only ?? this.history.selectedIds
    if (isNoRun(ids) && this.session.shown) ids = [this.session.shown.id]
    if (isNoRun(ids)) {
      this.notice.show('error', () => i18n.m.exports.nothing)
      return
    }
    // An HTML report is written in the app's language; CSV and JSON have no words to translate.
    const result =
      kind === 'html'
        ? await this.api.exportHtml({ ids, language: i18n.language })
        : kind === 'csv'
          ? await this.api.exportCsv({ ids })
          : await this.api.exportJson({ ids })
    this.report(() => i18n.m.exports[kind], result)
  }

  /** Compares the two runs selected in History, in the History tab. */
  async compareSelected(): Promise<void> {
    const ids = this.history.selectedCount === 2 ? await this.history.resolveSelected(2) : null
    if (ids?.length !== 2) {
      this.notice.show('error', () => i18n.m.compare.selectTwo)
      return
    }
    this.tab = 'history'
    await this.compare.open([ids[0], ids[1]])
  }

  /** Exports the comparison on display; main recomputes it from the stored runs. */
  async exportComparison(format: ComparisonExportFormat): Promise<void> {
    const { baseline, candidate } = this.compare
    if (!baseline || !candidate) return
    const result = await this.api.exportComparison({
      baselineId: baseline.id,
      candidateId: candidate.id,
      format,
      language: i18n.language
    })
    this.report(() => i18n.m.compare.exportName[format], result)
  }

  async exportPng(name: string, canvas: HTMLCanvasElement): Promise<void> {
    const result = await this.api.exportPng({ name, dataUrl: canvas.toDataURL('image/png') })
    this.report(() => i18n.m.exports.png, result)
  }

  async deleteSelected(): Promise<void> {
    const ids = this.history.selectedIds
    const outcome = await this.history.remove(ids)
    if (typeof outcome === 'number') this.notice.show('info', () => i18n.m.history.deleted(outcome))
    else this.fail(outcome)
  }

  async clearHistory(): Promise<void> {
    const outcome = await this.history.clear()
    if (typeof outcome === 'number') this.notice.show('info', () => i18n.m.history.deleted(outcome))
    else this.fail(outcome)
  }

  menu(command: MenuCommand): void {
    if (command === 'run') void this.run()
    else if (command === 'cancel') void this.cancel()
    else if (command === 'export-csv') void this.exportRuns('csv')
    else if (command === 'export-html') void this.exportRuns('html')
  }

  fail(error: BenchError): void {
    this.notice.show('error', () => `${i18n.m.errors.heading[error.code]}: ${error.message}`)
  }

  /** Says where an export went, with "Show in folder" for the file it wrote. */
  private report(what: () => string, result: Result<ExportOutcome>): void {
    if (!result.ok) this.fail(result.error)
    else if (result.value.saved) {
      const path = result.value.path
      this.notice.show('info', () => i18n.m.exports.saved(what(), path), {
        label: () => i18n.m.shell.showInFolder,
        run: () => void this.showInFolder(path)
      })
    } else this.notice.show('info', () => i18n.m.exports.cancelled)
  }

  /** Opens the folder of a file this app exported, with the file selected. */
  async showInFolder(path: string): Promise<void> {
    const result = await this.api.showInFolder({ path })
    if (!result.ok) this.fail(result.error)
  }
}

export const [getAppState, setAppState] = createContext<AppState>()
