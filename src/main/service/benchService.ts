import { issuesOf } from '../../shared/config'
import { recordsToCsv } from '../../shared/csv'
import { BenchFailure, fail, ok, toBenchError } from '../../shared/errors'
import type { BenchError } from '../../shared/errors'
import { invokeSchemas } from '../../shared/ipc'
import type {
  EventChannel,
  EventPayloads,
  ExportOutcome,
  InvokeArg,
  InvokeChannel,
  InvokeResult,
  InvokeResults
} from '../../shared/ipc'
import { recordsToJson } from '../../shared/recordsJson'
import type { RunRecord } from '../../shared/result'
import type { SystemInfo } from '../../shared/system'
import type { Engine } from '../engine/types'
import { atomicWriteFile } from '../fs/atomicWriteFile'
import type { HistoryStore } from '../history/historyStore'
import { decodePngDataUrl } from './pngDataUrl'

/** What the native save dialog is asked (Electron's dialog.showSaveDialog options, in part). */
export interface SaveFileOptions {
  title: string
  defaultPath: string
  filters: { name: string; extensions: string[] }[]
}

export interface BenchServiceDeps {
  engine: Engine
  history: HistoryStore
  /** Asks where to save; resolves with the chosen path, or null when the user cancels. */
  saveFile(options: SaveFileOptions): Promise<string | null>
  systemInfo(): SystemInfo
  /** Main → renderer events. */
  emit<E extends EventChannel>(channel: E, payload: EventPayloads[E]): void
  /** Writes an exported file. Default: an atomic write (temporary file, fsync, rename). */
  writeFile?(path: string, data: string | Uint8Array): Promise<void>
}

/**
 * The IPC handlers' logic, free of Electron: validates every payload, runs
 * it, and answers with a Result. It never throws and never rejects.
 */
export interface BenchService {
  handle<C extends InvokeChannel>(channel: C, payload: unknown): Promise<InvokeResult<C>>
}

type Handlers = { [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeResults[C]> }

const isChannel = (channel: unknown): channel is InvokeChannel =>
  typeof channel === 'string' && Object.hasOwn(invokeSchemas, channel)

/** File-system errors carry a code (ENOSPC, EACCES…): say what failed, and why. */
function ioFailure(what: string, e: unknown): BenchFailure {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : null
  const reason = e instanceof Error ? e.message : String(e)
  return new BenchFailure({ code: 'io', message: `${what}: ${code ? `${code}, ` : ''}${reason}` })
}

const notFound = (ids: readonly string[]): BenchFailure =>
  new BenchFailure({
    code: 'not-found',
    message:
      ids.length === 1
        ? `Run ${ids[0]} is not in the history.`
        : `${ids.length} runs are not in the history: ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`
  })

/** A file name stamp that sorts and is valid on every OS: 2025-01-31_14-05-09. */
const stamp = (d: Date): string => d.toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-')

export function createBenchService(deps: BenchServiceDeps): BenchService {
  const write = deps.writeFile ?? atomicWriteFile

  const runsFor = async (ids: readonly string[]): Promise<RunRecord[]> => {
    const { runs, missing } = await deps.history.getMany(ids)
    if (missing.length) throw notFound(missing)
    return runs
  }

  /** Asks for a path and writes `data` there; a cancelled dialog is not a failure. */
  const save = async (
    options: SaveFileOptions,
    data: () => string | Uint8Array
  ): Promise<ExportOutcome> => {
    const path = await deps.saveFile(options)
    if (path === null) return { saved: false }
    try {
      await write(path, data())
    } catch (e) {
      throw ioFailure(`Could not write ${path}`, e)
    }
    return { saved: true, path }
  }

  const handlers: Handlers = {
    'bench:run': async (config) => {
      const run = await deps.engine.run(config, {
        onProgress: (progress) => deps.emit('bench:progress', progress)
      })
      // Answer only once the run is stored: what the user saw is what history holds.
      try {
        await deps.history.append(run)
      } catch (e) {
        throw ioFailure('The run finished but could not be saved to history', e)
      }
      return run
    },

    'bench:cancel': async () => ({ cancelled: await deps.engine.cancel() }),

    'history:list': () => deps.history.list(),

    'history:get': async ({ id }) => {
      const run = await deps.history.get(id)
      if (!run) throw notFound([id])
      return run
    },

    'history:delete': async ({ ids }) => {
      try {
        return { deleted: await deps.history.delete(ids) }
      } catch (e) {
        throw ioFailure('Could not delete from history', e)
      }
    },

    'history:clear': async () => {
      try {
        return { deleted: await deps.history.clear() }
      } catch (e) {
        throw ioFailure('Could not clear the history', e)
      }
    },

    'export:csv': async ({ ids }) => {
      const runs = await runsFor(ids)
      return save(
        {
          title: 'Export runs as CSV',
          defaultPath: `speedup-lab-${stamp(new Date())}.csv`,
          filters: [{ name: 'CSV', extensions: ['csv'] }]
        },
        () => recordsToCsv(runs)
      )
    },

    'export:json': async ({ ids }) => {
      const runs = await runsFor(ids)
      return save(
        {
          title: 'Export runs as JSON',
          defaultPath: `speedup-lab-${stamp(new Date())}.json`,
          filters: [{ name: 'JSON', extensions: ['json'] }]
        },
        () => recordsToJson(runs)
      )
    },

    'export:png': async ({ name, dataUrl }) => {
      const png = decodePngDataUrl(dataUrl)
      if (!png.ok) throw new BenchFailure({ code: 'invalid-input', message: png.message })
      return save(
        {
          title: 'Save graph as PNG',
          defaultPath: name.toLowerCase().endsWith('.png') ? name : `${name}.png`,
          filters: [{ name: 'PNG image', extensions: ['png'] }]
        },
        () => png.bytes
      )
    },

    'system:info': async () => deps.systemInfo()
  }

  return {
    async handle<C extends InvokeChannel>(channel: C, payload: unknown): Promise<InvokeResult<C>> {
      if (!isChannel(channel)) {
        return fail({ code: 'invalid-input', message: `Unknown request: ${String(channel)}` })
      }
      const parsed = invokeSchemas[channel].safeParse(payload)
      if (!parsed.success) {
        const issues = issuesOf(parsed.error)
        const error: BenchError = {
          code: 'invalid-input',
          message: `Invalid request: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
          issues
        }
        return fail(error)
      }
      try {
        const handler = handlers[channel] as (arg: unknown) => Promise<InvokeResults[C]>
        return ok(await handler(parsed.data))
      } catch (e) {
        return fail(toBenchError(e))
      }
    }
  }
}
