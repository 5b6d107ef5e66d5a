/**
 * `speedup-lab worker`: keeps N local workers (the same worker entry and
 * protocol as the local backends) and offers each to the cluster through a
 * NATS server. A controller claims a worker, sends it the ordinary `run` and
 * `cancel` messages, and receives the worker's own messages back.
 */
import { randomBytes } from 'node:crypto'
import { availableParallelism, hostname } from 'node:os'
import { connect } from 'nats'
import type { Msg, NatsConnection } from 'nats'
import {
  HEARTBEAT_MS,
  LEASE_MS,
  isLease,
  isRelease,
  parseClaimRequest,
  subjects
} from '../../shared/cluster'
import type { AgentInfo, AgentWorkerKind, ClaimReply, ServerAddress } from '../../shared/cluster'
import type { KernelName } from '../../shared/kernel'
import type { JobName } from '../../shared/workloads/jobs'
import { parseParentMessage, parseWorkerMessage } from '../../shared/protocol'
import { childProcessBackend } from '../backends/childProcess'
import { workerThreadBackend } from '../backends/workerThread'
import type { Backend, WorkerHandle } from '../types'
import { describeConnectError, natsOptions } from '../backends/cluster/natsOptions'
import { createGate, createSealer } from '../backends/cluster/envelope'

/** The workloads an agent's workers run for a controller on another host. */
const AGENT_JOBS: readonly JobName[] = ['sum']

export interface AgentOptions {
  address: ServerAddress
  kind: AgentWorkerKind
  workers: number
  name: string
  kernels: string[]
  workerPath: string
  log: (line: string) => void
  /** How long to keep trying when the server goes away before giving up (ms). */
  reconnectForMs?: number
  /** The cluster key: every message sealed and checked with it (null: none). */
  key?: Buffer | null
  /** How long a claim lasts without renewal (tests shorten it; default LEASE_MS). */
  leaseMs?: number
}

export interface Agent {
  readonly info: () => AgentInfo
  /** Messages dropped so far, by reason (shown in the log too). */
  readonly dropped: () => Record<string, number>
  /** Resolves when the agent has stopped, with why (null: asked to stop). */
  readonly stopped: Promise<string | null>
  stop(): Promise<void>
}

const now = (): number => performance.timeOrigin + performance.now()

interface Slot {
  id: string
  handle: WorkerHandle
  fresh: boolean
  ready: boolean
  pid: number | null
  /** The kernels the worker's ready message said its runtime can run (issue 10). */
  kernels: KernelName[]
  exited: boolean
  /** The job the worker is on (from run until result/cancelled/error), if any. */
  jobId: number | null
  claim: Claim | null
}

interface Claim {
  /** The controller session that holds it: only its messages reach the worker. */
  session: string
  inbox: string
  subject: string
  /** Agent clock (ms) after which the claim is over unless renewed. */
  leaseUntil: number
  unsubscribe(): void
}

