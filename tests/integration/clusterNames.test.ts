import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, natsServerMissing, startAgent, startNatsServer } from '../helpers/cluster'
import type { AgentProcess, NatsServer } from '../helpers/cluster'

const skip = natsServerMissing()
if (skip) console.log(`cluster names test skipped: ${skip}`)

// Two agents started with one --name were used as one name, without a word.
describe.skipIf(skip !== null)('two agents with the same --name', () => {
  let server: NatsServer
  const agents: AgentProcess[] = []

  beforeAll(async () => {
    server = await startNatsServer()
    for (let i = 0; i < 2; i++)
      agents.push(startAgent(server.url, ['--processes', '1', '--name', 'twin'], 1))
    await Promise.all(agents.map((a) => a.ready))
  })

  afterAll(async () => {
    await Promise.all(agents.map((a) => a.stop()))
    await server?.stop()
  })

  it('are told apart by a short id in the run, with a warning', async () => {
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(
        process.execPath,
        [
          CLI,
          '--server',
          server.url,
          '--workers',
          '1,2',
          '--range',
          '0:100_000',
          '--reps',
          '1',
          '--warmup',
          '0',
          '--quiet'
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] }
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => (stderr += d))
      child.on('close', (code) => done({ code, stdout, stderr }))
    })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/warning: several agents are named twin; .* give each its own --name/)
    const labels = r.stdout.match(/twin #[0-9a-f]{6}/g) ?? []
    expect(new Set(labels).size).toBe(2)
  }, 120_000)
})
