import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findBreakEven, type SizePoint } from '../../../src/shared/scaling'

/**
 * A cost model with a known answer: one worker takes a + b·s; N workers take
 * c + b·s/N with c > a (starting and messaging cost). They are equal at
 * s* = (c − a) / (b·(1 − 1/N)).
 */
function modelSweep(sizes: number[], error = 0): SizePoint[] {
  const [a, b, c, n] = [0.2, 1e-6, 5, 4]
  return sizes.map((s) => {
    const t1 = a + b * s
    const tn = c + (b * s) / n
    return { size: s, t1: { value: t1, error: error * t1 }, tn: { value: tn, error: error * tn } }
  })
}
const EXACT = (5 - 0.2) / (1e-6 * (1 - 1 / 4)) // 6.4e6
const logSpaced = (from: number, to: number, perDecade: number): number[] => {
  const out: number[] = []
  for (let e = from; e <= to + 1e-9; e += 1 / perDecade) out.push(Math.round(10 ** e))
  return out
}

describe('findBreakEven', () => {
  it('finds the analytic break-even size by interpolating in log-size', () => {
    const coarse = findBreakEven(modelSweep(logSpaced(4, 10, 1)))
    expect(coarse.status).toBe('crosses')
    expect(coarse.bracket).toEqual({ below: 1e6, above: 1e7 })
    expect(coarse.size!).toBeGreaterThan(1e6)
    expect(coarse.size!).toBeLessThan(1e7)
    // Finer sweeps close in on s*.
    const fine = findBreakEven(modelSweep(logSpaced(4, 10, 8)))
    expect(Math.abs(fine.size! / EXACT - 1)).toBeLessThan(0.02)
    expect(Math.abs(fine.size! / EXACT - 1)).toBeLessThan(Math.abs(coarse.size! / EXACT - 1))
    expect(fine.beatsAtAllSizes).toBe(false)
    expect(fine.changes).toBe(1)
  })

  it('is exact when log(TN/T1) is linear in log-size', () => {
    // TN/T1 = (s/1000)^−0.5: N is faster above s = 1000.
    const points = [100, 400, 2000, 9000].map((s) => ({
      size: s,
      t1: { value: 1, error: 0 },
      tn: { value: (s / 1000) ** -0.5, error: 0 }
    }))
    expect(findBreakEven(points).size).toBeCloseTo(1000, 9)
  })

  it('brackets the answer with the timing errors: lower ≤ size ≤ upper', () => {
    const b = findBreakEven(modelSweep(logSpaced(4, 10, 4), 0.05))
    expect(b.interval.lower!).toBeLessThan(b.size!)
    expect(b.interval.upper!).toBeGreaterThan(b.size!)
    const points = b.points
    // Far above s*, N is faster beyond doubt; near it, not.
    expect(points[points.length - 1].clearlyBeats).toBe(true)
    expect(points.find((p) => Math.abs(Math.log10(p.size / EXACT)) < 0.15)?.clearlyBeats).toBe(
      false
    )
  })

  it('returns null and says so when N beats one everywhere, or nowhere', () => {
    const always = findBreakEven(modelSweep(logSpaced(8, 10, 2)))
    expect(always).toMatchObject({
      status: 'always',
      size: null,
      beatsAtAllSizes: true,
      bracket: null
    })
    const never = findBreakEven(modelSweep(logSpaced(3, 5, 2)))
    expect(never).toMatchObject({ status: 'never', size: null, beatsAtAllSizes: false })
    // Not even optimistically below 1e5: bounded below by it, unbounded above.
    expect(never.interval).toEqual({ lower: 1e5, upper: null })
    // Beating everywhere even pessimistically: at or below the smallest size.
    expect(always.interval).toEqual({ lower: null, upper: 1e8 })
  })

  it('flags noisy data where the winner changes more than once, and gives the first crossing', () => {
    const ratios = [1.5, 0.9, 1.1, 0.7, 0.5] // N wins at 1e5, loses at 1e6, wins from 1e7
    const b = findBreakEven(
      ratios.map((r, i) => ({
        size: 10 ** (i + 4),
        t1: { value: 1, error: 0 },
        tn: { value: r, error: 0 }
      }))
    )
    expect(b.status).toBe('mixed')
    expect(b.changes).toBe(3)
    expect(b.bracket).toEqual({ below: 1e4, above: 1e5 })
  })

  it('puts a single crossing inside its bracket for any monotone sweep (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1e9 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 11 }),
        fc.array(fc.double({ min: 0.01, max: 3, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (sizes, cut, margins) => {
          const sorted = [...sizes].sort((a, b) => a - b)
          const k = Math.min(cut, sorted.length - 1)
          // Slower with N below index k, faster from k on.
          const points = sorted.map((s, i) => ({
            size: s,
            t1: { value: 1, error: 0 },
            tn: { value: i < k ? 1 + margins[i] : 1 / (1 + margins[i]), error: 0 }
          }))
          const b = findBreakEven(points)
          expect(b.status).toBe('crosses')
          expect(b.bracket).toEqual({ below: sorted[k - 1], above: sorted[k] })
          expect(b.size!).toBeGreaterThanOrEqual(sorted[k - 1] * (1 - 1e-12))
          expect(b.size!).toBeLessThanOrEqual(sorted[k] * (1 + 1e-12))
        }
      )
    )
  })

  it('ignores the order it is given and rejects empty input', () => {
    const sweep = modelSweep(logSpaced(4, 10, 2))
    expect(findBreakEven([...sweep].reverse()).size).toBe(findBreakEven(sweep).size)
    expect(() => findBreakEven([])).toThrow(RangeError)
  })
})
