/**
 * The wait's worker half: sends its share of the requests to the latency
 * server one after another, each after the answer to the one before — what a
 * thread waiting on I/O does. It computes nothing; its time is waiting.
 * Runs in a worker (process or thread) or, on the `async` backend, on the
 * controller's own event loop.
 *
 * A worker keeps its connection between parts (one kept-alive connection per
 * worker, as a client keeps one to a service it calls again): a repetition
 * then times the requests, not a TCP handshake and the server's accept per
 * worker. Only a connection whose part ended cleanly — every answer read, so
 * nothing of it is still on the wire — is kept; a cancel or a failure closes it.
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
  private readonly onData = (chunk: string): void => {
    this.buffer += chunk
    this.deliver()
  }
  private readonly onError = (e: Error): void =>
    this.fail(new Error(`the latency server's connection failed: ${e.message}`))
  private readonly onClose = (): void =>
    this.fail(new Error('the latency server closed the connection'))

  constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1')
    socket.on('data', this.onData)
    socket.on('error', this.onError)
    socket.on('close', this.onClose)
  }

  private fail(e: Error): void {
    this.failure ??= e
    const w = this.waiting
    this.waiting = null
    w?.reject(this.failure)
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

  /** Leaves the socket as it found it; false when it read more than its answers (not reusable). */
  release(): boolean {
    this.socket.off('data', this.onData)
    this.socket.off('error', this.onError)
    this.socket.off('close', this.onClose)
    return this.buffer === '' && this.failure === null
  }
}

/**
 * Connections kept between parts, each with its server's port and how to stop
 * watching it. Each worker process or thread has its own; on the async backend
 * the N loops share this one, each taking a connection for itself. A kept
 * connection does not hold the process open (unref), and one that the server
 * closes, or that says anything while idle, is dropped.
 */
const kept = new Map<Socket, { port: number; unwatch(): void }>()

function keep(port: number, socket: Socket): void {
  const drop = (): void => {
    unwatch()
    socket.destroy()
  }
  const unwatch = (): void => {
    socket.off('data', drop)
    socket.off('error', drop)
    socket.off('close', drop)
    kept.delete(socket)
  }
  socket.on('data', drop)
  socket.on('error', drop)
  socket.on('close', drop)
  socket.unref()
  kept.set(socket, { port, unwatch })
}

/** A kept connection to this port that is still open, taken for one part; null if none. */
function takeKept(port: number): Socket | null {
  for (const [socket, k] of kept) {
    if (k.port !== port) continue
    k.unwatch()
    if (socket.destroyed || socket.readyState !== 'open') {
      socket.destroy()
      continue
    }
    socket.ref()
    return socket
  }
  return null
}

/** How many connections to `port` this process keeps between parts (for tests). */
export function keptConnections(port: number): number {
  return [...kept.values()].filter((k) => k.port === port).length
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
    if (count === 0) return { output: { job: 'wait', answered }, startedAt: now(), endedAt: now() }
    let reused = true
    let socket = takeKept(part.port)
    if (!socket) {
      reused = false
      socket = await open(part.port, io.signal)
    }
    let lines = new LineReader(socket)
    let clean = false
    const onAbort = (): void => {
      socket?.destroy()
    }
    io.signal.addEventListener('abort', onAbort, { once: true })
    const heartbeat = setInterval(() => io.progress(answered.length / count), HEARTBEAT_MS)
    try {
      const startedAt = now()
      for (let id = part.first; id < part.end; id++) {
        socket.write(`${id}\n`)
        let line: string
        try {
          line = await lines.next()
        } catch (e) {
          // A kept connection the server closed since the last part fails at its first
          // request: once, on a fresh connection, that request is sent again. (Only an
          // answer read counts, so the id is still counted once.)
          if (!reused || answered.length > 0 || io.signal.aborted) throw e
          reused = false
          lines.release()
          socket.destroy()
          socket = await open(part.port, io.signal)
          lines = new LineReader(socket)
          id--
          continue
        }
        if (line !== String(id))
          throw new Error(`the latency server answered "${line}" to request ${id}`)
        answered.push(id)
        io.progress(answered.length / count)
      }
      const endedAt = now()
      clean = true
      return { output: { job: 'wait', answered }, startedAt, endedAt }
    } catch (e) {
      if (io.signal.aborted) return null
      throw e
    } finally {
      clearInterval(heartbeat)
      io.signal.removeEventListener('abort', onAbort)
      if (lines.release() && clean && !io.signal.aborted && !socket.destroyed)
        keep(part.port, socket)
      else socket.destroy()
    }
  }
}
