import { fork } from 'node:child_process'
import type { Backend, WorkerHandle } from '../types'
import { watchOrphan } from './orphanReaper'

/** The `process` backend under plain Node: one child_process.fork per worker. */
export function childProcessBackend(
  workerPath: string,
  log?: (line: string) => void,
  /** Node flags for the worker (tests use --jitless to take WebAssembly away). */
  execArgv: string[] = []
): Backend {
  return {
    kind: 'process',
    spawn(name: string): WorkerHandle {
      const child = fork(workerPath, [], {
        // The worker is plain JavaScript: never inherit a loader or test runner's flags.
        execArgv,
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'json'
      })
      child.stderr?.setEncoding('utf8')
      child.stderr?.on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean))
          log?.(`[${name} pid ${child.pid}] ${line}`)
      })
      let exitListener: ((code: number | null, signal: string | null) => void) | null = null
      let exited: [number | null, string | null] | null = null
      const forget = watchOrphan(child.pid, workerPath)
      child.once('exit', (code, signal) => {
        forget()
        exited = [code, signal]
        exitListener?.(code, signal)
      })
      // A failed spawn emits 'error' (and maybe no 'exit'): report it as an exit.
      child.once('error', (err) => {
        log?.(`[${name}] spawn error: ${err.message}`)
        if (!exited) {
          exited = [null, null]
          exitListener?.(null, null)
        }
      })
      return {
        name,
        pid: child.pid ?? null,
        send(message) {
          if (child.connected) child.send(message as object)
        },
        onMessage(listener) {
          child.on('message', listener)
        },
        onExit(listener) {
          exitListener = listener
          if (exited) listener(...exited)
        },
        kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
        }
      }
    }
  }
}
