import type { BenchApi } from '@shared/api'
import type { BenchError } from '@shared/errors'
import type { SystemInfo } from '@shared/system'

/** The machine's facts, read once from main. */
export class SystemStore {
  info = $state.raw<SystemInfo | null>(null)
  error = $state.raw<BenchError | null>(null)

  /** Cores the worker-count presets go up to: main's answer, else the browser's guess. */
  readonly cores = $derived(
    this.info?.availableParallelism ?? Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1)
  )

  readonly #api: BenchApi

  constructor(api: BenchApi) {
    this.#api = api
  }

  async load(): Promise<void> {
    const result = await this.#api.systemInfo()
    if (result.ok) this.info = result.value
    else this.error = result.error
  }
}
