import type { BenchApi } from '@shared/api'
import type { RunBackend, RunConfig } from '@shared/config'
import type { BenchError, Result } from '@shared/errors'
import type { ExportOutcome, StudyExportFormat } from '@shared/ipc'
import type { RunIds } from '@shared/historyPage'
import type { RunRecord } from '@shared/result'
import { analyzeRun, analyzeStudy } from '@shared/analysis'
import {
  DEFAULT_SWEEP_SIZES,
  halfDecades,
  parseSizeList,
  studyPlan,
  sweepWorkers,
  validateStudyConfig,
  workloadStudyWorkers,
  type StudyConfig,
  type StudyProgress,
  type StudyRecord
} from '@shared/study'
import { tutorialRunConfig } from '@shared/config'
import { i18n } from '../i18n'
import { issueText } from '../i18n/issueText'
import type { NoticeStore } from './notice.svelte'
import type { FrameScheduler } from './frameCoalescer'
import { RunLifecycle, type RunStatus } from './runLifecycle.svelte'

export type StudyStatus = RunStatus
export type StudyField = 'sizes' | 'base' | 'form' | 'server'

/** What processes are compared with: threads, or remote workers (the network-cost study). */
export type ComparedWith = 'thread' | 'cluster'

/** Which run the statistics and worker-sweep graphs are about. */
export type RunSource = { kind: 'shown' } | { kind: 'study'; backend: RunBackend }
const sourceKey = (s: RunSource): string => (s.kind === 'shown' ? 'shown' : `study:${s.backend}`)

/** "10^4..10^9" when the sizes are exactly the half decades between two powers of ten, else the list. */
export function sizesText(sizes: readonly number[]): string {
  const first = sizes[0]
  const last = sizes[sizes.length - 1]
  const power = (x: number): number | null => {
    const k = Math.round(Math.log10(x))
    return 10 ** k === x ? k : null
  }
  const a = power(first)
  const b = power(last)
  const span = a !== null && b !== null && b > a ? halfDecades(first, last) : null
  if (span && span.length === sizes.length && span.every((s, i) => s === sizes[i])) {
    return `10^${a}..10^${b}`
  }
  return sizes.map((s) => String(s).replace(/\B(?=(\d{3})+(?!\d))/g, '_')).join(', ')
}

export const DEFAULT_SIZES_TEXT = sizesText(DEFAULT_SWEEP_SIZES)

/** The study's own refusal when Your command has no {size} (the same code main would answer). */
const SIZE_UNUSED = {
  field: 'sizes',
  message: 'a size sweep of a command needs {size} in it',
  code: 'size-unused' as const
}

/**
 * A study's form, its run and its outcome, and the run whose statistics the
 * Scaling view shows. The base configuration is the run form's (the sidebar):
 * one place to set range, workers, workload, pool and repetitions; the study
 * adds the size sweep and the backend comparison. Its state outlives the
 * view, so a study keeps running (and stays on show) while the user looks
 * at other tabs. Starting, progress, cancelling and errors are the shared
 * run lifecycle's; this class keeps the study's own state.
 */
export class ScalingState {
  sweepSizes = $state(true)
  sizes = $state(DEFAULT_SIZES_TEXT)
  compareBackends = $state(true)
  /** Run the size sweep with each kernel (js and wasm) and compare them. */
  compareKernels = $state(false)
  /**
   * CPU vs waiting (issue 17): the sum and the wait (threads, processes,
   * async) over 1, 2, 4 … 16× the cores — the CLI's --compare-workloads, the
   * same runStudy. It runs on its own: its sweep goes far past the cores,
   * which the size sweep's 1-vs-N and the backend comparison do not want.
   */
  compareWorkloads = $state(false)
  /** Processes against threads, or against the cluster (issue 11: the network cost). */
  compareWith = $state<ComparedWith>('thread')
  /**
   * The cluster's NATS server for the study, as typed (it may hold credentials:
   * never stored by the form; main records the URL without them). Empty: the
   * run form's server, when the run form is on the cluster.
   */
  server = $state('')

  /** The last finished study. */
  study = $state.raw<StudyRecord | null>(null)
  /** What the user picked for the run statistics; see `source` for what is shown. */
  picked = $state<string>('study:process')

  readonly lifecycle: RunLifecycle<StudyConfig, StudyRecord, StudyProgress>

  readonly #api: BenchApi
  readonly #notice: NoticeStore
  readonly #base: () => RunConfig | null
  readonly #shown: () => RunRecord | null
  readonly #selectedIds: () => RunIds
  readonly #selectedCount: () => number
  readonly #cores: () => number
  readonly #commandSizes: () => number[] | null

