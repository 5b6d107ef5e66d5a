import { z } from 'zod'
import { REPORT_LANGUAGES } from './report/language'
import { parseServerUrl } from './cluster'
import type { ClusterProbe } from './cluster'
import { runConfigSchema } from './config'
import type { RunConfig } from './config'
import type { Result } from './errors'
import type { HistoryListing } from './history'
import {
  historyPageQuerySchema,
  historySeriesQuerySchema,
  idSchema,
  runIdsSchema
} from './historyPage'
import type { HistoryPage, HistorySeries } from './historyPage'
import { oneOf } from './oneOf'
import type { RunProgress, RunRecord } from './result'
import { studyConfigSchema } from './study'
import type { StudyProgress, StudyRecord } from './study'
import type { SystemInfo } from './system'

const id = idSchema
/** Runs picked in History: their ids, or all but some (resolved in main). */
const runIds = z.object({ ids: runIdsSchema }).strict()
const reportLanguage = oneOf('a language', REPORT_LANGUAGES)

export type ExportOutcome = { saved: true; path: string } | { saved: false }

/** What the native folder dialog answered: a folder, or the user cancelled. */
export type FolderChoice = { chosen: true; path: string } | { chosen: false }

/** What a study can be exported as. */
export const STUDY_EXPORT_FORMATS = ['markdown', 'csv', 'json', 'html'] as const
export type StudyExportFormat = (typeof STUDY_EXPORT_FORMATS)[number]

/** What a comparison of two runs can be exported as (the same formats as a study). */
export const COMPARISON_EXPORT_FORMATS = STUDY_EXPORT_FORMATS
export type ComparisonExportFormat = StudyExportFormat

/**
 * A value that only carries a type: a channel's result or an event's payload,
 * which TypeScript needs but nothing checks at run time (main produces them).
 */
export type Typed<T> = { readonly __type?: T }
export const typed = <T>(): Typed<T> => ({})

/**
 * The IPC contract: every invoke channel, declared once, keyed by its name:
 * - `verb`: its name on `window.api` (BenchApi);
 * - `payload`: the schema main validates it with (whatever the renderer's
 *   types claim), and whose input type the verb takes (`z.undefined()`: none);
 * - `result`: what it answers, always wrapped in a Result.
 * Main's handlers (src/main/ipc), the service's validation, the preload's
 * `window.api` (createBenchApi), the e2e harness's bridge and the `BenchApi`
 * type (api.ts) are all derived from it.
 */
