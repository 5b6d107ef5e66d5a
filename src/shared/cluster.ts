/**
 * The cluster backend's messages: what a controller (app or CLI) and a
 * `speedup-lab worker` agent say to each other through a NATS server.
 *
 * Jobs themselves travel as the ordinary worker protocol (protocol.ts):
 * `run`/`cancel` to a claimed worker, `ready`/`progress`/`result`/`error`/
 * `cancelled` back. This file adds only discovery, clock pings, claims,
 * heartbeats and a worker's exit, each checked on arrival like the rest.
 */

import type { ClusterSystem } from './system'

/** Every subject starts with this, so one server can carry other traffic too. */
export const SUBJECT_ROOT = 'speedup'
export const subjects = {
  /** Request-many: every agent answers with its AgentInfo. */
  discover: `${SUBJECT_ROOT}.discover`,
  /** Each agent publishes a heartbeat here every HEARTBEAT_MS. */
  heartbeat: (agentId: string) => `${SUBJECT_ROOT}.heartbeat.${agentId}`,
  heartbeats: `${SUBJECT_ROOT}.heartbeat.*`,
  /** An agent that stops cleanly says so at once. */
  bye: (agentId: string) => `${SUBJECT_ROOT}.bye.${agentId}`,
  byes: `${SUBJECT_ROOT}.bye.*`,
  /** Request/reply: an empty round trip, answered with the agent's clock. */
  ping: (agentId: string) => `${SUBJECT_ROOT}.agent.${agentId}.ping`,
  /** Request/reply: claim one worker of this agent (warm) or a fresh one (cold). */
  claim: (agentId: string) => `${SUBJECT_ROOT}.agent.${agentId}.claim`,
  /** Controller → claimed worker: run/cancel (protocol.ts) or release. Unguessable per claim. */
  claimed: (agentId: string, token: string) => `${SUBJECT_ROOT}.agent.${agentId}.c.${token}`
} as const

/**
 * A claim is a lease: the controller renews it this often on the claimed
 * worker's subject, and the agent frees the worker (stopping its job) when
 * no renewal came for LEASE_MS — a killed, stopped or cut-off controller
 * cannot hold a worker for longer than that.
 */
export const LEASE_RENEW_MS = 1000
export const LEASE_MS = 5000

/** An agent announces a heartbeat this often… */
export const HEARTBEAT_MS = 1000
/** …and is taken as gone when none arrived for this long. */
export const HEARTBEAT_TIMEOUT_MS = 3000

export type AgentWorkerKind = 'process' | 'thread'

/** What an agent tells a controller about itself. */
export interface AgentInfo {
  type: 'agent'
  agentId: string
  host: string
  name: string
  cores: number
  node: string
  kernels: string[]
  kind: AgentWorkerKind
  /** Standing (warm) workers it keeps, and how many of them are free to claim now. */
  workers: number
  free: number
}

export interface PongMessage {
  type: 'pong'
  /** The agent's clock (epoch ms, sub-millisecond) when it answered. */
  at: number
}

export interface ClaimRequest {
  type: 'claim'
  /** true: start a fresh worker for this claim (cold pools); false: one of the standing ones. */
  fresh: boolean
  /** Where the agent sends the worker's messages. */
  inbox: string
}

export type ClaimReply =
  { type: 'claimed'; workerId: string; subject: string } | { type: 'refused'; reason: string }

/** Controller → claimed worker, besides run/cancel: the claim is over. */
export interface ReleaseMessage {
  type: 'release'
}

/** Controller → claimed worker: the claim still stands (see LEASE_MS). */
export interface LeaseMessage {
  type: 'lease'
}

/** Agent → controller's inbox: the lease ended without renewal, the worker was freed. */
export interface LeaseEndedMessage {
  type: 'lease-ended'
}

/**
 * Every cluster message travels in an envelope that says which session sent
 * it and its place in that session: `s` is the sender's session (a
 * controller's random session id, or an agent's id), `n` the sender's
 * message counter (1, 2, 3… over all its subjects), `b` the message itself
 * as JSON text, and `m`, with a cluster key, the HMAC-SHA256 (hex) of the
 * subject, session, counter and body. A receiver drops, and counts, whatever
 * is not an envelope, belongs to no session it knows, repeats a counter it
 * has seen, or fails the HMAC.
 */
export interface Envelope {
  s: string
  n: number
  b: string
  m?: string
}

/** Why a message was dropped. */
export type DropReason = 'malformed' | 'foreign' | 'replayed' | 'unauthenticated'
export const DROP_REASONS: readonly DropReason[] = [
  'malformed',
  'foreign',
  'replayed',
  'unauthenticated'
]

/** The largest message body accepted (a run/result message is well under 1 KB). */
export const MAX_BODY_CHARS = 64 * 1024