  constructor(deps: {
    api: BenchApi
    notice: NoticeStore
    /** The run form's configuration, or null while it is invalid. */
    base: () => RunConfig | null
    /** The run the Results view shows. */
    shown: () => RunRecord | null
    /** Runs selected in History (ids, or all but some). */
    selectedIds: () => RunIds
    /** How many are selected (what "all but some" stands for); default: the ids listed. */
    selectedCount?: () => number
    /** When progress is drawn (tests pass a controlled clock). */
    frames?: FrameScheduler
    /** The machine's cores (CPU vs waiting sweeps to 16× them); default: the run form's largest count. */
    cores?: () => number
    /** Your command's values of {size} (its form's list), or null: what a command's sweep runs. */
    commandSizes?: () => number[] | null
  }) {
    this.#commandSizes = deps.commandSizes ?? (() => null)
    this.#cores = deps.cores ?? (() => (deps.base() ? sweepWorkers(deps.base()!) : 1))
    this.#api = deps.api
    this.#notice = deps.notice
    this.#base = deps.base
    this.#shown = deps.shown
    this.#selectedIds = deps.selectedIds
    this.#selectedCount =
      deps.selectedCount ??
      (() => {
        const ids = deps.selectedIds()
        return Array.isArray(ids) ? ids.length : 0
      })
    const api = deps.api
    this.lifecycle = new RunLifecycle(
      {
        start: (config) => api.runStudy(config),
        onProgress: (listener) => api.onStudyProgress(listener),
        cancel: () => api.cancel()
      },
      {
        result: (study) => {
          this.study = study
          if (study.backendRuns.length > 0) this.picked = 'study:process'
        }
      },
      deps.frames
    )
  }

  get status(): StudyStatus {
    return this.lifecycle.status
  }

  get running(): boolean {
    return this.lifecycle.running
  }

  get progress(): StudyProgress | null {
    return this.lifecycle.progress
  }

  get error(): BenchError | null {
    return this.lifecycle.error
  }

  get base(): RunConfig | null {
    return this.#base()
  }

  /** The run the Results view shows, if any. */
  get shownRun(): RunRecord | null {
    return this.#shown()
  }

  /** The server the study would use: the one typed here, else the run form's. */
  get studyServer(): string {
    return this.server.trim() !== '' ? this.server : (this.base?.cluster?.server ?? '')
  }

  /** N of the size sweep: the largest worker count of the run form. */
  readonly sweepN = $derived(this.base ? sweepWorkers(this.base) : null)

  readonly sizesParse = $derived(parseSizeList(this.sizes))

