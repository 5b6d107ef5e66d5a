/**
 * The wait's worker half: sends its share of the requests to the latency
 * server one after another, each after the answer to the one before — what a
 * thread waiting on I/O does. It computes nothing; its time is waiting.
 * Runs in a worker (process or thread) or, on the `async` backend, on the
 * controller's own event loop.
 */
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import type { WaitOutput, WaitPart } from '../../../shared/workloads/waitPart'
import { now } from '../../clock'
import type { PartRunner } from '../workload'

/** How often a waiting worker says how far it is, so a long delay is not taken for a hang. */
const HEARTBEAT_MS = 100

/** Lines from a socket, one `next()` at a time; rejects when the socket closes or fails. */
class LineReader {
  private buffer = ''
  private waiting: { resolve(line: string): void; reject(e: Error): void } | null = null
  private failure: Error | null = null

  constructor(socket: Socket) {
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      this.buffer += chunk
      this.deliver()
    })
    const fail = (e: Error): void => {
      this.failure ??= e
      const w = this.waiting
      this.waiting = null
      w?.reject(this.failure)
    }
    socket.on('error', (e) =>
      fail(new Error(`the latency server's connection failed: ${e.message}`))
    )
    socket.on('close', () => fail(new Error('the latency server closed the connection')))
  }

  private deliver(): void {
    const i = this.buffer.indexOf('\n')
    if (i < 0 || !this.waiting) return
    const line = this.buffer.slice(0, i)
    this.buffer = this.buffer.slice(i + 1)
    const w = this.waiting
    this.waiting = null
    w.resolve(line)
  }

  next(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject }
      this.deliver()
    })
  }
}

function open(port: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, noDelay: true })
    const onAbort = (): void => {
      socket.destroy()
      reject(new Error('cancelled'))
    }
    signal.addEventListener('abort', onAbort, { once: true })
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort)
      resolve(socket)
    })
    socket.once('error', (e) => {
      signal.removeEventListener('abort', onAbort)
      reject(new Error(`cannot reach the latency server on 127.0.0.1:${port}: ${e.message}`))
    })
  })
}

export const waitPartRunner: PartRunner<WaitPart, WaitOutput> = {
  job: 'wait',

  async run(part, io) {
    const count = part.end - part.first
    const answered: number[] = []
    if (io.signal.aborted) return null
    const socket = count > 0 ? await open(part.port, io.signal) : null
    const onAbort = (): void => {
      socket?.destroy()
    }
    io.signal.addEventListener('abort', onAbort, { once: true })
    const heartbeat = setInterval(() => io.progress(answered.length / count), HEARTBEAT_MS)
    try {
      const lines = socket ? new LineReader(socket) : null
      const startedAt = now()
      for (let id = part.first; id < part.end; id++) {
        socket!.write(`${id}\n`)
        const line = await lines!.next()
        if (line !== String(id))
          throw new Error(`the latency server answered "${line}" to request ${id}`)
        answered.push(id)
        io.progress(answered.length / count)
      }
      const endedAt = now()
      return { output: { job: 'wait', answered }, startedAt, endedAt }
    } catch (e) {
      if (io.signal.aborted) return null
      throw e
    } finally {
      clearInterval(heartbeat)
      io.signal.removeEventListener('abort', onAbort)
      socket?.destroy()
    }
  }
}
