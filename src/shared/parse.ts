/**
 * Parsing what people type: integers with digit separators, ranges and
 * worker lists. Shared by the CLI and the renderer's form; the result is
 * then validated by the run configuration schema.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const INTEGER = /^[+-]?\d+$/

/**
 * An integer as typed: "1000000", "1_000_000", "1,000,000" or "1 000 000"
 * (separators between digit groups only). Returns a Number, which may be
 * unsafe: the schema, not the parser, says why a value is out of range.
 */
export function parseIntegerText(text: string): Parsed<number> {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: 'a number is required' }
  const compact = trimmed.replace(/(?<=\d)[_,\s\u00a0\u202f'](?=\d)/g, '')
  if (!INTEGER.test(compact)) {
    return { ok: false, message: `"${trimmed}" is not a whole number` }
  }
  return { ok: true, value: Number(compact) }
}

/** "START:END", e.g. "0:1_000_000_000" or "-500:500". */
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

/**
 * A worker list: "1,2,4", "1-8", "1-4,8,16". Duplicates are kept out and
 * the order is kept; ranges expand inclusively.
 */
export function parseWorkerList(text: string): Parsed<number[]> {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 0) return { ok: false, message: 'give at least one worker count' }
  const out: number[] = []
  for (const part of parts) {
    const span = /^(\d+)\s*-\s*(\d+)$/.exec(part)
    if (span) {
      const from = Number(span[1])
      const to = Number(span[2])
      if (to < from) return { ok: false, message: `"${part}": the range must go upwards` }
      if (to - from + 1 + out.length > MAX_EXPANSION) {
        return { ok: false, message: `"${part}" expands to too many worker counts` }
      }
      for (let n = from; n <= to; n++) out.push(n)
      continue
    }
    if (!/^\d+$/.test(part)) return { ok: false, message: `"${part}" is not a worker count` }
    out.push(Number(part))
  }
  return { ok: true, value: [...new Set(out)] }
}

/** Powers of two up to `max` (and `max` itself): 1, 2, 4, …, max. */
export function powersOfTwoUpTo(max: number): number[] {
  const out: number[] = []
  for (let n = 1; n < max; n *= 2) out.push(n)
  out.push(max)
  return [...new Set(out)]
}
