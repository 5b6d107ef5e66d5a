/**
 * How often the contention finding appears (npm run perf -- contention):
 * RUNS short runs (sum split 0…2·10^7, workers 1,2, process backend, warm,
 * 1 warm-up, 5 repetitions) with a CPU hog on every core (stress-ng --cpu
 * <cores>, bounded by --timeout, started before and stopped after each run),
 * and RUNS without one. The threshold is meant to name the hog in ≥ 19 of 20
 * runs and a quiet machine in ≤ 1 of 20. "quiet" here is only as quiet as
 * the machine is: the script prints the load average beside the count.
 * CONTENTION_MODE=busy|quiet runs one side only; CONTENTION_RUNS sets RUNS.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { createEngine } from '../src/engine'
import { analyzeRun } from '../src/shared/analysis'
import type { RunConfig } from '../src/shared/config'

const RUNS = Number(process.env.CONTENTION_RUNS ?? 20)
const MODE = process.env.CONTENTION_MODE ?? 'both'
const CORES = cpus().length
const config: RunConfig = {
  range: { start: 0, end: 20_000_000 },
  workers: [1, 2],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  warmup: 1,
  reps: 5
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function startHog(): ChildProcess {
  // Bounded: it ends by itself after 60 s even if this script dies.
  const hog = spawn('stress-ng', ['--cpu', String(CORES), '--timeout', '60s', '--quiet'], {
    stdio: 'ignore',
    detached: true
  })
  return hog
}

function stopHog(hog: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (hog.exitCode !== null || hog.pid === undefined) return done()
    hog.once('exit', () => done())
    // stress-ng forks one stressor per CPU: end its whole process group (ours).
    process.kill(-hog.pid, 'SIGTERM')
  })
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[s.length >> 1] : Number.NaN
}

async function side(busy: boolean): Promise<void> {
  const engine = createEngine({
    workerPath: resolve(__dirname, '../out/main/worker.js'),
    log: () => {}
  })
  let named = 0
  const other: number[] = []
  const slow: number[] = []
  const loads: number[] = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const hog = busy ? startHog() : null
      if (hog) await sleep(300)
      loads.push(loadavg()[0])
      try {
        const record = await engine.run(config)
        const c = analyzeRun(record).contention
        if (c.code === 'contended') named++
        other.push(c.load?.otherCores ?? Number.NaN)
        slow.push(c.slowdown?.slowdown ?? Number.NaN)
      } finally {
        if (hog) await stopHog(hog)
      }
    }
  } finally {
    await engine.dispose()
  }
  console.log(
    `${busy ? `busy (stress-ng --cpu ${CORES})` : 'without a hog'}: finding in ${named} of ${RUNS} runs; ` +
      `median other programs ${median(other).toFixed(2)} cores (range ${Math.min(...other).toFixed(2)}…${Math.max(...other).toFixed(2)}), ` +
      `median worker slowdown ${median(slow).toFixed(2)}× (range ${Math.min(...slow).toFixed(2)}…${Math.max(...slow).toFixed(2)}); ` +
      `load average before the runs: median ${median(loads).toFixed(2)}`
  )
}

async function main(): Promise<void> {
  console.log(`${CORES} logical cores; ${RUNS} runs a side; ${JSON.stringify(config)}`)
  if (MODE !== 'quiet') await side(true)
  if (MODE !== 'busy') await side(false)
}

void main()
