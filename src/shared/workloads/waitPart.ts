/**
 * The wait's part and its output as they travel between the engine and a
 * worker: request ids [first, end) to send one after another to the latency
 * server on 127.0.0.1:port; back, the ids the server answered, in order.
 */

/** The most requests one run may send (the schema's bound). */
export const MAX_REQUESTS = 100_000
/** The longest delay the latency server may wait before answering (ms). */
export const MAX_DELAY_MS = 10_000

export interface WaitPart {
  job: 'wait'
  /** Request ids [first, end): this worker's share of the R requests. */
  first: number
  end: number
  /** The latency server's port on 127.0.0.1 (the engine started it for this run). */
  port: number
}

export interface WaitOutput {
  job: 'wait'
  /** The ids the server answered, in the order their answers came. */
  answered: number[]
}

type Loose = Record<string, unknown>
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0

export function readWaitPart(raw: Loose): WaitPart | null {
  return isId(raw.first) &&
    isId(raw.end) &&
    raw.end >= raw.first &&
    raw.end - raw.first <= MAX_REQUESTS &&
    Number.isInteger(raw.port) &&
    (raw.port as number) > 0 &&
    (raw.port as number) < 65536
    ? { job: 'wait', first: raw.first, end: raw.end, port: raw.port as number }
    : null
}

export function readWaitOutput(raw: Loose): WaitOutput | null {
  return Array.isArray(raw.answered) &&
    raw.answered.length <= MAX_REQUESTS &&
    raw.answered.every(isId)
    ? { job: 'wait', answered: raw.answered as number[] }
    : null
}
