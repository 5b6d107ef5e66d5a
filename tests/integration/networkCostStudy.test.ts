/**
 * The network-cost study (issue 11) with a real nats-server on 127.0.0.1 (a
 * user and password) and two real `speedup-lab worker` agents: the size sweep
 * on local processes and on the cluster side by side, the break-even of each,
 * and the refusals before anything is timed (engine and CLI). Needs
 * `npx electron-vite build`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine, createMemoryProbe, runStudy } from '../../src/engine'
import type { Engine } from '../../src/engine'
import { analyzeStudy } from '../../src/shared/analysis'
import { expectedSum } from '../../src/shared/range'
import type { StudyConfig } from '../../src/shared/study'
import { config, spyEngine, WORKER_PATH, failureOf } from '../helpers/engine'
import { freePort, natsServerMissing, startAgent, startNatsServer } from '../helpers/cluster'
import type { AgentProcess, NatsServer } from '../helpers/cluster'
import { runCli } from '../helpers/cli'

const missing = natsServerMissing()
if (missing) console.log(`network-cost study tests skipped: ${missing}`)

const PASSWORD = 'n3t-c0st-pw'

describe.skipIf(missing !== null)('the network-cost study (nats-server on 127.0.0.1)', () => {
  let server: NatsServer
  let a: AgentProcess
  let b: AgentProcess
  let url: string
  const engines: Engine[] = []
  const dir = mkdtempSync(join(tmpdir(), 'sl-netcost-'))

  beforeAll(async () => {
    server = await startNatsServer({ user: 'lab', pass: PASSWORD })
    url = `nats://lab:${PASSWORD}@127.0.0.1:${server.port}`
    a = startAgent(url, ['--processes', '1', '--name', 'net-a'], 1)
    b = startAgent(url, ['--processes', '1', '--name', 'net-b'], 1)
    await Promise.all([a.ready, b.ready])
  })

  afterAll(async () => {
    for (const e of engines) await e.dispose()
    await Promise.all([a?.stop(), b?.stop()])
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sweeps sizes on processes and on the cluster side by side, exact, with a break-even each', async () => {
    const engine = createEngine({
      workerPath: WORKER_PATH,
      cluster: { discoverMs: 250, heartbeatTimeoutMs: 2500 }
    })
    engines.push(engine)
    const sizes = [1000, 100_000, 3_000_000]
    const study: StudyConfig = {
      base: config({
        range: { start: 5, end: 200_000 },
        workers: [1, 2],
        reps: 2,
        cluster: { server: url }
      }),
      sizes,
      backends: ['process', 'cluster']
    }
    const record = await runStudy(
      engine,
      study,
      {},
      { measureMemory: createMemoryProbe({ workerPath: WORKER_PATH }) }
    )
    expect(record.correct).toBe(true)
    // Both sweeps, warm and cold, every size; every total exact.
    expect(record.sizeRuns.map((r) => `${r.backend}/${r.pool}/${r.size}`)).toEqual(
      ['process', 'cluster'].flatMap((backend) =>
        ['warm', 'cold'].flatMap((pool) => sizes.map((size) => `${backend}/${pool}/${size}`))
      )
    )
    for (const r of record.sizeRuns) {
      const range = { start: 5, end: 5 + r.size }
      expect(r.run.config.range).toEqual(range)
      for (const result of r.run.results) expect(result.sum).toBe(expectedSum(range).toString())
      if (r.backend === 'cluster') {
        expect(r.run.config.cluster).toEqual({ server: `nats://127.0.0.1:${server.port}` })
        expect(r.run.system.cluster?.agents.map((x) => x.name).sort()).toEqual(['net-a', 'net-b'])
        // Two remote workers are two distinct workers on the two agents.
        const two = r.run.results.find((x) => x.workers === 2)!
        for (const s of two.samples) {
          expect(new Set(s.workers.map((w) => w.agent))).toEqual(new Set(['net-a', 'net-b']))
          expect(s.networkMs).toBeGreaterThan(0)
        }
      } else {
        expect(r.run.config.cluster).toBeUndefined()
        expect(r.run.system.cluster).toBeUndefined()
      }
    }
    // The backend comparison: memory is measured locally, "not measured" (null) remotely.
    expect(record.backendRuns.map((x) => x.backend)).toEqual(['process', 'cluster'])
    expect(record.backendRuns[0].memory?.rssBytesPerWorker).toBeGreaterThan(0)
    expect(record.backendRuns[1].memory).toBeNull()
    expect(record.backendRuns[1].coldStart.correct).toBe(true)
    // The credentials went to the NATS client only.
    expect(record.config.base.cluster).toEqual({ server: `nats://127.0.0.1:${server.port}` })
    expect(JSON.stringify(record)).not.toContain(PASSWORD)

    const analysis = analyzeStudy(record)
    expect(analysis.sizeSweeps.map((s) => `${s.backend}/${s.pool}`)).toEqual([
      'process/warm',
      'process/cold',
      'cluster/warm',
      'cluster/cold'
    ])
    expect(analysis.networkCost.map((c) => c.pool)).toEqual(['warm', 'cold'])
    for (const cost of analysis.networkCost) {
      // A break-even, or where it lies beyond the sizes measured, per backend.
      for (const b of [cost.local.breakEven, cost.cluster.breakEven]) {
        expect(['crosses', 'mixed', 'always', 'never']).toContain(b.status)
        if (b.status === 'crosses') expect(b.size).toBeGreaterThan(0)
      }
      expect(cost.points.map((p) => p.size)).toEqual(sizes)
      for (const p of cost.points) {
        expect(p.networkMs).toBeGreaterThan(0)
        expect(p.networkShare).toBeGreaterThan(0)
      }
    }
    expect(analysis.verdict.filter((f) => f.code === 'network-cost')).toHaveLength(2)
  })

  it('refuses before anything is timed: fewer remote workers than N, an unreachable server', async () => {
    const spy = spyEngine()
    engines.push(spy.engine)
    const tooMany = await failureOf(
      runStudy(spy.engine, {
        base: config({ workers: [1, 3], cluster: { server: url } }),
        sizes: [1000, 10_000],
        backends: ['process', 'cluster']
      })
    )
    expect(tooMany.error.code).toBe('unavailable')
    expect(tooMany.error.message).toMatch(/3 remote workers were asked for/)
    expect(tooMany.error.message).not.toContain(PASSWORD)
    const port = await freePort()
    const unreachable = await failureOf(
      runStudy(spy.engine, {
        base: config({ cluster: { server: `nats://lab:${PASSWORD}@127.0.0.1:${port}` } }),
        sizes: [1000, 10_000],
        backends: ['process', 'cluster']
      })
    )
    expect(unreachable.error.code).toBe('unavailable')
    expect(unreachable.error.message).toMatch(/cannot reach a NATS server at nats:\/\/127\.0\.0\.1/)
    expect(unreachable.error.message).not.toContain(PASSWORD)
    // Not one local worker was started: the local sweep comes first, the check before it.
    expect(spy.handles).toEqual([])
  })

  it('CLI: the side-by-side table, and a clear refusal with a non-zero exit', async () => {
    const json = join(dir, 'study.json')
    const ok = await runCli([
      '--range',
      '0:100_000',
      '--workers',
      '1,2',
      '--reps',
      '2',
      '--warmup',
      '0',
      '--sweep-sizes',
      '1000,1e6',
      '--compare-backends',
      'process,cluster',
      '--server',
      url,
      '--json',
      json,
      '--quiet'
    ])
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toContain(
      'Network cost: warm pool, 1 vs 2 workers — process and cluster side by side'
    )
    expect(ok.stdout).toMatch(
      /Break-even \(N first beats 1\): process .+ · cluster .+ · difference: /
    )
    expect(ok.stdout).toContain('not measured (remote workers)')
    expect(ok.stdout + ok.stderr).not.toContain(PASSWORD)
    const exported = readFileSync(json, 'utf8')
    expect(exported).not.toContain(PASSWORD)
    const report = JSON.parse(exported) as { analysis: { networkCost: unknown[] } }
    expect(report.analysis.networkCost).toHaveLength(2)

    const base = ['--sweep-sizes', '1000,10000', '--compare-backends', 'process,cluster']
    const noServer = await runCli(base)
    expect(noServer.code).toBe(2)
    expect(noServer.stderr).toContain(
      'server: comparing with the cluster needs its NATS server (e.g. nats://host:4222)'
    )
    const port = await freePort()
    const unreachable = await runCli([
      ...base,
      '--server',
      `nats://lab:${PASSWORD}@127.0.0.1:${port}`,
      '--quiet'
    ])
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toMatch(/cannot reach a NATS server at nats:\/\/127\.0\.0\.1/)
    expect(unreachable.stdout).toBe('')
    const tooMany = await runCli([...base, '--workers', '1,4', '--server', url, '--quiet'])
    expect(tooMany.code).toBe(1)
    expect(tooMany.stderr).toMatch(/4 remote workers were asked for, but .* offers 2/)
    expect(tooMany.stdout).toBe('')
    expect(noServer.stderr + unreachable.stderr + tooMany.stderr).not.toContain(PASSWORD)
  })
})
