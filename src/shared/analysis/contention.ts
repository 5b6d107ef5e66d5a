/**
 * Whether the run measured the machine or the load on it. Two signals, each
 * a figure with a threshold: the workers' own speed together against one
 * worker alone (each worker's pace at N ÷ at 1 — ns per element, a copy's ms: on free cores it
 * stays near 1 whatever N is, so a worker that ran markedly slower shared its
 * core), and the CPU time other processes and the hypervisor took during the
 * run (RunRecord.load). The thresholds were set with a CPU hog on every core
 * and on a quiet machine (perf/contention.perf.ts; figures in docs/PERFORMANCE.md).
 */
import type { CpuLoad } from '../cpuLoad'
import type { RunRecord } from '../result'
import { workerPaceOf } from '../throughput'
import type { PaceUnit } from '../throughput'

/** Each worker this many times slower than one worker alone: its core was shared. */
export const SLOWDOWN_THRESHOLD = 1.3
/**
 * Other programs' CPU, in cores, beyond what the run left free (cores − the
 * widest worker count within them), from which it took a measurable share.
 */
export const OTHER_CORES_THRESHOLD = 0.25
/** Steal time (a virtual machine's host gave the CPU to other guests), in cores. */
export const STEAL_CORES_THRESHOLD = 0.1

export type ContentionSignal = 'workers-slower' | 'other-programs' | 'steal'

export interface WorkerSlowdown {
  /** The widest worker count within the cores (the physical ones when known). */
  workers: number
  /** Each worker's median pace alone and at `workers`, in `unit` (ns per element, ms per copy). */
  unit: PaceUnit
  alone: number
  together: number
  /** together ÷ alone: 1 on free cores. */
  slowdown: number
}

export interface ContentionAnalysis {
  /** `contended` when any signal crossed its threshold; `quiet` when none did; `unknown` without figures. */
  code: 'contended' | 'quiet' | 'unknown'
  signals: ContentionSignal[]
  slowdown: WorkerSlowdown | null
  /** The CPU load measured during the run; null in records from before it was measured. */
  load: CpuLoad | null
  /** Cores the run could use, and what the other programs left of them. */
  cores: number
  /** The widest worker count measured within the cores (what the run needed free). */
  neededCores: number
}

/**
 * The contention finding of a run, from its record alone. `cores` are the
 * cores the run could use; `physicalCores` (when known) bound the counts
 * whose slowdown is read, since two workers on one core's hyperthreads are
 * slower together by design, not because of other programs.
 */
export function contentionOf(
  record: RunRecord,
  cores: number,
  physicalCores: number | null = record.system.physicalCores ?? null
): ContentionAnalysis {
  const within = Math.max(1, Math.min(cores, physicalCores ?? cores))
  const counts = record.results.map((r) => r.workers)
  const neededCores = Math.max(1, ...counts.filter((n) => n <= cores))
  const one = record.results.find((r) => r.workers === 1)
  const widest = record.results
    .filter((r) => r.workers > 1 && r.workers <= within && r.samples.length > 0)
    .reduce<(typeof record.results)[number] | null>(
      (a, b) => (a === null || b.workers > a.workers ? b : a),
      null
    )
  let slowdown: WorkerSlowdown | null = null
  if (one && widest && record.system.cluster === undefined) {
    const alone = workerPaceOf(record.config, one)
    const together = workerPaceOf(record.config, widest)
    if (alone !== null && together !== null && alone.value > 0) {
      slowdown = {
        workers: widest.workers,
        unit: alone.unit,
        alone: alone.value,
        together: together.value,
        slowdown: together.value / alone.value
      }
    }
  }
  // A cluster's workers run on other machines: this machine's load says nothing about them.
  const load = record.system.cluster === undefined ? (record.load ?? null) : null
  const signals: ContentionSignal[] = []
  if (slowdown && slowdown.slowdown >= SLOWDOWN_THRESHOLD) signals.push('workers-slower')
  if (load && load.otherCores - Math.max(0, cores - neededCores) >= OTHER_CORES_THRESHOLD)
    signals.push('other-programs')
  if (load && load.stealCores !== null && load.stealCores >= STEAL_CORES_THRESHOLD)
    signals.push('steal')
  const code = signals.length > 0 ? 'contended' : slowdown || load ? 'quiet' : 'unknown'
  return { code, signals, slowdown, load, cores, neededCores }
}

/**
 * One worker count's slowdown against one worker alone: each worker's median
 * pace at `workers` ÷ at 1 (the CSV's and the JSON rows' column).
 * Null for 1 worker, a cluster run (other machines), and where either speed
 * is unknown (the wait, a count without repetitions).
 */
export function workerSlowdownOf(record: RunRecord, workers: number): number | null {
  if (workers === 1 || record.system.cluster !== undefined) return null
  const one = record.results.find((r) => r.workers === 1)
  const here = record.results.find((r) => r.workers === workers)
  if (!one || !here) return null
  const alone = workerPaceOf(record.config, one)
  const together = workerPaceOf(record.config, here)
  return alone !== null && together !== null && alone.value > 0
    ? together.value / alone.value
    : null
}
