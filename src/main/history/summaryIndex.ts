import { readFile } from 'node:fs/promises'
import { BACKENDS, POOLS, WORKLOADS } from '../../shared/config'
import type { RunSummary } from '../../shared/history'
import { atomicWriteFile } from '../fs/atomicWriteFile'

/** Where one stored run's line is in the history file, and what the list shows of it. */
export interface IndexEntry {
  id: string
  /** 1-based line number when the file was last read whole; 0 for a line appended since. */
  line: number
  offset: number
  length: number
  summary: RunSummary
}

/** What the store knows of the history file, valid while the file's stamp is unchanged. */
export interface HistoryIndex {
  /** inode:size:mtime of the file described; null when there is no file. */
  stamp: string | null
  entries: IndexEntry[]
  byId: Map<string, IndexEntry>
  size: number
  /** False when the last byte is not '\n' (a cut-off line): the next append starts a new line. */
  endsWithNewline: boolean
}

/** 2: speedups of replicate and weak runs are scaled (N·T1/TN); older indexes are rebuilt. */
const VERSION = 2

type Loose = Record<string, unknown>
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null
const isInt = (v: unknown): v is number => Number.isSafeInteger(v)
const isNumber = (v: unknown): v is number => typeof v === 'number'
const oneOf = (values: readonly string[], v: unknown): boolean =>
  typeof v === 'string' && values.includes(v)

/**
 * Checks a saved summary's shape. Hand-written rather than zod: it runs
 * 10,000 times while the history opens, and the records these summaries came
 * from were fully validated when they were read or stored.
 */
function isSummary(s: unknown): s is RunSummary {
  if (!isObject(s) || !isObject(s.config) || !isObject(s.config.range)) return false
  const c = s.config
  const r = s.config.range
  return (
    typeof s.id === 'string' &&
    typeof s.startedAt === 'string' &&
    typeof s.cpuModel === 'string' &&
    typeof s.correct === 'boolean' &&
    isInt(r.start) &&
    isInt(r.end) &&
    Array.isArray(c.workers) &&
    c.workers.every(isInt) &&
    oneOf(WORKLOADS, c.workload) &&
    oneOf(BACKENDS, c.backend) &&
    oneOf(POOLS, c.pool) &&
    isInt(c.warmup) &&
    (isInt(c.reps) || c.reps === 'auto') &&
    Array.isArray(s.points) &&
    s.points.every(
      (p) =>
        isObject(p) &&
        isInt(p.workers) &&
        isNumber(p.medianMs) &&
        (isNumber(p.speedup) || p.speedup === null)
    )
  )
}

function isEntry(e: unknown, size: number): e is IndexEntry {
  return (
    isObject(e) &&
    typeof e.id === 'string' &&
    isInt(e.line) &&
    isInt(e.offset) &&
    isInt(e.length) &&
    e.offset >= 0 &&
    e.length > 0 &&
    e.offset + e.length <= size &&
    isSummary(e.summary) &&
    e.summary.id === e.id
  )
}

export function indexOf(
  stamp: string | null,
  entries: IndexEntry[],
  size: number,
  endsWithNewline: boolean
): HistoryIndex {
  return { stamp, entries, byId: new Map(entries.map((e) => [e.id, e])), size, endsWithNewline }
}

/**
 * `index` with `entry` appended at the end of the file. The id map is taken
 * over, not rebuilt (100,000 entries cost 200 ms to map again): `index` is
 * the one being replaced and is not used after this.
 */
export function withAppended(
  index: HistoryIndex,
  entry: IndexEntry,
  stamp: string | null,
  size: number
): HistoryIndex {
  index.byId.set(entry.id, entry)
  return {
    stamp,
    entries: [...index.entries, entry],
    byId: index.byId,
    size,
    endsWithNewline: true
  }
}

/**
 * The summary index saved beside the history, when it describes the history
 * file as it is now (same stamp); otherwise null, and the history is read
 * whole. It is only ever a cache: a stale, damaged or missing index costs
 * time, never data.
 */
export async function loadSummaryIndex(path: string, stamp: string): Promise<HistoryIndex | null> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return null
  }
  if (!isObject(raw) || raw.version !== VERSION || raw.stamp !== stamp) return null
  const { entries, size, endsWithNewline } = raw
  if (!isInt(size) || typeof endsWithNewline !== 'boolean' || !Array.isArray(entries)) return null
  if (!entries.every((e) => isEntry(e, size))) return null
  // JSON has no NaN: a NaN speedup was saved as null.
  for (const e of entries)
    for (const p of e.summary.points) if (p.speedup === null) p.speedup = Number.NaN
  const idx = indexOf(stamp, entries, size, endsWithNewline)
  return idx.byId.size === entries.length ? idx : null
}

/**
 * Saves the index atomically but without fsync: it is a cache, and one lost
 * to a power cut is only read as damaged and rebuilt from the history.
 */
export async function saveSummaryIndex(path: string, index: HistoryIndex): Promise<void> {
  if (index.stamp === null) return
  await atomicWriteFile(
    path,
    JSON.stringify({
      version: VERSION,
      stamp: index.stamp,
      size: index.size,
      endsWithNewline: index.endsWithNewline,
      entries: index.entries
    }),
    { durable: false }
  )
}
