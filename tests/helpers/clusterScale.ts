/**
 * The scale simulation of issue 22, shared by its test and its perf script:
 * N agents of one thread worker each (tests/fixtures/cluster/manyAgents.ts,
 * one process) on a real nats-server on loopback, and the real controller.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { median } from 'simple-statistics'
import type { Engine } from '../../src/engine'
import { openCluster } from '../../src/engine/backends/cluster/clusterBackend'
import { parseServerUrl } from '../../src/shared/cluster'
import { expectedSum } from '../../src/shared/range'
import { sealedClient, stopProcess } from './cluster'

const MANY_AGENTS = resolve(__dirname, '../fixtures/cluster/manyAgents.ts')
export const WORKER_JS = resolve(__dirname, '../../out/main/worker.js')

export interface SimulatedAgents {
  process: ChildProcess
  stderr: () => string
  stop(): Promise<void>
}

/** Starts `count` agents of one thread worker each; resolves once every worker is ready. */
export function startSimulatedAgents(url: string, count: number): Promise<SimulatedAgents> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MANY_AGENTS, url, String(count), WORKER_JS],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  return new Promise((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (String(d).includes(`ready ${count}`))
        done({ process: child, stderr: () => stderr, stop: () => stopProcess(child, 'SIGTERM') })
    })
    child.once('exit', (code) => fail(new Error(`the agents exited (${code}): ${stderr}`)))
  })
}

/** Time (ms) until `count` agents have answered one discovery request. */
export async function discoveryMs(url: string, count: number): Promise<number> {
  const client = await sealedClient(url)
  try {
    const t0 = performance.now()
    const found = await client.discover(10_000, count)
    if (found.length < count) throw new Error(`only ${found.length} of ${count} agents answered`)
    return performance.now() - t0
  } finally {
    await client.close()
  }
}

/** Time (ms) for the controller to claim `count` warm workers and hear each one ready. */
export async function claimMs(url: string, count: number): Promise<number> {
  const parsed = parseServerUrl(url)
  if (!parsed.ok) throw new Error(parsed.message)
  const session = await openCluster({ address: parsed.value, pool: 'warm', discoverMs: 500 })
  try {
    if (session.capacity < count) throw new Error(`${session.capacity} free workers, not ${count}`)
    const t0 = performance.now()
    const handles = Array.from({ length: count }, (_, i) =>
      session.backend.spawn(`w${i + 1}/${count}`)
    )
    await Promise.all(
      handles.map(
        (h) =>
          new Promise<void>((done, fail) => {
            h.onMessage((m) => (m as { type?: string }).type === 'ready' && done())
            h.onExit(() => fail(new Error(`${h.name}: ${h.lostReason ?? 'exited'}`)))
          })
      )
    )
    const ms = performance.now() - t0
    for (const h of handles) h.kill()
    return ms
  } finally {
    await session.close()
  }
}

export interface ScaleFigures {
  agents: number
  discoveryMs: number
  claimMs: number
  /** Median wall time of one round of `agents` 1,000-element jobs, and per job. */
  roundMs: number
  perJobMs: number
  /** Median overhead (wall − compute) of that round. */
  overheadMs: number
  exact: boolean
}

/** The figures at `count` agents (the agents must be running, each with one free worker). */
export async function measureScale(
  engine: Engine,
  url: string,
  count: number,
  reps = { discovery: 5, claim: 3, round: 10 }
): Promise<ScaleFigures> {
  const discoveries: number[] = []
  for (let i = 0; i < reps.discovery; i++) discoveries.push(await discoveryMs(url, count))
  const claims: number[] = []
  for (let i = 0; i < reps.claim; i++) claims.push(await claimMs(url, count))
  const cluster = { server: url }
  const tiny = await engine.run({
    range: { start: 0, end: 1000 * count },
    workers: [count],
    workload: 'split',
    backend: 'cluster',
    cluster,
    pool: 'warm',
    warmup: 1,
    reps: reps.round
  })
  // The runner measures one worker too (the speedup's baseline): take the row of `count`.
  const samples = tiny.results.find((r) => r.workers === count)!.samples
  const roundMs = median(samples.map((s) => s.wallMs))
  // An exact run: 100,000 numbers per agent summed remotely, checked against the closed form
  // (small parts: N threads in one process share this machine's two cores with other work).
  const range = { start: 0, end: 100_000 * count }
  const exact = await engine.run({
    range,
    workers: [count],
    workload: 'split',
    backend: 'cluster',
    cluster,
    pool: 'warm',
    warmup: 0,
    reps: 1
  })
  return {
    agents: count,
    discoveryMs: median(discoveries),
    claimMs: median(claims),
    roundMs,
    perJobMs: roundMs / count,
    overheadMs: median(samples.map((s) => s.overheadMs)),
    exact: exact.correct && exact.results[0].sum === expectedSum(range).toString() && tiny.correct
  }
}
