import type { BenchApi } from '@shared/api'
import type { BenchError } from '@shared/errors'
import type { DamagedEntry, RunSummary } from '@shared/history'
import type { ConfigCount, HistoryPage, HistorySeries, RunIds } from '@shared/historyPage'
import type { RunRecord } from '@shared/result'
import { noPages, PendingPages, pagesFor, withPage } from '../pageCache'
import type { Pages } from '../pageCache'
import { emptySelection, filtered, selectionOf, toggled } from '../selection'
import type { Selection } from '../selection'

/** Rows per page asked of main. */
export const PAGE_SIZE = 100
/** Pages kept at most (the ones nearest what the list shows): 1,200 summaries, whatever the history. */
export const KEPT_PAGES = 12
/** Rows fetched beyond the visible ones, above and below, so scrolling rarely meets a gap. */
const MARGIN = 60
/**
 * Pages are asked for once the rows shown have stayed put this long, or at
 * the latest this often while they keep moving: a fast drag through 100,000
 * rows does not fetch every page it flies past.
 */
const SETTLE_MS = 50
const MAX_WAIT_MS = 200
/** "All selected" runs that may be listed by id for an action that needs ids (compare). */
const RESOLVE_MAX = 500

/**
 * Past runs, newest first, as main pages them: the renderer holds the total,
 * the counts, and a bounded cache of pages around what the list shows
 * (100,000 stored runs cost the same here as 1,200).
 *
 * The selection is a set of ids, or "all but these" (`all`): selecting all of
 * 100,000 runs lists none of them; main resolves "all" when it acts
 * (delete, export), against the history as it is then.
 */
export class HistoryStore {
  /** Runs in the list. */
  total = $state(0)
  /** Loaded pages by page number (PAGE_SIZE rows each); replaced, never mutated. */
  pages = $state.raw<Pages<RunSummary>>(noPages())
  /** The newest runs (the first page): what the explainer and the start-up pick from. */
  recent = $state.raw<readonly RunSummary[]>([])
  /** Configurations and their counts, most frequent first (the history graph's filter). */
  configs = $state.raw<ConfigCount[]>([])
  damaged = $state.raw<DamagedEntry[]>([])
  path = $state('')
  loaded = $state(false)
  error = $state.raw<BenchError | null>(null)
  /** Main's revision of the pages held: a page of another revision replaces them all. */
  revision = $state(-1)
  /** Selected ids; when `all`, the ids NOT selected. */
  selected = $state.raw<Selection>(emptySelection)
  all = $state(false)

  readonly selectedCount = $derived(
    this.all ? Math.max(0, this.total - this.selected.size) : this.selected.size
  )

  /** The history graph's points for `seriesKey`, as main aggregated them. */
  series = $state.raw<HistorySeries | null>(null)

  readonly #api: BenchApi
  /** Pages asked for and not answered yet, by page number, with the revision they were asked in. */
  readonly #asked = new PendingPages()
  /** The rows the list shows, [first, last). */
  #range: [number, number] = [0, 0]
  #seriesAsked: { key: string | null; revision: number } | null = null
  #timer: ReturnType<typeof setTimeout> | null = null
  /** When the rows first moved since the last fetch (for MAX_WAIT_MS). */
  #movedAt = 0

  constructor(api: BenchApi) {
    this.#api = api
  }

