/**
 * When the latency server answers: each request exactly `delayMs` after it
 * arrived, never sooner, and as little later as the machine allows.
 *
 * Node's timers count whole milliseconds of the event loop's cached clock, so
 * a `setTimeout(…, delay)` fires up to a millisecond early or late (measured
 * here: −0.8 to +1.0 ms around a 20 ms delay, median +0.25). A clock thread
 * that slept with `Atomics.wait` and woke the loop with a message was never
 * early, but each wake took 0.25–0.4 ms more (round 7: the wait's overhead per
 * request went from 0.84 to 1.04 ms on threads). Here one timer is armed
 * `LEAD_MS` before the first answer is due; from then on the loop turns with
 * `setImmediate` — reading new requests on every turn — and answers each
 * request the first turn after its time: 5–10 µs late (perf/waitServer.perf.ts).
 * The price is CPU for at most `LEAD_MS` per due time (requests that fall due
 * together share one): the server's clock, not its service, so it is counted
 * apart (`turningCpuMs`) and left out of the Server CPU it reports.
 *
 * The delay is the same for every request, so they fall due in the order they
 * arrived: one queue, one due time armed at a time.
 */

/** How long before an answer is due the loop stops sleeping and starts turning. */
export const LEAD_MS = 1

export interface DueQueue {
  /** Calls `answer` `delayMs` after now (at once for a delay of 0). */
  add(answer: () => void): void
  /** CPU time spent turning the loop until answers fell due, ms, so far. */
  turningCpuMs(): number
  /** Drops every answer not yet given and disarms the timer. */
  close(): Promise<void>
}

export function dueQueue(delayMs: number): DueQueue {
  const delayNs = BigInt(Math.round(delayMs * 1e6))
  const leadNs = BigInt(LEAD_MS * 1e6)
  const queue: { due: bigint; answer: () => void }[] = []
  let timer: NodeJS.Timeout | null = null
  let immediate: NodeJS.Immediate | null = null
  let turningFrom: NodeJS.CpuUsage | null = null
  let turningUs = 0

  const stopTurning = (): void => {
    if (!turningFrom) return
    const d = process.cpuUsage(turningFrom)
    turningUs += d.user + d.system
    turningFrom = null
  }

  const turn = (): void => {
    timer = null
    immediate = null
    const now = process.hrtime.bigint()
    let i = 0
    while (i < queue.length && queue[i].due <= now) queue[i++].answer()
    queue.splice(0, i)
    if (queue.length > 0) arm(queue[0].due - now)
    else stopTurning()
  }

  /** Wakes the loop for the head, `left` ns from now: a timer while far, turns when near. */
  const arm = (left: bigint): void => {
    if (left <= leadNs) {
      turningFrom ??= process.cpuUsage()
      immediate = setImmediate(turn)
    } else {
      stopTurning()
      timer = setTimeout(turn, Number(left - leadNs) / 1e6)
    }
  }

  return {
    add(answer) {
      if (delayNs === 0n) {
        answer()
        return
      }
      queue.push({ due: process.hrtime.bigint() + delayNs, answer })
      // With others waiting, the head's wake is armed and this one falls due later.
      if (queue.length === 1) arm(delayNs)
    },
    turningCpuMs() {
      const current = turningFrom ? process.cpuUsage(turningFrom) : { user: 0, system: 0 }
      return (turningUs + current.user + current.system) / 1000
    },
    close: async () => {
      stopTurning()
      queue.length = 0
      if (timer) clearTimeout(timer)
      if (immediate) clearImmediate(immediate)
      timer = null
      immediate = null
    }
  }
}
