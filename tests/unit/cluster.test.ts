import { describe, expect, it } from 'vitest'
import { parseCli } from '../../src/cli/options'
import { parseWorkerCommand } from '../../src/cli/worker/workerCommand'
import { slotOrder } from '../../src/engine/backends/cluster/discover'
import { natsOptions } from '../../src/engine/backends/cluster/natsOptions'
import {
  clusterCores,
  isRelease,
  parseAgentInfo,
  parseClaimReply,
  parseClaimRequest,
  parseServerUrl,
  parseWorkerExit,
  redactServerText
} from '../../src/shared/cluster'
import type { AgentInfo } from '../../src/shared/cluster'
import { validateRunConfig } from '../../src/shared/config'
import { invokeChannels } from '../../src/shared/ipc'

const agent = (agentId: string, host: string, workers: number): AgentInfo => ({
  type: 'agent',
  agentId,
  host,
  name: agentId,
  cores: 2,
  node: 'v20.0.0',
  kernels: ['js'],
  kind: 'process',
  workers,
  free: workers
})

describe('parseServerUrl', () => {
  it('takes user and password out of the URL and records the rest', () => {
    const r = parseServerUrl('nats://lab:p%40ss@example.org:4333')
    expect(r).toEqual({
      ok: true,
      value: {
        server: 'nats://example.org:4333',
        servers: ['nats://example.org:4333'],
        tls: false,
        auth: { user: 'lab', pass: 'p@ss' }
      }
    })
  })

  it('reads a token, TLS, a bare host and the default port', () => {
    expect(parseServerUrl('tls://tok3n@h')).toEqual({
      ok: true,
      value: {
        server: 'tls://h:4222',
        servers: ['tls://h:4222'],
        tls: true,
        auth: { token: 'tok3n' }
      }
    })
    expect(parseServerUrl('10.0.0.2:5000')).toEqual({
      ok: true,
      value: {
        server: 'nats://10.0.0.2:5000',
        servers: ['nats://10.0.0.2:5000'],
        tls: false,
        auth: null
      }
    })
  })

  it('refuses other schemes, paths, bad ports and empty text without echoing a password', () => {
    for (const bad of [
      'http://h:1',
      'nats://h:1/x',
      'nats://h:99999',
      '',
      '   ',
      'nats://',
      'nats://u:pw@h:1?x=1'
    ]) {
      const r = parseServerUrl(bad)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.message).not.toContain('pw')
    }
    expect(redactServerText('nats://u:pw@h:1')).toBe('nats://***@h:1')
  })

  it('hands credentials to the client as options, never in the server string', () => {
    const parsed = parseServerUrl('tls://lab:pw@h:1')
    if (!parsed.ok) throw new Error(parsed.message)
    const options = natsOptions(parsed.value, 'x')
    expect(options).toMatchObject({ servers: ['nats://h:1'], user: 'lab', pass: 'pw', tls: {} })
    expect(String(options.servers)).not.toContain('pw')
  })
})

