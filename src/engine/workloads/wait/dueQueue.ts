/**
 * When the latency server answers: each request exactly `delayMs` after it
 * arrived, never sooner, and as little later as the machine allows.
 *
 * Node's timers count whole milliseconds of the event loop's cached clock, so
 * a `setTimeout(…, delay)` fires up to a millisecond early or late, and one
 * that fired early could only be topped up with another timer of at least
 * 1 ms: that was most of the wait's overhead per request (0.7–0.9 ms). Here a
 * small clock thread sleeps until the next answer is due (`Atomics.wait`
 * takes a fraction of a millisecond, and costs no CPU while it sleeps) and
 * wakes the server's loop with a message; the loop answers every request
 * that is due. The delay is the same for every request, so they fall due in
 * the order they arrived: one queue, one due time armed at a time, and a
 * burst of requests that fall due together is answered on one wake.
 */
import { Worker } from 'node:worker_threads'

/**
 * The clock thread (plain CommonJS, run from this string: the server is a
 * bundle, and a thread needs no file of its own). `due` is the monotonic time
 * (ns) the main thread wants a wake at, 0 for none; `seq` changes whenever the
 * main thread sets it, which ends a sleep early.
 */
const CLOCK_THREAD = `
const { workerData, parentPort } = require('node:worker_threads')
const seq = new Int32Array(workerData, 0, 1)
const due = new BigInt64Array(workerData, 8, 1)
for (;;) {
  const seen = Atomics.load(seq, 0)
  const at = Atomics.load(due, 0)
  if (at === 0n) { Atomics.wait(seq, 0, seen); continue }
  const left = at - process.hrtime.bigint()
  if (left > 0n) { Atomics.wait(seq, 0, seen, Number(left) / 1e6); continue }
  // Taken only if the main thread did not set another time meanwhile.
  if (Atomics.compareExchange(due, 0, at, 0n) === at) parentPort.postMessage(0)
}
`

export interface DueQueue {
  /** Calls `answer` `delayMs` after now (at once for a delay of 0). */
  add(answer: () => void): void
  /** Ends the clock thread. */
  close(): Promise<void>
}

/** `onFailure`: the clock thread failed (the server cannot keep its delay and must say so). */
export function dueQueue(delayMs: number, onFailure: (e: Error) => void): DueQueue {
  const delayNs = BigInt(Math.round(delayMs * 1e6))
  const queue: { due: bigint; answer: () => void }[] = []

  const answerDue = (): void => {
    const now = process.hrtime.bigint()
    let i = 0
    while (i < queue.length && queue[i].due <= now) queue[i++].answer()
    queue.splice(0, i)
    if (queue.length) clock!.arm(queue[0].due)
  }

  const startClock = (): { arm(due: bigint): void; close(): Promise<void> } => {
    const shared = new SharedArrayBuffer(16)
    const seq = new Int32Array(shared, 0, 1)
    const due = new BigInt64Array(shared, 8, 1)
    const thread = new Worker(CLOCK_THREAD, { eval: true, workerData: shared })
    // The server's socket keeps the process alive, not its clock.
    thread.unref()
    thread.on('message', answerDue)
    thread.on('error', onFailure)
    return {
      arm(at) {
        Atomics.store(due, 0, at)
        Atomics.add(seq, 0, 1)
        Atomics.notify(seq, 0)
      },
      close: async () => {
        await thread.terminate()
      }
    }
  }

  // Started with the server, before it says it listens: never inside a timed repetition.
  const clock = delayNs > 0n ? startClock() : null

  return {
    add(answer) {
      if (delayNs === 0n) {
        answer()
        return
      }
      queue.push({ due: process.hrtime.bigint() + delayNs, answer })
      // With others waiting, the head's due time is armed and this one falls due later.
      if (queue.length === 1) clock!.arm(queue[0].due)
    },
    close: async () => {
      queue.length = 0
      await clock?.close()
    }
  }
}
