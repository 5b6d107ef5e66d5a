import { describe, expect, it } from 'vitest'
import { figure } from '../../../src/shared/report/figure'
import { groupDigits } from '../../../src/shared/report/groupDigits'

/**
 * The report layer's two number helpers outside format.ts (issue 24): the
 * thousands separators of a bigint total (the CLI table, the job line, both
 * catalogs) and the null that stands for a figure JSON and CSV cannot hold.
 */
describe('groupDigits', () => {
  it('groups every three digits from the right, and only there', () => {
    expect(groupDigits('0')).toBe('0')
    expect(groupDigits('999')).toBe('999')
    expect(groupDigits('1000')).toBe('1,000')
    expect(groupDigits('12345')).toBe('12,345')
    expect(groupDigits('123456')).toBe('123,456')
    expect(groupDigits('1234567')).toBe('1,234,567')
    // A sum beyond 2^53 keeps every digit (no Number on the way).
    expect(groupDigits('2499999950000000')).toBe('2,499,999,950,000,000')
  })

  it('keeps the minus sign outside the groups', () => {
    expect(groupDigits('-1')).toBe('-1')
    expect(groupDigits('-123')).toBe('-123')
    expect(groupDigits('-1234')).toBe('-1,234')
    expect(groupDigits('-123456')).toBe('-123,456')
  })
})

describe('figure', () => {
  it('passes a finite number through, zero and negatives included', () => {
    expect(figure(1.5)).toBe(1.5)
    expect(figure(0)).toBe(0)
    expect(figure(-2)).toBe(-2)
  })

  it('writes null for what JSON and CSV cannot hold', () => {
    expect(figure(Number.NaN)).toBeNull()
    expect(figure(Number.POSITIVE_INFINITY)).toBeNull()
    expect(figure(Number.NEGATIVE_INFINITY)).toBeNull()
    expect(figure(null)).toBeNull()
    expect(figure(undefined)).toBeNull()
  })
})
