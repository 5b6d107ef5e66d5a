/**
 * Controller SIGKILL → agents idle and free (issue 22; npm run perf -- clusterLease):
 * 10 trials of a real CLI controller killed with SIGKILL mid-run on two real
 * agents (one process worker each) and a real nats-server. Per trial: the
 * time from the kill until every agent worker uses no CPU (sampled every
 * 100 ms) and until discovery reports every worker free again. Prints the
 * median and the worst, next to the lease (LEASE_MS). Asserts nothing.
 */
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { median } from 'simple-statistics'
import { LEASE_MS } from '../src/shared/cluster'
import { CLI } from '../tests/helpers/cli'
import {
  cpuTicksOf,
  freeWorkersOf,
  natsServerMissing,
  startAgent,
  startNatsServer,
  workerChildrenOf
} from '../tests/helpers/cluster'
import type { AgentProcess } from '../tests/helpers/cluster'

const trials = Number(process.env.PERF_TRIALS ?? (process.env.PERF_QUICK === '1' ? 3 : 10))
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Ticks the agents' workers used in `ms`. */
async function ticksIn(agents: AgentProcess[], ms: number): Promise<number> {
  const pids = agents.flatMap((a) => workerChildrenOf(a.process.pid!))
  const before = pids.map((p) => cpuTicksOf(p) ?? 0)
  await sleep(ms)
  return pids.reduce((n, p, i) => n + Math.max(0, (cpuTicksOf(p) ?? before[i]) - before[i]), 0)
}

async function main(): Promise<void> {
  const missing = natsServerMissing()
  if (missing) return void console.log(`cluster lease perf skipped: ${missing}`)
  console.log(
    `Controller SIGKILL → agents idle and free — ${trials} trials, load average ${loadavg()[0].toFixed(1)}`
  )
  console.log('  (the machine is shared with other work: figures are noisy)')
  const server = await startNatsServer()
  const agents = [
    startAgent(server.url, ['--processes', '1', '--name', 'perf-a'], 1),
    startAgent(server.url, ['--processes', '1', '--name', 'perf-b'], 1)
  ]
  await Promise.all(agents.map((a) => a.ready))
  const idle: number[] = []
  const free: number[] = []
  try {
    for (let t = 0; t < trials; t++) {
      const child = spawn(
        process.execPath,
        [
          CLI,
          '--server',
          server.url,
          '--workers',
          '2',
          '--range',
          '0:2e11',
          '--reps',
          '1',
          '--yes'
        ],
        { stdio: 'ignore' }
      )
      // Wait until the remote workers compute, then kill the controller.
      const until = Date.now() + 20_000
      while ((await ticksIn(agents, 200)) === 0 && Date.now() < until);
      await sleep(500)
      const t0 = performance.now()
      child.kill('SIGKILL')
      let idleAt: number | null = null
      let freeAt: number | null = null
      while ((idleAt === null || freeAt === null) && performance.now() - t0 < 30_000) {
        if (idleAt === null && (await ticksIn(agents, 100)) === 0) idleAt = performance.now() - t0
        if (freeAt === null) {
          const f = await freeWorkersOf(server.url, 2)
          if (f['perf-a'] === 1 && f['perf-b'] === 1) freeAt = performance.now() - t0
        }
      }
      idle.push(idleAt ?? NaN)
      free.push(freeAt ?? NaN)
      console.log(
        `  trial ${String(t + 1).padStart(2)}: CPU idle after ${idleAt?.toFixed(0)} ms, both workers free after ${freeAt?.toFixed(0)} ms`
      )
      await sleep(300)
    }
  } finally {
    await Promise.all(agents.map((a) => a.stop()))
    await server.stop()
  }
  const show = (label: string, xs: number[]): void =>
    console.log(
      `  ${label.padEnd(36)} median ${median(xs).toFixed(0)} ms, worst ${Math.max(...xs).toFixed(0)} ms ` +
        `(lease ${LEASE_MS} ms; worst − lease ${(Math.max(...xs) - LEASE_MS).toFixed(0)} ms)`
    )
  console.log('')
  show('SIGKILL → agents’ workers idle', idle)
  show('SIGKILL → every worker free', free)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
