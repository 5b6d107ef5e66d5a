import { SvelteMap, SvelteSet } from 'svelte/reactivity'
import type { BenchApi } from '@shared/api'
import type { RunRecord } from '@shared/result'

/**
 * Full run records fetched on demand (history keeps only summaries in
 * memory), remembered by id. Used by the explainer, which reads a handful.
 */
export class RunRecords {
  readonly #records = new SvelteMap<string, RunRecord>()
  readonly #pending = new SvelteSet<string>()
  readonly #api: BenchApi

  constructor(api: BenchApi) {
    this.#api = api
  }

  get(id: string | null): RunRecord | null {
    return id === null ? null : (this.#records.get(id) ?? null)
  }

  /** A record the page already holds (the run on display): no request needed. */
  remember(record: RunRecord): void {
    if (this.#records.get(record.id) !== record) this.#records.set(record.id, record)
  }

  /** Fetches what is not known yet; a failed fetch leaves the id unknown. */
  async load(ids: readonly (string | null)[]): Promise<void> {
    const wanted = ids.filter(
      (id, i): id is string =>
        id !== null && ids.indexOf(id) === i && !this.#records.has(id) && !this.#pending.has(id)
    )
    for (const id of wanted) this.#pending.add(id)
    await Promise.all(
      wanted.map(async (id) => {
        try {
          const result = await this.#api.getRun({ id })
          if (result.ok) this.#records.set(id, result.value)
        } finally {
          this.#pending.delete(id)
        }
      })
    )
  }
}
