import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { alive, eventually } from '../helpers/engine'

/**
 * `npm run bench` signalled at npm's pid, as a process manager or a CI
 * runner does: the signal must reach the CLI and stop it and its workers.
 * (The script used to run under `sh`, which swallowed SIGINT and was killed
 * by SIGTERM, leaving the CLI and its workers orphaned.)
 */
const ROOT = resolve(__dirname, '../..')
const EXIT_BOUND_MS = 3000

interface Proc {
  pid: number
  ppid: number
  args: string
}

function processes(): Proc[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }))
}

/** Every process below `pid`, however deep. */
function descendants(pid: number): Proc[] {
  const all = processes()
  const out: Proc[] = []
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

const started: ChildProcess[] = []
let tracked: number[] = []

afterEach(() => {
  for (const pid of tracked) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  tracked = []
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
})

interface NpmDone {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  /** When npm exited, and when the last holder of its stderr (the CLI, a worker) was gone. */
  at: number
  closedAt: number
}

const LONG_RUN = [
  '--range',
  '0:9_000_000_000_000',
  '--no-serial',
  '--workers',
  '1,2',
  '--quiet',
  '--yes'
]

function npmBench(
  args: string[] = LONG_RUN,
  cwd = ROOT
): {
  child: ChildProcess
  done: Promise<NpmDone>
} {
  // From another folder, `--prefix` names the project, as `npm --prefix ~/speedup-lab run …` would.
  const prefix = cwd === ROOT ? [] : ['--prefix', ROOT]
  const child = spawn('npm', [...prefix, 'run', '-s', 'bench', '--', ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  started.push(child)
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const done = new Promise<NpmDone>((resolve) =>
    child.on('exit', (code, signal) => {
      const at = performance.now()
      child.on('close', () => resolve({ code, signal, stderr, at, closedAt: performance.now() }))
    })
  )
  return { child, done }
}

/** Waits until npm's CLI runs both workers; returns every process below npm. */
async function whenRunning(npm: ChildProcess): Promise<Proc[]> {
  let below: Proc[] = []
  const running = await eventually(() => {
    below = descendants(npm.pid!)
    return below.filter((p) => p.args.includes('worker.js')).length === 2
  }, 120_000)
  expect(running).toBe(true)
  tracked = below.map((p) => p.pid)
  await new Promise((r) => setTimeout(r, 300))
  return below
}

describe('npm run bench, signalled at npm', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} to npm mid-run stops the CLI and its workers, no orphans`, async () => {
      const { child, done } = npmBench()
      const below = await whenRunning(child)
      const sentAt = performance.now()
      child.kill(signal)
      const r = await done
      expect(r.at - sentAt).toBeLessThan(EXIT_BOUND_MS)
      expect(r.stderr).toMatch(/cancelled; every worker was stopped/)
      expect(r.code).toBe(130)
      const left = await eventually(() => below.every((p) => !alive(p.pid)), 5000)
      expect(
        left,
        below
          .filter((p) => alive(p.pid))
          .map((p) => p.args)
          .join('\n')
      ).toBe(true)
    }, 180_000)
  }

  // A closed terminal, or `kill -HUP` of npm: npm dies at once and forwards nothing. The CLI
  // (npm's child) used to run on to the end of the run with its workers and the reaper.
  it('SIGHUP to npm mid-run ends the CLI, its workers and the reaper, with a message', async () => {
    const { child, done } = npmBench()
    const below = await whenRunning(child)
    expect(below.some((p) => p.args.includes('speedup-lab-orphan-reaper'))).toBe(true)
    const sentAt = performance.now()
    child.kill('SIGHUP')
    const r = await done
    expect(r.signal).toBe('SIGHUP')
    // The pipe closes when its last holder is gone: the CLI and its workers are over by then.
    expect(r.closedAt - sentAt).toBeLessThan(EXIT_BOUND_MS)
    expect(r.stderr).toMatch(/SIGHUP \(the terminal or the process that started it is gone\)/)
    expect(r.stderr).toMatch(/cancelled; every worker was stopped/)
    const left = await eventually(() => below.every((p) => !alive(p.pid)), 2000)
    expect(
      left,
      below
        .filter((p) => alive(p.pid))
        .map((p) => p.args)
        .join('\n')
    ).toBe(true)
  }, 180_000)

  // `npm run` starts its scripts in the repository; the user's relative paths mean the folder
  // they typed in (npm's INIT_CWD). The file used to land in the repository.
  it('relative export paths resolve against the folder npm was run in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speedup-npm-cwd-'))
    try {
      const { done } = npmBench(
        [
          '--range',
          '0:100_000',
          '--workers',
          '1',
          '--reps',
          '1',
          '--warmup',
          '0',
          '--json',
          'r.json'
        ],
        dir
      )
      const r = await done
      expect(r.code, r.stderr).toBe(0)
      expect(existsSync(join(dir, 'r.json'))).toBe(true)
      expect(existsSync(join(ROOT, 'r.json'))).toBe(false)
      expect(r.stderr).toContain('wrote r.json')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)

  it('SIGINT to npm just as the CLI starts loading still stops cleanly, with a message', async () => {
    const { child, done } = npmBench()
    let below: Proc[] = []
    const launched = await eventually(() => {
      below = descendants(child.pid!)
      return below.some((p) => p.args.includes('scripts/bench.mjs'))
    }, 120_000)
    expect(launched).toBe(true)
    tracked = below.map((p) => p.pid)
    // Node's own start-up (no script code runs yet, so nothing can catch a signal): wait it out.
    const t0 = performance.now()
    execFileSync(process.execPath, ['-e', '0'])
    await new Promise((r) => setTimeout(r, (performance.now() - t0) * 1.5 + 20))
    child.kill('SIGINT')
    const r = await done
    expect(r.stderr).toMatch(/SIGINT: cancel/)
    expect(r.code).toBe(130)
    const all = descendants(child.pid!)
    expect(all).toEqual([])
    for (const p of below) expect(await eventually(() => !alive(p.pid), 1000)).toBe(true)
  }, 180_000)
})
