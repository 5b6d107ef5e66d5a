/**
 * Cancel on the cluster (npm run perf -- clusterCancel): a 4-worker run on two
 * agents (2 processes each, loopback) is cancelled while every worker
 * computes; the figure is the time from cancel() until each agent reports all
 * its workers free again — their jobs stopped and the agents told. Target:
 * 200 ms plus one round trip. Prints figures; asserts nothing.
 */
import { resolve } from 'node:path'
import { connect, createInbox } from 'nats'
import { median } from 'simple-statistics'
import { createEngine } from '../src/engine'
import { decodeJson, encodeJson, subjects } from '../src/shared/cluster'
import { natsServerMissing, startAgent, startNatsServer } from '../tests/helpers/cluster'

const rounds = process.env.PERF_QUICK === '1' ? 3 : 8

async function main(): Promise<void> {
  const missing = natsServerMissing()
  if (missing) {
    console.log(`cluster cancel perf skipped: ${missing}`)
    return
  }
  const server = await startNatsServer()
  const agents = [
    startAgent(server.url, ['--processes', '2', '--name', 'c1'], 2),
    startAgent(server.url, ['--processes', '2', '--name', 'c2'], 2)
  ]
  await Promise.all(agents.map((a) => a.ready))
  const engine = createEngine({ workerPath: resolve(__dirname, '../out/main/worker.js') })
  const nc = await connect({ servers: server.url })
  /** Resolves when both agents answer discovery with every worker free. */
  const allFree = async (): Promise<void> => {
    for (;;) {
      const inbox = createInbox()
      const free: number[] = []
      const sub = nc.subscribe(inbox, {
        callback: (_e, m) => free.push((decodeJson(m.data) as { free: number }).free)
      })
      nc.publish(subjects.discover, encodeJson({}), { reply: inbox })
      const until = performance.now() + 200
      while (free.length < 2 && performance.now() < until)
        await new Promise((r) => setTimeout(r, 1))
      sub.unsubscribe()
      if (free.length === 2 && free.every((n) => n === 2)) return
    }
  }
  const times: number[] = []
  const rtts: number[] = []
  try {
    for (let i = 0; i < rounds; i++) {
      let computing!: () => void
      const started = new Promise<void>((r) => (computing = r))
      const run = engine.run(
        {
          range: { start: 0, end: 50_000_000_000 },
          workers: [4],
          workload: 'split',
          backend: 'cluster',
          cluster: { server: server.url },
          pool: 'warm',
          warmup: 0,
          reps: 1
        },
        {
          onProgress: (p) =>
            p.phase === 'measuring' && p.perWorker.every((f) => f > 0) && computing()
        }
      )
      run.catch(() => undefined)
      await started
      const t0 = performance.now()
      await engine.cancel()
      await allFree()
      times.push(performance.now() - t0)
    }
    const probe = await engine
      .run({
        range: { start: 0, end: 10 },
        workers: [4],
        workload: 'split',
        backend: 'cluster',
        cluster: { server: server.url },
        pool: 'warm',
        warmup: 0,
        reps: 1
      })
      .then((r) => r.system.cluster?.agents.map((a) => a.rttMs) ?? [])
    rtts.push(...probe)
  } finally {
    await nc.close()
    await engine.dispose()
    await Promise.all(agents.map((a) => a.stop()))
    await server.stop()
  }
  const fmt = (x: number): string => x.toFixed(1)
  console.log(`Cluster cancel: 4 remote workers on 2 agents, ${rounds} cancels`)
  console.log(
    `  cancel() → every remote worker free, median / max (ms)   ${fmt(median(times))} / ${fmt(Math.max(...times))}`
  )
  console.log(`  all (ms): ${times.map(fmt).join(', ')}`)
  console.log(`  round trip to the agents (ms): ${rtts.map((r) => r.toFixed(2)).join(', ')}`)
  console.log(`  target: 200 ms + one round trip`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