describe('parseServerUrl: several servers of one NATS cluster (issue 22)', () => {
  it('reads a comma-separated list, each URL checked, credentials given once', () => {
    const r = parseServerUrl(' nats://u:pw@a:4001, b:4002 ,nats://c ')
    expect(r).toEqual({
      ok: true,
      value: {
        server: 'nats://a:4001,nats://b:4002,nats://c:4222',
        servers: ['nats://a:4001', 'nats://b:4002', 'nats://c:4222'],
        tls: false,
        auth: { user: 'u', pass: 'pw' }
      }
    })
    if (!r.ok) return
    const options = natsOptions(r.value, 'x')
    expect(options.servers).toEqual(['nats://a:4001', 'nats://b:4002', 'nats://c:4222'])
    expect(options.noRandomize).toBe(true)
  })

  it('names the bad server of a list and refuses mixed TLS, mixed credentials, empty entries', () => {
    const message = (text: string): string => {
      const r = parseServerUrl(text)
      return r.ok ? 'ok' : r.message
    }
    expect(message('nats://a:1,http://b:2')).toMatch(
      /^server 2 of the list: .*nats:\/\/ or tls:\/\//
    )
    expect(message('nats://a:1,nats://b:99999')).toMatch(/^server 2 of the list/)
    expect(message('nats://a:1,,nats://b:2')).toMatch(/server 2 of the list is empty/)
    expect(message('nats://a:1,tls://b:2')).toMatch(/all tls:\/\/ or all nats:\/\//)
    expect(message('nats://u:p1@a:1,nats://u:p2@b:2')).toMatch(/different credentials/)
    expect(message('nats://u:p1@a:1,nats://u:p2@b:2')).not.toMatch(/p1|p2/)
    expect(message(Array.from({ length: 17 }, (_, i) => `h${i}:1`).join(','))).toMatch(/at most 16/)
    expect(redactServerText('nats://u:pw@a:1,nats://v:pw2@b:2')).toBe(
      'nats://***@a:1,nats://***@b:2'
    )
  })

  it('a malformed % escape in the credentials is a reason, not a URIError', () => {
    expect(message2('nats://%zz@127.0.0.1:1')).toMatch(/malformed % escape/)
    function message2(text: string): string {
      const r = parseServerUrl(text)
      return r.ok ? 'ok' : r.message
    }
  })

  it('a run config, the CLI and the agent take the list; a bad entry is invalid input', () => {
    const config = validateRunConfig({
      range: { start: 0, end: 10 },
      workers: [1],
      workload: 'split',
      backend: 'cluster',
      cluster: { server: 'nats://a:1,nats://b:2' },
      pool: 'warm',
      warmup: 0,
      reps: 1
    })
    expect(config.ok).toBe(true)
    const cli = parseCli(['--server', 'nats://a:1,nats://b:2'], 2)
    expect(cli.kind).toBe('run')
    const agentCli = parseWorkerCommand(['--server', 'nats://a:1,nats://b:2'], 2)
    expect(agentCli.kind === 'run' && agentCli.options.address.servers).toEqual([
      'nats://a:1',
      'nats://b:2'
    ])
    const bad = parseWorkerCommand(['--server', 'nats://a:1,ftp://b'], 2)
    expect(bad.kind).toBe('invalid')
    // The app's "Test connection" payload is checked the same way in main.
    const probe = invokeChannels['cluster:probe'].payload
    expect(probe.safeParse({ server: 'nats://a:1,nats://b:2' }).success).toBe(true)
    const refused = probe.safeParse({ server: 'nats://a:1,nats://b:2/x' })
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0].message).toMatch(/^server 2 of the list/)
  })
})

describe('slotOrder', () => {
  it('spreads over hosts first, then over agents on a host', () => {
    const order = slotOrder(
      [agent('a', 'host1', 2), agent('b', 'host1', 2), agent('c', 'host2', 2)],
      (x) => x.workers
    ).map((x) => x.agentId)
    expect(order).toEqual(['a', 'c', 'b', 'c', 'a', 'b'])
  })

  it('offers each worker once: as many slots as the capacity', () => {
    const order = slotOrder([agent('a', 'h', 3), agent('b', 'g', 0)], (x) => x.workers)
    expect(order.map((x) => x.agentId)).toEqual(['a', 'a', 'a'])
  })
})

