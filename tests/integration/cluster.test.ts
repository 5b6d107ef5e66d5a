/**
 * The cluster backend with a real nats-server and real agents (the built
 * `speedup-lab worker`), all on 127.0.0.1. Needs `npx electron-vite build`.
 */
import { connect, createInbox } from 'nats'
import type { NatsConnection } from 'nats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import type { Engine } from '../../src/engine'
import { subjects } from '../../src/shared/cluster'
import { createGate, createSealer } from '../../src/engine/backends/cluster/envelope'
import type { RunConfig } from '../../src/shared/config'
import { expectedSum } from '../../src/shared/range'
import { WORKER_PATH, alive, eventually, failureOf } from '../helpers/engine'
import {
  childrenOf,
  workerChildrenOf,
  freePort,
  agentDrops,
  freeWorkersOf,
  sealedClient,
  natsServerMissing,
  startAgent,
  startNatsServer
} from '../helpers/cluster'
import type { AgentProcess, NatsServer } from '../helpers/cluster'

const missing = natsServerMissing()
if (missing) console.log(`cluster tests skipped: ${missing}`)

const clusterConfig = (server: string, overrides: Partial<RunConfig> = {}): RunConfig => ({
  range: { start: 0, end: 4_000_000 },
  workers: [1, 2],
  workload: 'split',
  backend: 'cluster',
  cluster: { server },
  pool: 'warm',
  warmup: 0,
  reps: 2,
  serial: false,
  ...overrides
})

function newEngine(log: string[] = []): Engine {
  return createEngine({
    workerPath: WORKER_PATH,
    log: (line) => log.push(line),
    cluster: { discoverMs: 250, heartbeatTimeoutMs: 2500 }
  })
}

/** Free workers per agent name, as discovery reports them (as soon as `agents` have answered). */
const freeWorkers = (url: string, agents = 2): Promise<Record<string, number>> =>
  freeWorkersOf(url, agents)

