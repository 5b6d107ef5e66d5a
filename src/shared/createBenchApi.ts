import type { ApiVerbs, BenchApi } from './api'

/**
 * How the api reaches main: the preload passes ipcRenderer, the e2e harness
 * a Playwright binding. Untyped on purpose: BenchApi is what types each call.
 */
export interface ApiTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  /** Calls `listener` with each event's payload only; returns the unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

/**
 * Builds `window.api` from the IPC contract: each invoke verb sends its one
 * payload (or none) to its channel; each event verb subscribes to its
 * channel. Self-contained on purpose (it uses only its arguments): the e2e
 * harness injects this very function's source into the page, so the page
 * under test gets the same api the preload exposes.
 */
export function createBenchApi(transport: ApiTransport, contract: ApiVerbs): BenchApi {
  const api: Record<string, unknown> = {}
  const verbs = [...Object.values(contract.invoke), ...Object.values(contract.events)].map(
    ({ verb }) => verb
  )
  for (const [channel, { verb }] of Object.entries(contract.invoke)) {
    api[verb] = (payload?: unknown) => transport.invoke(channel, payload)
  }
  for (const [channel, { verb }] of Object.entries(contract.events)) {
    api[verb] = (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError(`${verb} needs a function`)
      return transport.subscribe(channel, (payload) => listener(payload))
    }
  }
  // Every verb of the contract is a function, one per channel: that is what BenchApi says.
  const shared = verbs.filter((verb, i) => verbs.indexOf(verb) !== i)
  const isBenchApi = (value: Record<string, unknown>): value is BenchApi =>
    shared.length === 0 && verbs.every((verb) => typeof value[verb] === 'function')
  if (!isBenchApi(api)) throw new Error(`IPC verbs are not unique: ${shared.join(', ')}`)
  return Object.freeze(api)
}
