import { resolve } from 'node:path'
import { createEngine } from '../../src/engine'
import { childProcessBackend } from '../../src/engine/backends/childProcess'
import { workerThreadBackend } from '../../src/engine/backends/workerThread'
import type { Backend, Engine, WorkerHandle } from '../../src/engine/types'
import type { RunConfig } from '../../src/shared/config'
import { BenchFailure } from '../../src/shared/errors'

export const WORKER_PATH = resolve(__dirname, '../../out/main/worker.js')

/** The BenchFailure a run or study rejects with; any other error is rethrown, and success fails. */
export async function failureOf(p: Promise<unknown>): Promise<BenchFailure> {
  try {
    await p
  } catch (e) {
    if (e instanceof BenchFailure) return e
    throw e
  }
  throw new Error('expected it to fail with a BenchFailure')
}

/** An engine over real child processes that remembers every worker it started. */
export function spyEngine(): { engine: Engine; handles: WorkerHandle[]; log: string[] } {
  const handles: WorkerHandle[] = []
  const log: string[] = []
  const watched = (inner: Backend): Backend => ({
    kind: inner.kind,
    spawn(name) {
      const handle = inner.spawn(name)
      handles.push(handle)
      return handle
    }
  })
  const engine = createEngine({
    workerPath: WORKER_PATH,
    log: (line) => log.push(line),
    processBackend: (path, l) => watched(childProcessBackend(path, l)),
    threadBackend: (path, l) => watched(workerThreadBackend(path, l))
  })
  return { engine, handles, log }
}

/** True while a process with this pid exists. */
export function alive(pid: number | null): boolean {
  if (pid === null) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Polls until `check` holds (or gives up after `ms`): for processes that take a moment to go. */
export async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (check()) return true
    await new Promise((r) => setTimeout(r, 10))
  }
  return check()
}

export function config(overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    range: { start: 0, end: 2_000_000 },
    workers: [1, 2],
    workload: 'split',
    backend: 'process',
    pool: 'warm',
    warmup: 0,
    reps: 2,
    // The serial base case adds a slot to every round: off here (tests/integration/rigour.test.ts
    // runs it), so fault tests on huge ranges kill the worker they mean, not wait out the serial job.
    serial: false,
    ...overrides
  }
}
