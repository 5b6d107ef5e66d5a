/**
 * Parsing of what people type into the run form. Pure: no DOM, no state.
 * Bounds accept digit separators (1_000_000, 1,000,000, 1 000 000, 1'000'000)
 * and exponent notation (5e7, 2e10); anything else becomes NaN so the shared
 * schema reports it as "must be a number".
 */

const SEPARATORS = /[_,'\s\u00a0\u202f]/g
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i

/** A number typed with or without digit separators; NaN when it is not one. */
export function parseNumber(text: string): number {
  const compact = text.trim().replace(SEPARATORS, '')
  if (!PLAIN_NUMBER.test(compact)) return Number.NaN
  return Number(compact)
}

/** What a worker-count list parsed to: the counts, or the pieces that made no sense. */
export type WorkerListParse = { ok: true; counts: number[] } | { ok: false; bad: string[] }

/** Keeps an absurd "1-1000000" from allocating a million-entry array before validation. */
const MAX_EXPANDED = 4096

/**
 * A custom list of worker counts: "1,2,4", "1-8", "1-4, 8 16" (commas,
 * semicolons or spaces between items; a-b for every count from a to b).
 * Order and duplicates are kept as typed; the engine deduplicates.
 */
export function parseWorkerList(text: string): WorkerListParse {
  const items = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  const counts: number[] = []
  const bad: string[] = []
  for (const item of items) {
    const span = /^(\d+)\s*(?:-|–|\.\.|…)\s*(\d+)$/.exec(item)
    if (span) {
      const from = Number(span[1])
      const to = Number(span[2])
      if (to < from || to - from >= MAX_EXPANDED) {
        bad.push(item)
        continue
      }
      for (let n = from; n <= to; n++) counts.push(n)
    } else if (/^\d+$/.test(item)) {
      counts.push(Number(item))
    } else {
      bad.push(item)
    }
  }
  return bad.length ? { ok: false, bad } : { ok: true, counts }
}

/** 1, 2, 3 … cores. */
export function everyCount(cores: number): number[] {
  const n = Math.max(1, Math.floor(cores))
  return Array.from({ length: n }, (_, i) => i + 1)
}

/** 1, 2, 4, 8 … up to cores, plus cores itself when it is not a power of two. */
export function doublingCounts(cores: number): number[] {
  const n = Math.max(1, Math.floor(cores))
  const out: number[] = []
  for (let c = 1; c <= n; c *= 2) out.push(c)
  if (out[out.length - 1] !== n) out.push(n)
  return out
}

/** Writes counts back compactly: [1,2,3,4,8] → "1-4, 8". */
export function formatWorkerList(counts: readonly number[]): string {
  const parts: string[] = []
  let i = 0
  while (i < counts.length) {
    let j = i
    while (j + 1 < counts.length && counts[j + 1] === counts[j] + 1) j++
    if (j - i >= 2) parts.push(`${counts[i]}-${counts[j]}`)
    else for (let k = i; k <= j; k++) parts.push(String(counts[k]))
    i = j + 1
  }
  return parts.join(', ')
}

export function sameCounts(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
