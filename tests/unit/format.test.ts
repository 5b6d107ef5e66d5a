import { describe, expect, it } from 'vitest'
import {
  durationUnit,
  formatAxisTime,
  formatBytes,
  formatDateTime,
  formatDecimalString,
  formatDuration,
  formatElapsed,
  formatFixed,
  formatFraction,
  formatInteger,
  formatMiB,
  formatMs,
  formatMsCell,
  formatPercent,
  formatPValue,
  formatRatio,
  formatShortDate,
  formatSignedPercent,
  formatSignificant,
  formatSize,
  formatSpeedup,
  formatThroughput,
  formatTick,
  formatValue,
  formatWithError
} from '../../src/shared/format'

/**
 * The one formatting module, in both of the app's languages. Korean writes
 * numbers as English does (digit groups of three, a point); it differs in
 * the units of time ("1.23초", "2분 05초", "12.3ms") and in dates.
 */
const EN = 'en'
const KO = 'ko-KR'

describe('numbers', () => {
  it('formatInteger groups digits and rounds', () => {
    expect(formatInteger(1234567.4, EN)).toBe('1,234,567')
    expect(formatInteger(1234567.4, KO)).toBe('1,234,567')
    expect(formatInteger(0, KO)).toBe('0')
  })

  it('formatDecimalString groups a total beyond 2^53 without losing a digit', () => {
    expect(formatDecimalString('2499999950000000', EN)).toBe('2,499,999,950,000,000')
    expect(formatDecimalString('12345678901234567891', KO)).toBe('12,345,678,901,234,567,891')
    expect(formatDecimalString('not a number', EN)).toBe('not a number')
  })

  it('formatSignificant keeps three significant figures, never an exponent', () => {
    expect([0.012345, 4.567, 78.94, 1234.5].map((x) => formatSignificant(x, EN))).toEqual([
      '0.0123',
      '4.57',
      '78.9',
      '1,235'
    ])
    expect(formatSignificant(4.567, KO)).toBe('4.57')
    expect(formatSignificant(Number.NaN, KO)).toBe('—')
  })

  it('formatTick drops trailing zeros', () => {
    expect([0, 0.5, 1.25, 12].map((x) => formatTick(x, EN))).toEqual(['0', '0.5', '1.25', '12'])
    expect(formatTick(1.5, KO)).toBe('1.5')
  })

  it('formatValue: significant figures without trailing zeros; tiny values keep an exponent', () => {
    expect(formatValue(0.031234, 3, EN)).toBe('0.0312')
    expect(formatValue(1.8, 3, EN)).toBe('1.8')
    expect(formatValue(26.4, 2, EN)).toBe('26')
    expect(formatValue(123456, 3, KO)).toBe('123,000')
    expect(formatValue(0, 3, KO)).toBe('0')
    expect(formatValue(1e-30, 3, EN)).toBe('1e-30')
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('Infinity')
  })

  it('formatFixed and formatFraction give a fixed number of decimals', () => {
    expect(formatFixed(1.8765, 2, EN)).toBe('1.88')
    expect(formatFixed(1234.5, 1, KO)).toBe('1,234.5')
    expect(formatFixed(null, 2, EN)).toBe('—')
    expect(formatFraction(0.0423, EN)).toBe('0.042')
    expect(formatFraction(0.5, KO)).toBe('0.500')
    expect(formatFraction(undefined, KO)).toBe('—')
  })

  it('formatSpeedup and formatRatio: two and three decimals with ×', () => {
    expect(formatSpeedup(2.4138, EN)).toBe('2.41×')
    expect(formatSpeedup(1, KO)).toBe('1.00×')
    expect(formatSpeedup(null, KO)).toBe('—')
    expect(formatRatio(1.23456, EN)).toBe('1.235×')
    expect(formatRatio(0.9, KO)).toBe('0.900×')
    expect(formatRatio(Number.NaN, EN)).toBe('—')
  })

  it('formatWithError: the value to fixed places, the error to two significant figures', () => {
    expect(formatWithError(1.934, 0.0213, '×', 2, EN)).toBe('1.93 ± 0.021×')
    expect(formatWithError(87.31, 1.234, ' %', 1, KO)).toBe('87.3 ± 1.2 %')
    expect(formatWithError(1.934, 0)).toBe('1.93×')
    expect(formatWithError(1.934, null)).toBe('1.93×')
    expect(formatWithError(Number.NaN, 1)).toBe('—')
  })

  it('formatPValue: two significant figures, or a bound below 0.001', () => {
    expect(formatPValue(0.0123, EN)).toBe('p = 0.012')
    expect(formatPValue(0.0001, EN)).toBe('p < 0.001')
    expect(formatPValue(0.5, KO)).toBe('p = 0.5')
  })

  it('formatThroughput: three significant figures with an SI prefix', () => {
    expect(formatThroughput(1.234e9, EN)).toBe('1.23 G/s')
    expect(formatThroughput(8.12e8, EN)).toBe('812 M/s')
    expect(formatThroughput(45_600, KO)).toBe('45.6 k/s')
    expect(formatThroughput(1200, KO)).toBe('1.20 k/s')
    expect(formatThroughput(999.6, EN)).toBe('1,000 /s')
    expect(formatThroughput(null, EN)).toBe('—')
  })

  it('formatSize rounds to two significant figures; formatMiB and formatBytes', () => {
    expect(formatSize(181_234, EN)).toBe('180,000')
    expect(formatSize(3_162_278, KO)).toBe('3,200,000')
    expect(formatMiB(12.34 * 2 ** 20, EN)).toBe('12.3 MiB')
    expect(formatMiB(2 ** 20, KO)).toBe('1 MiB')
    expect(formatBytes(512, EN)).toBe('512 B')
    expect(formatBytes(1536, KO)).toBe('1.5 KB')
    expect(formatBytes(16e9, EN)).toBe('14.9 GB')
  })
})

