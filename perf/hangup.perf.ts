/**
 * A closed terminal: how long after SIGHUP the run, its workers and the orphan
 * reaper are all gone — sent to the CLI itself, and to `npm run bench` (npm
 * dies at once; the CLI notices its parent is gone). Figures, not pass/fail.
 * `npx tsx perf/hangup.perf.ts` (HANGUP_TRIALS=5 by default).
 */
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')
const CLI = resolve(ROOT, 'out/main/cli.js')
const TRIALS = Number(process.env.HANGUP_TRIALS ?? 5)
const LONG = ['--range', '0:9_000_000_000_000', '--workers', '1,2', '--quiet', '--yes']

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const fmt = (xs: number[]): string =>
  `median ${median(xs).toFixed(0)} ms, worst ${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Every process below `pid`, however deep. */
function descendants(pid: number): { pid: number; args: string }[] {
  const all = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }))
  const out: { pid: number; args: string }[] = []
  const queue = [pid]
  while (queue.length) {
    const parent = queue.shift()!
    for (const p of all.filter((q) => q.ppid === parent)) {
      out.push(p)
      queue.push(p.pid)
    }
  }
  return out
}

/** Running: a zombie (dead, waiting for whoever adopted it to reap it) counts as gone. */
const alive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

/** Starts `child`, waits for both workers, sends SIGHUP, and times until nothing is left. */
async function hangUp(child: ChildProcess): Promise<number> {
  let below: { pid: number; args: string }[] = []
  while ((below = descendants(child.pid!)).filter((p) => p.args.includes('worker.js')).length < 2)
    await sleep(20)
  await sleep(300)
  const pids = [child.pid!, ...below.map((p) => p.pid)]
  const t0 = performance.now()
  child.kill('SIGHUP')
  while (pids.some(alive)) await sleep(2)
  return performance.now() - t0
}

async function main(): Promise<void> {
  console.log('(taken with other work running on this machine)')
  const direct: number[] = []
  for (let i = 0; i < TRIALS; i++)
    direct.push(await hangUp(spawn(process.execPath, [CLI, ...LONG], { stdio: 'ignore' })))
  console.log(`SIGHUP to the CLI → CLI, workers, reaper gone:  ${fmt(direct)}`)
  const npm: number[] = []
  for (let i = 0; i < TRIALS; i++)
    npm.push(
      await hangUp(
        spawn('npm', ['run', '-s', 'bench', '--', ...LONG], { cwd: ROOT, stdio: 'ignore' })
      )
    )
  console.log(`SIGHUP to npm run bench → everything gone:      ${fmt(npm)}`)
}

void main()
