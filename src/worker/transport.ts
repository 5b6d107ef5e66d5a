import type { ParentMessage, WorkerMessage } from '../shared/protocol'

/** How a worker talks to its parent, whatever kind of worker it is. */
export interface Transport {
  /** event-loop: the `async` backend, the loop run in the controller itself. */
  kind: 'electron-utility' | 'child-process' | 'worker-thread' | 'event-loop' | 'in-process'
  send(message: WorkerMessage): void
  onMessage(listener: (message: unknown) => void): void
}

interface ElectronParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

/**
 * Picks the channel this worker was started with: Electron's utilityProcess
 * (process.parentPort), worker_threads (parentPort), or child_process.fork
 * (process.send).
 */
export function detectTransport(): Transport {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort
  if (electronPort) {
    return {
      kind: 'electron-utility',
      send: (m) => electronPort.postMessage(m),
      onMessage: (l) => electronPort.on('message', (e) => l(e.data))
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads')
  if (parentPort) {
    return {
      kind: 'worker-thread',
      send: (m) => parentPort.postMessage(m),
      onMessage: (l) => parentPort.on('message', l)
    }
  }
  if (typeof process.send === 'function') {
    const send = process.send.bind(process)
    // An orphan computes for nobody: when the engine goes away, so does the worker.
    process.on('disconnect', () => process.exit(0))
    return {
      kind: 'child-process',
      send: (m) => {
        send(m)
      },
      onMessage: (l) => process.on('message', l)
    }
  }
  throw new Error('speedup-lab worker: started without a parent channel')
}

export type { ParentMessage }
