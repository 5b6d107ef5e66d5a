import { configKey } from '../../shared/history'
import type { RunSummary } from '../../shared/history'
import { HISTORY_CONFIGS_MAX, HISTORY_SERIES_MAX_POINTS } from '../../shared/historyPage'
import type {
  ConfigCount,
  HistorySeries,
  HistorySeriesPoint,
  SeriesSpeedup
} from '../../shared/historyPage'

/**
 * The stored runs ordered and grouped as the renderer asks for them, built
 * once per state of the history (and updated in place by an append or a
 * delete), so a page is a slice and never a pass over the file.
 */
export interface HistoryView {
  revision: number
  /** Every run, newest first. */
  order: RunSummary[]
  /** Each configuration's runs, newest first. */
  groups: Map<string, RunSummary[]>
  /** Configurations, most frequent first (sorted lazily, then kept until the runs change). */
  counts: ConfigCount[] | null
}

const newestFirst = (a: RunSummary, b: RunSummary): number =>
  a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0

/** `summaries` in file order (oldest first). Runs that started together keep the file's order, newest line first. */
export function buildView(summaries: readonly RunSummary[], revision: number): HistoryView {
  // Reversed, the file's order is nearly always newest first already: the sort is a linear check.
  const order = summaries.slice().reverse().sort(newestFirst)
  const groups = new Map<string, RunSummary[]>()
  for (const run of order) {
    const key = configKey(run.config)
    const group = groups.get(key)
    if (group) group.push(run)
    else groups.set(key, [run])
  }
  return { revision, order, groups, counts: null }
}

/**
 * The view with a run just appended: it goes on top when it is the newest
 * (a run that just finished always is). Null when it belongs further down
 * (a clock set back): the caller builds the view afresh.
 */
export function withRun(view: HistoryView, run: RunSummary, revision: number): HistoryView | null {
  const top = view.order[0]
  if (top && top.startedAt > run.startedAt) return null
  view.order.unshift(run)
  const key = configKey(run.config)
  const group = view.groups.get(key)
  if (group) group.unshift(run)
  else view.groups.set(key, [run])
  return { ...view, revision, counts: null }
}

/** The view without the runs of `gone` (ids): one pass, the order kept. */
export function withoutRuns(
  view: HistoryView,
  gone: ReadonlySet<string>,
  revision: number
): HistoryView {
  const order = view.order.filter((r) => !gone.has(r.id))
  const groups = new Map<string, RunSummary[]>()
  for (const [key, runs] of view.groups) {
    const left = runs.filter((r) => !gone.has(r.id))
    if (left.length) groups.set(key, left)
  }
  return { revision, order, groups, counts: null }
}

export function configCounts(view: HistoryView): ConfigCount[] {
  view.counts ??= [...view.groups]
    .map(([key, runs]) => ({ key, count: runs.length, config: runs[0].config }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, HISTORY_CONFIGS_MAX)
  return view.counts
}

/** The runs a page counts from: all, or one configuration's. */
export function runsOf(view: HistoryView, key: string | undefined): readonly RunSummary[] {
  return key === undefined ? view.order : (view.groups.get(key) ?? [])
}

/** Speedups above one worker (one worker is the baseline: always 1×), with their intervals. */
const speedupsOf = (run: RunSummary): SeriesSpeedup[] =>
  run.points
    .filter((p) => p.workers > 1)
    .map((p) => ({
      workers: p.workers,
      speedup: p.speedup,
      ...(p.low !== undefined && p.high !== undefined ? { low: p.low, high: p.high } : {})
    }))

/** The speedup a run is about: at its largest worker count (NaN when it has none above one). */
function headline(run: RunSummary): number {
  let best: { workers: number; speedup: number } | null = null
  for (const p of run.points) if (p.workers > 1 && (!best || p.workers > best.workers)) best = p
  return best && Number.isFinite(best.speedup) ? best.speedup : Number.NaN
}

/**
 * The history graph's points for one configuration (null: every run), oldest
 * first. Up to `maxPoints` runs are sent as they are; a longer history is cut
 * into buckets of consecutive runs and each bucket sends its runs with the
 * lowest and the highest speedup, so a dip or a spike still shows and every
 * point is a real run the tooltip can name.
 */
export function seriesOf(
  view: HistoryView,
  key: string | null,
  maxPoints = HISTORY_SERIES_MAX_POINTS
): HistorySeries {
  const newestFirstRuns = key === null ? view.order : (view.groups.get(key) ?? [])
  const total = newestFirstRuns.length
  const at = (order: number): HistorySeriesPoint => {
    const run = newestFirstRuns[total - order]
    return { id: run.id, startedAt: run.startedAt, order, speedups: speedupsOf(run) }
  }
  const points: HistorySeriesPoint[] = []
  const decimated = total > maxPoints
  if (!decimated) {
    for (let order = 1; order <= total; order++) points.push(at(order))
  } else {
    const buckets = Math.max(1, Math.floor(maxPoints / 2))
    for (let b = 0; b < buckets; b++) {
      const from = Math.floor((b * total) / buckets) + 1
      const to = Math.floor(((b + 1) * total) / buckets)
      let low = from
      let high = from
      let lowValue = Infinity
      let highValue = -Infinity
      for (let order = from; order <= to; order++) {
        const s = headline(newestFirstRuns[total - order])
        if (!Number.isFinite(s)) continue
        if (s < lowValue) [low, lowValue] = [order, s]
        if (s > highValue) [high, highValue] = [order, s]
      }
      for (const order of low === high ? [low] : [Math.min(low, high), Math.max(low, high)])
        points.push(at(order))
    }
  }
  const newest = newestFirstRuns[0]
  return {
    key,
    total,
    points,
    decimated,
    first: newestFirstRuns[total - 1]?.startedAt ?? null,
    last: newest?.startedAt ?? null,
    latest: newest ? speedupsOf(newest) : [],
    revision: view.revision
  }
}
