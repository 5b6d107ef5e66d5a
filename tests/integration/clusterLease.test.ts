/**
 * Claims are leases (issue 22): a controller that stops renewing them —
 * killed with SIGKILL, stopped with SIGSTOP — loses its workers, and each
 * agent stops the abandoned job and frees the worker within 5 s of the
 * lease's end, saying so in its log; an agent itself stopped and continued
 * frees what it held. The next run succeeds without restarting anything.
 * Real nats-server, real agents and a real CLI controller, real signals.
 * Needs `npx electron-vite build`.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LEASE_MS } from '../../src/shared/cluster'
import { CLI, runCli } from '../helpers/cli'
import {
  cpuTicksOf,
  freeWorkersOf,
  natsServerMissing,
  startAgent,
  startNatsServer,
  workerChildrenOf
} from '../helpers/cluster'
import type { AgentProcess, NatsServer } from '../helpers/cluster'

const missing = natsServerMissing()
if (missing) console.log(`cluster lease tests skipped: ${missing}`)

/** How long after the lease's end an agent may take to free a worker (the bound). */
const FREE_WITHIN_MS = 5000
const LEASE_ENDED =
  /lease of controller [0-9a-f]+ ended \([\d.]+ s without renewal\): (stopping job \d+ and )?freeing the worker/
const JOB_STOPPED =
  /lease of controller [0-9a-f]+ ended .*: stopping job \d+ and freeing the worker/g

/** How many abandoned jobs the agents' logs say were stopped. */
const jobsStopped = (agents: AgentProcess[]): number =>
  agents.reduce((n, a) => n + (a.stderr().match(JOB_STOPPED) ?? []).length, 0)

/** A controller run far too long to finish during the test: 2 workers, 10^11 numbers each. */
function startLongRun(url: string): { child: ChildProcess; stderr: () => string } {
  const child = spawn(
    process.execPath,
    [
      CLI,
      '--server',
      url,
      '--workers',
      '2',
      '--range',
      '0:200_000_000_000',
      '--reps',
      '1',
      '--yes',
      '--no-serial'
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SPEEDUP_LAB_DEBUG: '1' } }
  )
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  return { child, stderr: () => stderr }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** The CPU ticks the agent's worker processes used during `ms`. */
async function workerCpuDuring(agents: AgentProcess[], ms: number): Promise<number> {
  const pids = agents.flatMap((a) => workerChildrenOf(a.process.pid!))
  const before = pids.map((p) => cpuTicksOf(p) ?? 0)
  await sleep(ms)
  return pids.reduce((n, p, i) => n + Math.max(0, (cpuTicksOf(p) ?? before[i]) - before[i]), 0)
}

describe.skipIf(missing !== null)('claims are leases (real controller CLI, real signals)', () => {
  let server: NatsServer
  let a: AgentProcess
  let b: AgentProcess
  const agents = (): AgentProcess[] => [a, b]
  const free = (): Promise<Record<string, number>> => freeWorkersOf(server.url, 2)

  beforeAll(async () => {
    server = await startNatsServer()
    a = startAgent(server.url, ['--processes', '1', '--name', 'lease-a'], 1)
    b = startAgent(server.url, ['--processes', '1', '--name', 'lease-b'], 1)
    await Promise.all([a.ready, b.ready])
  })

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await server?.stop()
  })

  /** Starts the long run and resolves once both agents' workers are computing its jobs. */
  async function busyController(): Promise<{ child: ChildProcess; stderr: () => string }> {
    const claims = (x: AgentProcess): number => (x.stderr().match(/\] claimed/g) ?? []).length
    const before = agents().map(claims)
    const run = startLongRun(server.url)
    await expect
      .poll(() => claims(a) > before[0] && claims(b) > before[1], {
        timeout: 15_000,
        interval: 50
      })
      .toBe(true)
    await expect.poll(() => workerCpuDuring(agents(), 300), { timeout: 10_000 }).toBeGreaterThan(0)
    return run
  }

  const leaseEndedCount = (agent: AgentProcess): number =>
    (agent.stderr().match(new RegExp(LEASE_ENDED, 'g')) ?? []).length

  it('a controller killed with SIGKILL: the agents stop its jobs and free the workers; the next run succeeds', async () => {
    const endedBefore = agents().map(leaseEndedCount)
    const stoppedBefore = jobsStopped(agents())
    const { child } = await busyController()
    const killedAt = performance.now()
    child.kill('SIGKILL')
    // Each agent says so in its log, within the lease and 5 s more.
    await expect
      .poll(() => agents().map(leaseEndedCount), {
        timeout: LEASE_MS + FREE_WITHIN_MS,
        interval: 50
      })
      .toEqual(endedBefore.map((n) => n + 1))
    console.log(`SIGKILL → both leases ended: ${(performance.now() - killedAt).toFixed(0)} ms`)
    // The job that was computing was stopped, and said so (the runner measures one worker first).
    expect(jobsStopped(agents())).toBeGreaterThan(stoppedBefore)
    // The jobs stopped: the workers use no CPU any more, and both are free to claim.
    await expect.poll(() => workerCpuDuring(agents(), 500), { timeout: 3000 }).toBe(0)
    await expect.poll(free, { timeout: 3000 }).toEqual({ 'lease-a': 1, 'lease-b': 1 })
    const next = await runCli(['--server', server.url, '--workers', '1,2', '--range', '0:1e7'])
    expect(next.stderr).not.toMatch(/failed/)
    expect(next.code).toBe(0)
  }, 60_000)

  it('a controller stopped with SIGSTOP: its workers are freed; continued, it fails its run at once, naming the lease', async () => {
    const endedBefore = agents().map(leaseEndedCount)
    const { child, stderr } = await busyController()
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    child.kill('SIGSTOP')
    try {
      await expect
        .poll(() => agents().map(leaseEndedCount), {
          timeout: LEASE_MS + FREE_WITHIN_MS,
          interval: 50
        })
        .toEqual(endedBefore.map((n) => n + 1))
      await expect.poll(() => workerCpuDuring(agents(), 500), { timeout: 3000 }).toBe(0)
      await expect.poll(free, { timeout: 3000 }).toEqual({ 'lease-a': 1, 'lease-b': 1 })
    } finally {
      child.kill('SIGCONT')
    }
    // Continued, the controller does not wait for results that will never come.
    const code = await Promise.race([exited, sleep(10_000).then(() => 'still running')])
    expect(code).toBe(1)
    expect(stderr()).toMatch(/lease/)
    const next = await runCli(['--server', server.url, '--workers', '2', '--range', '0:1e7'])
    expect(next.code).toBe(0)
  }, 60_000)

  it('an agent stopped with SIGSTOP mid-run and continued frees what it held', async () => {
    const { child } = await busyController()
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    a.process.kill('SIGSTOP')
    try {
      // The controller gives the silent agent up (its heartbeat stops) and fails the run.
      expect(await Promise.race([exited, sleep(15_000).then(() => 'still running')])).toBe(1)
      await sleep(1000)
    } finally {
      a.process.kill('SIGCONT')
    }
    // Its lease ran out while it slept (or the controller's release is waiting for it): either
    // way the job stops and the worker is free within the bound.
    await expect.poll(() => workerCpuDuring([a], 500), { timeout: FREE_WITHIN_MS }).toBe(0)
    await expect.poll(free, { timeout: 3000 }).toEqual({ 'lease-a': 1, 'lease-b': 1 })
    const next = await runCli(['--server', server.url, '--workers', '2', '--range', '0:1e7'])
    expect(next.code).toBe(0)
  }, 60_000)
})
