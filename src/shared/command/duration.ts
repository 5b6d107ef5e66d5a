import type { Parsed } from '../parse'

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }

/**
 * A duration as people type it for --timeout: "500ms", "30s", "10m", "1.5h",
 * "1m30s", or a plain number of seconds ("90"), as coreutils' timeout reads it.
 * Whole milliseconds; at least 1 ms.
 */
export function parseDurationText(text: string): Parsed<number> {
  const t = text.trim().toLowerCase()
  const bad: Parsed<number> = {
    ok: false,
    message: `"${text.trim()}" is not a duration (e.g. 30s, 10m, 1h, 500ms)`
  }
  if (t === '') return { ok: false, message: 'a duration is required' }
  if (/^\d+(\.\d+)?$/.test(t)) return whole(Number(t) * 1000, bad)
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)\s*(ms|min|s|m|h)/g)]
  if (
    parts.length === 0 ||
    parts.map((p) => p[0].replace(/\s+/g, '')).join('') !== t.replace(/\s+/g, '')
  )
    return bad
  return whole(
    parts.reduce((ms, p) => ms + Number(p[1]) * UNITS[p[2]], 0),
    bad
  )
}

function whole(ms: number, bad: Parsed<number>): Parsed<number> {
  if (!Number.isFinite(ms)) return bad
  const rounded = Math.round(ms)
  return rounded >= 1
    ? { ok: true, value: rounded }
    : { ok: false, message: 'a duration must be at least 1 ms' }
}
