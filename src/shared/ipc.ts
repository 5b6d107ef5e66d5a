import { z } from 'zod'
import { parseServerUrl } from './cluster'
import type { ClusterProbe } from './cluster'
import { runConfigSchema } from './config'
import type { RunConfig } from './config'
import type { Result } from './errors'
import type { HistoryListing } from './history'
import { historyPageQuerySchema, historySeriesQuerySchema, runIdsSchema } from './historyPage'
import type { HistoryPage, HistorySeries } from './historyPage'
import type { RunProgress, RunRecord } from './result'
import { studyConfigSchema } from './study'
import type { StudyProgress, StudyRecord } from './study'
import type { SystemInfo } from './system'

/** Runs picked in History: their ids, or all but some (resolved in main). */
const runIds = z.object({ ids: runIdsSchema }).strict()

export type ExportOutcome = { saved: true; path: string } | { saved: false }

/** What a study can be exported as. */
export const STUDY_EXPORT_FORMATS = ['markdown', 'csv', 'json'] as const
export type StudyExportFormat = (typeof STUDY_EXPORT_FORMATS)[number]

/** What a comparison of two runs can be exported as (the same formats as a study). */
export const COMPARISON_EXPORT_FORMATS = STUDY_EXPORT_FORMATS
export type ComparisonExportFormat = StudyExportFormat

/**
 * Every invoke channel: its payload schema (validated in main, whatever the
 * renderer's types claim) and its result type. Declared once; main's
 * `addHandler` and the preload's invoker are both typed from this.
 */
export const invokeSchemas = {
  'bench:run': runConfigSchema,
  /** The same run, after the user confirmed it although its estimate is long (limits.ts). */
  'bench:run-confirmed': runConfigSchema,
  'bench:study': studyConfigSchema,
  /** Cancels the run or the study in progress. */
  'bench:cancel': z.undefined(),
  /** Every summary at once: for tests and tools; the app's renderer asks for pages. */
  'history:list': z.undefined(),
  /** A window of the list (newest first), the counts, the damage: answered from main's index. */
  'history:page': historyPageQuerySchema,
  /** The history graph's points for one configuration, aggregated (and decimated) in main. */
  'history:series': historySeriesQuerySchema,
  'history:get': z.object({ id: z.string().min(1).max(100) }).strict(),
  'history:delete': runIds,
  'history:clear': z.undefined(),
  'export:csv': runIds,
  'export:json': runIds,
  'export:markdown': runIds,
  /** A study main ran in this session, by id (studies are kept in memory, not in history). */
  'export:study': z
    .object({
      id: z.string().min(1).max(100),
      format: z.enum(STUDY_EXPORT_FORMATS, {
        error: `a format must be one of ${STUDY_EXPORT_FORMATS.join(', ')}`
      })
    })
    .strict(),
  /** Two stored runs compared (baseline first), exported; main recomputes the comparison. */
  'export:comparison': z
    .object({
      baselineId: z.string().min(1).max(100),
      candidateId: z.string().min(1).max(100),
      format: z.enum(COMPARISON_EXPORT_FORMATS, {
        error: `a format must be one of ${COMPARISON_EXPORT_FORMATS.join(', ')}`
      })
    })
    .strict(),
  'export:png': z
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
  'system:info': z.undefined(),
  /**
   * Shows a file the app exported in the OS file manager. Main answers only
   * for paths it wrote itself in this session (anything else is refused).
   */
  'shell:show-in-folder': z.object({ path: z.string().min(1).max(4096) }).strict(),
  /** "Test connection": the agents a NATS server offers (credentials may be in the URL). */
  'cluster:probe': z
    .object({ server: z.string({ error: 'server must be a URL' }).max(2048) })
    .strict()
    .superRefine(({ server }, ctx) => {
      const parsed = parseServerUrl(server)
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['server'], message: parsed.message })
    })
} as const

export interface InvokeResults {
  'bench:run': RunRecord
  'bench:run-confirmed': RunRecord
  'bench:study': StudyRecord
  'bench:cancel': { cancelled: boolean }
  'history:list': HistoryListing
  'history:page': HistoryPage
  'history:series': HistorySeries
  'history:get': RunRecord
  'history:delete': { deleted: number }
  'history:clear': { deleted: number }
  'export:csv': ExportOutcome
  'export:json': ExportOutcome
  'export:markdown': ExportOutcome
  'export:study': ExportOutcome
  'export:comparison': ExportOutcome
  'export:png': ExportOutcome
  'system:info': SystemInfo
  'shell:show-in-folder': { shown: true }
  'cluster:probe': ClusterProbe
}

export type InvokeChannel = keyof typeof invokeSchemas
export type InvokeArg<C extends InvokeChannel> = z.infer<(typeof invokeSchemas)[C]>
export type InvokeResult<C extends InvokeChannel> = Result<InvokeResults[C]>

/** Commands the app menu sends to the renderer. */
export type MenuCommand = 'run' | 'cancel' | 'export-csv'

/** Main → renderer events. */
export interface EventPayloads {
  'bench:progress': RunProgress
  'bench:study-progress': StudyProgress
  'app:menu': MenuCommand
}
export type EventChannel = keyof EventPayloads

export const INVOKE_CHANNELS = Object.keys(invokeSchemas) as InvokeChannel[]
export const EVENT_CHANNELS: EventChannel[] = ['bench:progress', 'bench:study-progress', 'app:menu']

export type { RunConfig }
