/**
 * How numbers, durations, percentages and dates are written, everywhere: the
 * renderer (in the user's language), the CLI's tables, the Markdown and CSV
 * reports and the analysis's English messages (locale 'en', the default).
 * One rule per kind of figure, locale-aware through Intl; nothing else in
 * the code base calls toFixed, toLocaleString or Intl.NumberFormat to show
 * a figure.
 */

/** A number that can be written: not null, undefined, NaN or ±∞ (those are written "—"). */
function isFigure(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x)
}

const cache = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string, digits: number, minDigits = digits): Intl.NumberFormat {
  const key = `${locale}|${digits}|${minDigits}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      maximumFractionDigits: digits,
      minimumFractionDigits: minDigits
    })
    cache.set(key, f)
  }
  return f
}

/** 1234567 → "1,234,567". */
export function formatInteger(value: number, locale = 'en'): string {
  return numberFormat(locale, 0).format(value)
}

/** A decimal string of any length (a bigint total) with grouping: "2499999950000000" → "2,499,999,950,000,000". */
export function formatDecimalString(value: string, locale = 'en'): string {
  if (!/^-?\d+$/.test(value)) return value
  try {
    return numberFormat(locale, 0).format(BigInt(value))
  } catch {
    return value
  }
}

/** Three significant figures, never scientific: 0.0123, 4.56, 78.9, 1,234. */
export function formatSignificant(value: number, locale = 'en'): string {
  if (!Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  if (abs === 0) return numberFormat(locale, 0).format(0)
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : abs >= 0.1 ? 3 : 4
  return numberFormat(locale, digits).format(value)
}

/** An axis tick: at most two decimals, no trailing zeros (0, 0.5, 1.25, 12). */
export function formatTick(value: number, locale = 'en'): string {
  return numberFormat(locale, 2, 0).format(value)
}

/** How durations are written: "1.23 s", "2 min 05 s" in English; "1.23초", "2분 05초" in Korean. */
interface DurationUnits {
  ms: string
  s: string
  min: string
  h: string
}

const UNITS_EN: DurationUnits = { ms: ' ms', s: ' s', min: ' min', h: ' h' }
const UNITS_KO: DurationUnits = { ms: 'ms', s: '초', min: '분', h: '시간' }

function durationUnits(locale: string): DurationUnits {
  return locale.toLowerCase().startsWith('ko') ? UNITS_KO : UNITS_EN
}

/** Elapsed time on a running clock: "0.4 s", "12.5 s", "2 min 05 s". */
export function formatElapsed(ms: number, locale = 'en'): string {
  if (ms < 60_000)
    return `${numberFormat(locale, 1, 1).format(ms / 1000)}${durationUnits(locale).s}`
  return formatDuration(ms, locale)
}

/** A duration for people: "0.42 ms", "42.1 ms", "421 ms", "1.23 s", "2 min 05 s" (or in Korean "1.23초", "2분 05초"). */
export function formatDuration(ms: number | null | undefined, locale = 'en'): string {
  if (!isFigure(ms)) return '—'
  const u = durationUnits(locale)
  const abs = Math.abs(ms)
  if (abs < 1000) return `${formatSignificant(ms, locale)}${u.ms}`
  if (abs < 60_000) return `${numberFormat(locale, abs < 10_000 ? 2 : 1).format(ms / 1000)}${u.s}`
  const totalSeconds = Math.round(ms / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  if (minutes < 60) return `${minutes}${u.min} ${String(seconds).padStart(2, '0')}${u.s}`
  return `${Math.floor(minutes / 60)}${u.h} ${String(minutes % 60).padStart(2, '0')}${u.min}`
}

/** A duration in the unit that suits a whole set of values (for table columns and axes). */
export function durationUnit(maxMs: number): { unit: 'ms' | 's'; scale: number } {
  return maxMs >= 2000 ? { unit: 's', scale: 1 / 1000 } : { unit: 'ms', scale: 1 }
}

/** 2.4138 → "2.41×". */
export function formatSpeedup(value: number | null | undefined, locale = 'en'): string {
  if (!isFigure(value)) return '—'
  return `${numberFormat(locale, 2, 2).format(value)}×`
}

const percentFormats = new Map<string, Intl.NumberFormat>()

function percentFormat(locale: string, signed: boolean, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${signed}|${decimals}`
  let f = percentFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: decimals,
      minimumFractionDigits: decimals,
      signDisplay: signed ? 'always' : 'auto'
    })
    percentFormats.set(key, f)
  }
  return f
}

/**
 * A fraction as a percentage, always with one decimal: 0.873 → "87.3%",
 * 0.042 → "4.2%", 2.8 → "280.0%". One decimal at every size, so figures in a
 * column or a sentence compare at the same precision, and 99.6 % efficiency
 * never reads as a perfect "100%". A level that is whole by definition (a
 * 95% interval, a progress bar) asks for `decimals` 0.
 */
export function formatPercent(
  value: number | null | undefined,
  locale = 'en',
  decimals = 1
): string {
  if (!isFigure(value)) return '—'
  return percentFormat(locale, false, decimals).format(value)
}

/** A change as a signed percentage: 0.2 → "+20.0%", −0.05 → "−5.0%" (a true minus sign), 0 → "+0.0%". */
export function formatSignedPercent(value: number | null | undefined, locale = 'en'): string {
  if (!isFigure(value)) return '—'
  return percentFormat(locale, true, 1).format(value).replace('-', '−')
}

/** A ratio with three decimals, for comparisons of two runs: 1.2345 → "1.235×". */
export function formatRatio(value: number | null | undefined, locale = 'en'): string {
  if (!isFigure(value)) return '—'
  return `${numberFormat(locale, 3).format(value)}×`
}

