import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectedSum, rangeLength, splitRange } from '../../src/shared/range'

describe('splitRange', () => {
  it('divides into contiguous near-equal parts, the remainder to the first ones', () => {
    expect(splitRange({ start: 0, end: 10 }, 3)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 7 },
      { start: 7, end: 10 }
    ])
  })

  it('gives empty parts when there are more workers than elements', () => {
    const parts = splitRange({ start: 5, end: 7 }, 4)
    expect(parts).toEqual([
      { start: 5, end: 6 },
      { start: 6, end: 7 },
      { start: 7, end: 7 },
      { start: 7, end: 7 }
    ])
  })

  it('handles an empty range and the widest safe range', () => {
    expect(splitRange({ start: 3, end: 3 }, 2)).toEqual([
      { start: 3, end: 3 },
      { start: 3, end: 3 }
    ])
    const wide = { start: -Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER }
    const parts = splitRange(wide, 3)
    expect(parts[0].start).toBe(wide.start)
    expect(parts[2].end).toBe(wide.end)
    for (const p of parts)
      expect(Number.isSafeInteger(p.start) && Number.isSafeInteger(p.end)).toBe(true)
  })

  it('covers the range exactly and the parts differ by at most one (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1024 }),
        (start, length, n) => {
          const range = { start, end: start + length }
          const parts = splitRange(range, n)
          expect(parts).toHaveLength(n)
          expect(parts[0].start).toBe(range.start)
          expect(parts[n - 1].end).toBe(range.end)
          for (let i = 1; i < n; i++) expect(parts[i].start).toBe(parts[i - 1].end)
          const sizes = parts.map((p) => p.end - p.start)
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
          expect(parts.reduce((s, p) => s + expectedSum(p), 0n)).toBe(expectedSum(range))
        }
      )
    )
  })

  it('refuses zero parts', () => {
    expect(() => splitRange({ start: 0, end: 1 }, 0)).toThrow()
  })
})

describe('expectedSum', () => {
  it('is the closed form n(a+b)/2', () => {
    expect(expectedSum({ start: 0, end: 50_000_000 })).toBe(1249999975000000n)
    expect(expectedSum({ start: -3, end: 3 })).toBe(-3n)
    expect(expectedSum({ start: 4, end: 4 })).toBe(0n)
    expect(rangeLength({ start: -Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER })).toBe(
      2n * BigInt(Number.MAX_SAFE_INTEGER)
    )
  })
})
