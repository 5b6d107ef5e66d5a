/**
 * Parsing what people type: integers, ranges and worker lists, one grammar
 * each, shared by the CLI and the renderer's form; the result is then
 * validated by the run configuration schema.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const SIGN = '([+-]?)'
const DIGITS = new RegExp(`^${SIGN}(\\d+)$`)
/** Thousands groups with one separator used throughout: 1_000_000, 1,000,000, 1 000 000, 1'000'000. */
const GROUPED = /^([+-]?)(\d{1,3})([_,'\s\u00a0\u202f])(\d{3})((?:\3\d{3})*)$/
const SCIENTIFIC = /^([+-]?)(\d+)(?:\.(\d+))?e\+?(\d{1,3})$/i
const POWER = /^([+-]?)(\d{1,4})\s*\^\s*(\d{1,3})$/

/**
 * An integer as people type it, the one number grammar of the CLI and the
 * form: digits ("1000000"), thousands groups with one separator
 * ("1_000_000", "1,000,000", "1 000 000", "1'000'000"), exponent notation
 * whose value is whole ("1e9", "2.5e6") or a power ("10^9", "2^53"), each
 * with an optional sign. Separators must group digits in threes, so "1,5" is
 * refused rather than read as 15. Returns a Number, which may be unsafe: the
 * schema, not the parser, says why a value is out of range.
 */
export function parseIntegerText(text: string): Parsed<number> {
  const t = text.trim()
  if (t === '') return { ok: false, message: 'a number is required' }
  const signed = (sign: string, value: number): Parsed<number> => ({
    ok: true,
    value: sign === '-' ? -value : value
  })
  const digits = DIGITS.exec(t)
  if (digits) return signed(digits[1], Number(digits[2]))
  const grouped = GROUPED.exec(t)
  if (grouped) {
    const [, sign, head, sep, first, rest] = grouped
    return signed(sign, Number(head + first + rest.split(sep).join('')))
  }
  const sci = SCIENTIFIC.exec(t)
  if (sci) {
    const [, sign, whole, fraction = '', exponent] = sci
    const shift = Number(exponent) - fraction.length
    if (shift < 0 && !/^0*$/.test(fraction.slice(fraction.length + shift))) {
      return { ok: false, message: `"${t}" is not a whole number` }
    }
    return signed(sign, Number(`${whole}${fraction}e${shift}`))
  }
  const power = POWER.exec(t)
  if (power) return signed(power[1], Number(power[2]) ** Number(power[3]))
  if (/^[+-]?\d[\d_,'\s\u00a0\u202f]*\d$/.test(t)) {
    return {
      ok: false,
      message: `"${t}": separators must group digits in threes (1,000,000 or 1_000_000)`
    }
  }
  return { ok: false, message: `"${t}" is not a whole number (e.g. 1_000_000, 1e6 or 10^6)` }
}

/** "START:END", e.g. "0:1_000_000_000", "-500:500" or "0:1e9". */
export function parseRangeText(text: string): Parsed<{ start: number; end: number }> {
  const parts = text.split(':')
  if (parts.length !== 2) {
    return { ok: false, message: `"${text.trim()}" is not START:END (e.g. 0:1_000_000_000)` }
  }
  const start = parseIntegerText(parts[0])
  if (!start.ok) return { ok: false, message: `start: ${start.message}` }
  const end = parseIntegerText(parts[1])
  if (!end.ok) return { ok: false, message: `end: ${end.message}` }
  return { ok: true, value: { start: start.value, end: end.value } }
}

/** Largest number of worker counts a list may expand to before it is refused. */
const MAX_EXPANSION = 1024

export type WorkerListParsed =
  | { ok: true; value: number[] }
  | { ok: false; message: string; /** The items that are not worker counts. */ bad: string[] }

/**
 * The one worker-list grammar of the CLI and the form: counts and spans
 * separated by commas, semicolons or spaces — "1,2,4", "1-8", "1-4 8",
 * "1–4; 8", "2..6". A span a-b is every count from a to b. Counts are plain
 * digits (a comma separates items, it never groups digits). Duplicates are
 * dropped, the order is kept.
 */
export function parseWorkerList(text: string): WorkerListParsed {
  const items = text
    .replace(/\s*(?:-|–|\.\.|…)\s*/g, '-')
    .split(/[,;\s]+/)
    .filter((p) => p !== '')
  if (items.length === 0) {
    return { ok: false, message: 'give at least one worker count', bad: [] }
  }
  const out: number[] = []
  const bad: string[] = []
  let message: string | null = null
  for (const item of items) {
    const span = /^(\d+)-(\d+)$/.exec(item)
    if (span) {
      const from = Number(span[1])
      const to = Number(span[2])
      if (to < from) {
        bad.push(item)
        message ??= `"${item}": a span must go upwards`
      } else if (to - from + 1 + out.length > MAX_EXPANSION) {
        bad.push(item)
        message ??= `"${item}" expands to too many worker counts`
      } else for (let n = from; n <= to; n++) out.push(n)
      continue
    }
    if (/^\d+$/.test(item)) out.push(Number(item))
    else {
      bad.push(item)
      message ??= `"${item}" is not a worker count`
    }
  }
  if (message !== null) return { ok: false, message, bad }
  return { ok: true, value: [...new Set(out)] }
}

/** Powers of two up to `max` (and `max` itself): 1, 2, 4, …, max. */
export function powersOfTwoUpTo(max: number): number[] {
  const out: number[] = []
  for (let n = 1; n < max; n *= 2) out.push(n)
  out.push(max)
  return [...new Set(out)]
}
