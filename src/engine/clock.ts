/**
 * Epoch milliseconds from the monotonic clock: differences are monotonic
 * within a process, and values compare across processes (every worker
 * reports its compute start and end on the same scale).
 */
export const now = (): number => performance.timeOrigin + performance.now()

/** How long a measured offset is reused: the clocks drift apart by parts per million. */
const OFFSET_REUSE_MS = 1000
let lastOffset: { at: number; offset: number } | null = null

/** The longest a tick of Date.now() is waited for (ms of process.hrtime): it ticks every 1 ms. */
const TICK_WAIT_MS = 5

/**
 * The system's real-time clock (what a shell's $EPOCHREALTIME reads) less
 * `now()`, in ms, to within microseconds: Date.now() gives only whole
 * milliseconds, so this waits for it to tick (at most 1 ms, spinning) and
 * reads `now()` at that tick. A read late after the tick (the process paused)
 * only makes the estimate smaller: the largest of three is kept. Measured at
 * most once a second. null when Date.now() does not tick (replaced, as by a
 * test's fake timers): then no stamp is put on our clock.
 */
export function realtimeOffset(): number | null {
  if (lastOffset && performance.now() - lastOffset.at < OFFSET_REUSE_MS) return lastOffset.offset
  let best = -Infinity
  for (let i = 0; i < 3; i++) {
    const before = Date.now()
    const giveUp = process.hrtime.bigint() + BigInt(TICK_WAIT_MS * 1e6)
    let tick = before
    for (;;) {
      // Past the deadline before this read: a paused process sees the tick here, a frozen clock not.
      const late = process.hrtime.bigint() > giveUp
      tick = Date.now()
      if (tick !== before) break
      if (late) return null
    }
    best = Math.max(best, tick - now())
  }
  lastOffset = { at: performance.now(), offset: best }
  return best
}
