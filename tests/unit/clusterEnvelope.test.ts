import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clusterKeyFrom, readClusterKey } from '../../src/engine/backends/cluster/clusterKey'
import { ReplayWindow, createGate, createSealer } from '../../src/engine/backends/cluster/envelope'
import { parseWorkerCommand } from '../../src/cli/worker/workerCommand'
import { parseEnvelope } from '../../src/shared/cluster'

const subject = 'speedup.agent.a1.c.t0'
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)

describe('cluster envelopes (issue 22)', () => {
  it('a sealed message opens once; a replay, a foreign session and garbage are dropped and counted', () => {
    const sealer = createSealer('ctl1', null)
    const gate = createGate(null)
    const run = sealer.seal(subject, { type: 'run', jobId: 1 })
    expect(gate.open(subject, run, 'ctl1')).toEqual({
      session: 'ctl1',
      body: { type: 'run', jobId: 1 }
    })
    expect(gate.open(subject, run, 'ctl1')).toBeNull()
    const other = createSealer('ctl2', null).seal(subject, { type: 'release' })
    expect(gate.open(subject, other, 'ctl1')).toBeNull()
    for (const junk of [
      '',
      'not json',
      '{}',
      '{"s":"x","n":0,"b":"{}"}',
      '{"s":"a b","n":1,"b":"{}"}'
    ])
      expect(gate.open(subject, new TextEncoder().encode(junk))).toBeNull()
    expect(gate.drops.counts).toEqual({ malformed: 5, foreign: 1, replayed: 1, unauthenticated: 0 })
    expect(gate.drops.describe()).toBe('7 (malformed 5, foreign 1, replayed 1)')
  })

  it('with a key: only messages sealed with it, on the subject they were sealed for, are opened', () => {
    const key = Buffer.from('0123456789abcdef0123456789abcdef')
    const gate = createGate(key)
    const good = createSealer('ctl1', key).seal(subject, { type: 'lease' })
    expect(parseEnvelope(JSON.parse(text(good)))?.m).toMatch(/^[0-9a-f]{64}$/)
    // Unsealed, sealed with another key, moved to another subject, or with its body changed.
    const unkeyed = createSealer('ctl1', null).seal(subject, { type: 'lease' })
    const otherKey = createSealer('ctl1', Buffer.from('another key of sixteen+')).seal(subject, {
      type: 'lease'
    })
    const moved = createSealer('ctl1', key).seal('speedup.agent.a1.c.t1', { type: 'lease' })
    const changed = JSON.parse(text(createSealer('ctl1', key).seal(subject, { type: 'lease' })))
    changed.b = JSON.stringify({ type: 'release' })
    for (const bad of [unkeyed, otherKey, moved, new TextEncoder().encode(JSON.stringify(changed))])
      expect(gate.open(subject, bad)).toBeNull()
    expect(gate.drops.counts.unauthenticated).toBe(4)
    expect(gate.open(subject, good)).toEqual({ session: 'ctl1', body: { type: 'lease' } })
  })

  it('the replay window takes counters out of order once each, and refuses a forged leap', () => {
    const w = new ReplayWindow()
    expect([5, 3, 4, 3, 5, 6].map((n) => w.accept(n))).toEqual([
      true,
      true,
      true,
      false,
      false,
      true
    ])
    expect(w.accept(6 + ReplayWindow.MAX_JUMP + 1)).toBe(false)
    expect(w.accept(10_000)).toBe(true)
    expect(w.accept(10_000 - ReplayWindow.WINDOW)).toBe(false)
  })

  it('a key file: trimmed, at least 16 bytes; --cluster-key or SPEEDUP_LAB_CLUSTER_KEY_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'key-'))
    const good = join(dir, 'good')
    const short = join(dir, 'short')
    writeFileSync(good, 'f00dbabe'.repeat(8) + '\n')
    writeFileSync(short, 'abc\n')
    const read = readClusterKey(good)
    expect(read.ok && read.key.toString()).toBe('f00dbabe'.repeat(8))
    const bad = readClusterKey(short)
    expect(!bad.ok && bad.message).toMatch(/3 byte\(s\); a cluster key needs at least 16/)
    expect(readClusterKey(join(dir, 'none')).ok).toBe(false)
    expect(clusterKeyFrom(undefined, {})).toEqual({ ok: true, key: null })
    const fromEnv = clusterKeyFrom(undefined, { SPEEDUP_LAB_CLUSTER_KEY_FILE: good })
    expect(fromEnv.ok && fromEnv.key?.length).toBe(64)
    const agent = parseWorkerCommand(['--server', 'h:1', '--cluster-key', short], 2)
    expect(agent.kind === 'invalid' && agent.issues[0].field).toBe('cluster-key')
  })
})
