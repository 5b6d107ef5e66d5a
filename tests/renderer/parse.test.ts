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
    ['+7', 7],
    ["1'000'000", 1_000_000],
    ['1e9', 1_000_000_000],
    ['2.5e6', 2_500_000],
    ['5E7', 50_000_000],
    ['10^9', 1_000_000_000]
  ])('reads %s', (text, value) => {
    expect(parseIntegerText(text)).toEqual({ ok: true, value })
  })

  it.each(['', '1.5', '1.5e0', '1e-3', 'abc', '1__0', '_1', '--1', '0x10'])(
    'refuses %j',
    (text) => {
      expect(parseIntegerText(text).ok).toBe(false)
    }
  )

  // Issue 12: "0:1,5" was read as 0:15. A separator must group digits in threes.
  it.each(['1,5', '1_5', '12,345,6', '1,000_000', '1 00'])(
    'never joins digits: refuses %j',
    (text) => {
      const r = parseIntegerText(text)
      expect(r).toMatchObject({ ok: false })
      if (!r.ok) expect(r.message).toMatch(/groups? digits in threes/)
    }
  )
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
    expect(parseRangeText('0:1,5').ok).toBe(false)
  })
})

describe('parseWorkerList', () => {
  it('reads lists, ranges and both, without duplicates', () => {
    expect(parseWorkerList('1,2,4')).toEqual({ ok: true, value: [1, 2, 4] })
    expect(parseWorkerList('1-4')).toEqual({ ok: true, value: [1, 2, 3, 4] })
    expect(parseWorkerList('1-3,8, 2')).toEqual({ ok: true, value: [1, 2, 3, 8] })
  })
  it("is the form's grammar too: spaces, semicolons, spans with – or ..", () => {
    expect(parseWorkerList('1-4 8')).toEqual({ ok: true, value: [1, 2, 3, 4, 8] })
    expect(parseWorkerList('1 - 4; 8')).toEqual({ ok: true, value: [1, 2, 3, 4, 8] })
    expect(parseWorkerList('1–3 2..5')).toEqual({ ok: true, value: [1, 2, 3, 4, 5] })
    expect(parseWorkerList('1, x, 2-1')).toMatchObject({ ok: false, bad: ['x', '2-1'] })
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

describe('one grammar for the CLI and the form', () => {
  it('the form reads what the CLI reads, and refuses what it refuses', async () => {
    const form = await import('../../src/renderer/src/lib/parse')
    for (const text of ['1_000_000', '1,000,000', '5e7', '10^6', '-42', '1,5', '1.5', 'x']) {
      const cli = parseIntegerText(text)
      expect(form.parseNumber(text), text).toEqual(cli.ok ? cli.value : Number.NaN)
    }
    for (const text of ['1-4 8', '1,2,4', '2..6', '4-1', 'a']) {
      const cli = parseWorkerList(text)
      const parsed = form.parseWorkerList(text)
      expect(parsed.ok, text).toBe(cli.ok)
      if (parsed.ok && cli.ok) expect(parsed.counts).toEqual(cli.value)
    }
  })
})
