/**
 * The measuring wrapper's pieces (issue 20): the barrier a repetition's
 * copies start behind (shared by id among the copies' parts, open once every
 * copy has arrived, up or ended without getting there, and forgotten once
 * each copy has asked for it), and its `times` line read from bash (ms) and
 * from dash (clock ticks).
 */
import { describe, expect, it } from 'vitest'
import { parseTimes, sharedBarrier, StartBarrier } from '../../src/engine/workloads/command/runCopy'

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false
  void p.then(() => (done = true))
  await new Promise((r) => setTimeout(r, 0))
  return done
}

describe('the start barrier of a repetition’s copies', () => {
  it('opens when the last copy arrives, not before', async () => {
    const b = new StartBarrier(3)
    const first = b.arrive()
    b.arrive()
    expect(await settled(first)).toBe(false)
    const last = b.arrive()
    expect(await settled(first)).toBe(true)
    expect(await settled(last)).toBe(true)
  })

  it('a copy alone goes at once', async () => {
    expect(await settled(new StartBarrier(1).arrive())).toBe(true)
  })

  it('is one barrier per repetition among its copies, and a new one after', async () => {
    const a = sharedBarrier('rep-1', 2)
    const b = sharedBarrier('rep-1', 2)
    expect(b).toBe(a)
    expect(sharedBarrier('rep-2', 2)).not.toBe(a)
    // Both copies of rep-1 asked: the id is forgotten, a later use starts afresh.
    expect(sharedBarrier('rep-1', 2)).not.toBe(a)
    a.arrive()
    expect(await settled(b.arrive())).toBe(true)
  })
})

describe('the wrapper’s times line', () => {
  it('reads the children’s user and system time, to the millisecond from bash', () => {
    const t = parseTimes('r\n4242\n0m0.009s 0m0.000s\n0m1.049s 0m0.004s\n')
    expect(t?.userMs).toBeCloseTo(1049, 6)
    expect(t?.systemMs).toBeCloseTo(4, 6)
  })

  it('and from dash, in its clock ticks; none before the second line', () => {
    expect(parseTimes('0m0.000000s 0m0.000000s\n1m2.040000s 0m0.010000s\n')).toEqual({
      userMs: 62_040,
      systemMs: 10
    })
    expect(parseTimes('r\n4242\n0m0.009s 0m0.000s\n')).toBeNull()
  })
})
