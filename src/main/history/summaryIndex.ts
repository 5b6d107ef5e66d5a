import { appendFile, readFile, rm } from 'node:fs/promises'
import { BACKENDS, POOLS, WORKLOADS } from '../../shared/config'
import type { RunSummary } from '../../shared/history'
import { WORKER_VERDICTS } from '../../shared/analysis/runVerdictCode'
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

/**
 * 2: speedups of replicate and weak runs are scaled (N·T1/TN); 3: each
 * speedup's interval and verdict (History's verdict column); 4: the machine
 * and the contention code (a contended run's reference point). Older indexes
 * are rebuilt.
 */
const VERSION = 4

const CONTENTION_CODES = ['contended', 'quiet', 'unknown']

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
    (s.machine === undefined || s.machine === null || typeof s.machine === 'string') &&
    (s.contention === undefined || oneOf(CONTENTION_CODES, s.contention)) &&
    Array.isArray(s.points) &&
    s.points.every(
      (p) =>
        isObject(p) &&
        isInt(p.workers) &&
        isNumber(p.medianMs) &&
        (isNumber(p.speedup) || p.speedup === null) &&
        (p.low === undefined || isNumber(p.low)) &&
        (p.high === undefined || isNumber(p.high)) &&
        (p.verdict === undefined || oneOf(WORKER_VERDICTS, p.verdict))
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
 * How many appends the journal takes before the whole index is saved again:
 * an append costs one short line, not the 44 MB snapshot of 100,000 runs
 * (0.6 s on the build machine); a fresh store replays at most this many lines.
 */
export const JOURNAL_LIMIT = 1000

/** One append, as the journal beside the index records it: the file went from stamp `from` to `to`. */
interface JournalLine {
  from: string
  to: string
  size: number
  entry: IndexEntry
}

/**
 * The summary index saved beside the history, when it describes the history
 * file as it is now (same stamp): the snapshot, then the appends its journal
 * records, each taken only when it follows on from the stamp reached so far.
 * Otherwise null, and the history is read whole. It is only ever a cache: a
 * stale, damaged or missing index or journal costs time, never data.
 */
export async function loadSummaryIndex(
  path: string,
  stamp: string,
  journalPath = `${path}l`
): Promise<{ index: HistoryIndex; journalLines: number } | null> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return null
  }
  if (!isObject(raw) || raw.version !== VERSION || typeof raw.stamp !== 'string') return null
  const { entries, size, endsWithNewline } = raw
  if (!isInt(size) || typeof endsWithNewline !== 'boolean' || !Array.isArray(entries)) return null
  if (!entries.every((e) => isEntry(e, size))) return null
  let idx = indexOf(raw.stamp, entries, size, endsWithNewline)
  if (idx.byId.size !== entries.length) return null
  let journalLines = 0
  if (idx.stamp !== stamp) {
    for (const line of await readJournal(journalPath)) {
      if (line.from !== idx.stamp || idx.byId.has(line.entry.id)) continue
      if (!isEntry(line.entry, line.size) || line.entry.offset < idx.size) return null
      idx = withAppended(idx, line.entry, line.to, line.size)
      journalLines++
    }
    if (idx.stamp !== stamp) return null
  }
  // JSON has no NaN: a NaN speedup was saved as null.
  for (const e of idx.entries)
    for (const p of e.summary.points) if (p.speedup === null) p.speedup = Number.NaN
  return { index: idx, journalLines }
}

/** The journal's lines that parse; a torn last line (a crash mid-append) is skipped. */
async function readJournal(journalPath: string): Promise<JournalLine[]> {
  let text: string
  try {
    text = await readFile(journalPath, 'utf8')
  } catch {
    return []
  }
  const lines: JournalLine[] = []
  for (const raw of text.split('\n')) {
    if (raw.length === 0) continue
    try {
      const v: unknown = JSON.parse(raw)
      if (
        isObject(v) &&
        typeof v.from === 'string' &&
        typeof v.to === 'string' &&
        isInt(v.size) &&
        isObject(v.entry)
      )
        lines.push(v as unknown as JournalLine)
    } catch {
      // A torn line: the chain stops matching and the index is rebuilt if it mattered.
    }
  }
  return lines
}

/**
 * Records one append (`from` → `index.stamp`) in the journal beside the
 * index, without fsync: a lost line only makes the next start read the
 * history whole.
 */
export async function journalAppend(
  journalPath: string,
  from: string | null,
  index: HistoryIndex,
  entry: IndexEntry
): Promise<void> {
  if (from === null || index.stamp === null) throw new Error('no stamp to chain the journal from')
  const line: JournalLine = { from, to: index.stamp, size: index.size, entry }
  await appendFile(journalPath, JSON.stringify(line) + '\n')
}

/**
 * Saves the index atomically but without fsync, then empties the journal
 * (whose appends the snapshot now holds): it is a cache, and one lost to a
 * power cut is only read as missing and rebuilt from the history.
 */
export async function saveSummaryIndex(
  path: string,
  index: HistoryIndex,
  journalPath = `${path}l`
): Promise<void> {
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
  await rm(journalPath, { force: true })
}
