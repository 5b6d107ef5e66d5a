import { fork } from 'node:child_process'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import type { WorkerMessage } from '../../src/shared/protocol'
import { expectedSum } from '../../src/shared/range'
import { WORKER_PATH } from '../helpers/engine'

/** The worker bundle over one transport, with every message it sent. */
interface Peer {
  messages: WorkerMessage[]
  send(message: unknown): void
  next(type: WorkerMessage['type']): Promise<WorkerMessage>
  stop(): void
}

function startPeer(kind: 'process' | 'thread', execArgv: string[] = []): Peer {
  const messages: WorkerMessage[] = []
  const waiting: { type: string; resolve(m: WorkerMessage): void }[] = []
  const receive = (m: WorkerMessage): void => {
    messages.push(m)
    for (const w of waiting.filter((w) => w.type === m.type)) {
      waiting.splice(waiting.indexOf(w), 1)
      w.resolve(m)
    }
  }
  let send: (m: unknown) => void
  let stop: () => void
  if (kind === 'process') {
    const child = fork(WORKER_PATH, [], {
      execArgv,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc']
    })
    child.on('message', (m) => receive(m as WorkerMessage))
    send = (m) => child.send(m as object)
    stop = () => child.kill('SIGKILL')
  } else {
    const worker = new Worker(WORKER_PATH, { execArgv: [] })
    worker.on('message', receive)
    send = (m) => worker.postMessage(m)
    stop = () => void worker.terminate()
  }
  return {
    messages,
    send: (m) => send(m),
    next: (type) => {
      const seen = messages.find((m) => m.type === type && !(m as { taken?: boolean }).taken)
      if (seen) {
        ;(seen as { taken?: boolean }).taken = true
        return Promise.resolve(seen)
      }
      return new Promise((resolve) =>
        waiting.push({
          type,
          resolve: (m) => {
            ;(m as { taken?: boolean }).taken = true
            resolve(m)
          }
        })
      )
    },
    stop: () => stop()
  }
}

const peers: Peer[] = []
afterEach(() => peers.splice(0).forEach((p) => p.stop()))

describe.each(['process', 'thread'] as const)('the worker over %s', (kind) => {
  const open = (): Peer => {
    const p = startPeer(kind)
    peers.push(p)
    return p
  }

  it('says ready, then sums a job exactly with its compute time', async () => {
    const peer = open()
    const ready = await peer.next('ready')
    expect(ready).toMatchObject({ type: 'ready', pid: expect.any(Number) })
    peer.send({ type: 'run', jobId: 7, start: -10, end: 50_000_001, progressIntervalMs: 100 })
    const result = await peer.next('result')
    expect(result).toMatchObject({ type: 'result', jobId: 7, sum: '1250000024999945' })
    if (result.type !== 'result' || result.job !== 'sum') throw new Error('unreachable')
    expect(result.computeMs).toBeGreaterThan(0)
    expect(result.endedAt - result.startedAt).toBeCloseTo(result.computeMs, 6)
  })

  it('offers both kernels and sums with wasm exactly next to 2^53, saying which kernel ran', async () => {
    const peer = open()
    expect(await peer.next('ready')).toMatchObject({ kernels: ['js', 'wasm'] })
    const start = Number.MAX_SAFE_INTEGER - 3_000_001
    const end = Number.MAX_SAFE_INTEGER
    for (const [jobId, kernel] of [
      [1, 'wasm'],
      [2, 'js']
    ] as const) {
      peer.send({ type: 'run', jobId, start, end, kernel, progressIntervalMs: 100 })
      const result = await peer.next('result')
      expect(result).toMatchObject({
        jobId,
        kernel,
        sum: expectedSum({ start, end }).toString(),
        nsPerElement: expect.any(Number)
      })
      if (result.type !== 'result' || result.job !== 'sum') throw new Error('unreachable')
      expect(result.nsPerElement).toBeCloseTo((result.computeMs * 1e6) / (end - start), 6)
    }
  })

  it('throttles progress to at most ~10 messages a second', async () => {
    const peer = open()
    await peer.next('ready')
    peer.send({ type: 'run', jobId: 1, start: 0, end: 1_000_000_000, progressIntervalMs: 100 })
    const result = await peer.next('result')
    if (result.type !== 'result' || result.job !== 'sum') throw new Error('unreachable')
    const progress = peer.messages.filter((m) => m.type === 'progress')
    expect(progress.length).toBeGreaterThan(0)
    // At most one message per 100 ms of the worker's own compute time, plus the first.
    expect(progress.length).toBeLessThanOrEqual(Math.floor(result.computeMs / 100) + 1)
    const fractions = progress.map((m) => (m.type === 'progress' ? m.fraction : -1))
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions)
  })

  it('stops at a cancel and answers cancelled, not a result; then takes the next job', async () => {
    const peer = open()
    await peer.next('ready')
    peer.send({ type: 'run', jobId: 2, start: 0, end: 1e12, progressIntervalMs: 100 })
    await peer.next('progress')
    peer.send({ type: 'cancel', jobId: 2 })
    expect(await peer.next('cancelled')).toMatchObject({ type: 'cancelled', jobId: 2 })
    expect(peer.messages.some((m) => m.type === 'result')).toBe(false)
    peer.send({ type: 'run', jobId: 3, start: 0, end: 10, progressIntervalMs: 100 })
    expect(await peer.next('result')).toMatchObject({ jobId: 3, sum: '45' })
  })

  it('answers a malformed message or a second job with an error, and keeps working', async () => {
    const peer = open()
    await peer.next('ready')
    peer.send({ type: 'run', jobId: 1, start: 5, end: 1 })
    expect(await peer.next('error')).toMatchObject({
      jobId: null,
      message: 'malformed message from parent'
    })
    peer.send({ type: 'run', jobId: 4, start: 0, end: 2e9, progressIntervalMs: 100 })
    peer.send({ type: 'run', jobId: 5, start: 0, end: 10, progressIntervalMs: 100 })
    expect(await peer.next('error')).toMatchObject({ jobId: 5, message: 'worker is busy' })
    peer.send({ type: 'cancel' })
    expect(await peer.next('cancelled')).toMatchObject({ type: 'cancelled', jobId: 4 })
  })
})

describe('a worker whose runtime has no WebAssembly (node --jitless)', () => {
  it('offers only js, refuses a wasm job saying why, and still runs js', async () => {
    const peer = startPeer('process', ['--jitless'])
    peers.push(peer)
    expect(await peer.next('ready')).toMatchObject({ kernels: ['js'] })
    peer.send({ type: 'run', jobId: 1, start: 0, end: 10, kernel: 'wasm', progressIntervalMs: 100 })
    expect(await peer.next('error')).toMatchObject({
      jobId: 1,
      message: expect.stringMatching(/wasm kernel needs WebAssembly SIMD/)
    })
    peer.send({ type: 'run', jobId: 2, start: 0, end: 10, kernel: 'js', progressIntervalMs: 100 })
    expect(await peer.next('result')).toMatchObject({ jobId: 2, sum: '45', kernel: 'js' })
  })
})