/** A plain fraction with three decimals (Karp–Flatt): 0.042. */
export function formatFraction(value: number | null | undefined, locale = 'en'): string {
  if (!isFigure(value)) return '—'
  return numberFormat(locale, 3, 3).format(value)
}

/** Bytes in binary units for people: "512 B", "1.5 KB", "15.6 GB". */
export function formatBytes(bytes: number, locale = 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let i = 0
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024
    i++
  }
  return `${numberFormat(locale, i === 0 ? 0 : 1).format(value)} ${units[i]}`
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** Intl formatters are costly to build (about a millisecond each): build each once. */
function dateFormat(locale: string, kind: 'dateTime' | 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`
  let f = dateFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      kind === 'dateTime'
        ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
        : kind === 'date'
          ? { month: 'short', day: 'numeric' }
          : { hour: '2-digit', minute: '2-digit' }
    )
    dateFormats.set(key, f)
  }
  return f
}

const dateTimes = new Map<string, string>()

/**
 * "Nov 24, 2025, 03:51 AM" in the user's locale. Remembered: a history list
 * formats the same few dozen dates on every scroll step.
 */
export function formatDateTime(iso: string | number, locale = 'en'): string {
  const key = `${locale}|${iso}`
  const known = dateTimes.get(key)
  if (known !== undefined) return known
  const date = new Date(iso)
  const text = Number.isNaN(date.getTime())
    ? String(iso)
    : dateFormat(locale, 'dateTime').format(date)
  if (dateTimes.size > 50_000) dateTimes.clear()
  dateTimes.set(key, text)
  return text
}

export function formatShortDate(ms: number, locale = 'en'): string {
  return dateFormat(locale, 'date').format(ms)
}

/** A time axis label: the clock within a day or two, the date beyond. */
export function formatAxisTime(ms: number, spanMs: number, locale = 'en'): string {
  if (spanMs <= 2 * 86_400_000) return dateFormat(locale, 'time').format(ms)
  return formatShortDate(ms, locale)
}

/** An interpolated size, to two significant figures: 181,234 → "180,000". */
export function formatSize(n: number, locale = 'en'): string {
  return formatInteger(Number(n.toPrecision(2)), locale)
}

/** Bytes as MiB with three significant figures: "12.3 MiB". */
export function formatMiB(bytes: number, locale = 'en'): string {
  return `${formatValue(bytes / 2 ** 20, 3, locale)} MiB`
}

/** Milliseconds in a sentence, three significant figures, never another unit: "12.3 ms" ("12.3ms" in Korean). */
export function formatMs(ms: number, locale = 'en'): string {
  return `${formatSignificant(ms, locale)}${durationUnits(locale).ms}`
}

/**
 * A dimensionless value with `digits` significant figures and no trailing
 * zeros: 0.031234 → "0.0312", 1.8 → "1.8", 26.4 (2 digits) → "26".
 */
export function formatValue(x: number, digits = 3, locale = 'en'): string {
  if (!Number.isFinite(x)) return String(x)
  if (x === 0) return '0'
  const rounded = Number(x.toPrecision(digits))
  const decimals = digits - 1 - Math.floor(Math.log10(Math.abs(rounded)))
  // Intl writes at most 20 decimals; a smaller value keeps its exponent.
  if (decimals > 20) return String(rounded)
  return numberFormat(locale, Math.max(0, decimals), 0).format(rounded)
}

/** A p-value: "p = 0.012", or "p < 0.001" below that. */
export function formatPValue(p: number, locale = 'en'): string {
  return p < 0.001
    ? `p < ${numberFormat(locale, 3).format(0.001)}`
    : `p = ${formatValue(p, 2, locale)}`
}

/** "1.23 G/s", "812 M/s", "45.6 k/s": elements per second, three significant figures. */
export function formatThroughput(perSecond: number | null, locale = 'en'): string {
  if (!isFigure(perSecond)) return '—'
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k']
  ]
  for (const [scale, unit] of units)
    if (perSecond >= scale) return `${precision3(perSecond / scale, locale)} ${unit}/s`
  return `${precision3(perSecond, locale)} /s`
}

/** Three significant figures with trailing zeros kept (1.20, 812, 45.6). */
function precision3(x: number, locale: string): string {
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(Number(x.toPrecision(3))))))
  return numberFormat(locale, decimals).format(x)
}

/**
 * Milliseconds in a table cell (CLI, Markdown), the column's header naming
 * the unit: more decimals for shorter times, no digit groups so columns
 * stay narrow: 1234.5, 42.10, 0.420.
 */
export function formatMsCell(ms: number): string {
  if (!Number.isFinite(ms)) return '—'
  return ms >= 100 ? ms.toFixed(1) : ms >= 10 ? ms.toFixed(2) : ms.toFixed(3)
}

/** A fixed number of decimals, for table cells and intervals: (1.8765, 2) → "1.88". */
export function formatFixed(
  value: number | null | undefined,
  decimals: number,
  locale = 'en'
): string {
  if (!isFigure(value)) return '—'
  return numberFormat(locale, decimals).format(value)
}

/** "1.93 ± 0.02×": the value to `decimals` places, the error to two significant figures. */
export function formatWithError(
  value: number,
  error: number | null | undefined,
  unit = '×',
  decimals = 2,
  locale = 'en'
): string {
  if (!Number.isFinite(value)) return '—'
  const shown = formatFixed(value, decimals, locale)
  return isFigure(error) && error > 0
    ? `${shown} ± ${formatValue(error, 2, locale)}${unit}`
    : `${shown}${unit}`
}
