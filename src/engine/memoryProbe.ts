import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { median } from 'simple-statistics'
import type { BackendKind } from '../shared/config'
import { BenchFailure } from '../shared/errors'
import { parseWorkerMessage } from '../shared/protocol'
import type { WorkerMemory } from '../shared/study'
import { childProcessBackend } from './backends/childProcess'
import { workerThreadBackend } from './backends/workerThread'
import type { Backend, WorkerHandle } from './types'

/** Measures one backend's memory per worker; null where the platform cannot tell. */
export type MemoryProbe = (
  backend: BackendKind,
  signal?: AbortSignal
) => Promise<WorkerMemory | null>

export interface MemoryProbeOptions {
  workerPath: string
  /** The backends, as for createEngine (default child_process.fork and worker_threads). */
  processBackend?: (workerPath: string, log: (line: string) => void) => Backend
  threadBackend?: (workerPath: string, log: (line: string) => void) => Backend
  /** Workers the probe starts (default 4: thread growth is read over several). */
  workers?: number
  /** Elements each worker sums before it is measured, so its kernel is loaded and compiled. */
  jobLength?: number
  log?: (line: string) => void
}

const READY_TIMEOUT_MS = 15_000
const KIB = 1024

/** VmRSS and (where the kernel has smaps_rollup) Pss of a process, bytes: Linux /proc. */
function procMemory(pid: number): { rss: number; pss: number | null } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
    if (!rss) return null
    let pss: number | null = null
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
      const m = /^Pss:\s+(\d+)\s+kB/m.exec(rollup)
      pss = m ? Number(m[1]) * KIB : null
    } catch {
      pss = null
    }
    return { rss: Number(rss[1]) * KIB, pss }
  } catch {
    return null
  }
}

/** RSS from `ps -o rss=` (KiB) where there is no /proc: macOS and the BSDs. */
function psMemory(pid: number): number | null {
  if (process.platform === 'win32') return null
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })
    const kib = Number(out.trim())
    return Number.isFinite(kib) && kib > 0 ? kib * KIB : null
  } catch {
    return null
  }
}

interface ProbeWorker {
  handle: WorkerHandle
  pid: number | null
  exited: Promise<void>
  /** Resolves once the worker is ready and has summed its job. */
  warmed: Promise<void>
}

let nextProbeJob = 1_000_000_000

function startProbeWorker(backend: Backend, index: number, jobLength: number): ProbeWorker {
  const handle = backend.spawn(`memory probe ${index + 1}`)
  let pid = handle.pid
  let settleExit!: () => void
  const exited = new Promise<void>((r) => (settleExit = r))
  const jobId = nextProbeJob++
  const warmed = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`memory probe worker ${index + 1} did not answer`)),
      READY_TIMEOUT_MS
    )
    handle.onMessage((raw) => {
      const m = parseWorkerMessage(raw)
      if (m?.type === 'ready') {
        pid = pid ?? (backend.kind === 'process' ? m.pid : null)
        handle.send({ type: 'run', jobId, start: 0, end: jobLength, progressIntervalMs: 60_000 })
      } else if (m?.type === 'result' && m.jobId === jobId) {
        clearTimeout(timer)
        resolve()
      } else if (m?.type === 'error') {
        clearTimeout(timer)
        reject(new Error(`memory probe worker ${index + 1}: ${m.message}`))
      }
    })
    handle.onExit((code, signal) => {
      clearTimeout(timer)
      settleExit()
      reject(new Error(`memory probe worker ${index + 1} exited (${signal ?? `code ${code}`})`))
    })
  })
  warmed.catch(() => undefined)
  return {
    handle,
    get pid() {
      return pid
    },
    exited,
    warmed
  }
}

/**
 * Memory per worker, measured by starting a few workers of one backend, letting
 * each sum a small range (so its code is loaded and compiled, as in a run), and
 * reading memory while they idle:
 * - process: each worker's resident set, from /proc/<pid>/status VmRSS on Linux
 *   (with PSS from /proc/<pid>/smaps_rollup: shared pages such as the Node
 *   binary split among the processes sharing them), `ps -o rss=` on macOS;
 *   null on Windows;
 * - thread: the engine process's RSS growth while the threads live, divided by
 *   their number (threads share the process; GC in the engine makes this noisy).
 * The workers are killed before it resolves.
 */
export function createMemoryProbe(options: MemoryProbeOptions): MemoryProbe {
  const log = options.log ?? (() => undefined)
  const count = Math.max(1, options.workers ?? 4)
  const jobLength = options.jobLength ?? 1_000_000
  return async (kind, signal) => {
    const make =
      kind === 'process'
        ? (options.processBackend ?? childProcessBackend)
        : (options.threadBackend ?? workerThreadBackend)
    const backend = make(options.workerPath, log)
    const cancelled = (): BenchFailure =>
      new BenchFailure({ code: 'cancelled', message: 'The study was cancelled.' })
    if (signal?.aborted) throw cancelled()
    const before = process.memoryUsage.rss()
    const workers: ProbeWorker[] = []
    let onAbort = (): void => undefined
    try {
      for (let i = 0; i < count; i++) workers.push(startProbeWorker(backend, i, jobLength))
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(cancelled())
        signal?.addEventListener('abort', onAbort)
      })
      aborted.catch(() => undefined)
      await Promise.race([Promise.all(workers.map((w) => w.warmed)), aborted])

      if (kind === 'thread') {
        const growth = process.memoryUsage.rss() - before
        return {
          backend: kind,
          method: 'rss-growth',
          workers: count,
          rssBytesPerWorker: growth / count,
          pssBytesPerWorker: null,
          note:
            `The engine process's RSS grew by ${Math.round(growth / KIB)} KiB while ${count} ` +
            `threads were started and had each summed ${jobLength} elements: ÷ ${count}.`
        }
      }
      const pids = workers.map((w) => w.pid).filter((p): p is number => p !== null)
      const fromProc = pids.map(procMemory)
      if (pids.length > 0 && fromProc.every((m) => m !== null)) {
        const pss = fromProc.map((m) => m!.pss)
        return {
          backend: kind,
          method: 'proc-status',
          workers: pids.length,
          rssBytesPerWorker: median(fromProc.map((m) => m!.rss)),
          pssBytesPerWorker: pss.every((p) => p !== null) ? median(pss as number[]) : null,
          note:
            `Median VmRSS (and Pss) of ${pids.length} worker processes from ` +
            `/proc/<pid>/status and /proc/<pid>/smaps_rollup (Linux), each after summing ` +
            `${jobLength} elements.`
        }
      }
      const fromPs = pids.map(psMemory)
      if (pids.length > 0 && fromPs.every((m) => m !== null)) {
        return {
          backend: kind,
          method: 'ps',
          workers: pids.length,
          rssBytesPerWorker: median(fromPs as number[]),
          pssBytesPerWorker: null,
          note: `Median RSS of ${pids.length} worker processes from \`ps -o rss=\`.`
        }
      }
      return null
    } finally {
      signal?.removeEventListener('abort', onAbort)
      for (const w of workers) w.handle.kill()
      await Promise.race([
        Promise.all(workers.map((w) => w.exited)),
        new Promise((r) => setTimeout(r, 2000))
      ])
    }
  }
}
