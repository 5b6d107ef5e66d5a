/**
 * Agents as separate hosts: the server, two agents and the controller each in
 * a network namespace this test creates (veth pairs, 10.231.x.y addresses that
 * exist only inside them), each agent with its own host name (UTS namespace).
 * Agent B reaches the server through a proxy that delays every packet 5 ms.
 * Needs root and iproute2; the namespaces are removed even when a test fails.
 */
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRunEnvelope } from '../../src/shared/runExport'
import { CLI, natsServerMissing, stopProcess } from '../helpers/cluster'

const PROXY = resolve(__dirname, '../fixtures/net/delayProxy.mjs')
const tag = `sl${process.pid}`
const ns = { srv: `${tag}-srv`, a: `${tag}-a`, b: `${tag}-b`, ctl: `${tag}-ctl` }

const ip = (...args: string[]): void => {
  execFileSync('ip', args, { stdio: 'pipe' })
}

function whyNot(): string | null {
  const nats = natsServerMissing()
  if (nats) return nats
  if (process.getuid?.() !== 0) return 'network namespaces need root'
  try {
    ip('netns', 'add', `${tag}-probe`)
    ip('netns', 'del', `${tag}-probe`)
  } catch (e) {
    return `ip netns is not available here (${e instanceof Error ? e.message.split('\n')[0] : e})`
  }
  try {
    execFileSync('unshare', ['--uts', 'true'], { stdio: 'pipe' })
  } catch {
    return 'unshare --uts is not available here'
  }
  return null
}

const skip = whyNot()
if (skip) console.log(`namespace cluster test skipped: ${skip}`)

/** srv ⟷ other over a veth pair on 10.231.<net>.0/24: .1 in srv, .2 in other. */
function link(other: string, net: number): void {
  const v = `${tag}v${net}`
  ip('link', 'add', `${v}s`, 'type', 'veth', 'peer', 'name', `${v}o`)
  ip('link', 'set', `${v}s`, 'netns', ns.srv)
  ip('link', 'set', `${v}o`, 'netns', other)
  ip('-n', ns.srv, 'addr', 'add', `10.231.${net}.1/24`, 'dev', `${v}s`)
  ip('-n', other, 'addr', 'add', `10.231.${net}.2/24`, 'dev', `${v}o`)
  ip('-n', ns.srv, 'link', 'set', `${v}s`, 'up')
  ip('-n', other, 'link', 'set', `${v}o`, 'up')
}

function inNs(name: string, argv: string[], host?: string): ChildProcess {
  const command = host
    ? [
        'netns',
        'exec',
        name,
        'unshare',
        '--uts',
        'sh',
        '-c',
        `hostname ${host} && exec "$@"`,
        'sh',
        ...argv
      ]
    : ['netns', 'exec', name, ...argv]
  return spawn('ip', command, { stdio: ['ignore', 'pipe', 'pipe'] })
}

function waitFor(child: ChildProcess, pattern: RegExp, ms = 20_000): Promise<void> {
  return new Promise((done, fail) => {
    let text = ''
    const timer = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}: ${text}`)), ms)
    const on = (d: Buffer): void => {
      text += d.toString()
      if (pattern.test(text)) {
        clearTimeout(timer)
        done()
      }
    }
    child.stdout?.on('data', on)
    child.stderr?.on('data', on)
    child.once('exit', (code) => fail(new Error(`exited (${code}) before ${pattern}: ${text}`)))
  })
}

describe.skipIf(skip !== null)('cluster across network namespaces (separate hosts)', () => {
  const children: ChildProcess[] = []
  const start = (name: string, argv: string[], host?: string): ChildProcess => {
    const child = inNs(name, argv, host)
    children.push(child)
    return child
  }

  beforeAll(async () => {
    for (const name of Object.values(ns)) {
      ip('netns', 'add', name)
      ip('-n', name, 'link', 'set', 'lo', 'up')
    }
    link(ns.a, 1)
    link(ns.b, 2)
    link(ns.ctl, 3)
    const server = start(ns.srv, ['nats-server', '-a', '0.0.0.0', '-p', '4222'])
    await waitFor(server, /Server is ready/)
    const proxy = start(ns.srv, [process.execPath, PROXY, '10.231.2.1:4223', '127.0.0.1:4222', '5'])
    await waitFor(proxy, /listening/)
    const worker = (server: string, name: string): string[] => [
      process.execPath,
      CLI,
      'worker',
      '--server',
      server,
      '--processes',
      '1',
      '--name',
      name
    ]
    const a = start(ns.a, worker('nats://10.231.1.1:4222', 'agent-a'), 'host-a')
    const b = start(ns.b, worker('nats://10.231.2.1:4223', 'agent-b'), 'host-b')
    await Promise.all([waitFor(a, /\] ready/), waitFor(b, /\] ready/)])
  })

  afterAll(async () => {
    for (const child of children.reverse()) await stopProcess(child, 'SIGTERM')
    for (const name of Object.values(ns)) {
      try {
        ip('netns', 'del', name)
      } catch {
        // already gone
      }
    }
  })

  it('runs on workers of two hosts, spread over both, and measures the slower link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-netns-'))
    const json = join(dir, 'run.json')
    const ctl = start(ns.ctl, [
      process.execPath,
      CLI,
      '--server',
      'nats://10.231.3.1:4222',
      '--workers',
      '1,2',
      '--range',
      '0:20_000_000',
      '--reps',
      '2',
      '--quiet',
      '--json',
      json
    ])
    let out = ''
    ctl.stdout?.on('data', (d) => (out += d))
    ctl.stderr?.on('data', (d) => (out += d))
    const code = await new Promise<number | null>((r) => ctl.once('exit', r))
    expect(code, out).toBe(0)
    // --json writes the run export (issue 9): the measured record is read back from it.
    const parsed = parseRunEnvelope(readFileSync(json, 'utf8'))
    if (!parsed.ok) throw new Error(parsed.reason)
    const run = parsed.value
    expect(run.correct).toBe(true)
    const agents = run.system.cluster!.agents
    expect(agents.map((x) => x.host).sort()).toEqual(['host-a', 'host-b'])
    const two = run.results.find((r) => r.workers === 2)!
    for (const s of two.samples)
      expect(new Set(s.workers.map((w) => w.host))).toEqual(new Set(['host-a', 'host-b']))
    const rtt = (host: string): number => agents.find((x) => x.host === host)!.rttMs
    // Through the proxy every round trip waits 5 ms each way at least.
    expect(rtt('host-b')).toBeGreaterThan(10)
    expect(rtt('host-a')).toBeLessThan(rtt('host-b'))
    console.log(
      `round trips: host-a ${rtt('host-a').toFixed(2)} ms, host-b ${rtt('host-b').toFixed(2)} ms`
    )
  })
})
