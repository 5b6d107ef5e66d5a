import type { WorkerMessage } from '../../shared/protocol'
// Imported on first use (see eventLoop.ts): the pool sends nothing before the loop says ready.
const workerLoop = (): Promise<typeof import('../../worker/loop')> => import('../../worker/loop')
import type { Transport } from '../../worker/transport'
import type { Backend, WorkerHandle } from '../types'

/**
 * Workers that are no process of their own: the worker loop runs on the
 * engine's own event loop, talking through an in-memory transport. For a
 * workload whose parts are other processes already (a user's command: each
 * copy is an OS process in a group of its own), so the engine itself holds
 * every copy's process group and ends it on a cancel, with nothing between
 * that could die first and orphan it.
 *
 * kill() cancels the part in progress and reports the worker's exit once the
 * part has stopped (a copy's tree is gone by then); an idle worker exits at
 * once.
 */
export function inProcessBackend(log?: (line: string) => void): Backend {
  return {
    kind: 'in-process',
    spawn(name: string): WorkerHandle {
      const toWorker: ((message: unknown) => void)[] = []
      const toParent: ((message: unknown) => void)[] = []
      let exitListener: ((code: number | null, signal: string | null) => void) | null = null
      let exited: [number | null, string | null] | null = null
      let killed = false
      let running: number | null = null

      const exit = (code: number | null, signal: string | null): void => {
        if (exited) return
        exited = [code, signal]
        log?.(`[${name} in-process] ${signal ? `stopped (${signal})` : 'exited'}`)
        exitListener?.(...exited)
      }

      const transport: Transport = {
        kind: 'in-process',
        send(message: WorkerMessage) {
          // Messages arrive asynchronously, as over any channel (the pool listens after spawn returns).
          queueMicrotask(() => {
            if (exited) return
            if ('jobId' in message && message.jobId === running && message.type !== 'progress')
              running = null
            for (const l of toParent) l(message)
            if (killed && running === null) exit(null, 'SIGKILL')
          })
        },
        onMessage(listener) {
          toWorker.push(listener)
        }
      }
      void workerLoop().then(({ startWorkerLoop }) => {
        if (!exited && !killed) startWorkerLoop(transport)
      })

      return {
        name,
        pid: null,
        send(message) {
          if (exited || killed) return
          const m = message as { type?: string; jobId?: number }
          if (m.type === 'run' && typeof m.jobId === 'number') running = m.jobId
          for (const l of toWorker) l(message)
        },
        onMessage(listener) {
          toParent.push(listener)
        },
        onExit(listener) {
          exitListener = listener
          if (exited) listener(...exited)
        },
        kill() {
          if (exited || killed) return
          killed = true
          if (running === null) {
            queueMicrotask(() => exit(null, 'SIGKILL'))
            return
          }
          // Stop the part; its answer (cancelled, or a result that was on its way) ends the worker.
          for (const l of toWorker) l({ type: 'cancel', jobId: running })
        }
      }
    }
  }
}
