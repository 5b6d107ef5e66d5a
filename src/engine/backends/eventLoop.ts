/**
 * The `async` backend: no worker at all. Each "worker" is the worker loop
 * itself, run on the controller's own event loop, so N of them are N
 * requests in flight on one thread — how Node waits on sockets without a
 * thread per request. Only for workloads that wait (the schema refuses it
 * for the sum: there is nothing here to compute on but the controller).
 */
import type { WorkerMessage } from '../../shared/protocol'
// The worker loop is imported on first use: it brings the kernels (a .wat module that only the
// build assembles), which tsx-run scripts that never use this backend must not load.
const workerLoop = (): Promise<typeof import('../../worker/loop')> => import('../../worker/loop')
import type { Backend, WorkerHandle } from '../types'

export function eventLoopBackend(log?: (line: string) => void): Backend {
  return {
    kind: 'async',
    spawn(name: string): WorkerHandle {
      const toParent: ((m: unknown) => void)[] = []
      const toLoop: ((m: unknown) => void)[] = []
      let exitListener: ((code: number | null, signal: string | null) => void) | null = null
      let exited: [number | null, string | null] | null = null
      // Messages go through the event loop, never synchronously: the pool
      // registers its listeners after spawn() returns, as with a real worker.
      const deliver = (listeners: ((m: unknown) => void)[], m: unknown): void => {
        setImmediate(() => {
          if (exited) return
          for (const l of listeners) l(m)
        })
      }
      void workerLoop().then(({ startWorkerLoop }) => {
        if (exited) return
        startWorkerLoop(
          {
            kind: 'event-loop',
            send: (m: WorkerMessage) => deliver(toParent, m),
            onMessage: (l) => toLoop.push(l)
          },
          []
        )
      })
      return {
        name,
        pid: null,
        send: (m) => deliver(toLoop, m),
        onMessage: (l) => toParent.push(l),
        onExit(listener) {
          exitListener = listener
          if (exited) listener(...exited)
        },
        kill() {
          if (exited) return
          // Stop whatever the loop runs (its sockets close), then it is gone.
          for (const l of toLoop) l({ type: 'cancel' })
          exited = [null, 'SIGKILL']
          log?.(`[${name}] stopped (event loop)`)
          setImmediate(() => exitListener?.(...exited!))
        }
      }
    }
  }
}
