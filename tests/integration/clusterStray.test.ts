/**
 * Messages outside the session are ignored, never fatal (issue 22): a rogue
 * client on the same server echoing empty, garbled and replayed copies of
 * every message, and non-JSON goodbyes in every agent's name, cannot fail,
 * stall or free a run; what it sent is dropped and counted (the CLI's
 * --verbose, the agents' log). With a cluster key, a client with the server's
 * credentials but not the key cannot join, claim or answer; the NATS server
 * configuration of docs/ keeps agents and controllers to their own subjects.
 * Real nats-server, real agents, the real CLI. Needs `npx electron-vite build`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { connect, createInbox } from 'nats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { subjects } from '../../src/shared/cluster'
import { runCli } from '../helpers/cli'
import {
  agentDrops,
  freeWorkersOf,
  natsServerMissing,
  sealedClient,
  startAgent,
  startNatsServer,
  startNatsServerWith
} from '../helpers/cluster'
import type { AgentProcess, NatsServer } from '../helpers/cluster'
import { startRogue } from '../helpers/rogue'

const missing = natsServerMissing()
if (missing) console.log(`cluster stray-message tests skipped: ${missing}`)

const DROPPED =
  /cluster session [0-9a-f]+: dropped (\d+) \(([^)]*)\) message\(s\) outside the session/

const keyFile = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'speedup-key-')), 'cluster.key')
  writeFileSync(path, `${text}\n`)
  return path
}

describe.skipIf(missing !== null)('a rogue client on the server', () => {
  let server: NatsServer
  let a: AgentProcess
  let b: AgentProcess

  beforeAll(async () => {
    server = await startNatsServer()
    a = startAgent(server.url, ['--threads', '2', '--name', 'stray-a'], 2)
    b = startAgent(server.url, ['--threads', '2', '--name', 'stray-b'], 2)
    await Promise.all([a.ready, b.ready])
  })

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await server?.stop()
  })

  it('echoing empty, garbled and replayed copies of every message: every run exact, every drop counted, every worker free after', async () => {
    const rogue = await startRogue(server.url)
    try {
      for (let i = 0; i < 3; i++) {
        const run = await runCli([
          '--server',
          server.url,
          '--workers',
          '1-4',
          '--range',
          '0:2e7',
          '--reps',
          '2',
          '--verbose'
        ])
        expect(run.stderr).not.toMatch(/the run failed/)
        expect(run.code).toBe(0)
        // The controller dropped what the rogue sent into its session, and said how much and why.
        const dropped = DROPPED.exec(run.stderr)
        expect(dropped).not.toBeNull()
        expect(dropped![2]).toMatch(/malformed \d+/)
        expect(dropped![2]).toMatch(/replayed \d+/)
      }
      expect(rogue.echoed()).toBeGreaterThan(100)
    } finally {
      await rogue.close()
    }
    // The agents dropped (and logged) the rogue's copies of what reached them…
    await expect.poll(() => agentDrops(a.stderr()).replayed, { timeout: 3000 }).toBeGreaterThan(0)
    expect(agentDrops(a.stderr()).malformed).toBeGreaterThan(0)
    expect(agentDrops(b.stderr()).replayed).toBeGreaterThan(0)
    // …and no replayed claim holds a worker: all four are free.
    await expect
      .poll(() => freeWorkersOf(server.url, 2), { timeout: 6000 })
      .toEqual({ 'stray-a': 2, 'stray-b': 2 })
  }, 120_000)

  it('the faults of issue 22 one by one, mid-run: an empty message on a claimed subject, a non-JSON goodbye, a replayed run and replayed claims', async () => {
    const nc = await connect({ servers: server.url, noEcho: true })
    const seen: { subject: string; data: Uint8Array; reply?: string }[] = []
    nc.subscribe('speedup.agent.>', {
      callback: (_e, m) => seen.push({ subject: m.subject, data: m.data, reply: m.reply })
    })
    const ids = (await (await sealedClient(server.url)).discover(500, 2)).map((x) => x.agentId)
    const fault = setInterval(() => {
      for (const id of ids) {
        nc.publish(subjects.bye(id), new TextEncoder().encode('not json'))
        nc.publish(subjects.bye(id), new Uint8Array(0))
      }
      for (const m of seen.splice(0)) {
        // Claims and runs replayed as they were; an empty message on every subject seen.
        nc.publish(m.subject, m.data, m.reply ? { reply: m.reply } : undefined)
        nc.publish(m.subject, new Uint8Array(0))
      }
    }, 20)
    try {
      const run = await runCli([
        '--server',
        server.url,
        '--workers',
        '4',
        '--range',
        '0:4e7',
        '--reps',
        '3',
        '--verbose'
      ])
      expect(run.stderr).not.toMatch(/the run failed/)
      expect(run.code).toBe(0)
    } finally {
      clearInterval(fault)
      await nc.close()
    }
    await expect
      .poll(() => freeWorkersOf(server.url, 2), { timeout: 6000 })
      .toEqual({ 'stray-a': 2, 'stray-b': 2 })
  }, 60_000)
})

describe.skipIf(missing !== null)('a cluster key', () => {
  let server: NatsServer
  let agent: AgentProcess
  const key = keyFile('9f1c0de5a1b2c3d4e5f60718293a4b5c')

  beforeAll(async () => {
    server = await startNatsServer()
    agent = startAgent(server.url, ['--threads', '2', '--name', 'keyed', '--cluster-key', key], 2)
    await agent.ready
  })

  afterAll(async () => {
    await agent?.stop()
    await server?.stop()
  })

  it('a controller with the key runs; one without it, or with another key, finds no agent', async () => {
    const run = await runCli([
      '--server',
      server.url,
      '--workers',
      '1,2',
      '--range',
      '0:1e7',
      '--cluster-key',
      key
    ])
    expect(run.code).toBe(0)
    const fromEnv = await runCli(
      ['--server', server.url, '--workers', '2', '--range', '0:1e7'],
      undefined,
      {
        SPEEDUP_LAB_CLUSTER_KEY_FILE: key
      }
    )
    expect(fromEnv.code).toBe(0)
    for (const args of [[], ['--cluster-key', keyFile('another key, also 32 bytes long!')]]) {
      const refused = await runCli([
        '--server',
        server.url,
        '--workers',
        '1',
        '--range',
        '0:1e6',
        ...args
      ])
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(/agent/)
    }
    // The agent sums its drops up in a log line now and then: wait for it (a busy machine delays it).
    await expect
      .poll(() => agentDrops(agent.stderr()).unauthenticated, { timeout: 10_000 })
      .toBeGreaterThan(0)
  }, 60_000)

  it('a client without the key cannot claim a worker nor answer as an agent', async () => {
    const client = await sealedClient(server.url)
    try {
      // Discovery unanswered: the agent does not know this client.
      expect(await client.discover(500)).toEqual([])
      const keyed = await sealedClient(server.url, {
        key: Buffer.from('9f1c0de5a1b2c3d4e5f60718293a4b5c')
      })
      const [info] = await keyed.discover(500, 1)
      await keyed.close()
      expect(info.name).toBe('keyed')
      // A claim without the key gets no answer and holds nothing.
      const inbox = createInbox()
      const subject = subjects.claim(info.agentId)
      await expect(
        client.nc.request(
          subject,
          client.sealer.seal(subject, { type: 'claim', fresh: false, inbox }),
          {
            timeout: 700
          }
        )
      ).rejects.toThrow()
      expect(
        await freeWorkersOf(server.url, 1, Buffer.from('9f1c0de5a1b2c3d4e5f60718293a4b5c'))
      ).toEqual({
        keyed: 2
      })
    } finally {
      await client.close()
    }
    // A keyless agent on the same server is not found by a keyed controller.
    const stranger = startAgent(server.url, ['--threads', '1', '--name', 'stranger'], 1)
    await stranger.ready
    try {
      const run = await runCli([
        '--server',
        server.url,
        '--workers',
        '3',
        '--range',
        '0:1e6',
        '--cluster-key',
        key
      ])
      expect(run.code).not.toBe(0)
      expect(run.stderr).toMatch(/2 free|only 2|found 1 agent|1 agent/)
    } finally {
      await stranger.stop()
    }
  }, 60_000)

  it('an unreadable or short key file is invalid input (exit 2) for the CLI and the agent', async () => {
    const short = keyFile('short')
    const cli = await runCli(['--server', server.url, '--cluster-key', short])
    expect(cli.code).toBe(2)
    expect(cli.stderr).toMatch(/cluster-key: .*at least 16/)
    const worker = await runCli([
      'worker',
      '--server',
      server.url,
      '--cluster-key',
      '/nonexistent/key'
    ])
    expect(worker.code).toBe(2)
    expect(worker.stderr).toMatch(/cluster-key: cannot read the key file/)
  })
})

describe.skipIf(missing !== null)(
  "docs/nats-cluster.conf: agents' and controllers' permissions",
  () => {
    const env = { AGENT_PASSWORD: 'agent-pw-1', CONTROLLER_PASSWORD: 'controller-pw-2' }
    let server: NatsServer
    let agent: AgentProcess
    const as = (user: 'agent' | 'controller'): string =>
      server.url.replace(
        'nats://',
        `nats://${user}:${env[`${user === 'agent' ? 'AGENT' : 'CONTROLLER'}_PASSWORD`]}@`
      )

    beforeAll(async () => {
      server = await startNatsServerWith(
        ['-c', resolve(__dirname, '../../docs/nats-cluster.conf')],
        { env }
      )
      agent = startAgent(as('agent'), ['--threads', '2', '--name', 'permitted'], 2)
      await agent.ready
    })

    afterAll(async () => {
      await agent?.stop()
      await server?.stop()
    })

    it('a controller with its own user runs on agents with theirs', async () => {
      const run = await runCli([
        '--server',
        as('controller'),
        '--workers',
        '1,2',
        '--range',
        '0:1e7'
      ])
      expect(run.stderr).not.toMatch(/failed/)
      expect(run.code).toBe(0)
    }, 60_000)

    it('an agent user cannot claim or run; a controller user cannot speak as an agent', async () => {
      const violations = async (
        user: 'agent' | 'controller',
        subject: string
      ): Promise<string[]> => {
        const nc = await connect({
          servers: server.url,
          user,
          pass: user === 'agent' ? env.AGENT_PASSWORD : env.CONTROLLER_PASSWORD
        })
        const errors: string[] = []
        void (async () => {
          for await (const s of nc.status()) if (s.type === 'error') errors.push(String(s.data))
        })()
        nc.publish(subject, new TextEncoder().encode('{}'))
        await nc.flush().catch(() => undefined)
        await new Promise((r) => setTimeout(r, 300))
        await nc.close().catch(() => undefined)
        return errors
      }
      expect((await violations('agent', 'speedup.agent.x.claim')).join()).toMatch(/permission/i)
      expect((await violations('agent', 'speedup.discover')).join()).toMatch(/permission/i)
      expect((await violations('controller', 'speedup.heartbeat.x')).join()).toMatch(/permission/i)
      expect((await violations('controller', 'speedup.bye.x')).join()).toMatch(/permission/i)
      // Allowed subjects raise nothing.
      expect(await violations('controller', 'speedup.discover')).toEqual([])
    }, 30_000)
  }
)
