import { z } from 'zod'
import type { RunConfig } from './config'
import type { DamagedEntry, RunSummary } from './history'

/**
 * The history as the renderer sees it: windows of the list, counts and the
 * history graph's series, all answered by main from its summary index. The
 * renderer never holds every summary (100,000 runs were 332 MB there).
 */

/** The most rows one page answers (the list asks for its visible rows and a margin). */
export const HISTORY_PAGE_MAX = 500
/** The most points the history graph gets: longer histories are decimated in main. */
export const HISTORY_SERIES_MAX_POINTS = 1000
/** The most configurations a page counts for the graph's picker (most frequent first). */
export const HISTORY_CONFIGS_MAX = 100

/** A stored run's (or a study's) id, as IPC payloads carry it. */
export const idSchema = z.string().min(1).max(100)
/** A configuration key (configKey): range, workload, backend, pool, kernel. */
const configKeySchema = z.string().min(1).max(200)

export const historyPageQuerySchema = z
  .object({
    /** Rows to skip, newest first. */
    offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    limit: z.number().int().min(1).max(HISTORY_PAGE_MAX),
    /** Only runs of this configuration (configKey). */
    key: configKeySchema.optional()
  })
  .strict()
export type HistoryPageQuery = z.infer<typeof historyPageQuerySchema>

export const historySeriesQuerySchema = z
  .object({
    /** The configuration whose runs are plotted (configKey); null: every run. */
    key: configKeySchema.nullable()
  })
  .strict()
export type HistorySeriesQuery = z.infer<typeof historySeriesQuerySchema>

/**
 * Runs picked in History: a list of ids, or every stored run but a few
 * ("select all" of 100,000 runs sends no ids; main resolves it when acting).
 */
export const runIdsSchema = z.union([
  z.array(idSchema).min(1, 'select at least one run').max(100_000),
  z.object({ all: z.literal(true), except: z.array(idSchema).max(100_000) }).strict()
])
export type RunIds = z.infer<typeof runIdsSchema>

/** How many stored runs share a configuration, and that configuration (of its newest run). */
export interface ConfigCount {
  key: string
  count: number
  config: RunConfig
}

export interface HistoryPage {
  /** Where `runs` starts, newest first. */
  offset: number
  runs: RunSummary[]
  /** Runs that match the query's filter. */
  total: number
  /** Every stored run. */
  stored: number
  /** Configurations, most frequent first (at most HISTORY_CONFIGS_MAX). */
  configs: ConfigCount[]
  damaged: DamagedEntry[]
  /** Where the history lives (shown to the user). */
  path: string
  /** Changes whenever the stored runs change: pages of another revision do not mix. */
  revision: number
}

/** One run on the history graph: its place in run order and its speedups. */
export interface HistorySeriesPoint {
  id: string
  startedAt: string
  /** 1-based place among the plotted configuration's runs, oldest first. */
  order: number
  /** Speedup per worker count above one, with its 95% interval where the run had one. */
  speedups: SeriesSpeedup[]
}

export interface SeriesSpeedup {
  workers: number
  speedup: number
  low?: number
  high?: number
}

export interface HistorySeries {
  key: string | null
  /** Runs of the configuration (every one, even when fewer points are sent). */
  total: number
  /** Oldest first; at most HISTORY_SERIES_MAX_POINTS. */
  points: HistorySeriesPoint[]
  /** True when points stand for buckets of runs (each bucket's lowest and highest). */
  decimated: boolean
  /** When the oldest and the newest run started, and the newest's speedups (the graph's summary). */
  first: string | null
  last: string | null
  latest: { workers: number; speedup: number }[]
  revision: number
}

export function isAllRuns(ids: RunIds): ids is { all: true; except: string[] } {
  return !Array.isArray(ids)
}
