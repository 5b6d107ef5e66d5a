import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { alive, eventually } from '../helpers/engine'

/**
 * How long the CLI takes to go away: after its last line, and after SIGINT or
 * SIGTERM. Bounds are generous for a shared, loaded machine, yet fail at the
 * ~2 s the pool's uncleared bounded-wait timers used to add.
 */
const CLI = resolve(__dirname, '../../out/main/cli.js')
const EXIT_BOUND_MS = 1000

interface Timed {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** When stdout last received data, and when the process exited (performance.now()). */
  lastOutputAt: number
  exitAt: number
}

const started: ChildProcess[] = []

function cli(args: string[]): { child: ChildProcess; done: Promise<Timed> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  started.push(child)
  let stdout = ''
  let stderr = ''
  let lastOutputAt = performance.now()
  child.stdout!.on('data', (d) => {
    stdout += d
    lastOutputAt = performance.now()
  })
  child.stderr!.on('data', (d) => (stderr += d))
  const done = new Promise<Timed>((resolve) => {
    child.on('exit', (code, signal) => {
      const exitAt = performance.now()
      // 'close' waits for the pipes to drain: the whole output is in by then.
      child.on('close', () => resolve({ code, signal, stdout, stderr, lastOutputAt, exitAt }))
    })
  })
  return { child, done }
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0)
  } catch {
    return []
  }
}

/** Worker processes of the CLI: its children other than the orphan reaper (`node -e`). */
function workersOf(pid: number): number[] {
  return childrenOf(pid).filter((child) => {
    try {
      return execFileSync('ps', ['-o', 'args=', '-p', String(child)], {
        encoding: 'utf8'
      }).includes('worker.js')
    } catch {
      return false
    }
  })
}

afterEach(() => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
})

describe('the installed command', () => {
  // A global install links `speedup-lab` to out/main/cli.js and runs it as a program:
  // without a shebang the shell ran it as a script and failed with a syntax error.
  it('runs as an executable: shebang, executable bit, --version', () => {
    const version = execFileSync(CLI, ['--version'], { encoding: 'utf8' })
    expect(version.trim()).toMatch(/^speedup-lab \d+\.\d+\.\d+/)
    expect(execFileSync(CLI, ['-V'], { encoding: 'utf8' })).toBe(version)
    expect(execFileSync(CLI, ['--help'], { encoding: 'utf8' })).toContain('--version')
  })
})

describe('CLI exit latency', () => {
  it('exits soon after printing its last line (no pool timer keeps it alive)', async () => {
    const { done } = cli([
      '--range',
      '0:100_000',
      '--workers',
      '1,2',
      '--reps',
      '1',
      '--warmup',
      '0',
      '--quiet'
    ])
    const r = await done
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trim()).not.toBe('')
    expect(r.exitAt - r.lastOutputAt).toBeLessThan(EXIT_BOUND_MS)
  }, 60_000)

  /** Starts a long run and resolves once both workers are in their jobs. */
  async function longRun(): Promise<{
    child: ChildProcess
    done: Promise<Timed>
    workers: number[]
  }> {
    const args = [
      CLI,
      '--range',
      '0:9_000_000_000_000',
      '--no-serial',
      '--workers',
      '1,2',
      '--quiet',
      '--yes'
    ]
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    started.push(child)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (d) => (stdout += d))
    child.stderr!.on('data', (d) => (stderr += d))
    const done = new Promise<Timed>((resolve) => {
      child.on('exit', (code, signal) => {
        const exitAt = performance.now()
        child.on('close', () =>
          resolve({ code, signal, stdout, stderr, lastOutputAt: exitAt, exitAt })
        )
      })
    })
    let workers: number[] = []
    const up = await eventually(() => (workers = workersOf(child.pid!)).length === 2, 30_000)
    expect(up).toBe(true)
    // Let them get into their jobs.
    await new Promise((r) => setTimeout(r, 300))
    return { child, done, workers }
  }

  for (const [signal, exit] of [
    ['SIGINT', 130],
    ['SIGTERM', 130],
    ['SIGHUP', 129]
  ] as const) {
    it(`${signal} mid-run: every worker stopped, exit ${exit}, soon`, async () => {
      const { child, done, workers } = await longRun()
      const sentAt = performance.now()
      child.kill(signal)
      const r = await done
      expect(r.code, r.stderr).toBe(exit)
      expect(r.stderr).toMatch(/cancelled; every worker was stopped/)
      expect(r.exitAt - sentAt).toBeLessThan(EXIT_BOUND_MS)
      for (const pid of workers) expect(alive(pid)).toBe(false)
    }, 60_000)
  }

  // A Ctrl-C reaches the CLI twice, from the terminal (its process group) and from npm: that
  // is one cancel, not "again: stopping now" (which skips the orderly stop).
  it('the same signal twice within milliseconds cancels once, in order', async () => {
    const { child, done, workers } = await longRun()
    child.kill('SIGINT')
    child.kill('SIGINT')
    const r = await done
    expect(r.code, r.stderr).toBe(130)
    expect(r.stderr).not.toMatch(/again: stopping now/)
    expect(r.stderr).toMatch(/cancelled; every worker was stopped/)
    for (const pid of workers) expect(alive(pid)).toBe(false)
  }, 60_000)

  /** How long Node takes here, now, to run a script's first line: no handler can exist before. */
  async function bootstrapMs(): Promise<number> {
    const t0 = performance.now()
    await new Promise<void>((done) => {
      const probe = spawn(process.execPath, ['-e', 'process.stdout.write("x")'], {
        stdio: ['ignore', 'pipe', 'ignore']
      })
      probe.stdout.once('data', () => done())
    })
    return performance.now() - t0
  }

  // Loading the engine took ~0.4 s during which a SIGINT killed the CLI without a word.
  for (const extraMs of [20, 150]) {
    it(`SIGINT ${extraMs} ms after Node started the script (while loading) stops cleanly with a message`, async () => {
      const boot = Math.max(await bootstrapMs(), await bootstrapMs())
      const { child, done } = cli([
        '--range',
        '0:9_000_000_000_000',
        '--workers',
        '1,2',
        '--quiet',
        '--yes'
      ])
      // Twice Node's start-up time: past the trap (the CLI's first line) even when a busy
      // machine slows this start more than the probe's, and still well inside the ~0.4 s load.
      await new Promise((r) => setTimeout(r, boot * 2 + extraMs))
      child.kill('SIGINT')
      const r = await done
      expect(r.signal).toBeNull()
      expect(r.code, r.stderr).toBe(130)
      expect(r.stderr).toMatch(/SIGINT: cancelling/)
      expect(r.stderr).toMatch(/cancelled/)
      expect(workersOf(child.pid!)).toEqual([])
    }, 60_000)
  }
})
