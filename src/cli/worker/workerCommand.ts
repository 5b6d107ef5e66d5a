/**
 * `speedup-lab worker …` (from a checkout: `npm run worker -- …`): parses the
 * options, starts the agent, stops it cleanly on Ctrl-C/SIGTERM/SIGHUP or when the
 * server is gone for good.
 */
import { isKernelName, KERNELS } from '../../shared/kernel'
import { availableParallelism, hostname } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { parseServerUrl } from '../../shared/cluster'
import type { AgentWorkerKind, ServerAddress } from '../../shared/cluster'
import { MAX_WORKERS } from '../../shared/config'
import { parseIntegerText } from '../../shared/parse'
import { startAgent } from '../../engine/agent/agent'

export const WORKER_HELP = `Usage: speedup-lab worker --server URL [options]
       (from a checkout: npm run worker -- --server URL [options])

Offers this machine's workers to a Speedup Lab cluster through a NATS server.
A controller (\`speedup-lab --backend cluster --server URL\`, or the app's
"Cluster (NATS)" backend) finds the agents and gives each remote worker one job.

Options:
  --server URL       the NATS server: nats://[user:pass@|token@]host:4222 or tls://…
                     (the credentials go to the client, never to a log)
  --processes N      keep N worker processes (default: this machine's cores)
  --threads N        keep N worker threads instead
  --name NAME        how the controller lists this agent (default: the host name)
  --kernel LIST      kernels offered: js, wasm (default: js)
  --reconnect-for S  when the server goes away, keep trying S seconds, then stop (default 30)
  --quiet            no log lines on stderr
  -h, --help         this help

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
}

export type ParsedWorkerCommand =
  | { kind: 'run'; options: WorkerCommandOptions }
  | { kind: 'help' }
  | { kind: 'invalid'; issues: { field: string; message: string }[] }

export function parseWorkerCommand(argv: string[], cores: number): ParsedWorkerCommand {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        server: { type: 'string' },
        processes: { type: 'string' },
        threads: { type: 'string' },
        name: { type: 'string' },
        kernel: { type: 'string' },
        'reconnect-for': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    }).values
  } catch (e) {
    return {
      kind: 'invalid',
      issues: [{ field: '(options)', message: e instanceof Error ? e.message : String(e) }]
    }
  }
  if (values.help) return { kind: 'help' }
  const issues: { field: string; message: string }[] = []
  const str = (k: string): string | undefined =>
    typeof values[k] === 'string' ? (values[k] as string) : undefined
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
  if (issues.length || !address) return { kind: 'invalid', issues }
  return {
    kind: 'run',
    options: {
      address,
      kind,
      workers,
      name,
      kernels,
      quiet: values.quiet === true,
      reconnectForMs
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
      reconnectForMs: o.reconnectForMs
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
