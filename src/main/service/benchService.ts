import { compareRuns } from '../../shared/analysis/compareRuns'
import { exportFormat, refusalText } from '../../shared/report/exporters'
import type { ExportContext, ExportFormatId } from '../../shared/report/exporters'
import type { FontSource } from '../../shared/report/exporters/html/fontFaces'
import type { ReportLanguage } from '../../shared/report/language'
import { issuesOf } from '../../shared/config'
import { BenchFailure, fail, ok, toBenchError } from '../../shared/errors'
import type { BenchError } from '../../shared/errors'
import { invokeChannels } from '../../shared/ipc'
import type {
  EventChannel,
  EventPayloads,
  ExportOutcome,
  InvokeArg,
  InvokeChannel,
  InvokeResult,
  InvokeResults
} from '../../shared/ipc'
import type { RunRecord } from '../../shared/result'
import { analyzeStudy } from '../../shared/analysis'
import type { StudyRecord } from '../../shared/study'
import type { SystemInfo } from '../../shared/system'
import type { MemoryProbe } from '../../engine/memoryProbe'
import { probeCluster } from '../../engine/backends/cluster/probeCluster'
import type { ClusterProbe } from '../../shared/cluster'
import { runStudy } from '../../engine/study'
import type { Engine } from '../../engine/types'
import { atomicWriteFile } from '../fs/atomicWriteFile'
import { HistoryWriteError } from '../history/historyStore'
import type { HistoryStore } from '../history/historyStore'
import type { SaveFailure } from '../../shared/historySave'
import { isAllRuns } from '../../shared/historyPage'
import type { RunIds } from '../../shared/historyPage'
import { decodePngDataUrl } from './pngDataUrl'
import { confirmCommandRun } from '../commands/commandGate'
import type { CommandGate } from '../commands/commandGate'
import type { RunConfig } from '../../shared/config'

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
  /** Measures memory per worker for a study's backend comparison; without it memory is not reported. */
  measureMemory?: MemoryProbe
  /** Shows a file in the OS file manager (Electron's shell.showItemInFolder); absent, the channel says so. */
  showItemInFolder?(path: string): void
  /** The bundled font for Korean in HTML reports (src/engine/reportFonts.ts); without it, the system's. */
  reportFonts?: FontSource
  /** "Test connection" for the cluster backend. Default: the engine's NATS probe (runs in main). */
  probeCluster?: (server: string) => Promise<ClusterProbe>
  /** The native folder dialog ("Your command"'s working folder); null when cancelled. */
  chooseFolder?(): Promise<string | null>
  /** Asks the user to confirm a command's exact text (a native dialog); without it commands are refused. */
  confirmCommand?: CommandGate['confirmCommand']
  /** Commands the user confirmed before (the app's data folder). */
  commandApprovals?: CommandGate['commandApprovals']
}

/** Finished studies kept for export; older ones are dropped (each holds every run in full). */
export const KEPT_STUDIES = 20

/**
 * The IPC handlers' logic, free of Electron: validates every payload, runs
 * it, and answers with a Result. It never throws and never rejects.
 */
export interface BenchService {
  handle<C extends InvokeChannel>(channel: C, payload: unknown): Promise<InvokeResult<C>>
}

type Handlers = { [C in InvokeChannel]: (arg: InvokeArg<C>) => Promise<InvokeResults[C]> }

const isChannel = (channel: unknown): channel is InvokeChannel =>
  typeof channel === 'string' && Object.hasOwn(invokeChannels, channel)

/** File-system errors carry a code (ENOSPC, EACCES…): say what failed, and why. */
function ioFailure(what: string, e: unknown): BenchFailure {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : null
  const reason = e instanceof Error ? e.message : String(e)
  return new BenchFailure({ code: 'io', message: `${what}: ${code ? `${code}, ` : ''}${reason}` })
}

/** Why a run could not be stored, in the words the renderer translates. */
const saveFailureOf = (e: unknown): SaveFailure =>
  e instanceof HistoryWriteError
    ? e.reason
    : typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOSPC'
      ? 'disk-full'
      : 'io'

/** Unsaved runs kept for export in this session (each is one finished run). */
export const KEPT_UNSAVED_RUNS = 20

const busy = (what: string): BenchFailure =>
  new BenchFailure({ code: 'busy', message: `${what} is already in progress.` })

