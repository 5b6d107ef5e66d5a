/**
 * Several NATS servers (issue 22): three nats-servers in one NATS cluster
 * (routes on 127.0.0.1, ephemeral ports), the agents and the controller on
 * different servers, each given a comma-separated --server list. Stopping a
 * server between runs does not stop the next run: the clients fail over.
 * Needs `npx electron-vite build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import {
  freePort,
  freeWorkersOf,
  natsServerMissing,
  startAgent,
  startNatsServerWith
} from '../helpers/cluster'
import type { AgentProcess, NatsServer } from '../helpers/cluster'

const missing = natsServerMissing()
if (missing) console.log(`cluster multi-server tests skipped: ${missing}`)

describe.skipIf(missing !== null)('three nats-servers in one NATS cluster', () => {
  let servers: NatsServer[] = []
  let agents: AgentProcess[] = []
  const list = (...i: number[]): string => i.map((k) => servers[k].url).join(',')

  beforeAll(async () => {
    const routePorts = [await freePort(), await freePort(), await freePort()]
    const routes = routePorts.map((p) => `nats://127.0.0.1:${p}`)
    servers = await Promise.all(
      routePorts.map((p, i) =>
        startNatsServerWith([
          '--name',
          `speedup-${i}`,
          '--cluster_name',
          'speedup-test',
          '--cluster',
          `nats://127.0.0.1:${p}`,
          '--routes',
          routes.filter((_, k) => k !== i).join(',')
        ])
      )
    )
    // Agent 1 on server 1 (then 2), agent 2 on server 2 (then 1); the controller will use server 0.
    agents = [
      startAgent(list(1, 2), ['--threads', '2', '--name', 'on-1'], 2),
      startAgent(list(2, 1), ['--threads', '2', '--name', 'on-2'], 2)
    ]
    await Promise.all(agents.map((a) => a.ready))
    // The routes are up once a client of server 0 hears both agents.
    const until = Date.now() + 15_000
    while (Object.keys(await freeWorkersOf(servers[0].url, 2)).length < 2 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200))
  }, 30_000)

  afterAll(async () => {
    await Promise.all(agents.map((a) => a.stop()))
    await Promise.all(servers.map((s) => s.stop()))
  })

  it('a controller on server 0 runs on agents of servers 1 and 2', async () => {
    const run = await runCli(['--server', list(0, 1), '--workers', '1-4', '--range', '0:2e7'])
    expect(run.stderr).not.toMatch(/failed/)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/on-1/)
    expect(run.stdout).toMatch(/on-2/)
  }, 60_000)

  it('server 1 stopped between runs: its agent fails over to server 2, and a controller listing server 1 first still runs', async () => {
    await servers[1].stop()
    await expect
      .poll(() => agents[0].stderr(), { timeout: 10_000 })
      .toMatch(/reconnected to the NATS server/)
    await expect
      .poll(() => freeWorkersOf(servers[0].url, 2), { timeout: 15_000, interval: 200 })
      .toEqual({ 'on-1': 2, 'on-2': 2 })
    const run = await runCli(['--server', list(1, 0), '--workers', '1-4', '--range', '0:2e7'])
    expect(run.stderr).not.toMatch(/failed/)
    expect(run.code).toBe(0)
    expect(agents[0].process.exitCode).toBeNull()
  }, 60_000)
})
