/**
 * `speedup-lab worker …` (from a checkout: `npm run worker -- …`): parses the
 * options, starts the agent, stops it cleanly on Ctrl-C/SIGTERM/SIGHUP or when the
 * server is gone for good.
 */
import { isKernelName, KERNELS } from '../../shared/kernel'
import { availableParallelism, hostname } from 'node:os'
import { join } from 'node:path'
import { optionsHelp, parseOptions, type OptionSpec } from '../optionSpec'
import { LEASE_MS, parseServerUrl } from '../../shared/cluster'
import type { AgentWorkerKind, ServerAddress } from '../../shared/cluster'
import { MAX_WORKERS } from '../../shared/config'
import { parseIntegerText } from '../../shared/parse'
import { startAgent } from '../../engine/agent/agent'
import { clusterKeyFrom } from '../../engine/backends/cluster/clusterKey'

/** The agent's options, declared once: the parser and --help read them. */
export const WORKER_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'server',
    value: 'URL',
    help:
      'the NATS server: nats://[user:pass@|token@]host:4222 or tls://… (the credentials go ' +
      'to the client, never to a log); several servers of one NATS cluster: ' +
      'nats://a:4222,nats://b:4222 (the first that answers is used, the others on failover)'
  },
  {
    name: 'cluster-key',
    value: 'FILE',
    help:
      'accept and send only messages sealed with the key in FILE (the controller needs the ' +
      'same key; default: the file named by SPEEDUP_LAB_CLUSTER_KEY_FILE, else no key)'
  },
  {
    name: 'processes',
    value: 'N',
    help: "keep N worker processes (default: this machine's cores)"
  },
  { name: 'threads', value: 'N', help: 'keep N worker threads instead' },
  {
    name: 'name',
    value: 'NAME',
    help: 'how the controller lists this agent (default: the host name)'
  },
  { name: 'kernel', value: 'LIST', help: 'kernels offered: js, wasm (default: js)' },
  {
    name: 'reconnect-for',
    value: 'S',
    help: 'when the server goes away, keep trying S seconds, then stop (default 30)'
  },
  { name: 'quiet', help: 'no log lines on stderr' },
  { name: 'help', short: 'h', help: 'this help' }
]

export const WORKER_HELP = `Usage: speedup-lab worker --server URL [options]
       (from a checkout: npm run worker -- --server URL [options])

Offers this machine's workers to a Speedup Lab cluster through a NATS server.
A controller (\`speedup-lab --backend cluster --server URL\`, or the app's
"Cluster (NATS)" backend) finds the agents and gives each remote worker one job.

Options:
${optionsHelp(WORKER_OPTIONS)}

A claim is a lease: a worker whose controller stops renewing it (killed,
stopped, cut off) is freed ${LEASE_MS / 1000} s after the last renewal, its job stopped.
Messages outside a claim's session (malformed, foreign, replayed) are dropped
and counted in the log.

Stops its workers on Ctrl-C/SIGTERM/SIGHUP, and when the server has been gone for good.
Exit codes: 0 stopped; 1 the server was unreachable or went away; 2 invalid input.`

export interface WorkerCommandOptions {
  address: ServerAddress
  kind: AgentWorkerKind
  workers: number
  name: string
  kernels: string[]
  quiet: boolean
  reconnectForMs: number
  key: Buffer | null
}

export type ParsedWorkerCommand =
  | { kind: 'run'; options: WorkerCommandOptions }
  | { kind: 'help' }
  | { kind: 'invalid'; issues: { field: string; message: string }[] }

