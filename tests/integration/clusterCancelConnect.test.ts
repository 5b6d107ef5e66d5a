/**
 * Cancel while the controller is still connecting or looking for agents
 * (before anything is timed): the run and the study stop at once with
 * 'cancelled'. Discovery here waits 60 s, so without the cancel reaching it
 * each test would run into its 20 s timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine, runStudy } from '../../src/engine'
import type { Engine } from '../../src/engine'
import type { RunConfig } from '../../src/shared/config'
import { natsServerMissing, startNatsServer } from '../helpers/cluster'
import type { NatsServer } from '../helpers/cluster'
import { WORKER_PATH, failureOf } from '../helpers/engine'

const missing = natsServerMissing()
if (missing) console.log(`cluster cancel-while-connecting tests skipped: ${missing}`)

describe.skipIf(missing !== null)('cancel while the cluster is being opened', () => {
  let server: NatsServer
  let engine: Engine
  let url: string
  const config = (): RunConfig => ({
    range: { start: 0, end: 1_000_000 },
    workers: [1, 2],
    workload: 'split',
    backend: 'cluster',
    cluster: { server: url },
    pool: 'warm',
    warmup: 0,
    reps: 2
  })

  beforeAll(async () => {
    server = await startNatsServer()
    url = `nats://127.0.0.1:${server.port}`
    engine = createEngine({ workerPath: WORKER_PATH, cluster: { discoverMs: 60_000 } })
  })

  afterAll(async () => {
    await engine?.dispose()
    await server?.stop()
  })

  it('a run: engine.cancel() during discovery ends it as cancelled, and the engine is free', async () => {
    const run = engine.run(config())
    setTimeout(() => void engine.cancel(), 200)
    const failure = await failureOf(run)
    expect(failure.error.code).toBe('cancelled')
    expect(engine.busy).toBe(false)
  }, 20_000)

  it("a study: its signal during the cluster check ends it as cancelled, in the study's words", async () => {
    const controller = new AbortController()
    const study = runStudy(
      engine,
      { base: config(), sizes: [1000, 10_000], backends: ['process', 'cluster'] },
      { signal: controller.signal }
    )
    setTimeout(() => controller.abort(), 200)
    const failure = await failureOf(study)
    expect(failure.error.code).toBe('cancelled')
    expect(failure.error.message).toBe('The study was cancelled.')
  }, 20_000)
})
