/**
 * findBreakEven at its edges: each test pins a size, a status or a bound that a
 * mutant of findBreakEven.ts changed without the property tests noticing
 * (docs/MUTATION.md).
 */
import { describe, expect, it } from 'vitest'
import { findBreakEven } from '../../../src/shared/stats/findBreakEven'
import type { SizePoint } from '../../../src/shared/stats/findBreakEven'

const at = (size: number, t1: number, tn: number, e1 = 0, en = 0): SizePoint => ({
  size,
  t1: { value: t1, error: e1 },
  tn: { value: tn, error: en }
})
const close = (a: number | null, b: number): void => {
  expect(a).not.toBeNull()
  expect(Math.abs(a! / b - 1)).toBeLessThan(1e-12)
}

describe('findBreakEven, edge by edge', () => {
  it('drops sizes and times that are not positive, and throws when none is left', () => {
    const clean = [at(100, 1, 2), at(1000, 2, 1)]
    const withBad = [at(0, 1, 2), at(50, 0, 1), at(70, 1, 0), at(-5, 1, 1), ...clean]
    expect(findBreakEven(withBad)).toEqual(findBreakEven(clean))
    expect(findBreakEven(withBad).points.map((p) => p.size)).toEqual([100, 1000])
    expect(() => findBreakEven([at(0, 1, 2), at(10, 0, 1)])).toThrow(
      new RangeError('no problem sizes with positive times')
    )
  })

  it('sorts by size, ascending', () => {
    const b = findBreakEven([at(1000, 2, 1), at(10, 1, 3), at(100, 1, 2)])
    expect(b.points.map((p) => p.size)).toEqual([10, 100, 1000])
    expect(b.bracket).toEqual({ below: 100, above: 1000 })
  })

  it('gives each size its exact log ratio, and a tie is not a win', () => {
    const b = findBreakEven([at(10, 2, 3), at(100, 2, 2), at(1000, 4, 1)])
    expect(b.points.map((p) => p.logRatio)).toEqual([Math.log(3 / 2), 0, Math.log(1 / 4)])
    expect(b.points.map((p) => p.beats)).toEqual([false, false, true])
    // A crossing that starts from an exact tie is at that size.
    expect(b.status).toBe('crosses')
    expect(b.bracket).toEqual({ below: 100, above: 1000 })
    close(b.size, 100)
  })

  it('interpolates halfway in log-size between symmetric ratios', () => {
    const b = findBreakEven([at(100, 1, 2), at(10_000, 2, 1)])
    close(b.size, 1000)
    expect(b.changes).toBe(1)
  })

  it('needs a ratio below zero after the crossing: reaching a tie is not a crossing', () => {
    const b = findBreakEven([at(10, 1, 2), at(100, 2, 2)])
    expect(b).toMatchObject({ status: 'never', size: null, bracket: null })
  })

  it('calls a single change from winning to losing mixed, not a crossing', () => {
    const b = findBreakEven([at(10, 2, 1), at(100, 1, 2)])
    expect(b).toMatchObject({ status: 'mixed', size: null, bracket: null, changes: 1 })
    expect(b.beatsAtAllSizes).toBe(false)
  })

  it('says N clearly beats one only when the pessimistic ends still win', () => {
    const b = findBreakEven([at(10, 1.5, 0.75, 0.5, 0.25), at(100, 1, 0.5, 0.05, 0.05)])
    // At 10, 0.75 + 0.25 < 1.5 − 0.5 is false (1 vs 1, exactly): not clearly.
    expect(b.points.map((p) => p.clearlyBeats)).toEqual([false, true])
    expect(b.points.map((p) => p.beats)).toEqual([true, true])
  })

  it('pins a bound to the measured size where an error swallows a time', () => {
    // At 100 the one-worker time's error is as large as the time: the pessimistic
    // ratio is +∞ there, so the upper bound is the next size, exactly.
    const upper = findBreakEven([at(100, 1, 2, 1.5, 0), at(1000, 2, 1, 0, 0)])
    close(upper.interval.upper, 1000)
    // At 1000 N's own error swallows its time: the optimistic ratio is −∞, so the
    // lower bound is the size before, exactly.
    const lower = findBreakEven([at(100, 1, 2, 0, 0), at(1000, 2, 1, 0, 1.5)])
    close(lower.interval.lower, 100)
    // Without those errors both bounds are the central crossing.
    const plain = findBreakEven([at(100, 1, 2), at(1000, 2, 1)])
    close(plain.interval.lower, plain.size!)
    close(plain.interval.upper, plain.size!)
    close(plain.size, Math.sqrt(100 * 1000))
  })

  it('bounds a never-winning optimistic side by the largest size, an always-winning pessimistic one by the smallest', () => {
    // Central: crosses. Optimistic (TN − eN vs T1 + e1) crosses earlier; pessimistic never wins.
    const wide = findBreakEven([at(10, 1, 2, 0.5, 0.5), at(100, 2, 1.5, 0.5, 0.5)])
    expect(wide.status).toBe('crosses')
    expect(wide.interval.upper).toBeNull()
    // Optimistic always wins, pessimistic never: lower is null (below the smallest).
    const always = findBreakEven([at(10, 2, 1.9, 0.5, 0.5), at(100, 2, 1.8, 0.5, 0.5)])
    expect(always.status).toBe('always')
    expect(always.interval).toEqual({ lower: null, upper: null })
    // Pessimistic wins at every size: upper is the smallest measured size.
    const clear = findBreakEven([at(10, 3, 1, 0.1, 0.1), at(100, 3, 1, 0.1, 0.1)])
    expect(clear.interval).toEqual({ lower: null, upper: 10 })
    // Optimistic never wins: lower is the largest measured size.
    const hopeless = findBreakEven([at(10, 1, 3, 0.1, 0.1), at(100, 1, 3, 0.1, 0.1)])
    expect(hopeless.interval).toEqual({ lower: 100, upper: null })
    expect(hopeless.status).toBe('never')
  })

  it('treats an exact tie at the error ends as no win, and a late loss as no bound', () => {
    // Optimistic ends tie at every size (2 − 0.5 = 1 + 0.5): it never wins, so
    // lower is the largest size; pessimistic ends tie too: upper is null.
    const tie = findBreakEven([at(10, 1, 2, 0.5, 0.5), at(100, 1.5, 2.5, 0.5, 0.5)])
    expect(tie.points.every((p) => !p.clearlyBeats)).toBe(true)
    expect(tie.interval.lower).toBe(100)
    const tieBoth = findBreakEven([at(10, 1.5, 0.75, 0.5, 0.25), at(100, 1.5, 0.75, 0.5, 0.25)])
    // Pessimistic ratio exactly 0 everywhere: N is never clearly faster, upper is null.
    expect(tieBoth.interval.upper).toBeNull()
    // Winning at the small size and losing at the large one, on both error ends:
    // no crossing and not "never" either, so neither bound can be placed.
    const late = findBreakEven([at(10, 3, 1, 0.1, 0.1), at(100, 1, 3, 0.1, 0.1)])
    expect(late.status).toBe('mixed')
    expect(late.interval).toEqual({ lower: null, upper: 10 })
  })
})