export function parseEnvelope(raw: unknown): Envelope | null {
  if (!isObject(raw)) return null
  if (!isSubjectToken(raw.s) || !Number.isSafeInteger(raw.n) || (raw.n as number) < 1) return null
  if (typeof raw.b !== 'string' || raw.b.length > MAX_BODY_CHARS) return null
  if (raw.m !== undefined && !(typeof raw.m === 'string' && /^[0-9a-f]{64}$/.test(raw.m)))
    return null
  return { s: raw.s, n: raw.n as number, b: raw.b, ...(raw.m !== undefined ? { m: raw.m } : {}) }
}

/** The text an envelope's HMAC covers: subject, session, counter and body, one per line. */
export const envelopeMacText = (subject: string, e: Pick<Envelope, 's' | 'n' | 'b'>): string =>
  `${subject}\n${e.s}\n${e.n}\n${e.b}`

export interface ByeMessage {
  type: 'bye'
  agentId: string
}

export function parseBye(raw: unknown): ByeMessage | null {
  return isObject(raw) && raw.type === 'bye' && isSubjectToken(raw.agentId)
    ? { type: 'bye', agentId: raw.agentId }
    : null
}

export const isLease = (raw: unknown): raw is LeaseMessage =>
  isObject(raw) && raw.type === 'lease' && Object.keys(raw).length === 1

export const isLeaseEnded = (raw: unknown): raw is LeaseEndedMessage =>
  isObject(raw) && raw.type === 'lease-ended' && Object.keys(raw).length === 1

/** Agent → controller's inbox, besides the worker protocol: the claimed worker is gone. */
export interface WorkerExitMessage {
  type: 'worker-exit'
  code: number | null
  signal: string | null
}

export interface HeartbeatMessage {
  type: 'heartbeat'
  agentId: string
  at: number
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const isText = (v: unknown, max = 200): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max
/** A NATS subject token: no spaces or wildcards. */
export const isSubjectToken = (v: unknown): v is string =>
  typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v)
/** A whole subject (an inbox): dot-separated tokens, no wildcards. */
export const isSubject = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 256 && /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(v)

/** Decodes a NATS payload as JSON; anything else is null. */
export function decodeJson(data: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(data)) as unknown
  } catch {
    return null
  }
}

export const encodeJson = (value: unknown): Uint8Array =>
  new TextEncoder().encode(JSON.stringify(value))

export function parseAgentInfo(raw: unknown): AgentInfo | null {
  if (!isObject(raw) || raw.type !== 'agent') return null
  if (
    !isSubjectToken(raw.agentId) ||
    !isText(raw.host) ||
    !isText(raw.name) ||
    !isCount(raw.cores) ||
    !isText(raw.node, 40) ||
    !Array.isArray(raw.kernels) ||
    raw.kernels.length > 16 ||
    !raw.kernels.every((k) => isText(k, 40)) ||
    (raw.kind !== 'process' && raw.kind !== 'thread') ||
    !isCount(raw.workers) ||
    !isCount(raw.free) ||
    raw.free > raw.workers
  )
    return null
  return {
    type: 'agent',
    agentId: raw.agentId,
    host: raw.host,
    name: raw.name,
    cores: raw.cores,
    node: raw.node,
    kernels: [...(raw.kernels as string[])],
    kind: raw.kind,
    workers: raw.workers,
    free: raw.free
  }
}

export function parsePong(raw: unknown): PongMessage | null {
  return isObject(raw) && raw.type === 'pong' && isNum(raw.at) ? { type: 'pong', at: raw.at } : null
}

export function parseClaimRequest(raw: unknown): ClaimRequest | null {
  return isObject(raw) &&
    raw.type === 'claim' &&
    typeof raw.fresh === 'boolean' &&
    isSubject(raw.inbox)
    ? { type: 'claim', fresh: raw.fresh, inbox: raw.inbox }
    : null
}

export function parseClaimReply(raw: unknown): ClaimReply | null {
  if (!isObject(raw)) return null
  if (raw.type === 'claimed' && isSubjectToken(raw.workerId) && isSubject(raw.subject))
    return { type: 'claimed', workerId: raw.workerId, subject: raw.subject }
  if (raw.type === 'refused' && isText(raw.reason, 500))
    return { type: 'refused', reason: raw.reason }
  return null
}

export function parseWorkerExit(raw: unknown): WorkerExitMessage | null {
  if (!isObject(raw) || raw.type !== 'worker-exit') return null
  const codeOk = raw.code === null || Number.isSafeInteger(raw.code)
  const signalOk = raw.signal === null || isText(raw.signal, 40)
  return codeOk && signalOk
    ? { type: 'worker-exit', code: raw.code as number | null, signal: raw.signal as string | null }
    : null
}

export function parseHeartbeat(raw: unknown): HeartbeatMessage | null {
  return isObject(raw) && raw.type === 'heartbeat' && isSubjectToken(raw.agentId) && isNum(raw.at)
    ? { type: 'heartbeat', agentId: raw.agentId, at: raw.at }
    : null
}

