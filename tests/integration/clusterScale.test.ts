/**
 * Scale by simulation (issue 22): 64 agents of one thread worker each on a
 * real nats-server on loopback, and the real controller: all 64 are found,
 * 64 workers claimed, and a run on 64 remote workers is exact. The figures
 * (and how they grow from 8 to 64) come from perf/clusterScale.perf.ts.
 * Needs `npx electron-vite build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine'
import type { Engine } from '../../src/engine'
import { natsServerMissing, startNatsServer } from '../helpers/cluster'
import type { NatsServer } from '../helpers/cluster'
import { WORKER_JS, measureScale, startSimulatedAgents } from '../helpers/clusterScale'
import type { SimulatedAgents } from '../helpers/clusterScale'

const missing = natsServerMissing()
if (missing) console.log(`cluster scale test skipped: ${missing}`)

describe.skipIf(missing !== null)('64 agents on one nats-server', () => {
  let server: NatsServer
  let agents: SimulatedAgents
  let engine: Engine

  beforeAll(async () => {
    server = await startNatsServer()
    agents = await startSimulatedAgents(server.url, 64)
    engine = createEngine({ workerPath: WORKER_JS, cluster: { discoverMs: 1000 } })
  }, 120_000)

  afterAll(async () => {
    await engine?.dispose()
    await agents?.stop()
    await server?.stop()
  })

  it('finds all 64, claims 64 workers, and sums exactly on them', async () => {
    const figures = await measureScale(engine, server.url, 64, { discovery: 1, claim: 1, round: 3 })
    console.log(
      `64 agents: discovery ${figures.discoveryMs.toFixed(0)} ms, claim ${figures.claimMs.toFixed(0)} ms, ` +
        `round of 64 jobs ${figures.roundMs.toFixed(1)} ms (${figures.perJobMs.toFixed(2)} ms per job)`
    )
    expect(figures.exact).toBe(true)
    // Each remote worker of the run is distinct: 64 agents, 64 names.
    const run = await engine.run({
      range: { start: 0, end: 64_000 },
      workers: [64],
      workload: 'split',
      backend: 'cluster',
      cluster: { server: server.url },
      pool: 'warm',
      warmup: 0,
      reps: 1
    })
    expect(run.correct).toBe(true)
    const at64 = run.results.find((r) => r.workers === 64)!
    expect(new Set(at64.samples[0].workers.map((w) => w.agent)).size).toBe(64)
    expect(run.system.cluster?.agents).toHaveLength(64)
  }, 180_000)
})