  /** CPU vs waiting's worker counts: 1, 2, 4 … 16× the cores (1 … 32 on 2 cores), as the CLI's. */
  get workloadWorkers(): number[] {
    return workloadStudyWorkers(this.#cores())
  }

  /**
   * The run form holds Your command: the only study is its size sweep, over
   * the values of {size} given with the command (the CLI's --command … --sizes
   * LIST); the sum's comparisons do not apply.
   */
  readonly isCommand = $derived(this.base?.job === 'command')

  /** What would be sent, before validation; null while the run form is invalid. */
  readonly candidate: StudyConfig | null = $derived.by(() => {
    const base = this.base
    if (!base) return null
    if (base.job === 'command') {
      // No {size} in the line: no sizes, and validation says a sweep of a command needs them.
      const sizes = base.command?.size !== undefined ? this.#commandSizes() : null
      return { base, sizes: sizes ?? [] }
    }
    if (this.compareWorkloads) {
      // The sum and the wait run, never a command (main would ask to confirm one that does not run);
      // one job shared (split) on warm pools: a cold pool would time 32 process starts, not the waiting.
      const { command: _command, job, ...rest } = base
      return {
        base: {
          ...rest,
          ...(job === 'wait' ? { job } : {}),
          // The form's range is the sum's only when the form is on the sum; else the tutorial's.
          range: (job ?? 'sum') === 'sum' ? rest.range : tutorialRunConfig().range,
          workers: this.workloadWorkers,
          workload: 'split',
          pool: 'warm'
        },
        compareWorkloads: true
      }
    }
    const config: StudyConfig = { base }
    if (this.sweepSizes && this.sizesParse.ok) config.sizes = this.sizesParse.value
    if (this.compareBackends) config.backends = ['process', this.compareWith]
    if (this.compareBackends && this.compareWith === 'cluster')
      config.base = { ...base, cluster: { server: this.studyServer } }
    if (this.compareKernels) config.kernels = ['js', 'wasm']
    return config
  })

  readonly validation = $derived(this.candidate ? validateStudyConfig(this.candidate) : null)

  /** Messages where the user can act on them: the size list, the run form, or the study as a whole. */
  readonly issues: Partial<Record<StudyField, string[]>> = $derived.by(() => {
    const m = i18n.m.scaling.form
    const out: Partial<Record<StudyField, string[]>> = {}
    const add = (field: StudyField, local: string): void => {
      const list = (out[field] ??= [])
      const text = local.charAt(0).toUpperCase() + local.slice(1)
      if (!list.includes(text)) list.push(text)
    }
    if (this.isCommand) {
      // The values of {size} have their own field beside the command; a study issue is said once.
      if (this.base?.command?.size === undefined) add('sizes', issueText(SIZE_UNUSED, i18n.m))
      else if (this.validation && !this.validation.ok)
        for (const issue of this.validation.issues)
          add(issue.field.startsWith('sizes') ? 'sizes' : 'form', issueText(issue, i18n.m))
      return out
    }
    if (this.sweepSizes && !this.sizesParse.ok) {
      const { message, code, params } = this.sizesParse
      add('sizes', issueText({ field: 'sizes', message, code, params }, i18n.m))
    }
    if (!this.base) add('base', m.baseInvalid)
    if (!this.sweepSizes && !this.compareBackends && !this.compareWorkloads)
      add('form', m.nothingChosen)
    else if (this.validation && !this.validation.ok) {
      for (const issue of this.validation.issues) {
        const field: StudyField = issue.field.startsWith('sizes')
          ? 'sizes'
          : issue.field === 'base.cluster.server'
            ? 'server'
            : issue.field.startsWith('base')
              ? 'base'
              : 'form'
        add(field, issueText(issue, i18n.m))
      }
    }
    return out
  })

  readonly config: StudyConfig | null = $derived(
    Object.keys(this.issues).length === 0 && this.validation?.ok ? this.validation.value : null
  )

  readonly valid = $derived(this.config !== null)

  /**
   * How many steps and runs the study takes. No time estimate before it
   * starts: start-up costs vary too much between machines to guess well;
   * while it runs the progress bar's ETA is measured.
   */
  readonly plan = $derived.by(() => {
    if (!this.config) return null
    const steps = studyPlan(this.config)
    return { steps: steps.length, runs: steps.filter((s) => s.kind !== 'memory').length }
  })

  /** What the finished study means (pure; the bootstraps are seeded). */
  readonly analysis = $derived(this.study ? analyzeStudy(this.study) : null)

  /** The runs whose statistics can be shown: the run on display, and each backend's sweep. */
  readonly sources: RunSource[] = $derived([
    ...(this.shownRun ? [{ kind: 'shown' } as const] : []),
    ...(this.study?.backendRuns.map((b) => ({ kind: 'study' as const, backend: b.backend })) ?? [])
  ])

  readonly source: RunSource | null = $derived(
    this.sources.find((s) => sourceKey(s) === this.picked) ?? this.sources[0] ?? null
  )

  readonly sourceKey = $derived(this.source ? sourceKey(this.source) : null)

  readonly sourceRun: RunRecord | null = $derived.by(() => {
    const s = this.source
    if (!s) return null
    if (s.kind === 'shown') return this.shownRun
    return this.study?.backendRuns.find((b) => b.backend === s.backend)?.run ?? null
  })

  readonly runAnalysis = $derived(this.sourceRun ? analyzeRun(this.sourceRun) : null)

  pick(source: RunSource): void {
    this.picked = sourceKey(source)
  }

  keyOf(source: RunSource): string {
    return sourceKey(source)
  }

  /**
   * The tutorial's other half: only CPU vs waiting (the run form gives the
   * sum, the Tutorial preset its range).
   */
  chooseWorkloadComparison(): void {
    this.compareWorkloads = true
    this.sweepSizes = false
    this.compareBackends = false
    this.compareKernels = false
  }

  resetSizes(): void {
    this.sizes = DEFAULT_SIZES_TEXT
  }

  /** Runs the study; resolves when it finished, failed or was cancelled. */
  async run(): Promise<void> {
    const config = this.config
    if (!config) return
    await this.lifecycle.run(config)
  }

  cancel(): Promise<void> {
    return this.lifecycle.cancel()
  }

  dismissError(): void {
    this.lifecycle.dismissError()
  }

  async exportStudy(format: StudyExportFormat): Promise<void> {
    if (!this.study) return
    const result = await this.#api.exportStudy({
      id: this.study.id,
      format,
      language: i18n.language
    })
    this.#report(() => i18n.m.scaling.exports.study[format], result)
  }

  /**
   * A Markdown report of runs: those selected in History, else the run on
   * display. A run of the study is not in history; its report is the study's.
   */
  async exportRunsMarkdown(): Promise<void> {
    const source = this.source
    if (source?.kind === 'study') return this.exportStudy('markdown')
    let ids = this.#selectedIds()
    const shown = this.#shown()
    if (Array.isArray(ids) && ids.length === 0 && shown) ids = [shown.id]
    if (Array.isArray(ids) && ids.length === 0) {
      this.#notice.show('error', () => i18n.m.exports.nothing)
      return
    }
    const result = await this.#api.exportMarkdown({ ids })
    this.#report(() => i18n.m.scaling.exports.markdown, result)
  }

  /** How many runs a Markdown export of runs would hold. */
  get markdownCount(): number {
    const selected = this.#selectedCount()
    return selected > 0 ? selected : this.#shown() ? 1 : 0
  }

  /** Notices are worded when shown, so they follow a change of language. */
  #report(what: () => string, result: Result<ExportOutcome>): void {
    if (!result.ok) {
      const { code, message } = result.error
      this.#notice.show('error', () => `${i18n.m.errors.heading[code]}: ${message}`)
    } else if (result.value.saved) {
      const path = result.value.path
      this.#notice.show('info', () => i18n.m.exports.saved(what(), path), {
        label: () => i18n.m.shell.showInFolder,
        run: () => void this.#api.showInFolder({ path })
      })
    } else this.#notice.show('info', () => i18n.m.exports.cancelled)
  }
}
