/**
 * Bounds on the work one run may ask for, enforced by the engine (so the app's
 * main process, the CLI and any other caller apply the same ones) and shown
 * early by the form. The schema (config.ts) bounds each field alone; these
 * need the machine (its cores) or several fields at once.
 */
import { expectedRepetitions } from './analysis/chooseRepetitions'
import { MAX_WORKERS, plannedWarmups, warmupLimit } from './config'
import type { KernelName, RunBackend, RunConfig } from './config'
import { formatInteger } from './format'

/** No run starts more workers than this, whatever the machine (the schema's bound). */
export const HARD_MAX_WORKERS = MAX_WORKERS
/**
 * Workers per available core. Oversubscription is part of what the app shows
 * (64 processes on 2 cores run, with a warning), but 1,024 processes at once
 * would ask for ~46 GB: the bound keeps a typo from exhausting the machine.
 */
export const WORKERS_PER_CORE = 32
/** Worker starts in one run; a cold pool starts every worker again in each repetition. */
export const MAX_SPAWNS_PER_RUN = 20_000
/** Above this estimated duration the app asks for confirmation and the CLI needs --yes. */
export const CONFIRM_ABOVE_MS = 10 * 60_000

/** Rough costs: the js kernel's ns per element (0.78 measured, rounded up) and a worker's start. */
const NS_PER_ELEMENT: Record<KernelName, number> = { js: 1, wasm: 0.15 }
const SPAWN_MS: Record<RunBackend, number> = { process: 40, thread: 15, cluster: 60, async: 0 }
/** wait: what a request costs beyond its delay (a loopback round trip, rounded up; ms). */
const REQUEST_OVERHEAD_MS = 0.2

/** The most workers one run may use on a machine with `cores` available cores. */
export function maxWorkersFor(cores: number): number {
  return Math.min(HARD_MAX_WORKERS, WORKERS_PER_CORE * Math.max(1, Math.floor(cores)))
}

/** Worker counts a run measures: the requested ones with the 1-worker baseline. */
const measuredCounts = (config: RunConfig): number[] => [...new Set([1, ...config.workers])]

/** A guess at one repetition on `workers` workers (ms), before anything is measured. */
export function estimateRepMs(c: RunConfig, workers: number, cores: number): number {
  // A command's time is unknown until it ran: the runner estimates it from the first repetition.
  if (c.job === 'command') return 1
  if (c.job === 'wait' && c.wait) {
    // Nothing computed: each worker waits for its ceil(R/N) answers, one after another.
    const perWorker = Math.ceil(c.wait.requests / workers)
    return (
      perWorker * (c.wait.delayMs + REQUEST_OVERHEAD_MS) +
      1 +
      (c.pool === 'cold' ? SPAWN_MS[c.backend] * workers : 0)
    )
  }
  const length = c.range.end - c.range.start
  const work = c.workload === 'split' ? length : length * workers
  // Remote workers (cluster) each have a core of their own; local ones share this machine's.
  const sharing = c.backend === 'cluster' ? workers : Math.min(workers, cores)
  const computeMs = (work * NS_PER_ELEMENT[c.kernel ?? 'js']) / 1e6 / Math.max(1, sharing)
  return computeMs + 1 + (c.pool === 'cold' ? SPAWN_MS[c.backend] * workers : 0)
}

/**
 * The repetitions each measured count is expected to get: the fixed count, or
 * for 'auto' the count its rule comes to at the estimated repetition time
 * (analysis/chooseRepetitions), so the limits treat 'auto' as its plan.
 */
function plannedReps(config: RunConfig, cores: number): { count: number; reps: number }[] {
  return measuredCounts(config).map((count) => ({
    count,
    reps: expectedRepetitions(config.reps, estimateRepMs(config, count, cores))
  }))
}

/** Workers started over the whole run: once for a warm pool, at every repetition for a cold one. */
export function spawnsFor(config: RunConfig, cores: number): number {
  const counts = measuredCounts(config)
  if (config.pool === 'warm') return Math.max(...counts)
  return plannedReps(config, cores).reduce(
    (sum, { count, reps }) => sum + (warmupLimit(config.warmup) + reps) * count,
    0
  )
}

