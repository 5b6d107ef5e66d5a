/**
 * Fixtures for the cluster tests: a real nats-server on 127.0.0.1 at a free
 * port, and real `speedup-lab worker` agents (the built CLI) as child processes.
 */
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { connect as natsConnect, createInbox } from 'nats'
import type { NatsConnection } from 'nats'
import { createGate, createSealer, newSessionId } from '../../src/engine/backends/cluster/envelope'
import type { Gate, Sealer } from '../../src/engine/backends/cluster/envelope'
import { parseAgentInfo, subjects } from '../../src/shared/cluster'
import type { AgentInfo } from '../../src/shared/cluster'
import { REAPER_TAG } from '../../src/engine/backends/orphanReaper'
import { CLI } from './cli'

export { CLI }

/** Why the cluster tests cannot run here, or null when they can. */
export function natsServerMissing(): string | null {
  try {
    execFileSync('nats-server', ['--version'], { stdio: 'ignore' })
    return null
  } catch {
    return 'nats-server is not installed (Debian: apt-get install nats-server)'
  }
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => done(port))
    })
  })
}

/** Resolves once something accepts TCP connections on host:port. */
export async function waitForPort(port: number, host = '127.0.0.1', ms = 10_000): Promise<void> {
  const { connect } = await import('node:net')
  const until = Date.now() + ms
  for (;;) {
    const ok = await new Promise<boolean>((done) => {
      const socket = connect(port, host)
      socket.once('connect', () => {
        socket.destroy()
        done(true)
      })
      socket.once('error', () => done(false))
    })
    if (ok) return
    if (Date.now() > until) throw new Error(`nothing listens on ${host}:${port}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export interface NatsServer {
  port: number
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

/** Starts nats-server on 127.0.0.1 (optionally with a user and password); `stop` ends it. */
export async function startNatsServer(
  auth?: { user: string; pass: string },
  port?: number
): Promise<NatsServer> {
  const p = port ?? (await freePort())
  const args = ['-a', '127.0.0.1', '-p', String(p)]
  if (auth) args.push('--user', auth.user, '--pass', auth.pass)
  const child = spawn('nats-server', args, { stdio: 'ignore' })
  await waitForPort(p)
  return {
    port: p,
    url: `nats://127.0.0.1:${p}`,
    process: child,
    stop: () => stopProcess(child, 'SIGTERM')
  }
}

/** Starts nats-server with these arguments (a config file, cluster routes…) on 127.0.0.1:port. */
export async function startNatsServerWith(
  args: string[],
  options: { port?: number; env?: NodeJS.ProcessEnv } = {}
): Promise<NatsServer> {
  const p = options.port ?? (await freePort())
  const child = spawn('nats-server', [...args, '-a', '127.0.0.1', '-p', String(p)], {
    stdio: 'ignore',
    env: { ...process.env, ...options.env }
  })
  await waitForPort(p)
  return {
    port: p,
    url: `nats://127.0.0.1:${p}`,
    process: child,
    stop: () => stopProcess(child, 'SIGTERM')
  }
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
    child.kill(signal)
  })
}

export interface AgentProcess {
  process: ChildProcess
  stderr: () => string
  /** Resolves once the agent says its workers are offered and `workers` are ready. */
  ready: Promise<void>
  exited: Promise<number | null>
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** Starts `speedup-lab worker --server url …` and waits until every worker is ready. */
export function startAgent(url: string, args: string[], workers: number): AgentProcess {
  const child = spawn(process.execPath, [CLI, 'worker', '--server', url, ...args], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  let readyCount = 0
  let onReady!: () => void
  let onFail!: (e: Error) => void
  const ready = new Promise<void>((res, rej) => {
    onReady = res
    onFail = rej
  })
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (d: string) => {
    stderr += d
    readyCount += (d.match(/\] ready/g) ?? []).length
    if (readyCount >= workers) onReady()
  })
  const exited = new Promise<number | null>((res) =>
    child.once('exit', (code) => {
      onFail(new Error(`agent exited (${code}): ${stderr}`))
      res(code)
    })
  )
  ready.catch(() => undefined)
  return {
    process: child,
    stderr: () => stderr,
    ready,
    exited,
    stop: (signal = 'SIGTERM') => stopProcess(child, signal)
  }
}

