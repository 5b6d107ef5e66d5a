import { Worker } from 'node:worker_threads'
import type { Backend, WorkerHandle } from '../types'

/** The `thread` backend: one worker_threads Worker per worker, in this process. */
export function workerThreadBackend(workerPath: string, log?: (line: string) => void): Backend {
  return {
    kind: 'thread',
    spawn(name: string): WorkerHandle {
      const worker = new Worker(workerPath, { execArgv: [], stdout: false, stderr: false })
      let exitListener: ((code: number | null, signal: string | null) => void) | null = null
      let exited: [number | null, string | null] | null = null
      let terminated = false
      worker.on('error', (err) =>
        log?.(`[${name} thread ${worker.threadId}] uncaught: ${err.message}`)
      )
      worker.once('exit', (code) => {
        exited = [code, terminated ? 'terminated' : null]
        exitListener?.(...exited)
      })
      return {
        name,
        // Threads share the engine's pid; the thread id names them in logs.
        pid: null,
        send(message) {
          if (!exited) worker.postMessage(message)
        },
        onMessage(listener) {
          worker.on('message', listener)
        },
        onExit(listener) {
          exitListener = listener
          if (exited) listener(...exited)
        },
        kill() {
          if (exited) return
          terminated = true
          void worker.terminate()
        }
      }
    }
  }
}