const studyNotFound = (id: string): BenchFailure =>
  new BenchFailure({
    code: 'not-found',
    message: `Study ${id} is no longer available: studies are kept only while the app runs. Run it again.`
  })

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
  /** The study in progress: the engine runs one run at a time, a study many in a row. */
  let study: { controller: AbortController; done: Promise<unknown> } | null = null
  /**
   * Studies finished in this session, newest last, for export. A study's runs
   * are its parts, not the user's runs: history keeps what was started from
   * the Run view (a default study makes about fifty runs of sizes nobody asked
   * for, which would flood the history and its speedup chart), so a study
   * lives here, whole, until the app quits or newer ones push it out.
   */
  const studies = new Map<string, StudyRecord>()
  /**
   * Every file an export wrote in this session: "Show in folder" opens only
   * these, so the renderer cannot make main reveal any other path.
   */
  const written = new Set<string>()

  /**
   * Runs that finished but could not be stored (a full disk): the user still
   * sees them and can export them until the app quits.
   */
  const unsaved = new Map<string, RunRecord>()

  const studyFor = (id: string): StudyRecord => {
    const found = studies.get(id)
    if (!found) throw studyNotFound(id)
    return found
  }

  /** The ids meant: as sent, or "all but these" resolved against the history as it is now. */
  const idsOf = async (ids: RunIds): Promise<string[]> => {
    if (!isAllRuns(ids)) return ids
    const all = await deps.history.ids(ids.except)
    if (all.length === 0)
      throw new BenchFailure({ code: 'invalid-input', message: 'There are no runs to act on.' })
    return all
  }

  const runsFor = async (ids: readonly string[]): Promise<RunRecord[]> => {
    const stored = ids.filter((id) => !unsaved.has(id))
    const { runs, missing } = stored.length
      ? await deps.history.getMany(stored)
      : { runs: [], missing: [] }
    if (missing.length) throw notFound(missing)
    const byId = new Map(runs.map((r) => [r.id, r]))
    return ids.map((id) => unsaved.get(id) ?? byId.get(id)!)
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
    written.add(path)
    return { saved: true, path }
  }

  /** What a writer needs beyond the record: the language (HTML reports) and the app's font. */
  const context = (language: ReportLanguage = 'en'): ExportContext => ({
    language,
    fonts: deps.reportFonts,
    version: deps.systemInfo().appVersion
  })

  /** Runs from the history (or unsaved ones) in one format, through the export registry. */
  const exportRuns = async (
    id: ExportFormatId,
    ids: RunIds,
    language: ReportLanguage
  ): Promise<ExportOutcome> => {
    const runs = await runsFor(await idsOf(ids))
    // A contended run's reference point: a quiet run of the same job on this machine.
    const history = (await deps.history.list()).runs
    const f = exportFormat(id)
    return save(
      {
        title:
          id === 'markdown' || id === 'html' ? `Export a ${f.name}` : `Export runs as ${f.name}`,
        defaultPath: `speedup-lab-${stamp(new Date())}.${f.extension}`,
        filters: [{ name: f.name, extensions: [f.extension] }]
      },
      () => f.runs(runs, { ...context(language), history })
    )
  }

  /**
   * A user's command runs only once the user confirmed its exact text in
   * main's native dialog (or did before: remembered by hash). The renderer
   * cannot vouch for it: nothing in the payload skips this.
   */
  const confirmedIfCommand = async (config: RunConfig): Promise<void> => {
    if (config.job === 'command' && config.command)
      await confirmCommandRun(config.command, {
        confirmCommand: deps.confirmCommand,
        commandApprovals: deps.commandApprovals
      })
  }

  /** A run from the Run view, stored in history once it completed. */
  const runAndStore = async (config: RunConfig, confirmedLong: boolean): Promise<RunRecord> => {
    // Between two runs of a study the engine is idle: without this a run would slip in.
    if (study) throw busy('A study')
    if (deps.engine.busy) throw busy('A run')
    await confirmedIfCommand(config)
    if (study) throw busy('A study')
    const run = await deps.engine.run(config, {
      confirmedLong,
      onProgress: (progress) => deps.emit('bench:progress', progress)
    })
    // Answer only once the run is stored: what the user saw is what history holds.
    try {
      await deps.history.append(run)
    } catch (e) {
      // The run is not lost: it goes back with the failure, and stays exportable.
      unsaved.set(run.id, run)
      for (const id of [...unsaved.keys()].slice(0, -KEPT_UNSAVED_RUNS)) unsaved.delete(id)
      const { message } = ioFailure('The run finished but could not be saved to history', e).error
      throw new BenchFailure({ code: 'not-saved', message, saveFailure: saveFailureOf(e), run })
    }
    return run
  }

  const handlers: Handlers = {
    'bench:run-confirmed': (config) => runAndStore(config, true),

    'bench:run': (config) => runAndStore(config, false),

    'bench:study': async (config) => {
      if (study) throw busy('A study')
      if (deps.engine.busy) throw busy('A run')
      await confirmedIfCommand(config.base)
      // The dialog waited on the user: something may have started meanwhile.
      if (study) throw busy('A study')
      if (deps.engine.busy) throw busy('A run')
      const controller = new AbortController()
      const done = runStudy(
        deps.engine,
        config,
        {
          signal: controller.signal,
          onProgress: (progress) => deps.emit('bench:study-progress', progress)
        },
        { measureMemory: config.backends ? deps.measureMemory : undefined }
      )
      study = { controller, done: done.catch(() => undefined) }
      try {
        const record = await done
        studies.set(record.id, record)
        for (const id of [...studies.keys()].slice(0, -KEPT_STUDIES)) studies.delete(id)
        return record
      } finally {
        study = null
      }
    },

    'bench:cancel': async () => {
      const running = study
      if (running) {
        running.controller.abort()
        await running.done
        return { cancelled: true }
      }
      return { cancelled: await deps.engine.cancel() }
    },

    'history:list': () => deps.history.list(),

    'history:get': async ({ id }) => {
      const run = await deps.history.get(id)
      if (!run) throw notFound([id])
      return run
    },

    'history:page': (query) => deps.history.page(query),

    'history:series': ({ key }) => deps.history.series(key),

    'history:delete': async ({ ids }) => {
      try {
        return { deleted: await deps.history.delete(await idsOf(ids)) }
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

    'export:csv': ({ ids }) => exportRuns('csv', ids, 'en'),

    'export:json': ({ ids }) => exportRuns('json', ids, 'en'),

    'export:markdown': ({ ids }) => exportRuns('markdown', ids, 'en'),

    'export:html': ({ ids, language }) => exportRuns('html', ids, language),

    'export:study': async ({ id, format, language }) => {
      const record = studyFor(id)
      const f = exportFormat(format)
      return save(
        {
          title: `Export the study as ${f.name}`,
          defaultPath: `speedup-lab-study-${stamp(new Date(record.startedAt))}.${f.extension}`,
          filters: [{ name: f.name, extensions: [f.extension] }]
        },
        () => f.study(record, analyzeStudy(record), context(language))
      )
    },

    'export:comparison': async ({ baselineId, candidateId, format, language }) => {
      const [baseline, candidate] = await runsFor([baselineId, candidateId])
      if (!baseline || !candidate) throw notFound([baselineId, candidateId])
      const outcome = compareRuns(baseline, candidate)
      if (!outcome.ok) {
        throw new BenchFailure({
          code: 'invalid-input',
          message: `These runs cannot be compared: ${refusalText(outcome.refusal)}.`
        })
      }
      const f = exportFormat(format)
      return save(
        {
          title: `Export the comparison as ${f.name}`,
          defaultPath: `speedup-lab-comparison-${stamp(new Date(candidate.startedAt))}.${f.extension}`,
          filters: [{ name: f.name, extensions: [f.extension] }]
        },
        () => f.comparison(outcome.value, { ...context(language), system: candidate.system })
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

    'system:info': async () => deps.systemInfo(),

    'dialog:choose-folder': async () => {
      if (!deps.chooseFolder)
        throw new BenchFailure({ code: 'internal', message: 'No folder dialog to ask with.' })
      const path = await deps.chooseFolder()
      return path === null ? { chosen: false } : { chosen: true, path }
    },

    'shell:show-in-folder': async ({ path }) => {
      if (!written.has(path)) {
        // Not a path main wrote: as far as this channel knows, there is no such file.
        throw new BenchFailure({
          code: 'not-found',
          message: `${path} was not exported by Speedup Lab in this session.`
        })
      }
      if (!deps.showItemInFolder) {
        throw new BenchFailure({ code: 'internal', message: 'No file manager to show it in.' })
      }
      deps.showItemInFolder(path)
      return { shown: true }
    },
    'cluster:probe': async ({ server }) => (deps.probeCluster ?? probeCluster)(server)
  }

  return {
    async handle<C extends InvokeChannel>(channel: C, payload: unknown): Promise<InvokeResult<C>> {
      if (!isChannel(channel)) {
        return fail({ code: 'invalid-input', message: `Unknown request: ${String(channel)}` })
      }
      const parsed = invokeChannels[channel].payload.safeParse(payload)
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
