import { eventChannels, invokeChannels } from './ipc'
import type { EventChannel, EventPayloads, InvokeChannel, InvokeInput, InvokeResult } from './ipc'

type InvokeVerbName<C extends InvokeChannel> = (typeof invokeChannels)[C]['verb']
type EventVerbName<E extends EventChannel> = (typeof eventChannels)[E]['verb']

/** An invoke channel's verb: its payload (none for `z.undefined()`), answered with a Result. */
export type InvokeVerb<C extends InvokeChannel> =
  undefined extends InvokeInput<C>
    ? (payload?: InvokeInput<C>) => Promise<InvokeResult<C>>
    : (payload: InvokeInput<C>) => Promise<InvokeResult<C>>

/** An event's verb: subscribes a listener to its payloads; returns the unsubscribe. */
export type EventVerb<E extends EventChannel> = (
  listener: (payload: EventPayloads[E]) => void
) => () => void

/**
 * What the preload exposes as `window.api`, derived from the IPC contract
 * (src/shared/ipc.ts): one verb per channel, named by its `verb`. Every call
 * resolves to a Result: failures are values ({ ok: false, error }), never
 * rejections.
 */
export type BenchApi = {
  readonly [C in InvokeChannel as InvokeVerbName<C>]: InvokeVerb<C>
} & {
  readonly [E in EventChannel as EventVerbName<E>]: EventVerb<E>
}

/** The channels whose verb another channel already has (their types would merge). */
type SharedVerbs =
  | {
      [C in InvokeChannel]: InvokeVerbName<C> extends
        InvokeVerbName<Exclude<InvokeChannel, C>> | EventVerbName<EventChannel>
        ? C
        : never
    }[InvokeChannel]
  | {
      [E in EventChannel]: EventVerbName<E> extends EventVerbName<Exclude<EventChannel, E>>
        ? E
        : never
    }[EventChannel]
type None<T extends never> = T
/** Does not compile while two channels share a verb (the error names them). */
export type UniqueVerbs = None<SharedVerbs>

/** The contract's verbs: all createBenchApi needs. */
export interface ApiVerbs {
  invoke: { readonly [C in InvokeChannel]: { readonly verb: InvokeVerbName<C> } }
  events: { readonly [E in EventChannel]: { readonly verb: EventVerbName<E> } }
}

/** The IPC contract, as createBenchApi takes it. */
export const API_CONTRACT: ApiVerbs = { invoke: invokeChannels, events: eventChannels }

/**
 * The contract's verbs without its schemas, as JSON (an ApiVerbs): the
 * sandboxed preload cannot load zod, so the build defines them in it
 * (`__BENCH_API_VERBS__`), and the e2e harness sends them to the page.
 */
export const apiVerbsJson = (): string =>
  JSON.stringify(API_CONTRACT, (key: string, value: unknown) =>
    key === 'payload' || key === 'result' ? undefined : value
  )
