import {
  DEFAULT_WAIT,
  defaultRunConfig,
  tutorialRunConfig,
  validateRunConfig,
  type KernelName,
  type RunBackend,
  type PoolMode,
  type RunConfig,
  type Workload
} from '@shared/config'
import { expectedSum, rangeLength } from '@shared/range'
import type { JobName } from '@shared/workloads/jobs'
import { CommandForm } from './commandForm.svelte'
import { i18n } from '../i18n'
import { issueText } from '../i18n/issueText'
import {
  doublingCounts as doublingList,
  everyCount,
  formatWorkerList,
  parseNumber,
  parseWorkerList,
  sameCounts
} from '../parse'

export type WorkerMode = 'every' | 'doubling' | 'custom'
export type FormField =
  | 'start'
  | 'end'
  | 'workers'
  | 'workload'
  | 'backend'
  | 'pool'
  | 'kernel'
  | 'warmup'
  | 'reps'
  | 'server'
  | 'requests'
  | 'delay'
  | 'form'
export type PresetName = 'scaling' | 'tutorial'
/** The jobs the form offers: the sum, waiting (I/O) and the user's command. */
export type FormJob = JobName

/** Where each schema path shows its message in the form. */
function fieldOf(path: string): FormField {
  if (path === 'range.start') return 'start'
  if (path === 'range.end' || path === 'range') return 'end'
  if (path === 'workers' || path.startsWith('workers.')) return 'workers'
  if (['workload', 'backend', 'pool', 'kernel', 'warmup', 'reps'].includes(path))
    return path as FormField
  if (path.startsWith('cluster')) return 'server'
  if (path === 'wait.requests') return 'requests'
  if (path === 'wait.delayMs') return 'delay'
  return 'form'
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * The run form: what the user typed (as text, so "1_000_000" survives a
 * round trip), the configuration it means, and every problem with it — found
 * by the same zod schema main validates IPC payloads with.
 */
export class RunForm {
  /** What runs: the tutorial's sum, waiting (I/O), or the user's own command ("Your command"). */
  job = $state<FormJob>('sum')
  /** Waiting (I/O): R requests shared among the workers, each answered after the delay. */
  requests = $state(String(DEFAULT_WAIT.requests))
  delay = $state(String(DEFAULT_WAIT.delayMs))
  /** "Your command": its own fields and issues (CommandField shows them). */
  readonly command = new CommandForm()
  start = $state('0')
  end = $state('1,000,000,000')
  workerMode = $state<WorkerMode>('every')
  customWorkers = $state('1, 2')
  workload = $state<Workload>('split')
  backend = $state<RunBackend>('process')
  /** The cluster backend's NATS server, as typed (it may hold credentials: never stored by the form). */
  server = $state('')
  pool = $state<PoolMode>('warm')
  kernel = $state<KernelName>('js')
  warmup = $state('1')
  reps = $state('5')

  readonly #cores: () => number

  /** `cores` is read lazily: the machine's answer arrives after the form exists. */
  constructor(cores: () => number) {
    this.#cores = cores
  }

  get cores(): number {
    return this.#cores()
  }

  readonly everyCounts = $derived(everyCount(this.cores))
  readonly doublingCounts = $derived(doublingList(this.cores))

  /** The custom list, parsed; only consulted in custom mode. */
  readonly customParse = $derived(parseWorkerList(this.customWorkers))

  readonly workerCounts: number[] = $derived.by(() => {
    if (this.workerMode === 'every') return this.everyCounts
    if (this.workerMode === 'doubling') return this.doublingCounts
    return this.customParse.ok ? this.customParse.counts : []
  })

  /** What the form would send, before validation. */
  readonly candidate = $derived(
    this.job === 'command'
      ? this.commandCandidate()
      : this.job === 'wait'
        ? this.waitCandidate()
        : this.sumCandidate()
  )

  /**
   * Switches the job. The async backend waits only: leaving the wait takes it
   * back to processes; the cluster cannot reach the wait's local server, so
   * going to the wait from it takes processes too.
   */
  setJob(job: FormJob): void {
    this.job = job
    if (job !== 'wait' && this.backend === 'async') this.backend = 'process'
    if (job === 'wait' && this.backend === 'cluster') this.backend = 'process'
  }

  private sumCandidate() {
    return {
      range: { start: parseNumber(this.start), end: parseNumber(this.end) },
      workers: this.workerCounts,
      workload: this.workload,
      backend: this.backend,
      ...(this.backend === 'cluster' ? { cluster: { server: this.server } } : {}),
      pool: this.pool,
      kernel: this.kernel,
      warmup:
        this.warmup.trim().toLowerCase() === 'auto' ? ('auto' as const) : parseNumber(this.warmup),
      reps: this.reps.trim().toLowerCase() === 'auto' ? ('auto' as const) : parseNumber(this.reps)
    }
  }

  /**
   * Waiting (I/O): R requests of a fixed delay, shared among the workers
   * (split only), on processes, threads or no worker at all (async). The range
   * is the sum's and means nothing here (the schema still wants one).
   */
  private waitCandidate() {
    const delay = this.delay.trim()
    return {
      job: 'wait' as const,
      wait: {
        requests: parseNumber(this.requests),
        // A delay may have a fraction of a millisecond (2.5 ms); empty is "required".
        delayMs: delay === '' ? Number.NaN : Number(delay.replace(/[_,\s]/g, ''))
      },
      range: { start: 0, end: 1 },
      workers: this.workerCounts,
      workload: 'split' as const,
      backend: this.backend,
      pool: this.pool,
      warmup:
        this.warmup.trim().toLowerCase() === 'auto' ? ('auto' as const) : parseNumber(this.warmup),
      reps: this.reps.trim().toLowerCase() === 'auto' ? ('auto' as const) : parseNumber(this.reps)
    }
  }

  /**
   * A command: its settings, on local processes; the shape decides how the
   * speedup reads (workers → split T1/TN, copies → replicate N·T1/TN). The
   * range is the sum's and means nothing here (the schema still wants one).
   */
  private commandCandidate() {
    const c = this.command
    return {
      job: 'command' as const,
      command: c.settings ?? c.candidate,
      range: { start: 0, end: 1 },
      workers: this.workerCounts,
      workload: c.shape === 'copies' ? ('replicate' as const) : ('split' as const),
      backend: 'process' as const,
      // Every copy is a new process each repetition: there is no pool to keep warm.
      pool: 'warm' as const,
      warmup:
        this.warmup.trim().toLowerCase() === 'auto' ? ('auto' as const) : parseNumber(this.warmup),
      reps: this.reps.trim().toLowerCase() === 'auto' ? ('auto' as const) : parseNumber(this.reps)
    }
  }

  readonly validation = $derived(validateRunConfig(this.candidate))

  /** The valid configuration, or null while anything is wrong. */
  readonly config: RunConfig | null = $derived(this.validation.ok ? this.validation.value : null)

  /** Messages per field, each said once. */
  readonly issues: Partial<Record<FormField, string[]>> = $derived.by(() => {
    const out: Partial<Record<FormField, string[]>> = {}
    const add = (field: FormField, message: string): void => {
      const list = (out[field] ??= [])
      if (!list.includes(message)) list.push(message)
    }
    const customBad = this.workerMode === 'custom' && !this.customParse.ok
    if (!this.validation.ok) {
      for (const issue of this.validation.issues) {
        // The command's own fields show their issues beside them (CommandForm).
        if (issue.field.startsWith('command')) continue
        const field = fieldOf(issue.field)
        // A custom list that did not parse gets its own, more useful message.
        if (field === 'workers' && customBad) continue
        add(field, capitalize(issueText(issue, i18n.m)))
      }
    }
    return out
  })

  readonly invalidFields = $derived(
    Object.keys(this.issues).length + (this.workerMode === 'custom' && !this.customParse.ok ? 1 : 0)
  )

  readonly valid = $derived(
    this.config !== null &&
      this.invalidFields === 0 &&
      (this.job !== 'command' || this.command.valid)
  )

  /** Waiting: the ideal time with 1 worker, R × delay (ms), when both make sense. */
  readonly waitIdealOneMs: number | null = $derived.by(() => {
    if (this.job !== 'wait') return null
    const c = this.waitCandidate()
    const { requests, delayMs } = c.wait
    return Number.isInteger(requests) && requests >= 1 && delayMs >= 0 ? requests * delayMs : null
  })

  /** How many integers the range holds and what they add up to, when the bounds make sense. */
  readonly rangeFacts = $derived.by(() => {
    const { start, end } = this.candidate.range
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return null
    return { count: rangeLength({ start, end }), sum: expectedSum({ start, end }) }
  })

  readonly activePreset: PresetName | null = $derived.by(() => {
    const config = this.config
    if (!config || this.job !== 'sum') return null
    if (sameConfig(config, defaultRunConfig(this.cores))) return 'scaling'
    if (sameConfig(config, tutorialRunConfig())) return 'tutorial'
    return null
  })

  /** Fills the form from a configuration; `custom` keeps its worker list as typed counts. */
  apply(config: RunConfig, options: { customWorkers?: boolean } = {}): void {
    this.job = config.job ?? 'sum'
    if (config.command) this.command.apply(config.command)
    if (config.wait) {
      this.requests = groupDigits(config.wait.requests)
      this.delay = String(config.wait.delayMs)
    }
    this.start = groupDigits(config.range.start)
    this.end = groupDigits(config.range.end)
    const counts = config.workers
    if (!options.customWorkers && sameCounts(counts, this.everyCounts)) this.workerMode = 'every'
    else if (!options.customWorkers && sameCounts(counts, this.doublingCounts))
      this.workerMode = 'doubling'
    else this.workerMode = 'custom'
    this.customWorkers = formatWorkerList(counts)
    this.workload = config.workload
    this.backend = config.backend
    if (config.cluster) this.server = config.cluster.server
    this.pool = config.pool
    this.kernel = config.kernel ?? 'js'
    this.warmup = String(config.warmup)
    this.reps = String(config.reps)
  }

  applyPreset(name: PresetName): void {
    if (name === 'scaling') this.apply(defaultRunConfig(this.cores))
    else this.apply(tutorialRunConfig(), { customWorkers: true })
  }
}

/** 50000000 → "50,000,000": readable, and valid input as typed. */
function groupDigits(value: number): string {
  const sign = value < 0 ? '-' : ''
  return sign + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function sameConfig(a: RunConfig, b: RunConfig): boolean {
  return (
    a.range.start === b.range.start &&
    a.range.end === b.range.end &&
    sameCounts(a.workers, b.workers) &&
    a.workload === b.workload &&
    a.backend === b.backend &&
    a.pool === b.pool &&
    (a.kernel ?? 'js') === (b.kernel ?? 'js') &&
    a.warmup === b.warmup &&
    a.reps === b.reps
  )
}
