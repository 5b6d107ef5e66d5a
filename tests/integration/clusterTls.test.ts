/**
 * The cluster over TLS: `tls://host:port` makes the NATS client require TLS.
 * A throwaway CA and server certificate (openssl) in a temporary folder. The agent
 * trusts the CA through SPEEDUP_LAB_TLS_CA (read by the app and the CLI themselves:
 * the installed app ignores NODE_EXTRA_CA_CERTS, its nodeOptions fuse is off); the
 * controller through either.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRunEnvelope } from '../../src/shared/runExport'
import {
  CLI,
  freePort,
  natsServerMissing,
  startNatsServer,
  startAgent,
  stopProcess,
  waitForPort
} from '../helpers/cluster'
import type { AgentProcess } from '../helpers/cluster'

function whyNot(): string | null {
  const nats = natsServerMissing()
  if (nats) return nats
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return null
  } catch {
    return 'openssl is not installed (Debian: apt-get install openssl)'
  }
}

const skip = whyNot()
if (skip) console.log(`cluster TLS test skipped: ${skip}`)

function certificates(dir: string): { ca: string; cert: string; key: string } {
  const at = (f: string): string => join(dir, f)
  const ssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore', cwd: dir })
  }
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=speedup-lab test CA'
  )
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=127.0.0.1'
  )
  // nats.js checks an IP server against "localhost": name both.
  writeFileSync(at('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n')
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '1',
    '-extfile',
    'ext.cnf'
  )
  return { ca: at('ca.pem'), cert: at('server.pem'), key: at('server.key') }
}

function cli(
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => done({ code, stderr }))
  })
}

describe.skipIf(skip !== null)('cluster over TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sl-tls-'))
  let server: ReturnType<typeof spawn>
  let agent: AgentProcess
  let port: number
  let ca: string

  beforeAll(async () => {
    const files = certificates(dir)
    ca = files.ca
    port = await freePort()
    server = spawn(
      'nats-server',
      [
        '-a',
        '127.0.0.1',
        '-p',
        String(port),
        '--tls',
        '--tlscert',
        files.cert,
        '--tlskey',
        files.key
      ],
      { stdio: 'ignore' }
    )
    await waitForPort(port)
    process.env.SPEEDUP_LAB_TLS_CA = ca
    try {
      agent = startAgent(`tls://127.0.0.1:${port}`, ['--processes', '1', '--name', 'tls-agent'], 1)
    } finally {
      delete process.env.SPEEDUP_LAB_TLS_CA
    }
    await agent.ready
  })

  afterAll(async () => {
    await agent?.stop()
    if (server) await stopProcess(server, 'SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  })

  it('runs on a TLS-only server when the CA is trusted, and refuses an unverified one', async () => {
    const json = join(dir, 'run.json')
    const args = [
      '--server',
      `tls://127.0.0.1:${port}`,
      '--workers',
      '1',
      '--range',
      '0:1_000_000',
      '--reps',
      '1',
      '--quiet'
    ]
    const trusted = await cli([...args, '--json', json], {
      ...process.env,
      NODE_EXTRA_CA_CERTS: ca
    })
    expect(trusted.code, trusted.stderr).toBe(0)
    // --json writes the run export (issue 9): the measured record is read back from it.
    const parsed = parseRunEnvelope(readFileSync(json, 'utf8'))
    if (!parsed.ok) throw new Error(parsed.reason)
    const run = parsed.value
    expect(run.correct).toBe(true)
    expect(run.config.cluster?.server).toBe(`tls://127.0.0.1:${port}`)
    const env = { ...process.env }
    delete env.NODE_EXTRA_CA_CERTS
    delete env.SPEEDUP_LAB_TLS_CA
    const untrusted = await cli(args, env)
    expect(untrusted.code).toBe(1)
    expect(untrusted.stderr).toMatch(
      /cannot connect to the NATS server at tls:\/\/127\.0\.0\.1:\d+: .*certificate/
    )
  })

  it('trusts a private CA named by SPEEDUP_LAB_TLS_CA, without NODE_EXTRA_CA_CERTS', async () => {
    const env = { ...process.env }
    delete env.NODE_EXTRA_CA_CERTS
    const args = [
      '--server',
      `tls://127.0.0.1:${port}`,
      '--workers',
      '1',
      '--range',
      '0:1_000_000',
      '--reps',
      '1',
      '--quiet'
    ]
    const trusted = await cli(args, { ...env, SPEEDUP_LAB_TLS_CA: ca })
    expect(trusted.code, trusted.stderr).toBe(0)
    // A CA file that is not there is named, before anything runs.
    const missing = join(dir, 'no-such-ca.pem')
    const wrong = await cli(args, { ...env, SPEEDUP_LAB_TLS_CA: missing })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain(`cannot read the CA file ${missing} named by SPEEDUP_LAB_TLS_CA`)
  })
})

// tls:// against a server without TLS said only "cannot connect …: tls".
describe.skipIf(natsServerMissing() !== null)('tls:// against a plain server', () => {
  it('the controller and the agent say the server does not speak TLS', async () => {
    const plain = await startNatsServer()
    try {
      const url = `tls://127.0.0.1:${plain.port}`
      const reason = /the server at tls:\/\/127\.0\.0\.1:\d+ does not speak TLS: use nats:\/\//
      const controller = await cli(
        ['--server', url, '--range', '0:1000', '--workers', '1', '--reps', '1', '--quiet'],
        process.env
      )
      expect(controller.code).toBe(1)
      expect(controller.stderr).toMatch(reason)
      const agent = startAgent(url, ['--processes', '1'], 1)
      expect(await agent.exited).toBe(1)
      expect(agent.stderr()).toMatch(reason)
    } finally {
      await plain.stop()
    }
  })
})
