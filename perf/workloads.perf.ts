/**
 * CPU vs waiting, the figures of issue 17 in one run (npm run perf -- workloads):
 * the built CLI runs, one after another, the sum on process at 1, 2 and 8
 * workers, and the wait (R = 64 requests, delay 20 ms) on thread, process and
 * async at 1 and 32 workers; this prints side by side
 * - the wait's speedup at 32 workers on thread and process (target ≥ 12) and
 *   async with 32 in flight (target ≥ 20), against the ideal 32;
 * - the sum's speedup at 8 workers (target ≤ 2.1 on 2 cores) and at 2;
 * - the wait's overhead per request on top of the delay, (median − ideal) /
 *   ceil(R/N) as in the results table, at 1 worker (each request alone: the
 *   round trip and the server's timing) and at 32 (the repetition's dispatch
 *   to 32 workers shared by their 2 requests each); targets ≤ 0.5 ms
 *   (thread) and ≤ 0.2 ms (async);
 * - the latency server's CPU time per repetition.
 * Prints figures and their ratio to the target; asserts nothing (the machine
 * is shared and noisy). PERF_QUICK=1 takes 3 repetitions instead of 7.
 * It runs the built CLI (`npm run perf` builds it): the async backend runs the
 * worker loop in the CLI's own process, which needs the bundle's wasm kernel.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const REQUESTS = 64
const DELAY_MS = 20
const SUM_WORKERS = [1, 2, 8]
const WAIT_WORKERS = [1, 32]
const reps = process.env.PERF_QUICK === '1' ? 3 : 7

// The CLI, copied: a build elsewhere in the tree must not empty out/ under a running benchmark.
const dir = mkdtempSync(join(tmpdir(), 'speedup-workloads-perf-'))
cpSync(resolve(__dirname, '../out/main'), join(dir, 'main'), { recursive: true })
// The bundle requires its dependencies (zod, nats) from node_modules, found from the copy's folder up.
symlinkSync(resolve(__dirname, '../node_modules'), join(dir, 'node_modules'), 'dir')

/** The fields of a run JSON's result row that this reads (docs/FORMATS.md). */
interface RowFigures {
  workers: number
  medianMs: number
  speedup: number | null
  speedupError: number | null
  idealMs: number | null
  overheadPerRequestMs: number | null
  serverCpuMs: number | null
}
interface RunFile {
  correct: boolean
  results: RowFigures[]
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')
console.log(
  `${cpus()[0]?.model ?? 'CPU'} · ${availableParallelism()} logical cores · Node ${process.versions.node}`
)
console.log(`load average before: ${load()} (the machine is shared: other work runs meanwhile)`)

/** One run of the built CLI; its run JSON. */
function runCli(label: string, options: string[]): RunFile {
  const json = join(dir, `${label}.json`)
  const args = [join(dir, 'main', 'cli.js'), ...options, '--reps', String(reps), '--warmup', '1']
  console.log(`  node out/main/cli.js ${args.slice(1).join(' ')}`)
  execFileSync(process.execPath, [...args, '--json', json, '--yes'], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
  return JSON.parse(readFileSync(json, 'utf8')) as RunFile
}

// One after another in this one run, so they share the machine's state. (Not one
// --compare-workloads: it runs the sum at every wait count too, and 32 summing processes on a
// loaded 2-core machine can starve one past the pool's silence watchdog.)
console.log('commands (each also given --json FILE --yes):')
const t0 = performance.now()
const wait = ['--workload', 'wait', '--requests', String(REQUESTS), '--delay', String(DELAY_MS)]
const runs: Record<string, RunFile> = {
  sum: runCli('sum', ['--backend', 'process', '--workers', SUM_WORKERS.join(',')]),
  thread: runCli('thread', [...wait, '--backend', 'thread', '--workers', WAIT_WORKERS.join(',')]),
  process: runCli('process', [
    ...wait,
    '--backend',
    'process',
    '--workers',
    WAIT_WORKERS.join(',')
  ]),
  async: runCli('async', [...wait, '--backend', 'async', '--workers', WAIT_WORKERS.join(',')])
}
console.log(
  `took ${((performance.now() - t0) / 1000).toFixed(1)} s; load average after: ${load()}\n`
)
rmSync(dir, { recursive: true, force: true })

const at = (name: string, n: number): RowFigures => {
  const row = runs[name].results.find((x) => x.workers === n)
  if (!row) throw new Error(`no ${n} workers in the ${name} run`)
  return row
}
const fmt = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits))
const row = (cells: string[], widths: number[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')

for (const [name, run] of Object.entries(runs))
  if (!run.correct) console.log(`the ${name} run's check failed: its figures are not valid`)

console.log(
  `Speedup T1/TN (± the 95% interval's half-width); wait: R = ${REQUESTS}, delay ${DELAY_MS} ms`
)
const w1 = [30, 16, 7, 14, 6]
console.log(row(['', 'measured', 'target', 'ratio', 'ideal'], w1))
const speedups: [string, string, number, string, number | null][] = [
  ['wait · thread, 32 workers', 'thread', 32, '≥ 12', 12],
  ['wait · process, 32 workers', 'process', 32, '≥ 12', 12],
  ['wait · async, 32 in flight', 'async', 32, '≥ 20', 20],
  ['sum · process, 8 workers', 'sum', 8, '≤ 2.1', 2.1],
  ['sum · process, 2 workers', 'sum', 2, '—', null]
]
for (const [label, name, n, target, bound] of speedups) {
  const r = at(name, n)
  const ideal = name === 'sum' ? n : at(name, 1).idealMs! / r.idealMs!
  console.log(
    row(
      [
        label,
        r.speedup === null ? '—' : `${fmt(r.speedup)}× ± ${fmt(r.speedupError)}`,
        target,
        r.speedup === null || bound === null ? '' : `${fmt(r.speedup / bound)}× target`,
        `${ideal}×`
      ],
      w1
    )
  )
}

console.log(
  `\nOverhead per request on top of the delay, (median − ceil(R/N)·${DELAY_MS} ms) / ceil(R/N)`
)
const w2 = [16, 11, 12, 7, 14, 13, 15]
console.log(
  row(['', 'N=1 (ms)', 'N=32 (ms)', 'target', 'N=1 ÷ target', 'median N=1', 'server CPU N=1'], w2)
)
for (const [name, target] of [
  ['thread', 0.5],
  ['process', null],
  ['async', 0.2]
] as const) {
  const one = at(name, 1)
  const many = at(name, 32)
  console.log(
    row(
      [
        `wait · ${name}`,
        fmt(one.overheadPerRequestMs, 3),
        fmt(many.overheadPerRequestMs, 3),
        target === null ? '—' : `≤ ${target}`,
        target === null || one.overheadPerRequestMs === null
          ? ''
          : `${fmt(one.overheadPerRequestMs / target)}×`,
        `${fmt(one.medianMs, 1)} ms`,
        `${fmt(one.serverCpuMs, 1)} ms/rep`
      ],
      w2
    )
  )
}
console.log(
  `\nN=1: each request alone (its round trip and the server's timing). N=32: with the repetition's` +
    `\ndispatch to 32 workers, shared by their 2 requests each. Server CPU: the latency server's per` +
    `\nrepetition of ${REQUESTS} requests (median).`
)