describe.skipIf(missing !== null)('cluster backend (nats-server on 127.0.0.1)', () => {
  let server: NatsServer
  let a: AgentProcess
  let b: AgentProcess
  const engines: Engine[] = []
  const engine = (log?: string[]): Engine => {
    const e = newEngine(log)
    engines.push(e)
    return e
  }

  beforeAll(async () => {
    server = await startNatsServer()
    a = startAgent(server.url, ['--processes', '2', '--name', 'agent-a'], 2)
    b = startAgent(server.url, ['--threads', '2', '--name', 'agent-b'], 2)
    await Promise.all([a.ready, b.ready])
  })

  afterAll(async () => {
    for (const e of engines) await e.dispose()
    await Promise.all([a?.stop(), b?.stop()])
    await server?.stop()
  })

  it('sums exactly on 1, 2 and 4 remote workers, each job on a distinct worker, agents alternated', async () => {
    const run = await engine().run(clusterConfig(server.url, { workers: [1, 2, 4] }))
    expect(run.correct).toBe(true)
    for (const r of run.results) {
      expect(r.sum).toBe(expectedSum({ start: 0, end: 4_000_000 }).toString())
      for (const s of r.samples) {
        const names = s.workers.map((w) => w.name)
        expect(new Set(names).size).toBe(r.workers)
        expect(s.networkMs).toBeGreaterThan(0)
        for (const w of s.workers) {
          expect(w.rttMs).toBeGreaterThan(0)
          expect(typeof w.clockOffsetMs).toBe('number')
          // With the clock offset applied, compute lies between dispatch and receipt, within
          // the offset's own uncertainty (half a round trip; 5 ms at least on a busy machine).
          const slack = Math.max(5, w.rttMs ?? 0)
          expect(w.computeStart).toBeGreaterThan(w.dispatchedAt - slack)
          expect(w.computeEnd).toBeLessThan(w.receivedAt + slack)
        }
      }
    }
    const two = run.results.find((r) => r.workers === 2)!
    // Spread first: two workers come from two different agents.
    expect(new Set(two.samples[0].workers.map((w) => w.agent))).toEqual(
      new Set(['agent-a', 'agent-b'])
    )
    expect(run.system.cluster?.agents.map((x) => x.name).sort()).toEqual(['agent-a', 'agent-b'])
  })

  it('runs the wasm kernel on remote workers, warm and cold, exactly next to 2^53 (issue 10)', async () => {
    // A warm worker's ready message is the agent's own: it must carry the worker's kernels,
    // or the controller takes it for a js-only worker and refuses the run.
    const range = { start: 9_007_199_250_000_000, end: 9_007_199_254_000_000 }
    for (const pool of ['warm', 'cold'] as const) {
      const run = await engine().run(clusterConfig(server.url, { range, kernel: 'wasm', pool }))
      expect(run.correct).toBe(true)
      for (const r of run.results) {
        expect(r.sum).toBe(expectedSum(range).toString())
        for (const s of r.samples)
          for (const w of s.workers) {
            expect(w.kernel).toBe('wasm')
            expect(w.nsPerElement).toBeGreaterThan(0)
          }
      }
    }
  })

  it('cold runs ask the agents for fresh workers inside the timed region', async () => {
    const run = await engine().run(clusterConfig(server.url, { pool: 'cold', workers: [1, 2] }))
    expect(run.correct).toBe(true)
    for (const w of analyzeRun(run).workers) expect(w.spawnMedianMs).toBeGreaterThan(0)
    // The fresh workers are gone again; the standing ones are all free.
    await expect
      .poll(() => freeWorkers(server.url), { timeout: 3000 })
      .toEqual({ 'agent-a': 2, 'agent-b': 2 })
  })

  it('refuses more workers than the agents offer, before anything is timed', async () => {
    const f = await failureOf(engine().run(clusterConfig(server.url, { workers: [1, 5] })))
    expect(f.error.code).toBe('unavailable')
    expect(f.error.message).toMatch(
      /5 remote workers were asked for.*offers 4 free workers from 2 agents/
    )
  })

  it('refuses a malformed server URL as invalid input', async () => {
    for (const bad of ['http://127.0.0.1:4222', 'nats://127.0.0.1:99999', 'nats://h/path', ''])
      expect((await failureOf(engine().run(clusterConfig(bad)))).error.code).toBe('invalid-input')
  })

  it('says the server is unreachable when nothing listens there', async () => {
    const port = await freePort()
    const f = await failureOf(engine().run(clusterConfig(`nats://127.0.0.1:${port}`)))
    expect(f.error.code).toBe('unavailable')
    expect(f.error.message).toContain(`cannot reach a NATS server at nats://127.0.0.1:${port}`)
  })

  it('cancel reaches every remote worker, and they are free again at once', async () => {
    const e = engine()
    let computing!: () => void
    const started = new Promise<void>((r) => (computing = r))
    const run = e.run(
      clusterConfig(server.url, { range: { start: 0, end: 20_000_000_000 }, workers: [4] }),
      {
        onProgress: (p) => p.phase === 'measuring' && p.perWorker.every((f) => f > 0) && computing()
      }
    )
    await started
    const t0 = performance.now()
    expect(await e.cancel()).toBe(true)
    expect((await failureOf(run)).error.code).toBe('cancelled')
    // Every worker stopped its job: all four are free to claim again.
    await expect
      .poll(() => freeWorkers(server.url), { timeout: 2000, interval: 20 })
      .toEqual({ 'agent-a': 2, 'agent-b': 2 })
    console.log(`cancel → every remote worker free: ${(performance.now() - t0).toFixed(0)} ms`)
    const next = await e.run(clusterConfig(server.url, { workers: [4], reps: 1 }))
    expect(next.correct).toBe(true)
  })

  it('the agent accepts only the worker protocol of the claiming session: anything else is dropped and counted', async () => {
    const client = await sealedClient(server.url)
    const { nc, sealer, gate } = client
    try {
      const info = (await client.discover(500, 2)).find((x) => x.name === 'agent-a')!
      const inbox = createInbox()
      const received: { type: string; message?: string; sum?: string }[] = []
      nc.subscribe(inbox, {
        callback: (_e, m) => {
          const opened = gate.open(m.subject, m.data, info.agentId)
          if (opened) received.push(opened.body as never)
        }
      })
      const dropsBefore = agentDrops(a.stderr())
      const claimSubject = subjects.claim(info.agentId)
      const reply = await nc.request(
        claimSubject,
        sealer.seal(claimSubject, { type: 'claim', fresh: false, inbox }),
        { timeout: 2000 }
      )
      const claim = gate.open(reply.subject, reply.data)?.body as { type: string; subject: string }
      expect(claim.type).toBe('claimed')
      const seal = (x: unknown): Uint8Array => sealer.seal(claim.subject, x)
      for (const bad of [
        { type: 'run', jobId: 1, start: 1.5, end: 3, progressIntervalMs: 100 },
        { type: 'run', jobId: 2, start: 10, end: 3, progressIntervalMs: 100 },
        { type: 'eval', code: 'process.exit(1)' },
        { type: 'run', jobId: 3, start: 0, end: 2 ** 60, progressIntervalMs: 100 }
      ])
        nc.publish(claim.subject, seal(bad))
      nc.publish(claim.subject, new TextEncoder().encode('not json'))
      nc.publish(claim.subject, new Uint8Array(0))
      const run = seal({ type: 'run', jobId: 7, start: 0, end: 1000, progressIntervalMs: 100 })
      nc.publish(claim.subject, run)
      // The same run again (a replay), and one from another session: neither reaches the worker.
      nc.publish(claim.subject, run)
      const other = await sealedClient(server.url)
      other.nc.publish(
        claim.subject,
        other.sealer.seal(claim.subject, {
          type: 'run',
          jobId: 8,
          start: 0,
          end: 10,
          progressIntervalMs: 100
        })
      )
      other.nc.publish(claim.subject, other.sealer.seal(claim.subject, { type: 'release' }))
      await other.nc.flush()
      await other.close()
      await expect
        .poll(() => received.some((m) => m.type === 'result'), { timeout: 5000 })
        .toBe(true)
      await nc.flush()
      await new Promise((r) => setTimeout(r, 300))
      // Nothing but the worker's own ready and result came back: no error, no second result.
      expect(received.map((m) => m.type)).toEqual(['ready', 'result'])
      expect(received.find((m) => m.type === 'result')?.sum).toBe('499500')
      // The agent says what it dropped, and why, in its log.
      await expect
        .poll(
          () => {
            const after = agentDrops(a.stderr())
            return Object.fromEntries(
              Object.entries(after).map(([k, n]) => [k, n - dropsBefore[k]])
            )
          },
          { timeout: 3000 }
        )
        .toEqual({ malformed: 6, foreign: 2, replayed: 1, unauthenticated: 0 })
      nc.publish(claim.subject, seal({ type: 'release' }))
      await nc.flush()
    } finally {
      await client.close()
    }
  })

  it('a remote worker killed mid-job fails the run by host and agent; the next run succeeds', async () => {
    const e = engine()
    const workerPids = workerChildrenOf(a.process.pid!)
    expect(workerPids).toHaveLength(2)
    let computing!: () => void
    const started = new Promise<void>((r) => (computing = r))
    const run = e.run(
      clusterConfig(server.url, { range: { start: 0, end: 20_000_000_000 }, workers: [4] }),
      {
        onProgress: (p) => p.phase === 'measuring' && p.perWorker.every((f) => f > 0) && computing()
      }
    )
    await started
    const t0 = performance.now()
    process.kill(workerPids[0], 'SIGKILL')
    const f = await failureOf(run)
    expect(f.error.code).toBe('worker-crashed')
    expect(f.error.message).toMatch(/on [^ ]+\/agent-a.*killed by signal SIGKILL/)
    expect(performance.now() - t0).toBeLessThan(5000)
    // No job is retried on another worker: the run fails, and the agent replaces its worker.
    await expect
      .poll(() => freeWorkers(server.url), { timeout: 5000 })
      .toEqual({ 'agent-a': 2, 'agent-b': 2 })
    const next = await e.run(clusterConfig(server.url, { workers: [4], reps: 1 }))
    expect(next.correct).toBe(true)
  })

  it('an agent that dies mid-job fails the run within seconds, naming it; the rest still run', async () => {
    const e = engine()
    let computing!: () => void
    const started = new Promise<void>((r) => (computing = r))
    const run = e.run(
      clusterConfig(server.url, { range: { start: 0, end: 20_000_000_000 }, workers: [4] }),
      {
        onProgress: (p) => p.phase === 'measuring' && p.perWorker.every((f) => f > 0) && computing()
      }
    )
    await started
    const workerPids = childrenOf(b.process.pid!)
    const t0 = performance.now()
    b.process.kill('SIGKILL')
    const f = await failureOf(run)
    expect(f.error.code).toBe('worker-crashed')
    expect(f.error.message).toMatch(/agent-b.*stopped answering \(no heartbeat for 2\.5 s\)/)
    expect(performance.now() - t0).toBeLessThan(6000)
    // Its orphaned workers (threads of the agent here) are gone with it.
    expect(await eventually(() => workerPids.every((p) => !alive(p)))).toBe(true)
    const next = await e.run(clusterConfig(server.url, { workers: [1, 2], reps: 1 }))
    expect(next.correct).toBe(true)
    expect(new Set(next.results[1].samples[0].workers.map((w) => w.agent))).toEqual(
      new Set(['agent-a'])
    )
  })
})