  /** The run at row `index` (newest first), if its page is loaded. */
  runAt(index: number): RunSummary | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
  }

  /** Reads the first page (and with it the total, the counts and the damage). */
  async load(): Promise<void> {
    await this.#fetch(0)
    this.loaded = true
  }

  /** The list shows rows [first, last): fetches the pages around them (soon) and forgets far ones. */
  show(first: number, last: number): void {
    this.#range = [first, last]
    if (this.#missing().length === 0) return
    const now = performance.now()
    if (this.#timer === null) this.#movedAt = now
    else clearTimeout(this.#timer)
    const wait = Math.min(SETTLE_MS, Math.max(0, this.#movedAt + MAX_WAIT_MS - now))
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#fetchShown()
    }, wait)
  }

  /** Pages around the rows shown that are neither held nor on their way. */
  #missing(): number[] {
    const [first, last] = this.#range
    return pagesFor(first, last, this.total, PAGE_SIZE, MARGIN).filter(
      (p) => !this.pages.has(p) && !this.#asked.waiting(p, this.revision)
    )
  }

  #fetchShown(): void {
    for (const p of this.#missing()) void this.#fetch(p)
  }

  /** Asks main for page `p`; a new revision drops every other page and asks again for the rest. */
  async #fetch(p: number): Promise<void> {
    this.#asked.ask(p, this.revision)
    const result = await this.#api.historyPage({ offset: p * PAGE_SIZE, limit: PAGE_SIZE })
    this.#asked.answered(p)
    if (!result.ok) {
      this.error = result.error
      return
    }
    this.error = null
    const page = result.value
    // Main's revisions only grow: an older one is an answer overtaken by a change.
    if (page.revision < this.revision) return
    const fresh = page.revision !== this.revision
    if (fresh) this.#adopt(page)
    if (p === 0) this.recent = page.runs
    const middle = (this.#range[0] + this.#range[1]) / 2 / PAGE_SIZE
    this.pages = withPage(this.pages, p, page.runs, fresh, KEPT_PAGES, middle)
    // The other pages shown were of the old revision: ask for them again (and the newest runs).
    if (fresh) {
      this.#fetchShown()
      if (!this.pages.has(0) && !this.#asked.waiting(0, this.revision)) void this.#fetch(0)
    }
  }

  /** Takes what a page of a new revision says of the whole history. */
  #adopt(page: HistoryPage): void {
    this.revision = page.revision
    this.total = page.total
    this.configs = page.configs
    this.damaged = page.damaged
    this.path = page.path
    this.#asked.clear()
  }

  /** Reads again what is shown (after main's history changed): the first page, then the rest. */
  async refresh(): Promise<void> {
    this.revision = -1
    await this.#fetch(0)
  }

  /** A run just finished (and was stored by main): main's index has it on top; read the top again. */
  add(record: RunRecord): void {
    // Selecting "all" meant the runs there were: a new one comes in unselected.
    if (this.all) this.selected = toggled(this.selected, record.id, true)
    void this.refresh()
  }

  /** The graph's series for a configuration key; asks main only when the key or the history changed. */
  loadSeries(key: string | null): void {
    const asked = this.#seriesAsked
    if (asked && asked.key === key && asked.revision === this.revision) return
    this.#seriesAsked = { key, revision: this.revision }
    void this.#api.historySeries({ key }).then((result) => {
      if (this.#seriesAsked?.key !== key) return
      if (result.ok) this.series = result.value
      else this.error = result.error
    })
  }

  isSelected(id: string): boolean {
    return this.all !== this.selected.has(id)
  }

  toggle(id: string, on = !this.isSelected(id)): void {
    this.selected = toggled(this.selected, id, this.all ? !on : on)
  }

  selectAll(): void {
    this.all = true
    this.selected = emptySelection
  }

  selectNone(): void {
    this.all = false
    this.selected = emptySelection
  }

  /** The selection as main takes it: ids, or "all but these". */
  get selectedIds(): RunIds {
    return this.all ? { all: true, except: [...this.selected] } : [...this.selected]
  }

  /**
   * The selected ids themselves, for an action that needs them (compare):
   * at most `max`, else null. "All" is listed from main's pages only when small.
   */
  async resolveSelected(max = RESOLVE_MAX): Promise<string[] | null> {
    if (this.selectedCount > max) return null
    if (!this.all) return [...this.selected]
    if (this.total > RESOLVE_MAX) return null
    const result = await this.#api.historyPage({ offset: 0, limit: RESOLVE_MAX })
    if (!result.ok) return null
    return result.value.runs.map((r) => r.id).filter((id) => !this.selected.has(id))
  }

  async remove(ids: RunIds): Promise<number | BenchError> {
    if (Array.isArray(ids) && ids.length === 0) return 0
    const result = await this.#api.deleteRuns({ ids })
    if (!result.ok) return result.error
    if (Array.isArray(ids)) {
      const gone = selectionOf(ids)
      this.selected = this.all ? this.selected : filtered(this.selected, (id) => !gone.has(id))
    } else this.selectNone()
    await this.refresh()
    return result.value.deleted
  }

  async clear(): Promise<number | BenchError> {
    const result = await this.#api.clearHistory()
    if (!result.ok) return result.error
    this.selectNone()
    await this.refresh()
    return result.value.deleted
  }
}
