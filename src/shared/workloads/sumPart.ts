/**
 * The sum's part and its output as they travel between the engine and a
 * worker: the range [start, end) and the kernel; back, the exact partial sum
 * as a decimal string. The fields sit at the top of the `run` and `result`
 * messages, as they did before workloads (older agents and workers read them).
 */
import { isKernelName } from '../kernel'
import type { KernelName } from '../kernel'

export interface SumPart {
  job: 'sum'
  start: number
  end: number
  /** Which loop adds the elements (absent on the wire: 'js'). */
  kernel: KernelName
}

export interface SumOutput {
  job: 'sum'
  /** The exact partial sum, as a decimal string (it may exceed 2^53). */
  sum: string
  /** The kernel that ran, and its compute time per element (null for an empty range). */
  kernel: KernelName
  nsPerElement: number | null
}

type Loose = Record<string, unknown>
const isInt = (v: unknown): v is number => Number.isSafeInteger(v)
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** The sum's part of a `run` message, or null when malformed (a reversed or unsafe range). */
export function readSumPart(raw: Loose): SumPart | null {
  return isInt(raw.start) &&
    isInt(raw.end) &&
    raw.end >= raw.start &&
    (raw.kernel === undefined || isKernelName(raw.kernel))
    ? { job: 'sum', start: raw.start, end: raw.end, kernel: raw.kernel ?? 'js' }
    : null
}

/** The sum's output of a `result` message, or null when malformed. */
export function readSumOutput(raw: Loose): SumOutput | null {
  return typeof raw.sum === 'string' &&
    /^-?\d+$/.test(raw.sum) &&
    (raw.kernel === undefined || isKernelName(raw.kernel)) &&
    (raw.nsPerElement === undefined ||
      raw.nsPerElement === null ||
      (isNum(raw.nsPerElement) && raw.nsPerElement >= 0))
    ? {
        job: 'sum',
        sum: raw.sum,
        // An older worker (a cluster agent not yet updated) ran the js loop and did not say.
        kernel: raw.kernel ?? 'js',
        nsPerElement: raw.nsPerElement ?? null
      }
    : null
}
