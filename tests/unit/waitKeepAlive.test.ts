/**
 * A waiting worker keeps its connection to the latency server between parts
 * (one kept-alive connection per worker, issue 17's overhead per request):
 * the next repetition reuses it instead of connecting again; a connection the
 * server closed meanwhile is replaced at once, each request still counted
 * once; a cancelled part's connection is never kept (an answer of it may
 * still be on the wire).
 */
import { createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { keptConnections, waitPartRunner } from '../../src/engine/workloads/wait/part'
import type { WaitPart } from '../../src/shared/workloads/waitPart'

/** The latency server's protocol (a line with an id, the same line back after `delayMs`), counting connections. */
function echoServer(delayMs: number): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = []
  const server = createServer((socket) => {
    sockets.push(socket)
    socket.setEncoding('latin1')
    let buffer = ''
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i)
        buffer = buffer.slice(i + 1)
        setTimeout(() => socket.destroyed || socket.write(`${line}\n`), delayMs)
      }
    })
    socket.on('error', () => undefined)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (!address || typeof address !== 'object') throw new Error('no port')
      resolve({ server, port: address.port, sockets })
    })
  )
}

const servers: { server: Server; sockets: Socket[] }[] = []
afterEach(async () => {
  for (const { server, sockets } of servers.splice(0)) {
    // The worker's kept connection would hold close() open: the server ends it.
    for (const s of sockets) s.destroy()
    await new Promise((r) => server.close(r))
  }
})

const part = (port: number, first: number, end: number): WaitPart => ({
  job: 'wait',
  first,
  end,
  port
})
const run = (p: WaitPart, signal = new AbortController().signal) =>
  waitPartRunner.run(p, { signal, progress: () => undefined })

describe('the wait keeps one connection per worker between parts', () => {
  it('reuses the connection of the part before', async () => {
    const { server, port, sockets } = await echoServer(1)
    servers.push({ server, sockets })
    for (const [first, end] of [
      [0, 3],
      [3, 6],
      [6, 9]
    ]) {
      const ran = await run(part(port, first, end))
      expect(ran?.output.answered).toEqual([first, first + 1, first + 2])
    }
    // Three parts, one connection: the later parts connected to nothing.
    expect(sockets).toHaveLength(1)
    expect(keptConnections(port)).toBe(1)
  })

  it('replaces a kept connection the server closed, counting each request once', async () => {
    const { server, port, sockets } = await echoServer(1)
    servers.push({ server, sockets })
    await run(part(port, 0, 2))
    expect(keptConnections(port)).toBe(1)
    // The server drops the idle connection; the worker may not have seen it close yet.
    sockets[0].destroy()
    const ran = await run(part(port, 2, 5))
    expect(ran?.output.answered).toEqual([2, 3, 4])
    expect(sockets).toHaveLength(2)
  })

  it('never keeps the connection of a cancelled part', async () => {
    const { server, port, sockets } = await echoServer(50)
    servers.push({ server, sockets })
    const cancel = new AbortController()
    const running = run(part(port, 0, 5), cancel.signal)
    setTimeout(() => cancel.abort(), 20)
    expect(await running).toBeNull()
    expect(keptConnections(port)).toBe(0)
  })
})
