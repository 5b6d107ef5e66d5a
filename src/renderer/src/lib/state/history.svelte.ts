import type { BenchApi } from '@shared/api'
import type { BenchError } from '@shared/errors'
import { summarize } from '@shared/history'
import type { DamagedEntry, RunSummary } from '@shared/history'
import type { RunRecord } from '@shared/result'
import { groupByConfig } from '../groupByConfig'
import { emptySelection, filtered, selectionOf, toggled } from '../selection'
import type { Selection } from '../selection'

const newestFirst = (a: RunSummary, b: RunSummary): number =>
  a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0

/**
 * Past runs as summaries (no samples), newest first. Arrays are replaced,
 * never mutated, and held raw: ten thousand runs cost one assignment, not ten
 * thousand proxies.
 */
export class HistoryStore {
  runs = $state.raw<RunSummary[]>([])
  damaged = $state.raw<DamagedEntry[]>([])
  path = $state('')
  loaded = $state(false)
  error = $state.raw<BenchError | null>(null)
  selected = $state.raw<Selection>(emptySelection)

  /** Configurations present, most frequent first, for the history graph's filter. */
  readonly configs = $derived(groupByConfig(this.runs))

  readonly selectedIds = $derived(this.runs.filter((r) => this.selected.has(r.id)).map((r) => r.id))

  readonly #api: BenchApi

  constructor(api: BenchApi) {
    this.#api = api
  }

  async load(): Promise<void> {
    const result = await this.#api.listHistory()
    if (result.ok) {
      this.runs = [...result.value.runs].sort(newestFirst)
      this.damaged = result.value.damaged
      this.path = result.value.path
      this.error = null
      const present = selectionOf(this.runs.map((r) => r.id))
      this.selected = filtered(this.selected, (id) => present.has(id))
    } else {
      this.error = result.error
    }
    this.loaded = true
  }

  /** A run just finished (and was stored by main): show it without rereading the file. */
  add(record: RunRecord): void {
    this.runs = [summarize(record), ...this.runs.filter((r) => r.id !== record.id)].sort(
      newestFirst
    )
  }

  isSelected(id: string): boolean {
    return this.selected.has(id)
  }

  toggle(id: string, on = !this.selected.has(id)): void {
    this.selected = toggled(this.selected, id, on)
  }

  selectAll(): void {
    this.selected = selectionOf(this.runs.map((r) => r.id))
  }

  selectNone(): void {
    this.selected = emptySelection
  }

  async remove(ids: string[]): Promise<number | BenchError> {
    if (ids.length === 0) return 0
    const result = await this.#api.deleteRuns({ ids })
    if (!result.ok) return result.error
    const gone = selectionOf(ids)
    this.runs = this.runs.filter((r) => !gone.has(r.id))
    this.selected = filtered(this.selected, (id) => !gone.has(id))
    return result.value.deleted
  }

  async clear(): Promise<number | BenchError> {
    const result = await this.#api.clearHistory()
    if (!result.ok) return result.error
    this.runs = []
    this.damaged = []
    this.selected = emptySelection
    return result.value.deleted
  }
}
