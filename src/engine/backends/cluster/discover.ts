import { createInbox } from 'nats'
import type { NatsConnection } from 'nats'
import { parseAgentInfo, parsePong, subjects } from '../../../shared/cluster'
import type { AgentInfo } from '../../../shared/cluster'
import { distinctAgentNames } from '../../../shared/agentNames'
import { now } from '../../clock'
import type { Gate, Sealer } from './envelope'

/** How a controller speaks: its sealer for what it sends, its gate for what it hears. */
export interface Channel {
  nc: NatsConnection
  sealer: Sealer
  gate: Gate
}

/**
 * Every agent that answers a discovery request within `waitMs`, sorted by host
 * then name; agents that share a name are told apart by a short id.
 */
export async function discoverAgents(
  { nc, sealer, gate }: Channel,
  waitMs: number
): Promise<AgentInfo[]> {
  const inbox = createInbox()
  const found = new Map<string, AgentInfo>()
  const sub = nc.subscribe(inbox, {
    callback: (_err, msg) => {
      const opened = gate.open(msg.subject, msg.data)
      if (!opened) return
      const info = parseAgentInfo(opened.body)
      // An agent speaks as itself: its answer's session is its id.
      if (!info || info.agentId !== opened.session) return gate.drop('malformed')
      found.set(info.agentId, info)
    }
  })
  nc.publish(subjects.discover, sealer.seal(subjects.discover, { type: 'discover' }), {
    reply: inbox
  })
  await nc.flush()
  await new Promise((resolve) => setTimeout(resolve, waitMs))
  sub.unsubscribe()
  return distinctAgentNames([...found.values()]).sort(
    (a, b) => a.host.localeCompare(b.host) || a.name.localeCompare(b.name)
  )
}

/**
 * A request to one agent: resolves with the first answer on its own inbox
 * that is sealed by `agentId` and parses; anything else arriving there (a
 * stray client can publish to any inbox it saw) is dropped and counted.
 */
export function requestOf<T>(
  { nc, sealer, gate }: Channel,
  subject: string,
  body: unknown,
  agentId: string,
  parse: (raw: unknown) => T | null,
  timeoutMs: number
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const inbox = createInbox()
    const timer = setTimeout(() => {
      sub.unsubscribe()
      reject(new Error(`no answer within ${timeoutMs} ms`))
    }, timeoutMs)
    const sub = nc.subscribe(inbox, {
      callback: (_e, m) => {
        const opened = gate.open(m.subject, m.data, agentId)
        if (!opened) return
        const value = parse(opened.body)
        if (value === null) return gate.drop('malformed')
        clearTimeout(timer)
        sub.unsubscribe()
        resolve(value)
      }
    })
    nc.publish(subject, sealer.seal(subject, body), { reply: inbox })
  })
}

/** Network round trip and clock offset to one agent, from `count` empty requests. */
export interface AgentLink {
  /** Median round trip (ms). */
  rttMs: number
  /** agent clock − our clock (ms), from the fastest round trip (least queueing). */
  clockOffsetMs: number
  samples: number[]
}

export async function measureLink(
  { nc, sealer, gate }: Channel,
  agentId: string,
  count = 7
): Promise<AgentLink> {
  const rtts: number[] = []
  let best = { rtt: Infinity, offset: 0 }
  const subject = subjects.ping(agentId)
  for (let i = 0; i < count; i++) {
    const t0 = now()
    const pong = await requestOf(
      { nc, sealer, gate },
      subject,
      { type: 'ping' },
      agentId,
      parsePong,
      2000
    )
    const t1 = now()
    const rtt = t1 - t0
    rtts.push(rtt)
    if (rtt < best.rtt) best = { rtt, offset: pong.at - (t0 + t1) / 2 }
  }
  const sorted = [...rtts].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { rttMs: median, clockOffsetMs: best.offset, samples: rtts }
}

/**
 * The order in which workers are taken: spread over hosts first, then over
 * agents on a host, then a second worker of each, and so on. With hosts A
 * (agents a, b with 2 workers each) and B (agent c with 2):
 * a, c, b, c, a, b.
 */
export function slotOrder(
  agents: readonly AgentInfo[],
  capacity: (a: AgentInfo) => number
): AgentInfo[] {
  const byHost = new Map<string, AgentInfo[]>()
  for (const a of agents) byHost.set(a.host, [...(byHost.get(a.host) ?? []), a])
  // Per host: its agents' workers, round-robin over the agents.
  const perHost = [...byHost.values()].map((list) => {
    const queue: AgentInfo[] = []
    const left = list.map(capacity)
    while (left.some((n) => n > 0))
      list.forEach((a, i) => {
        if (left[i]-- > 0) queue.push(a)
      })
    return queue
  })
  const order: AgentInfo[] = []
  for (let i = 0; perHost.some((q) => i < q.length); i++)
    for (const q of perHost) if (i < q.length) order.push(q[i])
  return order
}
