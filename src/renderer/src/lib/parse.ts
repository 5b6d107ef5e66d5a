/**
 * The run form's parsing, on the grammar the CLI uses (src/shared/parse.ts):
 * one number grammar and one worker-list grammar for both. Pure: no DOM, no state.
 */
import { parseIntegerText, parseWorkerList as parseSharedWorkerList } from '../../../shared/parse'

/** A whole number as typed (1_000_000, 1,000,000, 5e7, 10^9); NaN when it is not one, so the schema says "must be a number". */
export function parseNumber(text: string): number {
  const parsed = parseIntegerText(text)
  return parsed.ok ? parsed.value : Number.NaN
}

/** What a worker-count list parsed to: the counts, or the pieces that made no sense. */
export type WorkerListParse = { ok: true; counts: number[] } | { ok: false; bad: string[] }

/** A custom list of worker counts: "1,2,4", "1-8", "1-4, 8 16" — the CLI's --workers grammar. */
export function parseWorkerList(text: string): WorkerListParse {
  const parsed = parseSharedWorkerList(text)
  if (parsed.ok) return { ok: true, counts: parsed.value }
  return { ok: false, bad: parsed.bad.length ? parsed.bad : [text.trim()] }
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
