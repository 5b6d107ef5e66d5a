import { mkdir, open, rm, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { summarize } from '../../shared/history'
import type { DamagedEntry, HistoryListing } from '../../shared/history'
import type { HistoryPage, HistoryPageQuery, HistorySeries } from '../../shared/historyPage'
import { MAX_HISTORY_LINE_BYTES } from '../../shared/historySave'
import type { SaveFailure } from '../../shared/historySave'
import type { RunRecord } from '../../shared/result'
import { parseRunRecord } from '../../shared/runRecordSchema'
import { atomicReplace, syncDirectory } from '../fs/atomicWriteFile'
import { forEachLine } from './forEachLine'
import { acquireHistoryLock } from './historyLock'
import { buildView, configCounts, runsOf, seriesOf, withoutRuns, withRun } from './historyView'
import type { HistoryView } from './historyView'
import {
  JOURNAL_LIMIT,
  indexOf,
  journalAppend,
  loadSummaryIndex,
  saveSummaryIndex,
  withAppended
} from './summaryIndex'
import type { HistoryIndex, IndexEntry } from './summaryIndex'

/**
 * Run history as JSON Lines, one RunRecord a line, oldest first.
 *
 * - An append resolves only once its whole line is on disk: every byte
 *   written (short writes are continued), fsynced, and the file's size
 *   checked. A failed append (a full disk) cuts its partial line back off and
 *   rejects with a HistoryWriteError ('disk-full', 'too-large', 'io'). A line
 *   cut short anyway (the app killed mid-write) damages only itself: the next
 *   append starts on a fresh line, and loading sets the damaged line aside.
 * - Deleting rewrites the file atomically (temporary file, fsync, rename).
 * - Across processes (the app, the CLI, scripts on one history): every write
 *   (append, delete, clear, setting damage aside) holds `<file>.lock`, a lock
 *   directory kept by proper-lockfile (historyLock.ts: taken over at once when
 *   its holder died on this machine, else when stale after 10 s),
 *   so no process ever renames a new file over one another is appending to.
 *   Listing and reading take no lock: they never write, so they work on a
 *   full disk and a read-only folder; a listing that raced a writer is simply
 *   not cached.
 * - A damaged line is copied to `history.damaged-<time>.jsonl`, removed from
 *   the history, and reported with its line number and reason; it never stops
 *   the history from loading. While there is no room to copy it (a full disk)
 *   it is reported, left in place and skipped, and set aside by a later
 *   listing once there is room. An unreadable file is reported, not thrown.
 * - A line longer than MAX_HISTORY_LINE_BYTES is set aside unread, copied
 *   in chunks: reading stays linear in the file's size and memory bounded.
 * - Listing reads a summary index saved beside the file while it matches the
 *   file, so a history of 10,000 runs lists without parsing 10,000 records.
 * - Operations run one at a time, in the order they were asked for.
 */
export interface HistoryStore {
  /** The history file (shown to the user). */
  readonly path: string
  /** Summaries of every stored run (oldest first) and the damage found this session. */
  list(): Promise<HistoryListing>
  /**
   * A window of the list, newest first, with the counts and the damage: it
   * costs the window, not the history (the summaries are kept in memory).
   */
  page(query: HistoryPageQuery): Promise<HistoryPage>
  /** The history graph's points for one configuration (null: all), decimated when long. */
  series(key: string | null): Promise<HistorySeries>
  /** Every stored run's id, newest first, but those of `except` ("select all" resolved). */
  ids(except?: readonly string[]): Promise<string[]>
  append(run: RunRecord): Promise<void>
  get(id: string): Promise<RunRecord | null>
  /** The runs with these ids, in the order asked, and the ids not found. */
  getMany(ids: readonly string[]): Promise<{ runs: RunRecord[]; missing: string[] }>
  /** Removes these runs; resolves with how many were removed. */
  delete(ids: readonly string[]): Promise<number>
  /** Removes every run; resolves with how many there were. */
  clear(): Promise<number>
}

export interface HistoryStoreOptions {
  /** Default `history.jsonl`; the summary index is `<name>.index.json` beside it. */
  fileName?: string
  /** Clock for the set-aside file's name (tests). */
  now?: () => Date
  /** Longest line read or written; default MAX_HISTORY_LINE_BYTES (tests use less). */
  maxLineBytes?: number
  /** Appends journalled before the summary index is saved whole; default JOURNAL_LIMIT (tests use less). */
  journalLimit?: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const NEWLINE = Buffer.from('\n')

const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Reads one line as a RunRecord, or says why it is not one. */
function readRecord(
  bytes: Uint8Array
): { ok: true; run: RunRecord } | { ok: false; reason: string } {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { ok: false, reason: 'not UTF-8 text' }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${describe(e)})` }
  }
  const parsed = parseRunRecord(value)
  return parsed.ok
    ? { ok: true, run: parsed.value }
    : { ok: false, reason: `not a run record (${parsed.reason})` }
}

const isBlank = (bytes: Uint8Array): boolean =>
  bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)

/** Why an append did not store its run; `reason` is what the user is told. */
export class HistoryWriteError extends Error {
  constructor(
    readonly reason: SaveFailure,
    message: string,
    readonly code?: string
  ) {
    super(message)
    this.name = 'HistoryWriteError'
  }
}

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT'])
const isNoSpace = (e: unknown): boolean => NO_SPACE.has(errorCode(e) ?? '')

/** A line that could not be read, by where it is in the file (never its bytes: it may be huge). */
interface BadLine {
  line: number
  offset: number
  length: number
  reason: string
}

/** One pass over the file: what it holds, what is damaged, and whether it changed meanwhile. */
interface Scan {
  index: HistoryIndex
  bad: BadLine[]
  /** False when the file changed while it was read (another process wrote). */
  steady: boolean
}

export function createHistoryStore(dir: string, options: HistoryStoreOptions = {}): HistoryStore {
  const fileName = options.fileName ?? 'history.jsonl'
  const path = join(dir, fileName)
  const indexPath = join(dir, `${fileName.replace(/\.jsonl$/, '')}.index.json`)
  /** Appends since the index was last saved whole, one line each (summaryIndex.ts). */
  const journalPath = join(dir, `${fileName.replace(/\.jsonl$/, '')}.index-journal.jsonl`)
  /** Lines in the journal that the saved index chains on to; `journalLimit` forces a whole save. */
  const journalLimit = options.journalLimit ?? JOURNAL_LIMIT
  let journalLines = journalLimit
  const now = options.now ?? (() => new Date())
  const maxLineBytes = options.maxLineBytes ?? MAX_HISTORY_LINE_BYTES
  let index: HistoryIndex | null = null
  /** Damage set aside this session: reported by every listing until the history is cleared. */
  let damaged: DamagedEntry[] = []
  /** Damage still in the file (no room to set it aside yet): reported, and retried on list. */
  let pending: DamagedEntry[] = []
  let queue: Promise<unknown> = Promise.resolve()
  /** The runs of `index` ordered and grouped for pages; rebuilt only when the index changes. */
  let view: { of: HistoryIndex; view: HistoryView } | null = null
  let revision = 0

  const viewOf = (idx: HistoryIndex): HistoryView => {
    if (view?.of === idx) return view.view
    // The same file read again (its stamp unchanged) keeps its revision: the renderer's pages stay valid.
    const same =
      view && view.of.stamp === idx.stamp && view.of.entries.length === idx.entries.length
    view = {
      of: idx,
      view: same
        ? view!.view
        : buildView(
            idx.entries.map((e) => e.summary),
            ++revision
          )
    }
    return view.view
  }
  /** What an unreadable file lists as: always this one, so its revision does not change. */
  const unreadable = indexOf(null, [], 0, true)

  /** Runs `op` after every operation asked for before it, whether they failed or not. */
  const serialized = <T>(op: () => Promise<T>): Promise<T> => {
    const result = queue.then(op, op)
    queue = result.catch(() => undefined)
    return result
  }

  /** Runs `op` holding the history's lock against other processes. */
  const locked = async <T>(op: () => Promise<T>): Promise<T> => {
    await mkdir(dir, { recursive: true })
    const release = await acquireHistoryLock(path)
    try {
      return await op()
    } finally {
      await release().catch(() => undefined)
    }
  }

  const stampOf = async (): Promise<string | null> => {
    try {
      const s = await stat(path)
      return `${s.ino}:${s.size}:${s.mtimeMs}`
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return null
      throw e
    }
  }

  /** Keeps `next` in memory and beside the file; a failed index save only costs a slow load. */
  const remember = async (next: HistoryIndex): Promise<HistoryIndex> => {
    index = next
    // Not while damage is left in the file: the next session must find it again.
    if (pending.length === 0)
      await saveSummaryIndex(indexPath, next, journalPath).then(
        () => (journalLines = 0),
        () => (journalLines = journalLimit)
      )
    return next
  }

  /**
   * Copies damaged lines, byte for byte and a chunk at a time, from the
   * history to a new file beside it. On failure no file is left behind.
   */
  const setAside = async (source: FileHandle, lines: readonly BadLine[]): Promise<string> => {
    const time = now().toISOString().replace(/[:.]/g, '-')
    for (let attempt = 0; ; attempt++) {
      const name = `history.damaged-${time}${attempt ? `-${attempt}` : ''}.jsonl`
      let target: FileHandle
      try {
        target = await open(join(dir, name), 'wx')
      } catch (e) {
        if (errorCode(e) !== 'EEXIST' || attempt > 100) throw e
        continue
      }
      try {
        const chunk = Buffer.allocUnsafe(1 << 20)
        for (const bad of lines) {
          for (let done = 0; done < bad.length;) {
            const want = Math.min(chunk.length, bad.length - done)
            const { bytesRead } = await source.read(chunk, 0, want, bad.offset + done)
            if (bytesRead === 0) throw new Error('the history file shrank while being read')
            await writeAll(target, chunk.subarray(0, bytesRead))
            done += bytesRead
          }
          await writeAll(target, NEWLINE)
        }
        await target.sync()
        await target.close()
        return name
      } catch (e) {
        await target.close().catch(() => undefined)
        await rm(join(dir, name), { force: true })
        throw e
      }
    }
  }

  /** Replaces the file, atomically, with the lines of `keep` copied from it. */
  const rewrite = async (keep: readonly IndexEntry[]): Promise<void> => {
    const source = keep.length ? await open(path, 'r') : null
    try {
      await atomicReplace(path, async (target: FileHandle) => {
        const batch: Buffer[] = []
        let batched = 0
        for (const entry of keep) {
          const bytes = Buffer.allocUnsafe(entry.length + 1)
          await source!.read(bytes, 0, entry.length, entry.offset)
          bytes[entry.length] = 0x0a
          batch.push(bytes)
          batched += bytes.length
          if (batched >= 1 << 20) {
            await writeAll(target, Buffer.concat(batch.splice(0)))
            batched = 0
          }
        }
        if (batch.length) await writeAll(target, Buffer.concat(batch))
      })
    } finally {
      await source?.close()
    }
  }

  /** Reads the whole file into a fresh index and a list of its damaged lines. */
  const scan = async (): Promise<Scan> => {
    const stamp = await stampOf()
    let handle: FileHandle
    try {
      handle = await open(path, 'r')
    } catch (e) {
      if (errorCode(e) === 'ENOENT')
        return { index: indexOf(null, [], 0, true), bad: [], steady: true }
      throw e
    }
    const entries: IndexEntry[] = []
    const seen = new Map<string, number>()
    const bad: BadLine[] = []
    let size = 0
    let endsWithNewline = true
    try {
      await forEachLine(
        handle,
        (line) => {
          size = line.offset + line.length + (line.terminated ? 1 : 0)
          endsWithNewline = line.terminated
          let reason: string | null
          if (line.oversized) reason = `longer than ${maxLineBytes} bytes (${line.length})`
          // Blank lines (e.g. the fresh start after a cut-off line) hold nothing to lose.
          else if (isBlank(line.bytes)) return
          else {
            const read = readRecord(line.bytes)
            reason = read.ok ? null : read.reason
            if (read.ok) {
              const first = seen.get(read.run.id)
              if (first !== undefined)
                reason = `a second copy of run ${read.run.id} (first on line ${first})`
              else {
                seen.set(read.run.id, line.number)
                entries.push({
                  id: read.run.id,
                  line: line.number,
                  offset: line.offset,
                  length: line.length,
                  summary: summarize(read.run)
                })
              }
            }
          }
          if (reason !== null) {
            const cut = line.terminated ? '' : ', cut off before its end'
            bad.push({
              line: line.number,
              offset: line.offset,
              length: line.length,
              reason: reason + cut
            })
          }
        },
        { maxLineBytes }
      )
    } finally {
      await handle.close()
    }
    const after = await stampOf()
    return { index: indexOf(after, entries, size, endsWithNewline), bad, steady: after === stamp }
  }

  /**
   * Sets a scan's damage aside and removes it from the history (holding the
   * lock). Without room to do so, the damage stays in the file, reported.
   */
  const resolveDamage = async (found: Scan): Promise<HistoryIndex> => {
    const { index: idx, bad } = found
    const reported = (how: string): DamagedEntry[] =>
      bad.map((b) => ({ line: b.line, reason: `${b.reason}; ${how}` }))
    let aside: string | null = null
    // Damage only after the last run (a line cut off by a crash) is cut off in
    // place: unlike a rewrite, that needs no room for a copy of the history.
    const last = idx.entries.at(-1)
    const tail = bad.every((b) => !last || b.offset > last.offset) ? bad[0].offset : null
    const source = await open(path, tail === null ? 'r' : 'r+')
    try {
      aside = await setAside(source, bad)
      if (tail === null) await rewrite(idx.entries)
      else {
        await source.truncate(tail)
        await source.sync()
      }
    } catch (e) {
      if (aside) await rm(join(dir, aside), { force: true })
      const why = isNoSpace(e) ? 'the disk is full' : (errorCode(e) ?? describe(e))
      pending = reported(`left in place and skipped: not set aside (${why})`)
      index = idx
      return idx
    } finally {
      await source.close()
    }
    pending = []
    damaged.push(...reported(`set aside in ${aside}`))
    if (tail !== null) return remember(indexOf(await stampOf(), idx.entries, tail, true))
    let offset = 0
    const moved = idx.entries.map((e) => {
      const entry = { ...e, offset }
      offset += e.length + 1
      return entry
    })
    return remember(indexOf(await stampOf(), moved, offset, true))
  }

  /**
   * The index of the file as it is now: in memory, else saved beside it, else
   * read whole. Damage found is set aside under the lock (`holdsLock`, or
   * taken here); if the lock cannot be had (a read-only folder), the damage
   * is reported and skipped.
   */
  const current = async (holdsLock: boolean): Promise<HistoryIndex> => {
    const stamp = await stampOf()
    if (index && index.stamp === stamp && pending.length === 0) return index
    index = null
    if (stamp === null) {
      pending = []
      return (index = indexOf(null, [], 0, true))
    }
    if (pending.length === 0) {
      const saved = await loadSummaryIndex(indexPath, stamp, journalPath)
      if (saved) {
        journalLines = saved.journalLines
        return (index = saved.index)
      }
    }
    const found = await scan()
    if (found.bad.length === 0) {
      pending = []
      return found.steady ? remember(found.index) : found.index
    }
    if (holdsLock) return resolveDamage(found)
    // Damage seen without the lock may be another process's line half-written: look again holding it.
    try {
      return await locked(async () => {
        const again = await scan()
        if (again.bad.length === 0) {
          pending = []
          return remember(again.index)
        }
        return resolveDamage(again)
      })
    } catch (e) {
      pending = found.bad.map((b) => ({
        line: b.line,
        reason: `${b.reason}; left in place and skipped: not set aside (${errorCode(e) ?? describe(e)})`
      }))
      return found.index
    }
  }

  /** Reads the runs of `entries` back from the file (checked again: the disk may have changed). */
  const readEntries = async (entries: readonly IndexEntry[]): Promise<Map<string, RunRecord>> => {
    const runs = new Map<string, RunRecord>()
    if (entries.length === 0) return runs
    const handle = await open(path, 'r')
    try {
      for (const entry of entries) {
        const bytes = Buffer.allocUnsafe(entry.length)
        await handle.read(bytes, 0, entry.length, entry.offset)
        const read = readRecord(bytes)
        if (read.ok && read.run.id === entry.id) runs.set(entry.id, read.run)
      }
      return runs
    } finally {
      await handle.close()
    }
  }

  const append = async (run: RunRecord): Promise<void> => {
    const checked = parseRunRecord(JSON.parse(JSON.stringify(run)))
    if (!checked.ok) throw new Error(`refusing to store an invalid run record: ${checked.reason}`)
    const line = Buffer.from(JSON.stringify(run) + '\n')
    if (line.length - 1 > maxLineBytes)
      throw new HistoryWriteError(
        'too-large',
        `the run's record is ${line.length - 1} bytes, over the history's limit of ${maxLineBytes}`
      )
    await locked(async () => {
      let known: HistoryIndex | null = null
      try {
        known = await current(true)
      } catch {
        // Unreadable: still try to append; the leading '\n' below keeps the line whole.
      }
      if (known?.byId.has(run.id)) throw new Error(`run ${run.id} is already stored`)
      const prefix = known === null || !known.endsWithNewline ? NEWLINE : Buffer.alloc(0)
      const data = Buffer.concat([prefix, line])
      const handle = await open(path, 'a')
      let before: number
      try {
        before = (await handle.stat()).size
        try {
          await writeAll(handle, data)
          await handle.sync()
          const after = (await handle.stat()).size
          if (after !== before + data.length)
            throw new Error(`the history grew by ${after - before} bytes, not ${data.length}`)
        } catch (e) {
          // A partial line (disk full) is cut back off; if even that fails, loading sets it aside.
          await handle.truncate(before).catch(() => undefined)
          await handle.sync().catch(() => undefined)
          throw e
        }
      } catch (e) {
        index = null
        if (isNoSpace(e))
          throw new HistoryWriteError(
            'disk-full',
            `the disk is full (${errorCode(e)})`,
            errorCode(e)
          )
        throw e
      } finally {
        await handle.close()
      }
      if (known?.stamp === null) await syncDirectory(dir)
      if (!known || known.size !== before) {
        index = null // the file was not what we knew: read it afresh next time
        return
      }
      const entry: IndexEntry = {
        id: run.id,
        line: 0,
        offset: before + prefix.length,
        length: line.length - 1,
        summary: summarize(checked.value)
      }
      const next = withAppended(known, entry, await stampOf(), before + prefix.length + line.length)
      // The run goes on top of the pages without sorting or reading anything again.
      const shown = view?.of === known ? withRun(view.view, entry.summary, ++revision) : null
      view = shown ? { of: next, view: shown } : null
      // One journal line, not the whole index again (0.6 s at 100,000 runs); whole every JOURNAL_LIMIT.
      if (pending.length > 0 || journalLines >= journalLimit) await remember(next)
      else {
        index = next
        await journalAppend(journalPath, known.stamp, next, entry).then(
          () => journalLines++,
          () => (journalLines = journalLimit)
        )
      }
    })
  }

  /** The index, or an empty one and the reason when the file cannot be read (reported, not thrown). */
  const readable = async (): Promise<{ idx: HistoryIndex; trouble: DamagedEntry[] }> => {
    try {
      return { idx: await current(false), trouble: [] }
    } catch (e) {
      index = null
      const reason = `the history file could not be read (${errorCode(e) ?? describe(e)})`
      return { idx: unreadable, trouble: [{ line: 0, reason }] }
    }
  }

  return {
    path,

    list: () =>
      serialized(async () => {
        try {
          const idx = await current(false)
          return {
            runs: idx.entries.map((e) => e.summary),
            damaged: [...damaged, ...pending],
            path
          }
        } catch (e) {
          // An unreadable file (permissions, a folder in its place) is reported, not thrown.
          index = null
          const reason = `the history file could not be read (${errorCode(e) ?? describe(e)})`
          return { runs: [], damaged: [...damaged, { line: 0, reason }], path }
        }
      }),

    page: (query) =>
      serialized(async () => {
        const { idx, trouble } = await readable()
        const v = viewOf(idx)
        const runs = runsOf(v, query.key)
        return {
          offset: query.offset,
          runs: runs.slice(query.offset, query.offset + query.limit),
          total: runs.length,
          stored: v.order.length,
          configs: configCounts(v),
          damaged: [...damaged, ...pending, ...trouble],
          path,
          revision: v.revision
        }
      }),

    series: (key) => serialized(async () => seriesOf(viewOf((await readable()).idx), key)),

    ids: (except = []) =>
      serialized(async () => {
        const skip = new Set(except)
        return viewOf(await current(false))
          .order.filter((r) => !skip.has(r.id))
          .map((r) => r.id)
      }),

    append: (run) => serialized(() => append(run)),

    get: (id) =>
      serialized(async () => {
        const entry = (await current(false)).byId.get(id)
        return entry ? ((await readEntries([entry])).get(id) ?? null) : null
      }),

    getMany: (ids) =>
      serialized(async () => {
        const idx = await current(false)
        const read = await readEntries(ids.flatMap((id) => idx.byId.get(id) ?? []))
        const runs: RunRecord[] = []
        const missing: string[] = []
        for (const id of ids) {
          const run = read.get(id)
          if (run) runs.push(run)
          else missing.push(id)
        }
        return { runs, missing }
      }),

    delete: (ids) =>
      serialized(() =>
        locked(async () => {
          const idx = await current(true)
          const doomed = new Set(ids)
          const keep = idx.entries.filter((e) => !doomed.has(e.id))
          const deleted = idx.entries.length - keep.length
          if (deleted === 0) return 0
          index = null
          await rewrite(keep)
          // The rewritten file holds `keep` line after line: its index is known without reading it.
          let offset = 0
          const moved = keep.map((e) => {
            const entry = { ...e, offset }
            offset += e.length + 1
            return entry
          })
          const next = indexOf(await stampOf(), moved, offset, true)
          const shown = view?.of === idx ? withoutRuns(view.view, doomed, ++revision) : null
          view = shown ? { of: next, view: shown } : null
          await remember(next)
          return deleted
        })
      ),

    clear: () =>
      serialized(() =>
        locked(async () => {
          let count = 0
          try {
            count = (await current(true)).entries.length
          } catch {
            // Unreadable: clearing replaces it all the same.
          }
          index = null
          await atomicReplace(path, async () => undefined)
          damaged = []
          pending = []
          return count
        })
      )
  }
}

/** Writes all of `data`, continuing short writes (a write may store only part of it). */
async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  for (let done = 0; done < data.length;) {
    const { bytesWritten } = await handle.write(data, done, data.length - done)
    if (bytesWritten <= 0)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    done += bytesWritten
  }
}
