import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SILENCE_TIMEOUT_MS } from '../../src/engine/workerPool'
import { alive, eventually } from '../helpers/engine'
import { settle, sleep, tappedEngine } from '../helpers/faults'

/**
 * A worker that stops answering mid-job (SIGSTOP here; a deadlock or a
 * debugger alike) used to hang the run forever, and one left stopped by a
 * killed CLI stayed behind as an orphan.
 */
const CLI = resolve(__dirname, '../../out/main/cli.js')
const HUGE = { start: 0, end: 9_000_000_000_000 }

/** Every pid the test stopped or started: continued and killed whatever happens. */
let cleanup: number[] = []
const children: ChildProcess[] = []

afterEach(() => {
  for (const pid of cleanup) {
    for (const signal of ['SIGCONT', 'SIGKILL'] as const) {
      try {
        process.kill(pid, signal)
      } catch {
        // gone
      }
    }
  }
  cleanup = []
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

/** State letter from /proc: T when stopped. */
function state(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

/** The pid and command line of each child of `pid`. */
function psChildren(pid: number): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], {
      encoding: 'utf8'
    }).split('\n')
  } catch {
    return []
  }
}

describe('watchdog', () => {
  it('a worker SIGSTOPped mid-job fails the run by name and is killed; the next run succeeds', async () => {
    const reporting = new Set<string>()
    const { engine, workers } = tappedEngine({
      received(worker, message, deliver) {
        if ((message as { type?: string }).type === 'progress') reporting.add(worker.name)
        deliver(message)
      }
    })
    try {
      const running = settle(
        engine.run(
          {
            range: HUGE,
            workers: [2],
            workload: 'split',
            backend: 'process',
            pool: 'warm',
            warmup: 0,
            reps: 1,
            serial: false
          },
          { confirmedLong: true }
        )
      )
      // Worker 1 computes in both counts' repetitions, whichever the seed runs first.
      const busy = await eventually(() => reporting.has('worker 1'), 30_000)
      expect(busy).toBe(true)
      const victim = workers[0]
      expect(victim.pid).not.toBeNull()
      cleanup.push(victim.pid!)
      const stoppedAt = performance.now()
      process.kill(victim.pid!, 'SIGSTOP')
      const outcome = await running
      const tookMs = performance.now() - stoppedAt
      expect(outcome.ok).toBe(false)
      if (outcome.ok) return
      expect(outcome.failure.error.code).toBe('worker-crashed')
      expect(outcome.failure.message).toMatch(
        new RegExp(`^${victim.name} \\(pid ${victim.pid}\\) stopped responding`)
      )
      // Failed after the silence limit, not long after it (a generous margin for a loaded machine).
      expect(tookMs).toBeGreaterThanOrEqual(SILENCE_TIMEOUT_MS - 50)
      expect(tookMs).toBeLessThan(SILENCE_TIMEOUT_MS + 5000)
      // SIGKILL ends even a stopped process.
      expect(await eventually(() => !alive(victim.pid), 3000)).toBe(true)

      const next = await engine.run({
        range: { start: 0, end: 1_000_000 },
        workers: [1, 2],
        workload: 'split',
        backend: 'process',
        pool: 'warm',
        warmup: 0,
        reps: 1
      })
      expect(next.correct).toBe(true)
    } finally {
      await engine.dispose()
    }
  }, 60_000)

  it('a stopped worker of a CLI killed with SIGKILL does not stay behind', async () => {
    const cli = spawn(
      process.execPath,
      [CLI, '--range', '0:9_000_000_000_000', '--no-serial', '--workers', '2', '--quiet', '--yes'],
      {
        stdio: 'ignore'
      }
    )
    children.push(cli)
    let workers: number[] = []
    const up = await eventually(() => {
      workers = psChildren(cli.pid!)
        .filter((l) => l.includes('worker.js'))
        .map((l) => Number(l.trim().split(/\s+/)[0]))
      return workers.length === 2
    }, 30_000)
    expect(up).toBe(true)
    cleanup.push(...workers)
    await sleep(300)
    process.kill(workers[0], 'SIGSTOP')
    expect(await eventually(() => state(workers[0]).startsWith('T'), 2000)).toBe(true)
    // The CLI dies before its watchdog could act.
    process.kill(cli.pid!, 'SIGKILL')
    // The running worker leaves on IPC disconnect; the stopped one cannot run code: the reaper kills it.
    for (const pid of workers) {
      expect(await eventually(() => !alive(pid), 10_000), `worker ${pid} is still there`).toBe(true)
    }
  }, 60_000)
})