/**
 * A guess at a run's duration (ms) from its size: compute at the kernel's
 * speed, spread over at most `cores` workers at a time, plus worker starts.
 * With 'auto' each count takes at least the rule's minimum time. Good to a
 * small factor; used for confirmation, the run plan and progress weighting.
 */
export function estimateRunMs(config: RunConfig, cores: number): number {
  const counts = measuredCounts(config)
  // 'auto' reps already come to the rule's 3 s a count, except where the cap of 100 stops
  // them first: no floor of 3 s, which a run of 100 fast repetitions never reaches.
  const measured = plannedReps(config, cores).reduce((sum, { count, reps }) => {
    const repMs = estimateRepMs(config, count, cores)
    return sum + (plannedWarmups(config.warmup) + reps) * repMs
  }, 0)
  return measured + (config.pool === 'warm' ? SPAWN_MS[config.backend] * Math.max(...counts) : 0)
}

/** Why a run is refused: which bound, with the numbers to word it. */
export type LimitIssue =
  | {
      field: 'workers'
      code: 'too-many-workers'
      params: { workers: number; max: number; cores: number }
    }
  | { field: 'pool'; code: 'too-many-spawns'; params: { spawns: number; max: number } }

export interface LimitCheck {
  /** Bounds the run breaks: it must not start. */
  refused: LimitIssue[]
  /** The estimated duration (ms), and whether it is long enough to need a confirmation. */
  estimatedMs: number
  needsConfirmation: boolean
}

/** Checks a valid configuration against the machine's bounds. */
export function checkLimits(config: RunConfig, cores: number): LimitCheck {
  const refused: LimitIssue[] = []
  // Remote workers do not load this machine: a cluster run is bounded by the hard ceiling only.
  const max = config.backend === 'cluster' ? HARD_MAX_WORKERS : maxWorkersFor(cores)
  const workers = Math.max(...config.workers)
  if (workers > max) {
    refused.push({
      field: 'workers',
      code: 'too-many-workers',
      params: { workers, max, cores: Math.max(1, Math.floor(cores)) }
    })
  }
  const spawns = spawnsFor(config, cores)
  if (spawns > MAX_SPAWNS_PER_RUN) {
    refused.push({
      field: 'pool',
      code: 'too-many-spawns',
      params: { spawns, max: MAX_SPAWNS_PER_RUN }
    })
  }
  const estimatedMs = estimateRunMs(config, cores)
  return { refused, estimatedMs, needsConfirmation: estimatedMs > CONFIRM_ABOVE_MS }
}

/** A limit in English, for the CLI, logs and error messages. */
export function limitMessage(issue: LimitIssue): string {
  switch (issue.code) {
    case 'too-many-workers':
      return (
        `${issue.params.workers} workers is more than this machine allows: at most ` +
        `${issue.params.max} (${WORKERS_PER_CORE} per available core × ${issue.params.cores}, ` +
        `never more than ${HARD_MAX_WORKERS})`
      )
    case 'too-many-spawns':
      return (
        `a cold pool would start ${formatInteger(issue.params.spawns)} workers in this run ` +
        `(at most ${formatInteger(issue.params.max)}): use a warm pool, fewer worker counts or fewer repetitions`
      )
  }
}

/** "1 h 5 min", "12 min", "40 s": a duration at the precision an estimate deserves. */
export function roughDuration(ms: number): string {
  const s = ms / 1000
  if (s < 90) return `${Math.max(1, Math.round(s))} s`
  const min = s / 60
  if (min < 90) return `${Math.round(min)} min`
  const h = min / 60
  if (h < 48) return `${Math.floor(h)} h ${Math.round(min - Math.floor(h) * 60)} min`
  const d = h / 24
  if (d < 730) return `${Math.round(d)} days`
  return `${formatInteger(d / 365)} years`
}
