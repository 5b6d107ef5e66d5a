import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectedSum } from '../../src/shared/range'
import { RangeSum, sumRange } from '../../src/worker/kernel'

const MAX = Number.MAX_SAFE_INTEGER

/** The obviously-correct reference: every element added as a BigInt. */
const slowSum = (start: number, end: number): bigint => {
  let s = 0n
  for (let i = start; i < end; i++) s += BigInt(i)
  return s
}

describe('sumRange', () => {
  it.each([
    ['empty', 5, 5, 0n],
    ['one element', 7, 8, 7n],
    ['one negative element', -7, -6, -7n],
    ['negative range', -10, -1, -54n],
    ['straddling zero', -5, 7, 6n],
    ['symmetric around zero', -1000, 1001, 0n],
    ['the tutorial range', 0, 50_000_000, 1249999975000000n],
    ['the default range', 0, 1_000_000_000, 499999999500000000n]
  ])('%s: [%d, %d)', (_name, start, end, expected) => {
    expect(sumRange(start, end)).toBe(expected)
  })

  it('is exact next to +2^53, where a double cannot add', () => {
    expect(sumRange(MAX - 10, MAX)).toBe(slowSum(MAX - 10, MAX))
    expect(sumRange(MAX - 1, MAX)).toBe(BigInt(MAX - 1))
    // A plain double loop would round here.
    let naive = 0
    for (let i = MAX - 10; i < MAX; i++) naive += i
    expect(BigInt(naive)).not.toBe(slowSum(MAX - 10, MAX))
  })

  it('is exact next to −2^53', () => {
    expect(sumRange(-MAX, -MAX + 10)).toBe(slowSum(-MAX, -MAX + 10))
  })

  it('matches the closed form on random ranges (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX, max: MAX }),
        fc.integer({ min: 0, max: 2000 }),
        (start, length) => {
          const end = Math.min(MAX, start + length)
          expect(sumRange(start, end)).toBe(expectedSum({ start, end }))
          expect(sumRange(start, end)).toBe(slowSum(start, end))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('matches the closed form on long ranges at large magnitudes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: 0, max: 200_000 }),
        (start, length) => {
          expect(sumRange(start, start + length)).toBe(expectedSum({ start, end: start + length }))
        }
      ),
      { numRuns: 50 }
    )
  })

  it('rejects unsafe or reversed bounds', () => {
    expect(() => sumRange(0, 2 ** 60)).toThrow(RangeError)
    expect(() => sumRange(0.5, 3)).toThrow(RangeError)
    expect(() => sumRange(10, 3)).toThrow(RangeError)
  })
})

describe('RangeSum', () => {
  it('gives the same sum whatever the slice size, and reports its progress', () => {
    for (const slice of [1, 7, 1000, 1 << 20]) {
      const job = new RangeSum(-12345, 67890)
      let steps = 0
      while (!job.done) {
        job.step(slice)
        steps++
        expect(job.fraction).toBeGreaterThan(0)
        expect(job.fraction).toBeLessThanOrEqual(1)
      }
      expect(job.sum).toBe(expectedSum({ start: -12345, end: 67890 }))
      expect(steps).toBe(Math.ceil((67890 + 12345) / slice))
    }
  })
})
