/**
 * The report layer's number formatting (src/shared/format.ts), at the exact
 * boundaries where it changes precision or unit, and with the default locale:
 * each test pins a string that a mutant of format.ts changed without any other
 * test noticing (docs/MUTATION.md). Dates are compared with the same call in
 * English, so that the machine's time zone does not matter.
 */
import { describe, expect, it } from 'vitest'
import {
  formatAxisTime,
  formatBytes,
  formatDateTime,
  formatDecimalString,
  formatDuration,
  formatElapsed,
  formatFixed,
  formatFraction,
  formatMiB,
  formatMsCell,
  formatPercent,
  formatPValue,
  formatRatio,
  formatShortDate,
  formatSignedPercent,
  formatSignificant,
  formatSpeedup,
  formatThroughput,
  formatTick,
  formatValue,
  formatWithError
} from '../../../src/shared/format'

describe('format: precision steps at their exact boundaries', () => {
  it('formatSignificant gives 0, 1, 2, 3, 4 decimals from 100, 10, 1, 0.1 down, and 0 is "0"', () => {
    expect(formatSignificant(0, 'en')).toBe('0')
    expect(formatSignificant(100, 'en')).toBe('100')
    expect(formatSignificant(10, 'en')).toBe('10.0')
    expect(formatSignificant(1, 'en')).toBe('1.00')
    expect(formatSignificant(0.1, 'en')).toBe('0.100')
    expect(formatSignificant(0.09, 'en')).toBe('0.0900')
    expect(formatSignificant(-10, 'en')).toBe('-10.0')
  })

  it('formatMsCell: one decimal from 100 ms, two from 10, three below', () => {
    expect(formatMsCell(100)).toBe('100.0')
    expect(formatMsCell(10)).toBe('10.00')
    expect(formatMsCell(9.999)).toBe('9.999')
  })

  it('formatValue writes 20 decimals at most, and a smaller value with its exponent', () => {
    expect(formatValue(1.23e-18, 3, 'en')).toBe('0.00000000000000000123')
    expect(formatValue(1.23e-19, 3, 'en')).toBe('1.23e-19')
    expect(formatValue(0, 3, 'en')).toBe('0')
  })

  it('formatPValue: "p = 0.001" at 0.001, "p < 0.001" below', () => {
    expect(formatPValue(0.001, 'en')).toBe('p = 0.001')
    expect(formatPValue(0.0009, 'en')).toBe('p < 0.001')
  })
})

describe('format: units at their exact boundaries', () => {
  it('formatDuration: ms below 1 s, two decimals of s below 10 s, one below 60 s, then min, then h', () => {
    expect(formatDuration(999, 'en')).toBe('999 ms')
    expect(formatDuration(1000, 'en')).toBe('1.00 s')
    expect(formatDuration(10_000, 'en')).toBe('10.0 s')
    expect(formatDuration(60_000, 'en')).toBe('1 min 00 s')
    expect(formatDuration(3_600_000, 'en')).toBe('1 h 00 min')
  })

  it('formatElapsed switches to minutes at exactly one minute', () => {
    expect(formatElapsed(60_000, 'en')).toBe('1 min 00 s')
    expect(formatElapsed(59_000, 'en')).toBe('59.0 s')
  })

  it('formatBytes: the next unit from exactly 1024, up to TB and no further', () => {
    expect(formatBytes(1023, 'en')).toBe('1,023 B')
    expect(formatBytes(1024, 'en')).toBe('1.0 KB')
    expect(formatBytes(1024 ** 2, 'en')).toBe('1.0 MB')
    expect(formatBytes(1024 ** 3, 'en')).toBe('1.0 GB')
    expect(formatBytes(1024 ** 4, 'en')).toBe('1.0 TB')
    expect(formatBytes(1024 ** 5, 'en')).toBe('1,024.0 TB')
  })

  it('formatThroughput: G, M and k from exactly 10⁹, 10⁶ and 10³', () => {
    expect(formatThroughput(1e9, 'en')).toBe('1.00 G/s')
    expect(formatThroughput(1e6, 'en')).toBe('1.00 M/s')
    expect(formatThroughput(1e3, 'en')).toBe('1.00 k/s')
    expect(formatThroughput(999, 'en')).toBe('999 /s')
  })

  it('formatAxisTime shows the clock for a span of exactly two days, the date beyond', () => {
    const ms = Date.UTC(2025, 10, 24, 15, 51)
    expect(formatAxisTime(ms, 2 * 86_400_000, 'en')).toBe(formatAxisTime(ms, 1000, 'en'))
    expect(formatAxisTime(ms, 2 * 86_400_000, 'en')).not.toBe(formatShortDate(ms, 'en'))
    expect(formatAxisTime(ms, 2 * 86_400_000 + 1, 'en')).toBe(formatShortDate(ms, 'en'))
  })
})

describe('format: what is not a figure', () => {
  it('writes "—" for NaN, ±∞, null and undefined', () => {
    for (const x of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      null,
      undefined
    ]) {
      expect(formatDuration(x)).toBe('—')
      expect(formatSpeedup(x)).toBe('—')
      expect(formatPercent(x)).toBe('—')
      expect(formatSignedPercent(x)).toBe('—')
      expect(formatRatio(x)).toBe('—')
      expect(formatFraction(x)).toBe('—')
      expect(formatFixed(x, 2)).toBe('—')
    }
    expect(formatThroughput(null)).toBe('—')
    expect(formatThroughput(Number.NaN)).toBe('—')
  })

  it('formatWithError leaves out an error of 0, NaN or none', () => {
    expect(formatWithError(1.93, 0.02, '×', 2, 'en')).toBe('1.93 ± 0.02×')
    expect(formatWithError(1.93, 0, '×', 2, 'en')).toBe('1.93×')
    expect(formatWithError(1.93, Number.NaN, '×', 2, 'en')).toBe('1.93×')
    expect(formatWithError(1.93, null, '×', 2, 'en')).toBe('1.93×')
  })

  it('formatDecimalString groups only a plain integer string and returns anything else as it came', () => {
    expect(formatDecimalString('-1234', 'en')).toBe('-1,234')
    for (const s of ['', ' 12', '12 ', '0x10', '1e3', '1.5'])
      expect(formatDecimalString(s, 'en')).toBe(s)
  })
})

describe('format: English by default', () => {
  it('every formatter with a locale writes English without one', () => {
    expect(formatDecimalString('1234')).toBe('1,234')
    expect(formatSignificant(1234.5)).toBe('1,235')
    expect(formatTick(1.255)).toBe('1.26')
    expect(formatElapsed(400)).toBe('0.4 s')
    expect(formatDuration(1234)).toBe('1.23 s')
    expect(formatFraction(0.0421)).toBe('0.042')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatMiB(12.3 * 2 ** 20)).toBe('12.3 MiB')
    const ms = Date.UTC(2025, 10, 24, 3, 51)
    expect(formatDateTime(ms)).toBe(formatDateTime(ms, 'en'))
    expect(formatDateTime(ms)).toMatch(/2025/)
    expect(formatShortDate(ms)).toBe(formatShortDate(ms, 'en'))
    expect(formatShortDate(ms)).toMatch(/Nov/)
    expect(formatAxisTime(ms, 1000)).toBe(formatAxisTime(ms, 1000, 'en'))
    expect(formatAxisTime(ms, 1000)).toMatch(/\d\d:51/)
  })
})
