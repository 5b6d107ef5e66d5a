import { mkdir, open, stat, writeFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { summarize } from '../../shared/history'
import type { DamagedEntry, HistoryListing } from '../../shared/history'
import type { RunRecord } from '../../shared/result'
import { parseRunRecord } from '../../shared/runRecordSchema'
import { atomicReplace, syncDirectory } from '../fs/atomicWriteFile'
import { forEachLine } from './forEachLine'
import { indexOf, loadSummaryIndex, saveSummaryIndex } from './summaryIndex'
import type { HistoryIndex, IndexEntry } from './summaryIndex'

/**
 * Run history as JSON Lines, one RunRecord a line, oldest first.
 *
 * - Appends write one whole line and fsync it. A line cut short (the app
 *   killed mid-write, a full disk) damages only itself: the next append
 *   starts on a fresh line, and loading sets the damaged line aside.
 * - Deleting rewrites the file atomically (temporary file, fsync, rename).
 * - A damaged line is copied to `history.damaged-<time>.jsonl`, removed from
 *   the history, and reported with its line number and reason; it never stops
 *   the history from loading. An unreadable file is reported, not thrown.
 * - Listing reads a summary index saved beside the file while it matches the
 *   file, so a history of 10,000 runs lists without parsing 10,000 records.
 * - Operations run one at a time, in the order they were asked for.
 */
export interface HistoryStore {
  /** The history file (shown to the user). */
  readonly path: string
  /** Summaries of every stored run (oldest first) and the damage found this session. */
  list(): Promise<HistoryListing>
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

export function createHistoryStore(dir: string, options: HistoryStoreOptions = {}): HistoryStore {
  const fileName = options.fileName ?? 'history.jsonl'
  const path = join(dir, fileName)
  const indexPath = join(dir, `${fileName.replace(/\.jsonl$/, '')}.index.json`)
  const now = options.now ?? (() => new Date())
  let index: HistoryIndex | null = null
  /** Damage found this session: reported by every listing until the history is cleared. */
  let damaged: DamagedEntry[] = []
  let queue: Promise<unknown> = Promise.resolve()

  /** Runs `op` after every operation asked for before it, whether they failed or not. */
  const serialized = <T>(op: () => Promise<T>): Promise<T> => {
    const result = queue.then(op, op)
    queue = result.catch(() => undefined)
    return result
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
    await saveSummaryIndex(indexPath, next).catch(() => undefined)
    return next
  }

  /** Writes damaged lines, byte for byte, to a new file beside the history. */
  const setAside = async (lines: Buffer[]): Promise<string> => {
    const time = now().toISOString().replace(/[:.]/g, '-')
    const content = Buffer.concat(lines.flatMap((l) => [l, NEWLINE]))
    for (let attempt = 0; ; attempt++) {
      const name = `history.damaged-${time}${attempt ? `-${attempt}` : ''}.jsonl`
      try {
        await writeFile(join(dir, name), content, { flag: 'wx', flush: true })
        return name
      } catch (e) {
        if (errorCode(e) !== 'EEXIST' || attempt > 100) throw e
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
            await target.write(Buffer.concat(batch.splice(0)))
            batched = 0
          }
        }
        if (batch.length) await target.write(Buffer.concat(batch))
      })
    } finally {
      await source?.close()
    }
  }

  /** Reads the whole file into a fresh index, setting damaged lines aside. */
  const scan = async (): Promise<HistoryIndex> => {
    let handle: FileHandle
    try {
      handle = await open(path, 'r')
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return indexOf(null, [], 0, true)
      throw e
    }
    const entries: IndexEntry[] = []
    const seen = new Map<string, number>()
    const bad: { line: number; reason: string; bytes: Buffer }[] = []
    let size = 0
    let endsWithNewline = true
    try {
      await forEachLine(handle, (line) => {
        size = line.offset + line.bytes.length + (line.terminated ? 1 : 0)
        endsWithNewline = line.terminated
        // Blank lines (e.g. the fresh start after a cut-off line) hold nothing to lose.
        if (isBlank(line.bytes)) return
        const read = readRecord(line.bytes)
        let reason = read.ok ? null : read.reason
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
              length: line.bytes.length,
              summary: summarize(read.run)
            })
          }
        }
        if (reason !== null) {
          const cut = line.terminated ? '' : ', cut off before its end'
          bad.push({ line: line.number, reason: reason + cut, bytes: Buffer.from(line.bytes) })
        }
      })
    } finally {
      await handle.close()
    }
    if (bad.length === 0) return indexOf(await stampOf(), entries, size, endsWithNewline)

    // Copy the damage out first: if we are stopped before the rewrite, the next load does it again.
    const aside = await setAside(bad.map((b) => b.bytes))
    damaged.push(
      ...bad.map((b) => ({ line: b.line, reason: `${b.reason}; set aside in ${aside}` }))
    )
    await rewrite(entries)
    let offset = 0
    const moved = entries.map((e) => {
      const entry = { ...e, offset }
      offset += e.length + 1
      return entry
    })
    return indexOf(await stampOf(), moved, offset, true)
  }

  /** The index of the file as it is now: in memory, else saved beside it, else read whole. */
  const current = async (): Promise<HistoryIndex> => {
    const stamp = await stampOf()
    if (index && index.stamp === stamp) return index
    index = null
    if (stamp === null) return (index = indexOf(null, [], 0, true))
    const saved = await loadSummaryIndex(indexPath, stamp)
    if (saved) return (index = saved)
    return remember(await scan())
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
    let known: HistoryIndex | null = null
    try {
      known = await current()
    } catch {
      // Unreadable: still try to append; the leading '\n' below keeps the line whole.
    }
    if (known?.byId.has(run.id)) throw new Error(`run ${run.id} is already stored`)
    const line = Buffer.from(JSON.stringify(run) + '\n')
    const prefix = known === null || !known.endsWithNewline ? NEWLINE : Buffer.alloc(0)
    if (known?.stamp === null) await mkdir(dir, { recursive: true })
    const handle = await open(path, 'a')
    let before: number
    try {
      before = (await handle.stat()).size
      try {
        await handle.write(Buffer.concat([prefix, line]))
        await handle.sync()
      } catch (e) {
        // A partial line (disk full) is cut back off; if even that fails, loading sets it aside.
        await handle.truncate(before).catch(() => undefined)
        throw e
      }
    } catch (e) {
      index = null
      throw e
    } finally {
      await handle.close()
    }
    if (known?.stamp === null) await syncDirectory(dir)
    if (!known || known.size !== before) {
      index = null // someone else wrote too: read it afresh next time
      return
    }
    const entry: IndexEntry = {
      id: run.id,
      line: 0,
      offset: before + prefix.length,
      length: line.length - 1,
      summary: summarize(checked.value)
    }
    await remember(
      indexOf(
        await stampOf(),
        [...known.entries, entry],
        before + prefix.length + line.length,
        true
      )
    )
  }

  return {
    path,

    list: () =>
      serialized(async () => {
        try {
          const idx = await current()
          return { runs: idx.entries.map((e) => e.summary), damaged: [...damaged], path }
        } catch (e) {
          // An unreadable file (permissions, a folder in its place) is reported, not thrown.
          index = null
          const reason = `the history file could not be read (${errorCode(e) ?? describe(e)})`
          return { runs: [], damaged: [...damaged, { line: 0, reason }], path }
        }
      }),

    append: (run) => serialized(() => append(run)),

    get: (id) =>
      serialized(async () => {
        const entry = (await current()).byId.get(id)
        return entry ? ((await readEntries([entry])).get(id) ?? null) : null
      }),

    getMany: (ids) =>
      serialized(async () => {
        const idx = await current()
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
      serialized(async () => {
        const idx = await current()
        const doomed = new Set(ids)
        const keep = idx.entries.filter((e) => !doomed.has(e.id))
        const deleted = idx.entries.length - keep.length
        if (deleted === 0) return 0
        index = null
        await rewrite(keep)
        return deleted
      }),

    clear: () =>
      serialized(async () => {
        let count = 0
        try {
          count = (await current()).entries.length
        } catch {
          // Unreadable: clearing replaces it all the same.
        }
        index = null
        await mkdir(dir, { recursive: true })
        await atomicReplace(path, async () => undefined)
        damaged = []
        return count
      })
  }
}
