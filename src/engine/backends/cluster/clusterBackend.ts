import { connect, createInbox } from 'nats'
import type { NatsConnection, Subscription } from 'nats'
import { describeConnectError, natsOptions } from './natsOptions'
import {
  HEARTBEAT_TIMEOUT_MS,
  decodeJson,
  encodeJson,
  parseClaimReply,
  parseHeartbeat,
  parseWorkerExit,
  subjects
} from '../../../shared/cluster'
import type { AgentInfo, ServerAddress } from '../../../shared/cluster'
import { BenchFailure } from '../../../shared/errors'
import { parseWorkerMessage } from '../../../shared/protocol'
import { now } from '../../clock'
import type { Backend, WorkerHandle } from '../../types'
import { discoverAgents, measureLink, slotOrder } from './discover'
import type { AgentLink } from './discover'

export interface OpenClusterOptions {
  address: ServerAddress
  /** `warm` claims standing workers; `cold` asks agents for fresh ones. */
  pool: 'warm' | 'cold'
  log?: (line: string) => void
  discoverMs?: number
  heartbeatTimeoutMs?: number
}

/** A connected controller: the agents found, their links, and a Backend over them. */
export interface ClusterSession {
  readonly server: string
  readonly agents: AgentInfo[]
  readonly links: ReadonlyMap<string, AgentLink>
  /** How many distinct workers a run may have. */
  readonly capacity: number
  readonly backend: Backend
  close(): Promise<void>
}

/** Network facts a remote worker handle adds to its timings. */
export interface RemoteLink {
  host: string
  agent: string
  rttMs: number
  clockOffsetMs: number
}

/** A WorkerHandle with where it runs. */
export interface RemoteWorkerHandle extends WorkerHandle {
  readonly remote: RemoteLink
}

const unavailable = (message: string): BenchFailure =>
  new BenchFailure({ code: 'unavailable', message })

/** Connects, finds the agents and measures each link: all before anything is timed. */
export async function openCluster(options: OpenClusterOptions): Promise<ClusterSession> {
  const log = options.log ?? (() => undefined)
  const server = options.address.server
  let nc: NatsConnection
  try {
    nc = await connect({
      ...natsOptions(options.address, 'speedup-lab controller'),
      // A run lasts seconds: a reconnect in the middle would lose messages, so the run fails instead.
      reconnect: false,
      timeout: 3000
    })
  } catch (e) {
    throw unavailable(describeConnectError(e, server))
  }
  try {
    const agents = await discoverAgents(nc, options.discoverMs ?? 300)
    const links = new Map<string, AgentLink>()
    for (const a of agents) links.set(a.agentId, await measureLink(nc, a.agentId))
    const capacityOf = (a: AgentInfo): number => (options.pool === 'warm' ? a.free : a.workers)
    const capacity = agents.reduce((n, a) => n + capacityOf(a), 0)
    const backend = clusterBackend(nc, slotOrder(agents, capacityOf), links, {
      fresh: options.pool === 'cold',
      log,
      heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS,
      server
    })
    return {
      server,
      agents,
      links,
      capacity,
      backend: backend.backend,
      close: async () => {
        backend.stop()
        if (!nc.isClosed()) await nc.close().catch(() => undefined)
      }
    }
  } catch (e) {
    await nc.close().catch(() => undefined)
    if (e instanceof BenchFailure) throw e
    throw unavailable(`the cluster did not answer: ${e instanceof Error ? e.message : String(e)}`)
  }
}

interface Active {
  agent: AgentInfo
  fail(reason: string): void
}

/**
 * A Backend whose workers are claimed from agents. `spawn` takes the next
 * slot in `order` (hosts first) not already held, so N workers are N
 * distinct remote workers. A worker is failed by name when its agent's
 * heartbeat stops, the agent says goodbye, or the server connection closes.
 */
