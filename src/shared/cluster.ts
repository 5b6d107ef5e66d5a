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
  /** The URL without credentials: what is recorded and shown. */
  server: string
  /** tls://… asks for TLS. */
  tls: boolean
  auth: ClusterAuth
}

/**
 * Reads `nats://[user:pass@|token@]host[:port]` (or tls://…, or a bare
 * host[:port]). The NATS client ignores credentials in a URL, so they are
 * taken out here and passed as options; the rest is what the run records.
 */
export function parseServerUrl(
  text: string
): { ok: true; value: ServerAddress } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: 'give the NATS server, e.g. nats://host:4222' }
  if (trimmed.length > 2048) return { ok: false, message: 'the server URL is too long' }
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
  return {
    ok: true,
    value: { server: `${scheme}://${url.hostname}:${port}`, tls: scheme === 'tls', auth }
  }
}

/** A server text as it may be shown: any `…@` credentials replaced. */
export function redactServerText(text: string): string {
  return text.replace(/\/\/[^/@]*@/, '//***@')
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
