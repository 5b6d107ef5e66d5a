/**
 * The latency server of the `wait` workload: it answers each request after a
 * fixed delay, and does nothing else — what a remote service looks like to
 * a client that waits on it. It runs in a process of its own (the worker
 * bundle started with `--latency-server DELAY_MS`), listens on 127.0.0.1 at
 * an ephemeral port, and talks to the engine over the IPC channel: it says
 * `listening` with its port, and answers `stats` with its CPU time (without
 * the turns its due queue spends waiting for an answer's time: see dueQueue).
 *
 * On the socket a request is a line holding its id; the answer, after the
 * delay, is the same line. Anything else closes the connection.
 */
import { createServer } from 'node:net'
import { dueQueue } from './dueQueue'

/** The messages between the engine and the server process. */
export type LatencyServerMessage =
  | { type: 'listening'; port: number; pid: number }
  | { type: 'stats'; cpuMs: number; answered: number }
  | { type: 'failed'; message: string }

const MAX_LINE = 32

export function serveLatency(
  delayMs: number,
  send: (message: LatencyServerMessage) => void,
  onMessage: (listener: (message: unknown) => void) => void
): void {
  let answered = 0
  const due = dueQueue(delayMs)
  const server = createServer((socket) => {
    socket.setNoDelay(true)
    socket.setEncoding('latin1')
    let buffer = ''
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i)
        buffer = buffer.slice(i + 1)
        if (!/^\d{1,15}$/.test(line)) {
          socket.destroy()
          return
        }
        due.add(() => {
          if (!socket.destroyed) socket.write(`${line}\n`)
          answered++
        })
      }
      if (buffer.length > MAX_LINE) socket.destroy()
    })
    socket.on('error', () => undefined)
  })
  server.on('error', (e) => {
    send({ type: 'failed', message: e.message })
    process.exit(1)
  })
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    if (address && typeof address === 'object')
      send({ type: 'listening', port: address.port, pid: process.pid })
  })
  onMessage((message) => {
    if (typeof message === 'object' && message !== null && 'type' in message) {
      if (message.type === 'stats') {
        const cpu = process.cpuUsage()
        // What serving cost: the turns spent waiting for due times are the server's clock.
        const cpuMs = Math.max(0, (cpu.user + cpu.system) / 1000 - due.turningCpuMs())
        send({ type: 'stats', cpuMs, answered })
      }
    }
  })
}

/** The server process's entry (worker bundle, `--latency-server DELAY_MS`). */
export function startLatencyServerProcess(argv: readonly string[]): void {
  const delayMs = Number(argv[argv.indexOf('--latency-server') + 1])
  if (typeof process.send !== 'function') throw new Error('latency server: no IPC channel')
  const send = process.send.bind(process)
  if (!Number.isFinite(delayMs) || delayMs < 0) {
    send({ type: 'failed', message: `bad delay ${argv.join(' ')}` })
    process.exit(2)
  }
  // The engine gone, the server has no one to serve.
  process.on('disconnect', () => process.exit(0))
  serveLatency(
    delayMs,
    (m) => send(m),
    (l) => process.on('message', l)
  )
}
