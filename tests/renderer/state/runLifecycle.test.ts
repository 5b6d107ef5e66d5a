import { describe, expect, it } from 'vitest'
import type { BenchError, Result } from '../../../src/shared/errors'
import type { FrameScheduler } from '../../../src/renderer/src/lib/state/frameCoalescer'
import {
  RunLifecycle,
  type RunChannel
} from '../../../src/renderer/src/lib/state/runLifecycle.svelte'

type Config = { n: number }
type Record_ = { id: string }
type Progress = { fraction: number }

/** Animation frames on a hand-turned clock: nothing is drawn until `flush`. */
function manualFrames(): FrameScheduler & { flush(): void; pending(): number } {
  let next = 1
  const queue = new Map<number, () => void>()
  return {
    request(callback) {
      const handle = next++
      queue.set(handle, callback)
      return handle
    },
    cancel(handle) {
      queue.delete(handle)
    },
    flush() {
      const callbacks = [...queue.values()]
      queue.clear()
      for (const callback of callbacks) callback()
    },
    pending: () => queue.size
  }
}

/** A promise settled from outside, like an IPC answer that arrives later. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(e: unknown): void } {
  let resolve!: (value: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const err = (code: BenchError['code'], message: string = code): BenchError => ({
  code,
  message
})

/** A fake engine: each start and each cancel answers when the test says; progress is pushed by hand. */
function fakeChannel() {
  const starts: {
    config: Config
    confirmed: boolean
    answer: ReturnType<typeof deferred<Result<Record_>>>
  }[] = []
  const cancels: ReturnType<typeof deferred<Result<unknown>>>[] = []
  const listeners = new Set<(p: Progress) => void>()
  const start = (confirmed: boolean) => (config: Config) => {
    const answer = deferred<Result<Record_>>()
    starts.push({ config, confirmed, answer })
    return answer.promise
  }
  const channel: RunChannel<Config, Record_, Progress> = {
    start: start(false),
    startConfirmed: start(true),
    onProgress(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    cancel() {
      const answer = deferred<Result<unknown>>()
      cancels.push(answer)
      return answer.promise
    }
  }
  return {
    channel,
    starts,
    cancels,
    listeners,
    emit: (p: Progress) => listeners.forEach((l) => l(p))
  }
}

function setup() {
  const fake = fakeChannel()
  const frames = manualFrames()
  const results: Record_[] = []
  const failures: BenchError[] = []
  const life = new RunLifecycle<Config, Record_, Progress>(
    fake.channel,
    { result: (r) => results.push(r), failed: (e) => failures.push(e) },
    frames
  )
  return { fake, frames, results, failures, life }
}

/** Lets the awaited IPC answers reach the lifecycle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('RunLifecycle', () => {
  it('starts, reports progress, hands on the result and returns to idle', async () => {
    const { fake, frames, results, life } = setup()
    expect(life.running).toBe(false)
    const done = life.run({ n: 1 })
    expect(life.status).toBe('running')
    expect(life.running).toBe(true)
    expect(life.config).toEqual({ n: 1 })
    fake.emit({ fraction: 0.5 })
    frames.flush()
    expect(life.progress).toEqual({ fraction: 0.5 })
    fake.starts[0].answer.resolve({ ok: true, value: { id: 'a' } })
    await done
    expect(results).toEqual([{ id: 'a' }])
    expect(life.status).toBe('idle')
    expect(life.running).toBe(false)
    expect(life.progress).toBeNull()
    expect(life.config).toBeNull()
    expect(life.error).toBeNull()
    expect(fake.listeners.size).toBe(0) // unsubscribed
  })

  it('coalesces a burst of progress into one update per frame, the latest', async () => {
    const { fake, frames, life } = setup()
    const done = life.run({ n: 1 })
    for (let i = 1; i <= 100; i++) fake.emit({ fraction: i / 100 })
    expect(frames.pending()).toBe(1)
    expect(life.progress).toBeNull() // nothing drawn before the frame
    frames.flush()
    expect(life.progress).toEqual({ fraction: 1 })
    expect(frames.pending()).toBe(0)
    fake.emit({ fraction: 0.2 })
    expect(frames.pending()).toBe(1)
    fake.starts[0].answer.resolve({ ok: true, value: { id: 'a' } })
    await done
    // The frame left waiting when the run ended is dropped, not drawn later.
    expect(frames.pending()).toBe(0)
    frames.flush()
    expect(life.progress).toBeNull()
  })

  it('ignores a second start while one runs', async () => {
    const { fake, life } = setup()
    const first = life.run({ n: 1 })
    await life.run({ n: 2 })
    expect(fake.starts.map((s) => s.config)).toEqual([{ n: 1 }])
    fake.starts[0].answer.resolve({ ok: true, value: { id: 'a' } })
    await first
  })

  it('cancels: the status says so, the engine is asked, the cancelled error is shown', async () => {
    const { fake, results, life } = setup()
    const done = life.run({ n: 1 })
    const cancelled = life.cancel()
    expect(life.status).toBe('cancelling')
    expect(life.running).toBe(true)
    expect(fake.cancels).toHaveLength(1)
    await life.cancel() // a second press asks nothing more
    expect(fake.cancels).toHaveLength(1)
    fake.cancels[0].resolve({ ok: true, value: { cancelled: true } })
    await cancelled
    fake.starts[0].answer.resolve({ ok: false, error: err('cancelled', 'Run cancelled') })
    await done
    expect(life.status).toBe('idle')
    expect(life.error).toEqual(err('cancelled', 'Run cancelled'))
    expect(results).toEqual([])
  })

  it('a result that arrives after cancel (the run finished first) is kept and shown, with no error', async () => {
    const { fake, frames, results, life } = setup()
    const done = life.run({ n: 1 })
    const cancelled = life.cancel()
    // The engine finished just before the cancel reached it: the record comes first...
    fake.starts[0].answer.resolve({ ok: true, value: { id: 'late' } })
    await done
    expect(results).toEqual([{ id: 'late' }])
    expect(life.status).toBe('idle')
    // ...then the cancel's answer: nothing was running any more.
    fake.cancels[0].resolve({ ok: false, error: err('internal', 'nothing to cancel') })
    await cancelled
    expect(life.error).toBeNull()
    expect(life.status).toBe('idle')
    // A progress event that straggles in after the end changes nothing.
    fake.emit({ fraction: 0.9 })
    frames.flush()
    expect(life.progress).toBeNull()
  })

  it('a late cancel answer does not land on the next run', async () => {
    const { fake, life } = setup()
    const first = life.run({ n: 1 })
    const cancelled = life.cancel()
    fake.starts[0].answer.resolve({ ok: false, error: err('cancelled') })
    await first
    const second = life.run({ n: 2 })
    fake.cancels[0].resolve({ ok: false, error: err('internal', 'late refusal') })
    await cancelled
    expect(life.error).toBeNull()
    expect(life.status).toBe('running')
    fake.starts[1].answer.resolve({ ok: true, value: { id: 'b' } })
    await second
  })

  it('a cancel the engine refuses while the run goes on is shown', async () => {
    const { fake, life } = setup()
    const done = life.run({ n: 1 })
    const cancelled = life.cancel()
    fake.cancels[0].resolve({ ok: false, error: err('internal', 'could not signal the workers') })
    await cancelled
    expect(life.error?.message).toBe('could not signal the workers')
    fake.starts[0].answer.resolve({ ok: true, value: { id: 'a' } })
    await done
  })

  it('shows an error value and tells the owner; the next run clears it', async () => {
    const { fake, failures, life } = setup()
    const done = life.run({ n: 1 })
    const failure = { ...err('worker-crashed', 'worker 2 exited with code 1') }
    fake.starts[0].answer.resolve({ ok: false, error: failure })
    await done
    expect(life.error).toEqual(failure)
    expect(failures).toEqual([failure])
    const again = life.run({ n: 1 })
    expect(life.error).toBeNull()
    fake.starts[1].answer.resolve({ ok: true, value: { id: 'b' } })
    await again
    life.dismissError()
    expect(life.error).toBeNull()
  })

  it('a rejected call (a broken bridge) becomes an internal error, not an exception', async () => {
    const { fake, life } = setup()
    const done = life.run({ n: 1 })
    fake.starts[0].answer.reject(new Error('bridge gone'))
    await expect(done).resolves.toBeUndefined()
    expect(life.error).toEqual({ code: 'internal', message: 'bridge gone' })
    expect(life.status).toBe('idle')
  })

  it('needs-confirmation: asks, and on yes starts the confirmed run; on no shows the error', async () => {
    const { fake, results, life } = setup()
    const asked: BenchError[] = []
    let answer = true
    life.confirm = (e) => {
      asked.push(e)
      return answer
    }
    const long = err('needs-confirmation', 'about 3 hours')
    const yes = life.run({ n: 1 })
    fake.starts[0].answer.resolve({ ok: false, error: long })
    await settle()
    expect(asked).toEqual([long])
    expect(fake.starts[1]?.confirmed).toBe(true)
    expect(life.running).toBe(true)
    fake.starts[1].answer.resolve({ ok: true, value: { id: 'long' } })
    await yes
    expect(results).toEqual([{ id: 'long' }])

    answer = false
    const no = life.run({ n: 1 })
    fake.starts[2].answer.resolve({ ok: false, error: long })
    await no
    expect(fake.starts).toHaveLength(3)
    expect(life.error).toEqual(long)
  })
})