export async function startAgent(options: AgentOptions): Promise<Agent> {
  const { log } = options
  const agentId = randomBytes(8).toString('hex')
  const host = hostname()
  const reconnectWait = 500
  let nc: NatsConnection
  try {
    nc = await connect({
      ...natsOptions(options.address, `speedup-lab agent ${options.name}`),
      maxReconnectAttempts: Math.ceil((options.reconnectForMs ?? 30_000) / reconnectWait),
      reconnectTimeWait: reconnectWait,
      timeout: 5000
    })
  } catch (e) {
    throw new Error(describeConnectError(e, options.address.server))
  }
  const backend: Backend =
    options.kind === 'thread'
      ? workerThreadBackend(options.workerPath, log)
      : childProcessBackend(options.workerPath, log)

  const slots = new Map<string, Slot>()
  let nextWorker = 1
  let stopping = false

  const key = options.key ?? null
  const leaseMs = options.leaseMs ?? LEASE_MS
  // The agent's own messages carry its id as their session.
  const sealer = createSealer(agentId, key)
  const gate = createGate(key)
  const send = (subject: string, value: unknown): void => {
    if (!nc.isClosed()) nc.publish(subject, sealer.seal(subject, value))
  }
  const respond = (m: Msg, value: unknown): void => {
    if (m.reply && !nc.isClosed()) m.respond(sealer.seal(m.reply, value))
  }

  const startWorker = (fresh: boolean): Slot => {
    const id = `${fresh ? 'f' : 'w'}${nextWorker++}`
    const handle = backend.spawn(`${options.name} ${id}`)
    const slot: Slot = {
      id,
      handle,
      fresh,
      ready: false,
      pid: handle.pid,
      kernels: [],
      exited: false,
      jobId: null,
      claim: null
    }
    slots.set(id, slot)
    handle.onMessage((raw) => {
      const message = parseWorkerMessage(raw)
      if (!message) return
      if (message.type === 'ready') {
        slot.ready = true
        slot.pid = message.pid
        slot.kernels = message.kernels
        log(`[${id} pid ${message.pid}] ready`)
      }
      if (
        (message.type === 'result' || message.type === 'cancelled' || message.type === 'error') &&
        (message.jobId === slot.jobId || message.jobId === null)
      )
        slot.jobId = null
      if (slot.claim) send(slot.claim.inbox, message)
    })
    handle.onExit((code, signal) => {
      slot.exited = true
      slots.delete(id)
      log(`[${id}] exited (${signal ? `signal ${signal}` : `code ${code}`})`)
      if (slot.claim) {
        send(slot.claim.inbox, { type: 'worker-exit', code, signal })
        slot.claim.unsubscribe()
        slot.claim = null
      }
      // A standing worker that died is replaced, so the next run finds the agent whole.
      if (!fresh && !stopping) setTimeout(() => !stopping && startWorker(false), 100)
    })
    return slot
  }

  const release = (slot: Slot): void => {
    if (!slot.claim) return
    slot.claim.unsubscribe()
    slot.claim = null
    if (slot.fresh) return slot.handle.kill()
    const jobId = slot.jobId
    if (jobId === null) return
    slot.handle.send({ type: 'cancel', jobId })
    // A worker that does not stop its job within a second is stopped itself (and replaced).
    setTimeout(() => {
      if (!slot.exited && !slot.claim && slot.jobId === jobId) {
        log(`[${slot.id}] did not stop job ${jobId} when asked; stopping the worker`)
        slot.handle.kill()
      }
    }, 1000).unref()
  }

  /** Frees every worker whose controller stopped renewing its claim. */
  const endLapsedLeases = (): void => {
    const t = now()
    for (const slot of slots.values()) {
      const claim = slot.claim
      if (!claim || t <= claim.leaseUntil) continue
      const job = slot.jobId !== null ? `stopping job ${slot.jobId} and ` : ''
      log(
        `[${slot.id}] lease of controller ${claim.session} ended ` +
          `(${((t - claim.leaseUntil + leaseMs) / 1000).toFixed(1)} s without renewal): ${job}freeing the worker`
      )
      send(claim.inbox, { type: 'lease-ended' })
      release(slot)
    }
  }

  const standing = (): Slot[] => [...slots.values()].filter((s) => !s.fresh && !s.exited)
  const free = (): Slot[] => standing().filter((s) => s.ready && !s.claim && s.jobId === null)

  const info = (): AgentInfo => ({
    type: 'agent',
    agentId,
    host,
    name: options.name,
    cores: availableParallelism(),
    node: process.version,
    kernels: options.kernels,
    kind: options.kind,
    workers: options.workers,
    free: Math.min(options.workers, free().length)
  })

  const claim = (msg: Msg): void => {
    const opened = gate.open(msg.subject, msg.data)
    if (!opened) return
    const request = parseClaimRequest(opened.body)
    // Only a claim that can be answered holds a worker.
    if (!request || !msg.reply) return gate.drop('malformed')
    const reply = (r: ClaimReply): void => respond(msg, r)
    let slot: Slot | undefined
    if (request.fresh) {
      // Released fresh workers are on their way out: they do not count.
      const fresh = [...slots.values()].filter((s) => s.fresh && s.claim).length
      if (fresh >= options.workers)
        return reply({ type: 'refused', reason: `all ${options.workers} fresh workers in use` })
      slot = startWorker(true)
    } else {
      slot = free()[0]
      if (!slot) return reply({ type: 'refused', reason: 'no free worker' })
    }
    const token = randomBytes(12).toString('hex')
    const subject = subjects.claimed(agentId, token)
    const target = slot
    const session = opened.session
    const sub = nc.subscribe(subject, {
      callback: (_err, m) => {
        // Only the claiming session's messages, each once; anything else is counted, not answered.
        const heard = gate.open(m.subject, m.data, session)
        if (!heard || target.claim?.subject !== subject) return
        const raw = heard.body
        // The same checks as a local worker's: only run/cancel of safe-integer ranges.
        const message = isRelease(raw) || isLease(raw) ? null : parseParentMessage(raw)
        if (!message && !isRelease(raw) && !isLease(raw)) return gate.drop('malformed')
        target.claim.leaseUntil = now() + leaseMs
        if (isRelease(raw)) return release(target)
        if (!message) return
        if (message.type === 'run') {
          // Remote workers run only the workloads made to run on another host.
          if (!AGENT_JOBS.includes(message.job)) {
            send(request.inbox, {
              type: 'error',
              jobId: message.jobId,
              message:
                message.job === 'command'
                  ? 'an agent never runs commands: a command runs only on the machine that asked for it'
                  : `an agent does not run the ${message.job} workload`
            })
            return
          }
          if (target.jobId !== null) {
            send(request.inbox, { type: 'error', jobId: message.jobId, message: 'worker is busy' })
            return
          }
          target.jobId = message.jobId
        }
        target.handle.send(message)
      }
    })
    slot.claim = {
      session,
      inbox: request.inbox,
      subject,
      leaseUntil: now() + leaseMs,
      unsubscribe: () => sub.unsubscribe()
    }
    reply({ type: 'claimed', workerId: slot.id, subject })
    log(`[${slot.id}] claimed${request.fresh ? ' (fresh)' : ''} by controller ${session}`)
    // A standing worker is ready already: say so, as a fresh one will itself.
    // With the kernels its runtime can run, or the controller would take it for a js-only worker.
    if (!request.fresh)
      send(request.inbox, { type: 'ready', pid: slot.pid ?? 0, at: now(), kernels: slot.kernels })
  }

  for (let i = 0; i < options.workers; i++) startWorker(false)

  /** Answers a request only when it is a sealed `type` message of some session. */
  const answer = (type: string, reply: () => unknown) => (_e: unknown, m: Msg) => {
    const opened = gate.open(m.subject, m.data)
    if (!opened) return
    const body = opened.body as { type?: unknown } | null
    if (!m.reply || typeof body !== 'object' || body === null || body.type !== type)
      return gate.drop('malformed')
    respond(m, reply())
  }
  const subs = [
    nc.subscribe(subjects.discover, { callback: answer('discover', info) }),
    nc.subscribe(subjects.ping(agentId), {
      callback: answer('ping', () => ({ type: 'pong', at: now() }))
    }),
    nc.subscribe(subjects.claim(agentId), { callback: (_e, m) => claim(m) })
  ]
  let droppedLogged = 0
  const heartbeat = setInterval(() => {
    send(subjects.heartbeat(agentId), { type: 'heartbeat', agentId, at: now() })
    endLapsedLeases()
    // Dropped messages are said at most once a heartbeat, with how many and why.
    if (gate.drops.total !== droppedLogged) {
      log(
        `dropped ${gate.drops.total - droppedLogged} message(s) outside any session or claim; ` +
          `${gate.drops.describe()} in all`
      )
      droppedLogged = gate.drops.total
    }
  }, HEARTBEAT_MS)
  // Leases are checked more often than heartbeats are sent: a lapsed one is freed within 250 ms.
  const leaseCheck = setInterval(endLapsedLeases, 250)

  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        // The controller cannot hear these workers any more: stop what they do.
        log(`lost the NATS server; stopping every job and retrying for a while`)
        for (const slot of slots.values()) release(slot)
      } else if (status.type === 'reconnect') log('reconnected to the NATS server')
    }
  })()

  let finish!: (why: string | null) => void
  const stopped = new Promise<string | null>((resolve) => (finish = resolve))

  const shutdown = async (why: string | null): Promise<void> => {
    if (stopping) return
    stopping = true
    clearInterval(heartbeat)
    clearInterval(leaseCheck)
    for (const s of subs) s.unsubscribe()
    const all = [...slots.values()]
    for (const slot of all) {
      if (slot.claim) {
        send(slot.claim.inbox, { type: 'worker-exit', code: null, signal: 'SIGTERM' })
        slot.claim.unsubscribe()
        slot.claim = null
      }
    }
    if (!nc.isClosed()) {
      send(subjects.bye(agentId), { type: 'bye', agentId })
      // While the server is away a flush would wait for it: give it a second at most.
      const second = new Promise((r) => setTimeout(r, 1000).unref())
      await Promise.race([nc.flush().catch(() => undefined), second])
      await Promise.race([nc.close().catch(() => undefined), second])
    }
    for (const slot of all) slot.handle.kill()
    const deadline = Date.now() + 2000
    while ([...slots.values()].some((s) => !s.exited) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10))
    finish(why)
  }

  void nc.closed().then((err) => {
    if (!stopping)
      void shutdown(`the NATS server went away for good${err ? ` (${err.message})` : ''}; stopping`)
  })

  log(
    `agent ${options.name} (${agentId}) on ${host}: ${options.workers} ${options.kind} worker(s) ` +
      `offered via ${options.address.server}`
  )
  return {
    info,
    dropped: () => ({ ...gate.drops.counts }),
    stopped,
    stop: () => shutdown(null)
  }
}