describe('cluster message checks', () => {
  it('accepts a well-formed agent announcement and rejects junk', () => {
    expect(parseAgentInfo(agent('a1', 'h', 2))).toEqual(agent('a1', 'h', 2))
    expect(parseAgentInfo({ ...agent('a1', 'h', 2), agentId: 'a.*' })).toBeNull()
    expect(parseAgentInfo({ ...agent('a1', 'h', 2), free: 3 })).toBeNull()
    expect(parseAgentInfo({ ...agent('a1', 'h', 2), kind: 'gpu' })).toBeNull()
    expect(parseAgentInfo('agent')).toBeNull()
  })

  it('checks claims, their replies, exits and releases', () => {
    expect(parseClaimRequest({ type: 'claim', fresh: true, inbox: '_INBOX.abc' })).not.toBeNull()
    expect(parseClaimRequest({ type: 'claim', fresh: true, inbox: 'a.>' })).toBeNull()
    expect(parseClaimRequest({ type: 'claim', fresh: 'yes', inbox: 'x' })).toBeNull()
    expect(
      parseClaimReply({ type: 'claimed', workerId: 'w1', subject: 'speedup.x.y' })
    ).not.toBeNull()
    expect(parseClaimReply({ type: 'claimed', workerId: 'w 1', subject: 's' })).toBeNull()
    expect(parseWorkerExit({ type: 'worker-exit', code: null, signal: 'SIGKILL' })).toEqual({
      type: 'worker-exit',
      code: null,
      signal: 'SIGKILL'
    })
    expect(parseWorkerExit({ type: 'worker-exit', code: 1.5, signal: null })).toBeNull()
    expect(isRelease({ type: 'release' })).toBe(true)
    expect(isRelease({ type: 'release', path: '/etc' })).toBe(false)
  })
})

describe('cluster configuration', () => {
  const base = {
    range: { start: 0, end: 10 },
    workers: [1, 2],
    workload: 'split',
    pool: 'warm',
    warmup: 0,
    reps: 1
  }

  it('needs a valid server for backend cluster', () => {
    expect(validateRunConfig({ ...base, backend: 'cluster' })).toMatchObject({
      ok: false,
      issues: [{ field: 'cluster.server' }]
    })
    expect(
      validateRunConfig({ ...base, backend: 'cluster', cluster: { server: 'http://x' } }).ok
    ).toBe(false)
    expect(
      validateRunConfig({ ...base, backend: 'cluster', cluster: { server: 'nats://x:1' } }).ok
    ).toBe(true)
    expect(validateRunConfig({ ...base, backend: 'process' }).ok).toBe(true)
  })

  it('CLI: --server implies --backend cluster; a bad URL is a --server issue', () => {
    const ok = parseCli(['--server', 'nats://h:1', '--workers', '1,2'], 2)
    expect(ok.kind === 'run' && ok.options.config).toMatchObject({
      backend: 'cluster',
      cluster: { server: 'nats://h:1' }
    })
    const bad = parseCli(['--backend', 'cluster', '--server', 'ftp://h'], 2)
    expect(bad.kind === 'invalid' && bad.issues.map((i) => i.field)).toEqual(['server'])
    const missing = parseCli(['--backend', 'cluster'], 2)
    expect(missing.kind).toBe('invalid')
  })

  it('worker command: counts, kinds, kernels and the server are checked', () => {
    const ok = parseWorkerCommand(
      ['--server', 'nats://u:p@h', '--threads', '3', '--name', 'lab-1'],
      2
    )
    expect(ok).toMatchObject({
      kind: 'run',
      options: { kind: 'thread', workers: 3, name: 'lab-1', address: { server: 'nats://h:4222' } }
    })
    expect(parseWorkerCommand(['--processes', '2'], 2).kind).toBe('invalid')
    const both = parseWorkerCommand(['--server', 'h', '--processes', '1', '--threads', '1'], 2)
    expect(both.kind).toBe('invalid')
    expect(parseWorkerCommand(['--server', 'h', '--processes', '0'], 2).kind).toBe('invalid')
    expect(parseWorkerCommand(['--server', 'h', '--kernel', 'cuda'], 2).kind).toBe('invalid')
    expect(parseWorkerCommand(['--server', 'h', '--bogus'], 2).kind).toBe('invalid')
    expect(parseWorkerCommand(['--help'], 2).kind).toBe('help')
  })
})

describe('clusterCores', () => {
  it('counts each host once, at the most cores an agent there reported', () => {
    const a = (host: string, cores: number) => ({
      host,
      name: 'x',
      cores,
      node: 'v20',
      kind: 'process' as const,
      workers: 1,
      rttMs: 1,
      clockOffsetMs: 0
    })
    expect(clusterCores({ agents: [a('h1', 2), a('h1', 2), a('h2', 8)] })).toBe(10)
    expect(clusterCores({ agents: [] })).toBe(0)
  })
})