const DELAY_PROXY = resolve(__dirname, '../fixtures/net/delayProxy.mjs')

/**
 * An agent whose link to the server on 127.0.0.1:serverPort is slowed by
 * `delayMs` each way: it connects through the delaying TCP proxy of the test
 * fixtures. `stop` ends the agent, then the proxy.
 */
export async function startDelayedAgent(
  serverPort: number,
  delayMs: number,
  args: string[],
  workers: number
): Promise<AgentProcess> {
  const port = await freePort()
  const proxy = spawn(
    process.execPath,
    [DELAY_PROXY, `127.0.0.1:${port}`, `127.0.0.1:${serverPort}`, String(delayMs)],
    { stdio: 'ignore' }
  )
  await waitForPort(port)
  const agent = startAgent(`nats://127.0.0.1:${port}`, args, workers)
  return {
    ...agent,
    stop: async (signal) => {
      await agent.stop(signal)
      await stopProcess(proxy, 'SIGTERM')
    }
  }
}

/**
 * The pids of a process's worker children: its children without the engine's
 * orphan reaper (issue 12), which an agent that forks workers also starts.
 */
export function workerChildrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.includes(REAPER_TAG))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((n) => n > 0)
  } catch {
    return []
  }
}

/** The pids of a process's children (an agent's worker processes, and its orphan reaper). */
export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0)
  } catch {
    return []
  }
}

/**
 * A client that speaks the cluster's envelopes as a controller does (its own
 * session and counter, the key if given): for tests that talk to agents
 * directly, and for the rogue clients of the fault tests.
 */
export interface SealedClient {
  nc: NatsConnection
  sealer: Sealer
  gate: Gate
  /** Every agent that answers discovery within `ms` (or as soon as `count` have). */
  discover(ms?: number, count?: number): Promise<AgentInfo[]>
  close(): Promise<void>
}

export async function sealedClient(
  url: string,
  options: { key?: Buffer | null; session?: string } = {}
): Promise<SealedClient> {
  const nc = await natsConnect({ servers: url.split(',') })
  const sealer = createSealer(options.session ?? newSessionId(), options.key ?? null)
  const gate = createGate(options.key ?? null)
  return {
    nc,
    sealer,
    gate,
    async discover(ms = 500, count = Infinity) {
      const inbox = createInbox()
      const found = new Map<string, AgentInfo>()
      let enough!: () => void
      const done = new Promise<void>((r) => (enough = r))
      const sub = nc.subscribe(inbox, {
        callback: (_e, m) => {
          const opened = gate.open(m.subject, m.data)
          const info = opened ? parseAgentInfo(opened.body) : null
          if (info) found.set(info.agentId, info)
          if (found.size >= count) enough()
        }
      })
      nc.publish(subjects.discover, sealer.seal(subjects.discover, { type: 'discover' }), {
        reply: inbox
      })
      await Promise.race([done, new Promise((r) => setTimeout(r, ms))])
      sub.unsubscribe()
      return [...found.values()]
    },
    close: () => nc.close()
  }
}

/** Free workers per agent name, as discovery reports them (as soon as `agents` have answered). */
export async function freeWorkersOf(
  url: string,
  agents: number,
  key: Buffer | null = null
): Promise<Record<string, number>> {
  const client = await sealedClient(url, { key })
  try {
    const found: Record<string, number> = {}
    for (const a of await client.discover(500, agents)) found[a.name] = a.free
    return found
  } finally {
    await client.close()
  }
}

/** CPU time (user + system, in clock ticks) a process has used so far; null once it is gone. */
export function cpuTicksOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return null
  }
}

/** The agent's running count of dropped messages, from the last drop line of its log. */
export function agentDrops(log: string): Record<string, number> {
  const lines = log.match(/dropped \d+ message\(s\) outside any session or claim; .* in all/g)
  const counts: Record<string, number> = {
    malformed: 0,
    foreign: 0,
    replayed: 0,
    unauthenticated: 0
  }
  const last = lines?.at(-1)
  const inAll = last?.slice(last.lastIndexOf(';'))
  if (inAll)
    for (const [, reason, n] of inAll.matchAll(/([a-z]+) (\d+)/g)) counts[reason] = Number(n)
  return counts
}
