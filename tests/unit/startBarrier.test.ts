/**
 * The measuring wrapper's pieces (issue 20): the barrier a repetition's
 * copies start behind (shared by id among the copies' parts, open once every
 * copy has arrived, up or ended without getting there, and forgotten once
 * each copy has asked for it), its `times` line read from bash (ms) and
 * from dash (clock ticks), and bash's stamp of the job's end on our clock.
 */
import { describe, expect, it } from 'vitest'
import {
  parseTimes,
  sharedBarrier,
  StartBarrier,
  stampedEnd
} from '../../src/engine/workloads/command/runCopy'

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

describe('the wrapper’s stamp of the job’s end', () => {
  // Our clock runs 250 ms behind the real-time clock; the go at 1000, the engine saw the end at 1100.
  const at = { startedAt: 1000, seenAt: 1100, offsetAtGo: 250, offsetNow: 250 }

  it('is the real-time stamp on our clock, in µs, after a point or (some locales) a comma', () => {
    expect(stampedEnd('p42\nr\ne1.300250\n0m0s 0m0s\n', at)).toBeCloseTo(1050.25, 9)
    expect(stampedEnd('e1,300250\n', at)).toBeCloseTo(1050.25, 9)
  })

  it('is not there without the line (sh as the wrapper, or the wrapper stopped)', () => {
    expect(stampedEnd('p42\nr\n0m0.000s 0m0.000s\n0m0.001s 0m0.000s\n', at)).toBeNull()
    expect(stampedEnd('e\n', at)).toBeNull()
  })

  it('is not trusted outside [the go, the engine seeing the end] beyond the offset’s error', () => {
    expect(stampedEnd('e1.249000\n', at)).toBeNull()
    expect(stampedEnd('e1.351000\n', at)).toBeNull()
    // Within 0.5 ms: kept, inside the interval.
    expect(stampedEnd('e1.249800\n', at)).toBe(1000)
    expect(stampedEnd('e1.350200\n', at)).toBe(1100)
  })

  it('is not trusted when the real-time clock moved against ours since the go (it was set)', () => {
    expect(stampedEnd('e1.300000\n', { ...at, offsetNow: 251 })).toBeNull()
    expect(stampedEnd('e1.300000\n', { ...at, offsetNow: 250.3 })).toBeCloseTo(1049.7, 9)
  })
})
