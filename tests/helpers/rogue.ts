/**
 * A rogue NATS client for the fault tests and the perf script (issue 22): it
 * hears every message on the server and answers each with an empty copy, a
 * garbled copy and an exact replay (same subject, same bytes, same reply
 * subject), and says a non-JSON goodbye in every agent's name it hears a
 * heartbeat from. Bounded: it stops echoing after `limit` messages.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { connect } from 'nats'
import type { NatsConnection } from 'nats'

export interface Rogue {
  /** Messages it echoed so far. */
  readonly echoed: () => number
  close(): Promise<void>
}

export async function startRogue(
  url: string,
  options: { limit?: number; user?: string; pass?: string } = {}
): Promise<Rogue> {
  const limit = options.limit ?? 20_000
  const nc: NatsConnection = await connect({
    servers: url.split(','),
    // It must not hear (and echo) its own copies.
    noEcho: true,
    ...(options.user ? { user: options.user, pass: options.pass } : {})
  })
  let echoed = 0
  const garbage = new TextEncoder().encode('{"s":"x"')
  nc.subscribe('>', {
    callback: (_e, m) => {
      if (echoed >= limit || nc.isClosed()) return
      echoed++
      const reply = m.reply ? { reply: m.reply } : undefined
      nc.publish(m.subject, new Uint8Array(0), reply)
      nc.publish(m.subject, garbage, reply)
      nc.publish(m.subject, m.data, reply)
      const hb = /^speedup\.heartbeat\.([A-Za-z0-9_-]+)$/.exec(m.subject)
      if (hb) {
        nc.publish(`speedup.bye.${hb[1]}`, new TextEncoder().encode('not json'))
        nc.publish(`speedup.bye.${hb[1]}`, new Uint8Array(0))
      }
    }
  })
  await nc.flush()
  return { echoed: () => echoed, close: () => nc.close() }
}

/** The rogue in a child process (tests/fixtures/cluster/rogue.ts): its CPU is not the controller's. */
export function startRogueProcess(url: string, limit = 20_000): Promise<Rogue> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(__dirname, '../fixtures/cluster/rogue.ts'), url, String(limit)],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  let out = ''
  return new Promise((done, fail) => {
    child.stdout!.on('data', (d) => {
      out += String(d)
      if (out.includes('rogue ready') && !out.includes('echoed'))
        done({
          echoed: () => Number(/echoed (\d+)/.exec(out)?.[1] ?? 0),
          close: () =>
            new Promise<void>((closed) => {
              child.once('exit', () => closed())
              child.kill('SIGTERM')
            })
        })
    })
    child.once('error', fail)
  })
}