describe.skipIf(missing !== null)('cluster backend: credentials and a server that dies', () => {
  it('uses credentials from the URL, never records them, and says so when they are wrong', async () => {
    const server = await startNatsServer({ user: 'lab', pass: 's3cret-pw' })
    const agent = startAgent(
      `nats://lab:s3cret-pw@127.0.0.1:${server.port}`,
      ['--processes', '1', '--name', 'auth-agent'],
      1
    )
    const e = newEngine()
    try {
      await agent.ready
      expect(agent.stderr()).not.toContain('s3cret-pw')
      const wrong = await failureOf(
        e.run(clusterConfig(`nats://lab:wrong-pw@127.0.0.1:${server.port}`, { workers: [1] }))
      )
      expect(wrong.error.code).toBe('unavailable')
      expect(wrong.error.message).toMatch(/refused the credentials/)
      expect(wrong.error.message).not.toContain('wrong-pw')
      const none = await failureOf(
        e.run(clusterConfig(`nats://127.0.0.1:${server.port}`, { workers: [1] }))
      )
      expect(none.error.code).toBe('unavailable')
      const run = await e.run(
        clusterConfig(`nats://lab:s3cret-pw@127.0.0.1:${server.port}`, { workers: [1] })
      )
      expect(run.correct).toBe(true)
      expect(run.config.cluster?.server).toBe(`nats://127.0.0.1:${server.port}`)
      expect(JSON.stringify(run)).not.toContain('s3cret-pw')
    } finally {
      await e.dispose()
      await agent.stop()
      await server.stop()
    }
  })

  it('the server killed mid-run fails the run at once; the agent stops its jobs', async () => {
    const server = await startNatsServer()
    const agent = startAgent(
      server.url,
      ['--processes', '2', '--name', 'lonely', '--reconnect-for', '2'],
      2
    )
    const e = newEngine()
    try {
      await agent.ready
      let computing!: () => void
      const started = new Promise<void>((r) => (computing = r))
      const run = e.run(
        clusterConfig(server.url, { range: { start: 0, end: 20_000_000_000 }, workers: [2] }),
        {
          onProgress: (p) =>
            p.phase === 'measuring' && p.perWorker.every((f) => f > 0) && computing()
        }
      )
      await started
      const t0 = performance.now()
      server.process.kill('SIGKILL')
      const f = await failureOf(run)
      expect(f.error.code).toBe('worker-crashed')
      expect(f.error.message).toContain(`connection to the NATS server ${server.url} was lost`)
      expect(performance.now() - t0).toBeLessThan(3000)
      await expect.poll(() => agent.stderr(), { timeout: 3000 }).toMatch(/lost the NATS server/)
      const workers = childrenOf(agent.process.pid!)
      // Gone for good (2 s here): the agent stops its workers and exits 1, saying why.
      expect(await agent.exited).toBe(1)
      expect(agent.stderr()).toMatch(/the NATS server went away for good/)
      expect(await eventually(() => workers.every((p) => !alive(p)))).toBe(true)
    } finally {
      await e.dispose()
      await agent.stop()
      await server.stop()
    }
  })
  it('an agent told to stop while the server is away stops at once, not after its reconnect window', async () => {
    const server = await startNatsServer()
    const agent = startAgent(
      server.url,
      ['--processes', '1', '--name', 'patient', '--reconnect-for', '120'],
      1
    )
    try {
      await agent.ready
      server.process.kill('SIGKILL')
      await expect.poll(() => agent.stderr(), { timeout: 3000 }).toMatch(/lost the NATS server/)
      const t0 = performance.now()
      agent.process.kill('SIGTERM')
      expect(await agent.exited).toBe(0)
      expect(performance.now() - t0).toBeLessThan(5000)
    } finally {
      await agent.stop()
      await server.stop()
    }
  })
})

