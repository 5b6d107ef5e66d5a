import { connect, createInbox } from 'nats'
import type { NatsConnection, Subscription } from 'nats'
import { describeConnectError, natsOptions } from './natsOptions'
import {
  HEARTBEAT_TIMEOUT_MS,
  LEASE_MS,
  LEASE_RENEW_MS,
  isLeaseEnded,
  parseBye,
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
import { discoverAgents, measureLink, requestOf, slotOrder } from './discover'
import type { AgentLink, Channel } from './discover'
import { DropCount, createGate, createSealer, newSessionId } from './envelope'

export interface OpenClusterOptions {
  address: ServerAddress
  /** `warm` claims standing workers; `cold` asks agents for fresh ones. */
  pool: 'warm' | 'cold'
  log?: (line: string) => void
  discoverMs?: number
  heartbeatTimeoutMs?: number
  /** The cluster key: every message sealed and checked with it (null: none). */
  key?: Buffer | null
  /** The agents' lease (LEASE_MS); the controller renews every LEASE_RENEW_MS. */
  leaseMs?: number
}

/** A connected controller: the agents found, their links, and a Backend over them. */
export interface ClusterSession {
  readonly server: string
  readonly agents: AgentInfo[]
  readonly links: ReadonlyMap<string, AgentLink>
  /** How many distinct workers a run may have. */
  readonly capacity: number
  readonly backend: Backend
  /** Messages this session dropped: malformed, foreign, replayed or unauthenticated. */
  readonly drops: DropCount
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
  const key = options.key ?? null
  const channel: Channel = {
    nc,
    sealer: createSealer(newSessionId(), key),
    gate: createGate(key)
  }
  const drops = channel.gate.drops
  try {
    const agents = await discoverAgents(channel, options.discoverMs ?? 300)
    const links = new Map<string, AgentLink>()
    for (const a of agents) links.set(a.agentId, await measureLink(channel, a.agentId))
    const capacityOf = (a: AgentInfo): number => (options.pool === 'warm' ? a.free : a.workers)
    const capacity = agents.reduce((n, a) => n + capacityOf(a), 0)
    const backend = clusterBackend(channel, slotOrder(agents, capacityOf), links, {
      fresh: options.pool === 'cold',
      log,
      heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS,
      leaseMs: options.leaseMs ?? LEASE_MS,
      server
    })
    return {
      server,
      agents,
      links,
      capacity,
      backend: backend.backend,
      drops,
      close: async () => {
        backend.stop()
        if (drops.total > 0)
          log(
            `cluster session ${channel.sealer.session}: dropped ${drops.describe()} message(s) ` +
              `outside the session`
          )
        // The releases just published must reach the agents before the connection goes.
        if (!nc.isClosed()) await nc.flush().catch(() => undefined)
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
  /** Renews the claim's lease (nothing before the claim is answered or after release). */
  renew(): void
}

/**
 * A Backend whose workers are claimed from agents. `spawn` takes the next
 * slot in `order` (hosts first) not already held, so N workers are N
 * distinct remote workers. A worker is failed by name when its agent's
 * heartbeat stops, the agent says goodbye, or the server connection closes.
 */
export function clusterBackend(
  channel: Channel,
  order: AgentInfo[],
  links: ReadonlyMap<string, AgentLink>,
  options: {
    fresh: boolean
    log: (line: string) => void
    heartbeatTimeoutMs: number
    leaseMs: number
    server: string
  }
): { backend: Backend; stop(): void } {
  const { log } = options
  const { nc, sealer, gate } = channel
  const publish = (subject: string, body: unknown): void => {
    if (!nc.isClosed()) nc.publish(subject, sealer.seal(subject, body))
  }
  /** The agent id a heartbeat or bye subject names. */
  const agentOf = (subject: string): string => subject.split('.').pop() ?? ''
  const held = new Set<number>()
  const active = new Set<Active>()
  const lastHeartbeat = new Map<string, number>()
  for (const a of order) lastHeartbeat.set(a.agentId, now())

  const failAgent = (agentId: string, reason: string): void => {
    for (const w of [...active]) if (w.agent.agentId === agentId) w.fail(reason)
  }
  // Only an agent's own sealed words count: a heartbeat or a goodbye in its name from anyone else is dropped.
  const heartbeats = nc.subscribe(subjects.heartbeats, {
    callback: (_e, m) => {
      const agentId = agentOf(m.subject)
      const opened = gate.open(m.subject, m.data, agentId)
      if (!opened) return
      const hb = parseHeartbeat(opened.body)
      if (!hb || hb.agentId !== agentId) return gate.drop('malformed')
      if (lastHeartbeat.has(agentId)) lastHeartbeat.set(agentId, now())
    }
  })
  const byes = nc.subscribe(subjects.byes, {
    callback: (_e, m) => {
      const agentId = agentOf(m.subject)
      const opened = gate.open(m.subject, m.data, agentId)
      if (!opened) return
      const bye = parseBye(opened.body)
      if (!bye || bye.agentId !== agentId) return gate.drop('malformed')
      failAgent(agentId, 'its agent stopped')
    }
  })
  // The leases: renewed every LEASE_RENEW_MS. A controller that was itself stopped
  // (SIGSTOP, a frozen laptop) for most of a lease knows its agents freed its workers.
  let lastRenewal = now()
  const renewal = setInterval(() => {
    const t = now()
    const gap = t - lastRenewal
    lastRenewal = t
    if (gap > options.leaseMs * 0.8) {
      for (const w of [...active])
        w.fail(
          `the controller was stopped for ${(gap / 1000).toFixed(1)} s, longer than its lease on ` +
            `the worker (${(options.leaseMs / 1000).toFixed(1)} s); its agent has freed it`
        )
      return
    }
    for (const w of active) w.renew()
  }, LEASE_RENEW_MS)
  renewal.unref?.()
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
        // Whatever the agent still holds for us is let go at once rather than at the lease's end.
        if (subject && !released) publish(subject, { type: 'release' })
        finish(null, 'lost')
      },
      renew() {
        if (subject && !released && !exited) publish(subject, { type: 'lease' })
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
        if (subject) publish(subject, message)
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
        if (subject) publish(subject, { type: 'release' })
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
        // Only the claimed agent's messages, each once.
        const opened = gate.open(m.subject, m.data, agent.agentId)
        if (!opened) return
        const raw = opened.body
        if (isLeaseEnded(raw)) {
          entry.fail(
            `${remote.host}/${remote.agent} ended the claim: the controller did not renew its ` +
              `lease within ${(options.leaseMs / 1000).toFixed(1)} s`
          )
          return
        }
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
        if (!message) return gate.drop('malformed')
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
    requestOf(
      channel,
      subjects.claim(agent.agentId),
      { type: 'claim', fresh: options.fresh, inbox },
      agent.agentId,
      parseClaimReply,
      Math.max(2000, options.heartbeatTimeoutMs)
    ).then(
      (reply) => {
        const answer = reply
        if (answer.type === 'refused') {
          entry.fail(`${remote.host}/${remote.agent} refused the claim: ${answer.reason}`)
          return
        }
        subject = answer.subject
        if (released || exited) {
          publish(subject, { type: 'release' })
          return
        }
        for (const m of pending.splice(0)) publish(subject, m)
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
      clearInterval(renewal)
      heartbeats.unsubscribe()
      byes.unsubscribe()
    }
  }
}
