import { app, utilityProcess } from 'electron'
import type { Details, Event } from 'electron'
import type { Backend, WorkerHandle } from '../../engine/types'

let serial = 0

/**
 * The `process` backend in the app: one Electron utilityProcess per worker
 * (a Chromium-managed Node process; child_process.fork would start another
 * Electron). A worker's end is reported once, from whichever comes first:
 * the child's 'exit' or the app's 'child-process-gone' for its service name.
 */
export function utilityProcessBackend(workerPath: string, log?: (line: string) => void): Backend {
  return {
    kind: 'process',
    spawn(name: string): WorkerHandle {
      // Unique per worker, so 'child-process-gone' can be matched to it (and the task manager names it).
      const serviceName = `Speedup Lab worker ${name} #${++serial}`
      const child = utilityProcess.fork(workerPath, [], {
        serviceName,
        stdio: ['ignore', 'ignore', 'pipe']
      })
      const label = (): string => `[${name} pid ${child.pid ?? '?'}]`
      child.stderr?.setEncoding('utf8')
      child.stderr?.on('data', (chunk: string) => {
        for (const line of chunk.split('\n').filter(Boolean)) log?.(`${label()} ${line}`)
      })
      let exitListener: ((code: number | null, signal: string | null) => void) | null = null
      let exited: [number | null, string | null] | null = null
      let killed = false
      const ended = (code: number | null, signal: string | null): void => {
        if (exited) return
        exited = [code, killed ? 'killed' : signal]
        app.off('child-process-gone', gone)
        exitListener?.(...exited)
      }
      const gone = (_event: Event, details: Details): void => {
        if (details.type !== 'Utility' || details.serviceName !== serviceName) return
        log?.(`${label()} gone: ${details.reason} (exit code ${details.exitCode})`)
        ended(details.exitCode, details.reason === 'clean-exit' ? null : details.reason)
      }
      app.on('child-process-gone', gone)
      child.once('spawn', () => log?.(`${label()} spawned`))
      child.once('exit', (code) => ended(code, null))
      return {
        name,
        get pid() {
          return child.pid ?? null
        },
        send(message) {
          if (!exited) child.postMessage(message)
        },
        onMessage(listener) {
          child.on('message', listener)
        },
        onExit(listener) {
          exitListener = listener
          if (exited) listener(...exited)
        },
        kill() {
          if (exited || killed) return
          killed = true
          child.kill()
        }
      }
    }
  }
}