/**
 * A hand-written agent on the same server that speaks the protocol badly:
 * garbage, a malformed result and a stale one before the right answer (or a
 * wrong sum, when `lie`). The controller must ignore the first, check the last.
 */
async function rogueAgent(url: string, lie: () => boolean): Promise<NatsConnection> {
  const nc = await connect({ servers: url })
  const agentId = 'rogue0000'
  // It seals its messages as itself, as an agent does: its faults are in what it says.
  const sealer = createSealer(agentId, null)
  const gate = createGate(null)
  const body = (data: Uint8Array): unknown => gate.open('', data)?.body
  const encodeJson = (x: unknown): Uint8Array => sealer.seal('', x)
  const decodeJson = body
  const now = (): number => performance.timeOrigin + performance.now()
  nc.subscribe(subjects.discover, {
    callback: (_e, m) =>
      m.respond(
        encodeJson({
          type: 'agent',
          agentId,
          host: 'rogue-host',
          name: 'rogue',
          cores: 1,
          node: 'v20',
          kernels: ['js'],
          kind: 'process',
          workers: 1,
          free: 1
        })
      )
  })
  nc.subscribe(subjects.ping(agentId), {
    callback: (_e, m) => m.respond(encodeJson({ type: 'pong', at: now() }))
  })
  nc.subscribe(subjects.claim(agentId), {
    callback: (_e, m) => {
      const { inbox } = decodeJson(m.data) as { inbox: string }
      const subject = subjects.claimed(agentId, `t${Math.random().toString(36).slice(2)}`)
      nc.subscribe(subject, {
        callback: (_e2, job) => {
          const run = decodeJson(job.data) as {
            type: string
            jobId: number
            start: number
            end: number
          } | null
          if (run?.type !== 'run') return
          const at = now()
          const send = (x: unknown): void => nc.publish(inbox, encodeJson(x))
          nc.publish(inbox, new TextEncoder().encode('{{ not json'))
          send({
            type: 'result',
            jobId: run.jobId,
            sum: '12abc',
            computeMs: 1,
            startedAt: at,
            endedAt: at
          })
          send({
            type: 'result',
            jobId: run.jobId + 999,
            sum: '1',
            computeMs: 1,
            startedAt: at,
            endedAt: at
          })
          send({ type: 'progress', jobId: run.jobId, fraction: 7 })
          const sum = expectedSum({ start: run.start, end: run.end }) + (lie() ? 1n : 0n)
          send({
            type: 'result',
            jobId: run.jobId,
            sum: sum.toString(),
            computeMs: 1,
            startedAt: at,
            endedAt: at + 1
          })
        }
      })
      m.respond(encodeJson({ type: 'claimed', workerId: 'w1', subject }))
      nc.publish(inbox, encodeJson({ type: 'ready', pid: 4242, at: now() }))
    }
  })
  setInterval(() => {
    if (!nc.isClosed())
      nc.publish(subjects.heartbeat(agentId), encodeJson({ type: 'heartbeat', agentId, at: now() }))
  }, 500).unref()
  await nc.flush()
  return nc
}

describe.skipIf(missing !== null)(
  'cluster backend: a worker that sends malformed or stale messages',
  () => {
    it('ignores them, keeps the right answer, and catches a wrong sum', async () => {
      const server = await startNatsServer()
      let lying = false
      const rogue = await rogueAgent(server.url, () => lying)
      const log: string[] = []
      const e = newEngine(log)
      try {
        const run = await e.run(clusterConfig(server.url, { workers: [1], reps: 2 }))
        expect(run.correct).toBe(true)
        // Garbage never reaches the pool: it is dropped and counted by the session…
        expect(
          log.some((l) => /dropped \d+ \(malformed \d+\) message\(s\) outside the session/.test(l))
        ).toBe(true)
        // …and a well-formed result of another job is the pool's to ignore.
        expect(log.some((l) => /rogue.*ignored a stale result/.test(l))).toBe(true)
        lying = true
        const wrong = await e.run(clusterConfig(server.url, { workers: [1], reps: 1 }))
        expect(wrong.correct).toBe(false)
      } finally {
        await e.dispose()
        await rogue.close()
        await server.stop()
      }
    })
  }
)
