/**
 * --history FILE: the stored runs a contended run's reference point is looked
 * for in (a quiet run of the same job on this machine). The file is the app's
 * history (JSON Lines, one RunRecord a line) or a JSON export of runs
 * (`speedup-lab/runs`, or one `speedup-lab/run`). Read and checked before
 * anything runs: an unreadable file costs no run.
 */
import { createReadStream, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { summarize, type RunSummary } from '../shared/history'
import { parseRunRecord } from '../shared/runRecordSchema'

/** A history of 100,000 runs is a few hundred MB: read line by line, never whole. */
const MAX_JSON_BYTES = 256 * 2 ** 20

export interface HistoryFileRead {
  runs: RunSummary[]
  /** Lines or runs that could not be read (skipped, as the app sets damaged lines aside). */
  skipped: number
}

const errorCode = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''

/** The runs of one JSON document: a runs export, one run's export, or a record. */
function runsOfDocument(doc: unknown): unknown[] {
  if (typeof doc !== 'object' || doc === null) return []
  const o = doc as Record<string, unknown>
  if (Array.isArray(o.runs)) return o.runs.map((r) => (isObject(r) && isObject(r.run) ? r.run : r))
  if (isObject(o.run)) return [o.run]
  return [doc]
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The summaries of every run `path` holds, or why it cannot be read. */
export async function readHistoryFile(path: string): Promise<HistoryFileRead | string> {
  let bytes: number
  try {
    const st = statSync(path)
    if (st.isDirectory()) return `${path} is a folder; give the history file (history.jsonl)`
    bytes = st.size
  } catch (e) {
    return `cannot read ${path}${errorCode(e) ? ` (${errorCode(e)})` : ''}`
  }
  const runs: RunSummary[] = []
  let skipped = 0
  const take = (value: unknown, version?: number): void => {
    const parsed = parseRunRecord(value, version)
    if (parsed.ok) runs.push(summarize(parsed.value))
    else skipped++
  }
  let first = true
  let whole: string[] | null = null
  try {
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
    for await (const line of lines) {
      // A JSON export spans many lines (pretty-printed): gather it and parse it whole below.
      if (first && line.trim() !== '') {
        first = false
        if (line.trim() === '{') whole = []
      }
      if (whole) {
        if (bytes > MAX_JSON_BYTES) {
          lines.close()
          return `${path} is ${(bytes / 2 ** 20).toFixed(0)} MB: a JSON export of runs is read whole, at most ${MAX_JSON_BYTES / 2 ** 20} MB`
        }
        whole.push(line)
        continue
      }
      if (line.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch {
        skipped++
        continue
      }
      for (const r of runsOfDocument(value)) take(r)
    }
  } catch (e) {
    return `cannot read ${path}${errorCode(e) ? ` (${errorCode(e)})` : ''}`
  }
  if (whole) {
    let doc: unknown
    try {
      doc = JSON.parse(whole.join('\n'))
    } catch {
      return `${path} is neither JSON Lines of runs (the app's history.jsonl) nor a JSON export of runs`
    }
    const version = isObject(doc) && typeof doc.version === 'number' ? doc.version : undefined
    for (const r of runsOfDocument(doc)) take(r, version)
  }
  if (runs.length === 0 && skipped > 0)
    return `${path} holds no run this Speedup Lab can read (${skipped} unreadable)`
  return { runs, skipped }
}