export const invokeChannels = {
  'bench:run': { verb: 'run', payload: runConfigSchema, result: typed<RunRecord>() },
  /** The same run, after the user confirmed it although its estimate is long (limits.ts). */
  'bench:run-confirmed': {
    verb: 'runConfirmed',
    payload: runConfigSchema,
    result: typed<RunRecord>()
  },
  /** A study (size sweep and/or backend comparison); its runs do not go into history. */
  'bench:study': { verb: 'runStudy', payload: studyConfigSchema, result: typed<StudyRecord>() },
  /** Cancels the run or the study in progress. */
  'bench:cancel': {
    verb: 'cancel',
    payload: z.undefined(),
    result: typed<{ cancelled: boolean }>()
  },
  /** Every summary at once: for tests and tools; the app's renderer asks for pages. */
  'history:list': {
    verb: 'listHistory',
    payload: z.undefined(),
    result: typed<HistoryListing>()
  },
  /** A window of the list (newest first), the counts, the damage: answered from main's index. */
  'history:page': {
    verb: 'historyPage',
    payload: historyPageQuerySchema,
    result: typed<HistoryPage>()
  },
  /** The history graph's points for one configuration, aggregated (and decimated) in main. */
  'history:series': {
    verb: 'historySeries',
    payload: historySeriesQuerySchema,
    result: typed<HistorySeries>()
  },
  'history:get': {
    verb: 'getRun',
    payload: z.object({ id }).strict(),
    result: typed<RunRecord>()
  },
  'history:delete': { verb: 'deleteRuns', payload: runIds, result: typed<{ deleted: number }>() },
  'history:clear': {
    verb: 'clearHistory',
    payload: z.undefined(),
    result: typed<{ deleted: number }>()
  },
  'export:csv': { verb: 'exportCsv', payload: runIds, result: typed<ExportOutcome>() },
  'export:json': { verb: 'exportJson', payload: runIds, result: typed<ExportOutcome>() },
  'export:markdown': { verb: 'exportMarkdown', payload: runIds, result: typed<ExportOutcome>() },
  /** An HTML report of the runs, in the app's language. */
  'export:html': {
    verb: 'exportHtml',
    payload: z.object({ ids: runIdsSchema, language: reportLanguage }).strict(),
    result: typed<ExportOutcome>()
  },
  /** A study main ran in this session, by id (studies are kept in memory, not in history). */
  'export:study': {
    verb: 'exportStudy',
    payload: z
      .object({
        id,
        format: oneOf('a format', STUDY_EXPORT_FORMATS),
        /** The language of an HTML report (others are English). */
        language: reportLanguage.optional()
      })
      .strict(),
    result: typed<ExportOutcome>()
  },
  /** Two stored runs compared (baseline first), exported; main recomputes the comparison. */
  'export:comparison': {
    verb: 'exportComparison',
    payload: z
      .object({
        baselineId: id,
        candidateId: id,
        format: oneOf('a format', COMPARISON_EXPORT_FORMATS),
        language: reportLanguage.optional()
      })
      .strict(),
    result: typed<ExportOutcome>()
  },
  'export:png': {
    verb: 'exportPng',
    payload: z
      .object({
        name: z
          .string()
          .min(1)
          .max(100)
          .regex(/^[\w .-]+$/, 'a file name of letters, digits, spaces, dots and dashes'),
        dataUrl: z
          .string()
          .max(50_000_000)
          .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'a PNG data URL')
      })
      .strict(),
    result: typed<ExportOutcome>()
  },
  'system:info': { verb: 'systemInfo', payload: z.undefined(), result: typed<SystemInfo>() },
  /** The working folder of "Your command", picked in a native folder dialog (main). */
  'dialog:choose-folder': {
    verb: 'chooseFolder',
    payload: z.undefined(),
    result: typed<FolderChoice>()
  },
  /**
   * Shows a file the app exported in the OS file manager. Main answers only
   * for paths it wrote itself in this session (anything else is refused).
   */
  'shell:show-in-folder': {
    verb: 'showInFolder',
    payload: z.object({ path: z.string().min(1).max(4096) }).strict(),
    result: typed<{ shown: true }>()
  },
  /** "Test connection": the agents a NATS server offers (credentials may be in the URL). */
  'cluster:probe': {
    verb: 'probeCluster',
    payload: z
      .object({ server: z.string({ error: 'server must be a URL' }).max(2048) })
      .strict()
      .superRefine(({ server }, ctx) => {
        const parsed = parseServerUrl(server)
        if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['server'], message: parsed.message })
      }),
    result: typed<ClusterProbe>()
  }
} as const

export type InvokeChannel = keyof typeof invokeChannels
/** A channel's payload as the renderer passes it (the schema's input). */
export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['payload']>
/** A channel's payload once main validated it (the schema's output). */
export type InvokeArg<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['payload']>
type TypeOf<T> = T extends Typed<infer V> ? V : never
export type InvokeResults = {
  [C in InvokeChannel]: TypeOf<(typeof invokeChannels)[C]['result']>
}
export type InvokeResult<C extends InvokeChannel> = Result<InvokeResults[C]>

/** Commands the app menu sends to the renderer. */
export type MenuCommand = 'run' | 'cancel' | 'export-csv' | 'export-html'

/** Main → renderer events: each one's listener verb on `window.api`, and its payload. */
export const eventChannels = {
  'bench:progress': { verb: 'onProgress', payload: typed<RunProgress>() },
  'bench:study-progress': { verb: 'onStudyProgress', payload: typed<StudyProgress>() },
  'app:menu': { verb: 'onMenu', payload: typed<MenuCommand>() }
} as const

export type EventChannel = keyof typeof eventChannels
export type EventPayloads = {
  [E in EventChannel]: TypeOf<(typeof eventChannels)[E]['payload']>
}

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[]
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[]

export type { RunConfig }
