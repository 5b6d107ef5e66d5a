import { readdirSync, readFileSync } from 'node:fs'
import { createEngine } from '../../src/engine'
import { childProcessBackend } from '../../src/engine/backends/childProcess'
import { workerThreadBackend } from '../../src/engine/backends/workerThread'
import type { Backend, Engine, WorkerHandle } from '../../src/engine/types'
import { BenchFailure } from '../../src/shared/errors'
import { REAPER_TAG } from '../../src/engine/backends/orphanReaper'
import { WORKER_PATH } from './engine'

/**
 * Hooks into the traffic between the pool and its workers. `received` decides
 * what the pool sees: call `deliver` now, later, more than once, or never.
 */
export interface Tap {
  spawned?(worker: TappedWorker): void
  sent?(worker: TappedWorker, message: unknown): void
  received?(worker: TappedWorker, message: unknown, deliver: (message: unknown) => void): void
}

/** A worker as the tap sees it: the backend's handle plus what became of it. */
export interface TappedWorker extends WorkerHandle {
  readonly backend: Backend['kind']
  exited: { code: number | null; signal: string | null } | null
}

/** Wraps a backend so every worker it starts passes through `tap` and is remembered in `workers`. */
export function tappedBackend(inner: Backend, tap: Tap, workers: TappedWorker[]): Backend {
  return {
    kind: inner.kind,
    spawn(name) {
      const handle = inner.spawn(name)
      const worker: TappedWorker = {
        name: handle.name,
        pid: handle.pid,
        backend: inner.kind,
        exited: null,
        send(message) {
          tap.sent?.(worker, message)
          handle.send(message)
        },
        onMessage(listener) {
          handle.onMessage((message) =>
            tap.received ? tap.received(worker, message, listener) : listener(message)
          )
        },
        onExit(listener) {
          handle.onExit((code, signal) => {
            worker.exited = { code, signal }
            listener(code, signal)
          })
        },
        kill: () => handle.kill()
      }
      workers.push(worker)
      tap.spawned?.(worker)
      return worker
    }
  }
}

/** An engine (real backends, real or fixture worker) whose every worker passes through a tap. */
export function tappedEngine(
  tap: Tap = {},
  workerPath = WORKER_PATH
): { engine: Engine; workers: TappedWorker[]; log: string[] } {
  const workers: TappedWorker[] = []
  const log: string[] = []
  const engine = createEngine({
    workerPath,
    log: (line) => log.push(line),
    processBackend: (path, l) => tappedBackend(childProcessBackend(path, l), tap, workers),
    threadBackend: (path, l) => tappedBackend(workerThreadBackend(path, l), tap, workers)
  })
  return { engine, workers, log }
}

/** Ends a worker the hard way: SIGKILL for a process, terminate() for a thread. */
export function killWorker(worker: TappedWorker): void {
  if (worker.backend === 'process' && worker.pid !== null) {
    try {
      process.kill(worker.pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  } else {
    worker.kill()
  }
}

/**
 * Every child process of this process, zombies included (read from /proc):
 * a worker that was killed but never reaped still counts. The engine's one
 * orphan reaper (a helper that lives as long as this process) does not.
 */
export function childPids(): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after "(comm)": state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid !== process.pid) continue
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(REAPER_TAG)) continue
      pids.push(Number(entry))
    } catch {
      // The process ended while we looked.
    }
  }
  return pids.sort((a, b) => a - b)
}

/** The run's outcome as a value: its record, or the BenchFailure it threw. */
export async function settle<T>(
  run: Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; failure: BenchFailure }> {
  try {
    return { ok: true, value: await run }
  } catch (e) {
    if (e instanceof BenchFailure) return { ok: false, failure: e }
    throw e
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
