import { describe, expect, it } from 'vitest'
import {
  parseIntegerText,
  parseRangeText,
  parseWorkerList,
  powersOfTwoUpTo
} from '../../src/shared/parse'

describe('parseIntegerText', () => {
  it.each([
    ['1000000', 1_000_000],
    ['1_000_000', 1_000_000],
    ['1,000,000', 1_000_000],
    ['1 000 000', 1_000_000],
    ['-42', -42],
    ['+7', 7]
  ])('reads %s', (text, value) => {
    expect(parseIntegerText(text)).toEqual({ ok: true, value })
  })

  it.each(['', '1.5', '1e9', 'abc', '1__0', '_1', '--1', '0x10'])('refuses %j', (text) => {
    expect(parseIntegerText(text).ok).toBe(false)
  })
})

describe('parseRangeText', () => {
  it('reads START:END with separators and signs', () => {
    expect(parseRangeText('0:1_000_000_000')).toEqual({ ok: true, value: { start: 0, end: 1e9 } })
    expect(parseRangeText('-500:500')).toEqual({ ok: true, value: { start: -500, end: 500 } })
  })
  it('explains what is wrong', () => {
    const r = parseRangeText('10-20')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain('START:END')
    const s = parseRangeText('0:1.5')
    expect(s.ok).toBe(false)
    if (!s.ok) expect(s.message).toMatch(/^end:/)
  })
})

describe('parseWorkerList', () => {
  it('reads lists, ranges and both, without duplicates', () => {
    expect(parseWorkerList('1,2,4')).toEqual({ ok: true, value: [1, 2, 4] })
    expect(parseWorkerList('1-4')).toEqual({ ok: true, value: [1, 2, 3, 4] })
    expect(parseWorkerList('1-3,8, 2')).toEqual({ ok: true, value: [1, 2, 3, 8] })
  })
  it('refuses nonsense and huge expansions', () => {
    for (const bad of ['', 'a', '4-1', '1.5', '1-1000000', '-2'])
      expect(parseWorkerList(bad).ok).toBe(false)
  })
})

describe('powersOfTwoUpTo', () => {
  it('includes the maximum itself', () => {
    expect(powersOfTwoUpTo(1)).toEqual([1])
    expect(powersOfTwoUpTo(8)).toEqual([1, 2, 4, 8])
    expect(powersOfTwoUpTo(6)).toEqual([1, 2, 4, 6])
  })
})