export function parseWorkerCommand(argv: string[], cores: number): ParsedWorkerCommand {
  const parsed = parseOptions(argv, WORKER_OPTIONS)
  if (parsed.values.get('help') === true) return { kind: 'help' }
  const issues: { field: string; message: string }[] = [...parsed.issues]
  const str = (k: string): string | undefined => {
    const value = parsed.values.get(k)
    return typeof value === 'string' ? value : undefined
  }
  let address: ServerAddress | null = null
  const server = str('server')
  if (server === undefined)
    issues.push({ field: 'server', message: 'give --server nats://host:4222' })
  else {
    const parsed = parseServerUrl(server)
    if (parsed.ok) address = parsed.value
    else issues.push({ field: 'server', message: parsed.message })
  }
  if (str('processes') !== undefined && str('threads') !== undefined)
    issues.push({ field: 'threads', message: 'give --processes or --threads, not both' })
  const kind: AgentWorkerKind = str('threads') !== undefined ? 'thread' : 'process'
  let workers = Math.max(1, cores)
  const countText = str('threads') ?? str('processes')
  if (countText !== undefined) {
    const n = parseIntegerText(countText)
    if (!n.ok)
      issues.push({ field: kind === 'thread' ? 'threads' : 'processes', message: n.message })
    else if (n.value < 1 || n.value > MAX_WORKERS)
      issues.push({
        field: kind === 'thread' ? 'threads' : 'processes',
        message: `must be 1…${MAX_WORKERS}`
      })
    else workers = n.value
  }
  const name = (str('name') ?? hostname()).trim()
  if (name === '' || name.length > 100)
    issues.push({ field: 'name', message: 'a name of 1…100 characters' })
  const kernels = (str('kernel') ?? 'js').split(',').map((k) => k.trim())
  for (const k of kernels)
    if (!isKernelName(k))
      issues.push({ field: 'kernel', message: `"${k}" is not a kernel (${KERNELS.join(', ')})` })
  let reconnectForMs = 30_000
  const reconnectText = str('reconnect-for')
  if (reconnectText !== undefined) {
    const n = parseIntegerText(reconnectText)
    if (!n.ok || n.value < 1 || n.value > 86_400)
      issues.push({ field: 'reconnect-for', message: 'seconds, 1…86400' })
    else reconnectForMs = n.value * 1000
  }
  const key = clusterKeyFrom(str('cluster-key'))
  if (!key.ok) issues.push({ field: 'cluster-key', message: key.message })
  if (issues.length || !address || !key.ok) return { kind: 'invalid', issues }
  return {
    kind: 'run',
    options: {
      address,
      kind,
      workers,
      name,
      kernels,
      quiet: parsed.values.get('quiet') === true,
      reconnectForMs,
      key: key.key
    }
  }
}

/** Runs the agent until it is stopped; resolves with the exit code. */
export async function runWorkerCommand(argv: string[], dir: string): Promise<number> {
  const parsed = parseWorkerCommand(argv, availableParallelism())
  if (parsed.kind === 'help') {
    process.stdout.write(`${WORKER_HELP}\n`)
    return 0
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write('speedup-lab worker: invalid input\n')
    for (const issue of parsed.issues) process.stderr.write(`  ${issue.field}: ${issue.message}\n`)
    process.stderr.write('Run with --help for the options.\n')
    return 2
  }
  const o = parsed.options
  const log = o.quiet
    ? () => undefined
    : (line: string) => process.stderr.write(`speedup-lab worker: ${line}\n`)
  let agent
  try {
    agent = await startAgent({
      address: o.address,
      kind: o.kind,
      workers: o.workers,
      name: o.name,
      kernels: o.kernels,
      workerPath: join(dir, 'worker.js'),
      log,
      reconnectForMs: o.reconnectForMs,
      key: o.key
    })
  } catch (e) {
    process.stderr.write(`speedup-lab worker: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
  const onSignal = (): void => {
    log('stopping every worker…')
    void agent.stop()
  }
  // A closed terminal (SIGHUP) stops the agent too.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
  for (const s of signals) process.once(s, onSignal)
  const why = await agent.stopped
  for (const s of signals) process.off(s, onSignal)
  if (why) {
    process.stderr.write(`speedup-lab worker: ${why}\n`)
    return 1
  }
  log('stopped')
  return 0
}
