import type { BenchApi } from '@shared/api'
import { compareRuns } from '@shared/analysis/compareRuns'
import type { ComparisonOutcome } from '@shared/analysis/compareRuns'
import type { BenchError } from '@shared/errors'
import type { RunRecord } from '@shared/result'

/**
 * Two stored runs side by side: fetched in full (history keeps summaries),
 * the older one the baseline, compared by the shared analysis.
 */
export class CompareState {
  /** The compare view is showing (loading, refused or compared). */
  active = $state(false)
  loading = $state(false)
  error = $state.raw<BenchError | null>(null)
  baseline = $state.raw<RunRecord | null>(null)
  candidate = $state.raw<RunRecord | null>(null)

  readonly outcome: ComparisonOutcome | null = $derived(
    this.baseline && this.candidate ? compareRuns(this.baseline, this.candidate) : null
  )

  readonly #api: BenchApi

  constructor(api: BenchApi) {
    this.#api = api
  }

  /** Fetches both runs; the one started first becomes the baseline. */
  async open(ids: readonly [string, string]): Promise<void> {
    this.active = true
    this.loading = true
    this.error = null
    this.baseline = null
    this.candidate = null
    try {
      const [a, b] = await Promise.all(ids.map((id) => this.#api.getRun({ id })))
      if (!a.ok || !b.ok) {
        this.error = !a.ok ? a.error : !b.ok ? b.error : null
        return
      }
      const [first, second] =
        a.value.startedAt <= b.value.startedAt ? [a.value, b.value] : [b.value, a.value]
      this.baseline = first
      this.candidate = second
    } finally {
      this.loading = false
    }
  }

  /** Makes the candidate the baseline and the other way round. */
  swap(): void {
    const baseline = this.baseline
    this.baseline = this.candidate
    this.candidate = baseline
  }

  close(): void {
    this.active = false
    this.baseline = null
    this.candidate = null
    this.error = null
  }
}
