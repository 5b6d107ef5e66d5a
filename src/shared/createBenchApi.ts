import type { BenchApi } from './api'
import type { EventChannel, EventPayloads, InvokeChannel } from './ipc'

/** How the api reaches main: the preload passes ipcRenderer, the e2e harness a Playwright binding. */
export interface ApiTransport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<unknown>
  /** Calls `listener` with each event's payload only; returns the unsubscribe. */
  subscribe<E extends EventChannel>(
    channel: E,
    listener: (payload: EventPayloads[E]) => void
  ): () => void
}

type InvokeVerb = {
  [K in keyof BenchApi]: BenchApi[K] extends (...args: never[]) => Promise<unknown> ? K : never
}[keyof BenchApi]
type EventVerb = Exclude<keyof BenchApi, InvokeVerb>

/**
 * Each BenchApi verb: its channel, and the names its arguments take in the
 * payload object (`'config'` alone means the argument is the payload; none
 * means no payload).
 */
export const BENCH_API_TABLE = {
  invoke: {
    run: { channel: 'bench:run', params: ['config'] },
    runConfirmed: { channel: 'bench:run-confirmed', params: ['config'] },
    runStudy: { channel: 'bench:study', params: ['config'] },
    cancel: { channel: 'bench:cancel', params: [] },
    listHistory: { channel: 'history:list', params: [] },
    historyPage: { channel: 'history:page', params: ['config'] },
    historySeries: { channel: 'history:series', params: ['key'] },
    getRun: { channel: 'history:get', params: ['id'] },
    deleteRuns: { channel: 'history:delete', params: ['ids'] },
    clearHistory: { channel: 'history:clear', params: [] },
    exportCsv: { channel: 'export:csv', params: ['ids'] },
    exportJson: { channel: 'export:json', params: ['ids'] },
    exportMarkdown: { channel: 'export:markdown', params: ['ids'] },
    exportStudy: { channel: 'export:study', params: ['id', 'format'] },
    exportComparison: {
      channel: 'export:comparison',
      params: ['baselineId', 'candidateId', 'format']
    },
    exportPng: { channel: 'export:png', params: ['name', 'dataUrl'] },
    systemInfo: { channel: 'system:info', params: [] },
    showInFolder: { channel: 'shell:show-in-folder', params: ['path'] },
    probeCluster: { channel: 'cluster:probe', params: ['server'] }
  } satisfies Record<InvokeVerb, { channel: InvokeChannel; params: string[] }>,
  events: {
    onProgress: 'bench:progress',
    onStudyProgress: 'bench:study-progress',
    onMenu: 'app:menu'
  } satisfies Record<EventVerb, EventChannel>
}

export type BenchApiTable = typeof BENCH_API_TABLE

/**
 * Builds `window.api` from the table. Self-contained on purpose (it uses only
 * its arguments): the e2e harness injects this very function's source into
 * the page, so the page under test gets the same api the preload exposes.
 */
export function createBenchApi(transport: ApiTransport, table: BenchApiTable): BenchApi {
  const api: Record<string, unknown> = {}
  for (const [verb, call] of Object.entries(table.invoke)) {
    const params: readonly string[] = call.params
    api[verb] = (...args: unknown[]) => {
      let payload: unknown
      if (params.length === 1 && params[0] === 'config') payload = args[0]
      else if (params.length > 0) {
        const fields: Record<string, unknown> = {}
        params.forEach((name, i) => (fields[name] = args[i]))
        payload = fields
      }
      return transport.invoke(call.channel, payload)
    }
  }
  for (const [verb, channel] of Object.entries(table.events)) {
    api[verb] = (listener: (payload: EventPayloads[typeof channel]) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${verb} needs a function`)
      return transport.subscribe(channel, listener)
    }
  }
  return Object.freeze(api) as unknown as BenchApi
}