export function clusterBackend(
  nc: NatsConnection,
  order: AgentInfo[],
  links: ReadonlyMap<string, AgentLink>,
  options: {
    fresh: boolean
    log: (line: string) => void
    heartbeatTimeoutMs: number
    server: string
  }
): { backend: Backend; stop(): void } {
  const { log } = options
  const held = new Set<number>()
  const active = new Set<Active>()
  const lastHeartbeat = new Map<string, number>()
  for (const a of order) lastHeartbeat.set(a.agentId, now())

  const failAgent = (agentId: string, reason: string): void => {
    for (const w of [...active]) if (w.agent.agentId === agentId) w.fail(reason)
  }
  const heartbeats = nc.subscribe(subjects.heartbeats, {
    callback: (_e, m) => {
      const hb = parseHeartbeat(decodeJson(m.data))
      if (hb) lastHeartbeat.set(hb.agentId, now())
    }
  })
  const byes = nc.subscribe(subjects.byes, {
    callback: (_e, m) => {
      const agentId = m.subject.split('.').pop() ?? ''
      failAgent(agentId, 'its agent stopped')
    }
  })
  const watchdog = setInterval(() => {
    const t = now()
    for (const [agentId, at] of lastHeartbeat)
      if (t - at > options.heartbeatTimeoutMs)
        failAgent(
          agentId,
          `its agent stopped answering (no heartbeat for ${(options.heartbeatTimeoutMs / 1000).toFixed(1)} s)`
        )
  }, 250)
  watchdog.unref?.()
  void nc.closed().then(() => {
    for (const w of [...active])
      w.fail(`the connection to the NATS server ${options.server} was lost`)
  })

  const spawn = (name: string): RemoteWorkerHandle => {
    const slot = order.findIndex((_, i) => !held.has(i))
    let messageListener: ((message: unknown) => void) | null = null
    let exitListener: ((code: number | null, signal: string | null) => void) | null = null
    let exited: [number | null, string | null] | null = null
    const pending: unknown[] = []
    let subject: string | null = null
    let released = false
    let pid: number | null = null
    let inboxSub: Subscription | null = null
    let lostReason: string | null = null

    const agent = slot >= 0 ? order[slot] : null
    const link = agent ? links.get(agent.agentId) : undefined
    const remote: RemoteLink = {
      host: agent?.host ?? '?',
      agent: agent?.name ?? '?',
      rttMs: link?.rttMs ?? 0,
      clockOffsetMs: link?.clockOffsetMs ?? 0
    }
    const emitMessage = (m: unknown): void => messageListener?.(m)
    const finish = (code: number | null, signal: string | null): void => {
      if (exited) return
      exited = [code, signal]
      active.delete(entry)
      inboxSub?.unsubscribe()
      if (slot >= 0) held.delete(slot)
      exitListener?.(code, signal)
    }
    const entry: Active = {
      agent: agent ?? order[0],
      fail(reason) {
        if (exited) return
        log(`[${handle.name}] ${reason}`)
        lostReason = reason
        finish(null, 'lost')
      }
    }
    const handle: RemoteWorkerHandle = {
      get name() {
        return `${name} on ${remote.host}/${remote.agent}${pid !== null ? ` pid ${pid}` : ''}`
      },
      pid: null,
      get lostReason() {
        return lostReason
      },
      remote,
      send(message) {
        if (exited || released) return
        if (subject) nc.publish(subject, encodeJson(message))
        else pending.push(message)
      },
      onMessage(listener) {
        messageListener = listener
      },
      onExit(listener) {
        exitListener = listener
        if (exited) listener(...exited)
      },
      kill() {
        if (released) return
        released = true
        if (subject && !nc.isClosed()) nc.publish(subject, encodeJson({ type: 'release' }))
        // The remote worker stays with its agent (warm) or is stopped by it (fresh).
        setImmediate(() => finish(0, null))
      }
    }
    if (!agent) {
      setImmediate(() => {
        lostReason = 'no free remote worker is left for it'
        finish(null, 'unavailable')
      })
      return handle
    }
    held.add(slot)
    active.add(entry)
    const inbox = createInbox()
    inboxSub = nc.subscribe(inbox, {
      callback: (_e, m) => {
        const raw = decodeJson(m.data)
        const exit = parseWorkerExit(raw)
        if (exit) {
          const how = exit.signal
            ? `killed by signal ${exit.signal}`
            : `exited with code ${exit.code}`
          lostReason = `the remote worker was ${how} before it finished`
          finish(exit.code, exit.signal)
          return
        }
        const message = parseWorkerMessage(raw)
        // Malformed: handed on as is, so the pool logs and ignores it like a local worker's.
        if (!message) return emitMessage(raw)
        // The agent's clock, moved onto ours, so the timeline lines up.
        const shift = remote.clockOffsetMs
        if (message.type === 'ready') {
          pid = message.pid
          emitMessage({ ...message, at: message.at - shift })
        } else if (message.type === 'result')
          emitMessage({
            ...message,
            startedAt: message.startedAt - shift,
            endedAt: message.endedAt - shift
          })
        else emitMessage(message)
      }
    })
    nc.request(
      subjects.claim(agent.agentId),
      encodeJson({ type: 'claim', fresh: options.fresh, inbox }),
      { timeout: Math.max(2000, options.heartbeatTimeoutMs) }
    ).then(
      (reply) => {
        const answer = parseClaimReply(decodeJson(reply.data))
        if (!answer || answer.type === 'refused') {
          entry.fail(
            `${remote.host}/${remote.agent} refused the claim: ${answer ? answer.reason : 'malformed answer'}`
          )
          return
        }
        subject = answer.subject
        if (released) {
          nc.publish(subject, encodeJson({ type: 'release' }))
          return
        }
        for (const m of pending.splice(0)) nc.publish(subject, encodeJson(m))
      },
      (e: unknown) =>
        entry.fail(
          `${remote.host}/${remote.agent} did not answer the claim (${e instanceof Error ? e.message : String(e)})`
        )
    )
    return handle
  }

  return {
    backend: { kind: 'cluster', spawn },
    stop() {
      clearInterval(watchdog)
      heartbeats.unsubscribe()
      byes.unsubscribe()
    }
  }
}
