/**
 * How late the latency server answers, and what a round trip to it costs,
 * printed side by side in one run (issue 17's overhead per request is these
 * two plus the worker's own turn):
 *
 * - the answer's lateness after a 20 ms delay on the server's loop: the
 *   server's due queue (a timer 1 ms before, then loop turns) against a plain
 *   `setTimeout(…, 20)`, which answered up to 1 ms early or late;
 * - a request's round trip over loopback to the real server process (the
 *   built worker bundle with `--latency-server`) at a delay of 0 and of 20 ms,
 *   minus the delay: the floor any client of it pays; and the same from a
 *   blocking Python client (where python3 is installed), to tell Node's share
 *   from the machine's (waking a process that slept costs what it costs).
 *
 * Run: `npm run perf -- waitServer` (builds first) or, with `out/` built,
 * `npx tsx perf/waitServer.perf.ts`. Figures only; nothing is asserted.
 */
import { execFileSync, fork } from 'node:child_process'
import { connect } from 'node:net'
import { join } from 'node:path'
import { dueQueue } from '../src/engine/workloads/wait/dueQueue'

const DELAY_MS = 20
const SAMPLES = Number(process.env.SAMPLES ?? 100)
const ms = (): number => Number(process.hrtime.bigint()) / 1e6

const quantiles = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b)
  const q = (p: number): string => s[Math.floor(p * (s.length - 1))].toFixed(3)
  return `min ${q(0)}  median ${q(0.5)}  p90 ${q(0.9)}  max ${q(1)}`
}

async function lateness(): Promise<void> {
  const queue = dueQueue(DELAY_MS)
  const methods: Record<string, (answer: () => void) => void> = {
    'due queue (timer, then turns)': (answer) => queue.add(answer),
    'setTimeout(…, 20)': (answer) => setTimeout(answer, DELAY_MS)
  }
  const late: Record<string, number[]> = {}
  // Alternated sample by sample, so both see the same machine.
  for (let i = 0; i < SAMPLES; i++)
    for (const [name, add] of Object.entries(methods)) {
      const sent = ms()
      ;(late[name] ??= []).push(
        await new Promise<number>((r) => add(() => r(ms() - sent - DELAY_MS)))
      )
      await new Promise((r) => setImmediate(r))
    }
  await queue.close()
  console.log(
    `Answer after ${DELAY_MS} ms, late by (ms; negative = early), ${SAMPLES} samples each:`
  )
  for (const [name, xs] of Object.entries(late))
    console.log(`  ${name.padEnd(30)} ${quantiles(xs)}`)
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]
  const [q, t] = Object.values(late)
  console.log(`  median lateness, setTimeout − due queue: ${(median(t) - median(q)).toFixed(3)} ms`)
}

/** The same round trips from a blocking Python client (no event loop); null without python3. */
function pythonRoundTrip(port: number, delayMs: number): number[] | null {
  const script = [
    'import socket, time, json',
    `s = socket.create_connection(('127.0.0.1', ${port}))`,
    's.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)',
    'xs = []',
    `for i in range(${SAMPLES}):`,
    '    t = time.perf_counter()',
    "    s.sendall(b'%d\\n' % i)",
    "    b = b''",
    "    while not b.endswith(b'\\n'): b += s.recv(64)",
    `    xs.append((time.perf_counter() - t) * 1000 - ${delayMs})`,
    'print(json.dumps(xs))'
  ].join('\n')
  try {
    return JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8' })) as number[]
  } catch {
    return null
  }
}

async function roundTrip(delayMs: number): Promise<{ node: number[]; python: number[] | null }> {
  const server = fork(join(__dirname, '../out/main/worker.js'), [
    '--latency-server',
    String(delayMs)
  ])
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.on('message', (m: { type?: string; port?: number }) => {
        if (m.type === 'listening' && typeof m.port === 'number') resolve(m.port)
      })
      server.once('exit', () => reject(new Error('the latency server ended (is out/ built?)')))
    })
    const socket = connect({ host: '127.0.0.1', port, noDelay: true })
    socket.setEncoding('latin1')
    await new Promise((r) => socket.once('connect', r))
    let answered: (() => void) | null = null
    let buffer = ''
    socket.on('data', (chunk: string) => {
      buffer += chunk
      if (buffer.includes('\n')) {
        buffer = ''
        answered?.()
      }
    })
    const over: number[] = []
    for (let id = 0; id < SAMPLES; id++) {
      const sent = ms()
      await new Promise<void>((r) => {
        answered = r
        socket.write(`${id}\n`)
      })
      over.push(ms() - sent - delayMs)
    }
    socket.destroy()
    return { node: over, python: pythonRoundTrip(port, delayMs) }
  } finally {
    server.kill()
  }
}

async function main(): Promise<void> {
  await lateness()
  console.log('\nRound trip to the latency server over loopback, minus the delay (ms):')
  for (const delay of [0, DELAY_MS]) {
    const { node, python } = await roundTrip(delay)
    console.log(`  delay ${String(delay).padStart(2)} ms, Node client:   ${quantiles(node)}`)
    if (python)
      console.log(`  delay ${String(delay).padStart(2)} ms, Python client: ${quantiles(python)}`)
  }
}

void main()
