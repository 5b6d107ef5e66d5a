import { describe, expect, it } from 'vitest'
import { rowDateTime, shortDateTime } from '../../src/renderer/src/components/History/shortDateTime'

describe('a history row’s date', () => {
  // Two runs 37 seconds apart, in the same minute.
  const a = '2026-12-07T01:23:08.000Z'
  const b = '2026-12-07T01:23:45.000Z'

  it('tells runs a few seconds apart from each other, long and short, in both languages', () => {
    for (const locale of ['en', 'ko-KR']) {
      expect(rowDateTime(a, locale)).not.toBe(rowDateTime(b, locale))
      expect(shortDateTime(a, locale)).not.toBe(shortDateTime(b, locale))
      expect(shortDateTime(b, locale)).toMatch(/:45$/)
    }
  })

  it('gives back what is not a date as it came', () => {
    expect(rowDateTime('not a date', 'en')).toBe('not a date')
  })
})