describe('percentages (one rule: a fraction in, one decimal out)', () => {
  it('formatPercent keeps one decimal at every size', () => {
    expect(formatPercent(0.873, EN)).toBe('87.3%')
    expect(formatPercent(0.042, EN)).toBe('4.2%')
    expect(formatPercent(2.8, EN)).toBe('280.0%')
    // 99.6 % efficiency is not perfect scaling: it must not read "100%".
    expect(formatPercent(0.996, KO)).toBe('99.6%')
    expect(formatPercent(null, KO)).toBe('—')
  })

  it('formatPercent with 0 decimals for levels that are whole by definition', () => {
    expect(formatPercent(0.95, EN, 0)).toBe('95%')
    expect(formatPercent(0.42, KO, 0)).toBe('42%')
  })

  it('formatSignedPercent always shows the sign, with a true minus', () => {
    expect(formatSignedPercent(0.2, EN)).toBe('+20.0%')
    expect(formatSignedPercent(-0.05, EN)).toBe('−5.0%')
    expect(formatSignedPercent(0, KO)).toBe('+0.0%')
    expect(formatSignedPercent(-0.123, KO)).toBe('−12.3%')
    expect(formatSignedPercent(undefined, EN)).toBe('—')
  })
})

describe('durations', () => {
  it('formatDuration picks ms, s, min or h', () => {
    expect(
      [0.42, 421, 1234, 12_345, 125_000, 3 * 3_600_000 + 300_000].map((x) => formatDuration(x, EN))
    ).toEqual(['0.420 ms', '421 ms', '1.23 s', '12.3 s', '2 min 05 s', '3 h 05 min'])
    expect(
      [0.42, 421, 1234, 125_000, 3 * 3_600_000 + 300_000].map((x) => formatDuration(x, KO))
    ).toEqual(['0.420ms', '421ms', '1.23초', '2분 05초', '3시간 05분'])
    expect(formatDuration(null, KO)).toBe('—')
    expect(formatDuration(Number.NaN, EN)).toBe('—')
  })

  it('formatElapsed shows tenths of a second on a running clock', () => {
    expect(formatElapsed(400, EN)).toBe('0.4 s')
    expect(formatElapsed(12_500, KO)).toBe('12.5초')
    expect(formatElapsed(125_000, KO)).toBe('2분 05초')
  })

  it('formatMs stays in milliseconds, three significant figures', () => {
    expect(formatMs(12.345, EN)).toBe('12.3 ms')
    expect(formatMs(1480, EN)).toBe('1,480 ms')
    expect(formatMs(12.345, KO)).toBe('12.3ms')
  })

  it('formatMsCell: decimals by size, no digit groups (CLI and Markdown table cells)', () => {
    expect([1234.56, 42.1, 0.42].map(formatMsCell)).toEqual(['1234.6', '42.10', '0.420'])
    expect(formatMsCell(Number.NaN)).toBe('—')
  })

  it('durationUnit chooses one unit for a whole column or axis', () => {
    expect(durationUnit(1999)).toEqual({ unit: 'ms', scale: 1 })
    expect(durationUnit(2000)).toEqual({ unit: 's', scale: 1 / 1000 })
  })
})

describe('dates', () => {
  // Local time: the same wall-clock reading in any time zone the tests run in.
  const at = new Date(2026, 10, 24, 15, 51).getTime()

  it('formatDateTime writes date and time in the language, and passes bad input through', () => {
    expect(formatDateTime(at, EN)).toBe('Nov 24, 2026, 03:51 PM')
    // The day period is "PM" or "오후" depending on the ICU data Node ships with.
    expect(formatDateTime(at, KO)).toMatch(/^2026년 11월 24일 (PM|오후) 03:51$/)
    expect(formatDateTime('not a date', KO)).toBe('not a date')
  })

  it('formatShortDate and formatAxisTime', () => {
    expect(formatShortDate(at, EN)).toBe('Nov 24')
    expect(formatShortDate(at, KO)).toBe('11월 24일')
    expect(formatAxisTime(at, 3_600_000, EN)).toBe('03:51 PM')
    expect(formatAxisTime(at, 10 * 86_400_000, KO)).toBe('11월 24일')
  })
})
