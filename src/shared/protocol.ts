/**
 * Messages between the engine (parent) and a worker. The same shapes travel
 * over Electron's parentPort, child_process IPC and worker_threads.
 * Times are epoch milliseconds with sub-millisecond resolution
 * (performance.timeOrigin + performance.now()), comparable across processes.
 */

import { isKernelName as isKernel } from './kernel'
import type { KernelName } from './kernel'
import { readOutput, readPart } from './workloads/parts'
import type { PartOutput, WorkloadPart } from './workloads/parts'

/**
 * Parent → worker: run one part of a workload and answer with `result`. The
 * part's fields (the sum's start, end and kernel) sit beside `job`, which
 * names the workload (absent on the wire: the sum).
 */
export type RunJobMessage = {
  type: 'run'
  jobId: number
  /** Minimum milliseconds between two progress messages (≤ ~10 a second). */
  progressIntervalMs: number
} & WorkloadPart

/** Parent → worker: stop job `jobId` (or whatever runs, when omitted) now. */
export interface CancelMessage {
  type: 'cancel'
  jobId?: number
}

export type ParentMessage = RunJobMessage | CancelMessage

/** Worker → parent: the message loop is listening. */
export interface ReadyMessage {
  type: 'ready'
  pid: number
  /** When the worker's code started running (epoch ms). */
  at: number
  /** Kernels this worker's runtime can run (absent from older workers: js only). */
  kernels: KernelName[]
}

export interface ProgressMessage {
  type: 'progress'
  jobId: number
  /** Fraction of the job's range done, 0…1. */
  fraction: number
}

/** Worker → parent: the part's output (the sum's partial sum, …) beside `job`, and its timing. */
export type ResultMessage = {
  type: 'result'
  jobId: number
  /** Compute time measured by the worker with a monotonic clock. */
  computeMs: number
  startedAt: number
  endedAt: number
} & PartOutput

export interface ErrorMessage {
  type: 'error'
  jobId: number | null
  message: string
}

export interface CancelledMessage {
  type: 'cancelled'
  jobId: number
}

export type WorkerMessage =
  ReadyMessage | ProgressMessage | ResultMessage | ErrorMessage | CancelledMessage

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isInt = (v: unknown): v is number => Number.isSafeInteger(v)
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** A ready message's kernel list: absent means an older worker (js only); anything else must be kernels. */
function readKernels(v: unknown): KernelName[] | null {
  if (v === undefined) return ['js']
  return Array.isArray(v) && v.every(isKernel) ? [...new Set(v)] : null
}

/** Checks a message from a worker; anything malformed is rejected, not trusted. */
export function parseWorkerMessage(raw: unknown): WorkerMessage | null {
  if (!isObject(raw)) return null
  switch (raw.type) {
    case 'ready': {
      const kernels = readKernels(raw.kernels)
      return isInt(raw.pid) && isNum(raw.at) && kernels
        ? { type: 'ready', pid: raw.pid, at: raw.at, kernels }
        : null
    }
    case 'progress':
      return isInt(raw.jobId) && isNum(raw.fraction)
        ? { type: 'progress', jobId: raw.jobId, fraction: Math.min(1, Math.max(0, raw.fraction)) }
        : null
    case 'result': {
      const output = readOutput(raw)
      return output &&
        isInt(raw.jobId) &&
        isNum(raw.computeMs) &&
        isNum(raw.startedAt) &&
        isNum(raw.endedAt)
        ? {
            type: 'result',
            jobId: raw.jobId,
            computeMs: raw.computeMs,
            startedAt: raw.startedAt,
            endedAt: raw.endedAt,
            ...output
          }
        : null
    }
    case 'error':
      return (isInt(raw.jobId) || raw.jobId === null) && typeof raw.message === 'string'
        ? { type: 'error', jobId: raw.jobId, message: raw.message }
        : null
    case 'cancelled':
      return isInt(raw.jobId) ? { type: 'cancelled', jobId: raw.jobId } : null
    default:
      return null
  }
}

/** Checks a message from the parent, in the worker. */
export function parseParentMessage(raw: unknown): ParentMessage | null {
  if (!isObject(raw)) return null
  if (raw.type === 'run') {
    const part = readPart(raw)
    return part && isInt(raw.jobId) && isNum(raw.progressIntervalMs)
      ? { type: 'run', jobId: raw.jobId, progressIntervalMs: raw.progressIntervalMs, ...part }
      : null
  }
  if (raw.type === 'cancel') {
    if (raw.jobId === undefined) return { type: 'cancel' }
    return isInt(raw.jobId) ? { type: 'cancel', jobId: raw.jobId } : null
  }
  return null
}