export const isRelease = (raw: unknown): raw is ReleaseMessage =>
  isObject(raw) && raw.type === 'release' && Object.keys(raw).length === 1

/** What "Test connection" shows: the agents found, before a run. */
export interface ClusterProbe {
  server: string
  /** Each agent as it announced itself, and the median round trip to it (ms). */
  agents: (Omit<AgentInfo, 'type' | 'agentId'> & { rttMs: number })[]
}

/** Credentials taken out of a server URL: passed to the client, never stored or shown. */
export type ClusterAuth = { user: string; pass: string } | { token: string } | null

export interface ServerAddress {
  /** The URL without credentials: what is recorded and shown (several: comma-separated). */
  server: string
  /** Each server of the NATS cluster, without credentials, in the order given. */
  servers: string[]
  /** tls://… asks for TLS. */
  tls: boolean
  auth: ClusterAuth
}

/** Servers of one NATS cluster a controller or an agent may be given. */
export const MAX_SERVERS = 16

/**
 * Reads `nats://[user:pass@|token@]host[:port]` (or tls://…, or a bare
 * host[:port]), or several of them separated by commas — servers of one NATS
 * cluster, tried in that order, any of which will do. The NATS client
 * ignores credentials in a URL, so they are taken out here and passed as
 * options; the rest is what the run records. Every server of a list must
 * agree on TLS and on the credentials (given once, or the same on each).
 */
export function parseServerUrl(
  text: string
): { ok: true; value: ServerAddress } | { ok: false; message: string } {
  if (text.trim() === '')
    return { ok: false, message: 'give the NATS server, e.g. nats://host:4222' }
  if (text.length > 2048) return { ok: false, message: 'the server URL is too long' }
  const parts = text.split(',').map((p) => p.trim())
  if (parts.length > MAX_SERVERS)
    return { ok: false, message: `at most ${MAX_SERVERS} servers, not ${parts.length}` }
  const each: ServerAddress[] = []
  for (const [i, part] of parts.entries()) {
    if (part === '')
      return { ok: false, message: `server ${i + 1} of the list is empty (two commas in a row?)` }
    const one = parseOneServer(part)
    if (!one.ok)
      return parts.length > 1
        ? { ok: false, message: `server ${i + 1} of the list: ${one.message}` }
        : one
    each.push(one.value)
  }
  if (each.length === 1) return { ok: true, value: each[0] }
  if (new Set(each.map((a) => a.tls)).size > 1)
    return { ok: false, message: 'the servers of a list must be all tls:// or all nats://' }
  const given = each.map((a) => a.auth).filter((a) => a !== null)
  if (new Set(given.map((a) => JSON.stringify(a))).size > 1)
    return { ok: false, message: 'the servers of a list carry different credentials' }
  const servers = [...new Set(each.map((a) => a.server))]
  return {
    ok: true,
    value: { server: servers.join(','), servers, tls: each[0].tls, auth: given[0] ?? null }
  }
}

function parseOneServer(
  trimmed: string
): { ok: true; value: ServerAddress } | { ok: false; message: string } {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `nats://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return { ok: false, message: `"${redactServerText(trimmed)}" is not a server URL` }
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase()
  if (scheme !== 'nats' && scheme !== 'tls')
    return {
      ok: false,
      message: `the server URL must start with nats:// or tls://, not ${scheme}://`
    }
  if (!url.hostname) return { ok: false, message: 'the server URL has no host' }
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash)
    return { ok: false, message: 'the server URL must be just scheme://host:port' }
  const port = url.port === '' ? 4222 : Number(url.port)
  let user: string
  let pass: string
  try {
    user = decodeURIComponent(url.username)
    pass = decodeURIComponent(url.password)
  } catch {
    // "%zz": a % that does not start an escape (decodeURIComponent throws URIError).
    return {
      ok: false,
      message:
        'the credentials in the server URL have a malformed % escape: write % as %25 ' +
        '(a % must be followed by two hex digits)'
    }
  }
  const auth: ClusterAuth =
    user && url.password !== '' ? { user, pass } : user ? { token: user } : null
  const server = `${scheme}://${url.hostname}:${port}`
  return { ok: true, value: { server, servers: [server], tls: scheme === 'tls', auth } }
}

/** A server text as it may be shown: any `…@` credentials replaced. */
export function redactServerText(text: string): string {
  return text.replace(/\/\/[^/@,]*@/g, '//***@')
}

/**
 * The cores a cluster run could use: per host the most any of its agents
 * reported (agents on one host share its cores), added over the hosts.
 */
export function clusterCores(cluster: Pick<ClusterSystem, 'agents'>): number {
  const perHost = new Map<string, number>()
  for (const a of cluster.agents) perHost.set(a.host, Math.max(perHost.get(a.host) ?? 0, a.cores))
  return [...perHost.values()].reduce((n, c) => n + c, 0)
}
