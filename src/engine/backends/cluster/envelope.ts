/**
 * Sealing and opening cluster envelopes (src/shared/cluster.ts `Envelope`):
 * the one place that decides whether a message that reached an agent or a
 * controller belongs to a session it knows. Whatever does not is dropped and
 * counted, never acted on — a stray, garbled, foreign or replayed message
 * cannot fail, stall or free anyone's run.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { DROP_REASONS, envelopeMacText, parseEnvelope } from '../../../shared/cluster'
import type { DropReason, Envelope } from '../../../shared/cluster'

/** A fresh random session id (a NATS subject token). */
export const newSessionId = (): string => randomBytes(8).toString('hex')

const mac = (key: Buffer, subject: string, e: Pick<Envelope, 's' | 'n' | 'b'>): string =>
  createHmac('sha256', key).update(envelopeMacText(subject, e)).digest('hex')

export interface Sealer {
  readonly session: string
  /** The bytes to publish on `subject`: `body` in an envelope with the next counter. */
  seal(subject: string, body: unknown): Uint8Array
}

export function createSealer(session: string, key: Buffer | null): Sealer {
  let n = 0
  const encoder = new TextEncoder()
  return {
    session,
    seal(subject, body) {
      const e: Envelope = { s: session, n: ++n, b: JSON.stringify(body) }
      if (key) e.m = mac(key, subject, e)
      return encoder.encode(JSON.stringify(e))
    }
  }
}

/**
 * The counters seen from one sender: a counter is accepted once, and only
 * within WINDOW of the highest seen (messages on different subjects may be
 * handled out of order — a request's reply after a later message —, so a
 * plain "greater than the last" would drop good ones).
 */
export class ReplayWindow {
  static readonly WINDOW = 4096
  private max = 0
  private readonly seen = new Set<number>()

  /** A counter this far ahead of the highest seen is not a sender's next message but a forgery. */
  static readonly MAX_JUMP = 1 << 20

  accept(n: number): boolean {
    if (n <= this.max - ReplayWindow.WINDOW || this.seen.has(n)) return false
    if (this.max > 0 && n > this.max + ReplayWindow.MAX_JUMP) return false
    this.seen.add(n)
    if (n > this.max) this.max = n
    if (this.seen.size > 2 * ReplayWindow.WINDOW)
      for (const k of this.seen) if (k <= this.max - ReplayWindow.WINDOW) this.seen.delete(k)
    return true
  }
}

/** Dropped messages by reason. */
export class DropCount {
  readonly counts: Record<DropReason, number> = {
    malformed: 0,
    foreign: 0,
    replayed: 0,
    unauthenticated: 0
  }

  add(reason: DropReason): void {
    this.counts[reason]++
  }

  get total(): number {
    return DROP_REASONS.reduce((n, r) => n + this.counts[r], 0)
  }

  /** "5 (malformed 2, replayed 3)" — only the reasons that occurred. */
  describe(): string {
    const parts = DROP_REASONS.filter((r) => this.counts[r] > 0).map(
      (r) => `${r} ${this.counts[r]}`
    )
    return `${this.total}${parts.length ? ` (${parts.join(', ')})` : ''}`
  }
}

/** Senders remembered at most (a flood of made-up sessions cannot grow memory without bound). */
const MAX_SENDERS = 4096

export interface Opened {
  session: string
  body: unknown
}

export interface Gate {
  readonly drops: DropCount
  /**
   * The message's body when `data` is an envelope (authenticated, with a
   * cluster key) from an accepted session, with a counter not seen before;
   * otherwise null, and the drop is counted. `from` narrows the sessions
   * accepted (a claimed worker hears only its controller).
   */
  open(subject: string, data: Uint8Array, from?: string): Opened | null
  /** Counts a drop the caller found (a well-sealed body that is not a valid message). */
  drop(reason: DropReason): void
}

export function createGate(key: Buffer | null, drops = new DropCount()): Gate {
  const windows = new Map<string, ReplayWindow>()
  const decoder = new TextDecoder()
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      return undefined
    }
  }
  const dropped = (reason: DropReason): null => {
    drops.add(reason)
    return null
  }
  return {
    drops,
    drop: (reason) => drops.add(reason),
    open(subject, data, from) {
      if (data.length === 0 || data.length > 2 * 64 * 1024) return dropped('malformed')
      const e = parseEnvelope(parse(decoder.decode(data)))
      if (!e) return dropped('malformed')
      if (key) {
        if (!e.m) return dropped('unauthenticated')
        const want = Buffer.from(mac(key, subject, e), 'hex')
        if (!timingSafeEqual(want, Buffer.from(e.m, 'hex'))) return dropped('unauthenticated')
      }
      if (from !== undefined && e.s !== from) return dropped('foreign')
      let window = windows.get(e.s)
      if (!window) {
        if (windows.size >= MAX_SENDERS) windows.delete(windows.keys().next().value as string)
        window = new ReplayWindow()
        windows.set(e.s, window)
      }
      if (!window.accept(e.n)) return dropped('replayed')
      const body = parse(e.b)
      if (body === undefined) return dropped('malformed')
      return { session: e.s, body }
    }
  }
}
