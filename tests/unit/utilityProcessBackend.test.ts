import { beforeEach, describe, expect, it, vi } from 'vitest'

/** Electron's utilityProcess and app, faked: the children forked and the app's events. */
const electron = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events')
  class FakeChild extends Emitter {
    pid: number | undefined = undefined
    posted: unknown[] = []
    killed = 0
    stderr = null
    constructor(
      readonly path: string,
      readonly options: { serviceName: string; stdio: unknown }
    ) {
      super()
    }
    postMessage(m: unknown) {
      this.posted.push(m)
    }
    kill() {
      this.killed++
      return true
    }
  }
  const children: FakeChild[] = []
  return {
    children,
    app: new Emitter(),
    utilityProcess: {
      fork: (path: string, _args: string[], options: { serviceName: string; stdio: unknown }) => {
        const child = new FakeChild(path, options)
        children.push(child)
        return child
      }
    }
  }
})
vi.mock('electron', () => ({ app: electron.app, utilityProcess: electron.utilityProcess }))

const { utilityProcessBackend } = await import('../../src/main/backends/utilityProcess')

beforeEach(() => {
  electron.children.length = 0
  electron.app.removeAllListeners()
})

const gone = (serviceName: string, reason: string, exitCode: number) =>
  electron.app.emit('child-process-gone', {}, { type: 'Utility', serviceName, reason, exitCode })

describe('utilityProcess backend', () => {
  it('forks the worker bundle with a unique service name per worker', () => {
    const backend = utilityProcessBackend('/app/out/main/worker.js')
    expect(backend.kind).toBe('process')
    backend.spawn('w1/2')
    backend.spawn('w2/2')
    backend.spawn('w1/2')
    const names = electron.children.map((c) => c.options.serviceName)
    expect(new Set(names).size).toBe(3)
    expect(names[0]).toContain('w1/2')
    expect(electron.children.every((c) => c.path === '/app/out/main/worker.js')).toBe(true)
  })

  it('reads the pid once the process has it, and relays messages both ways', () => {
    const handle = utilityProcessBackend('/w.js').spawn('w1/1')
    const child = electron.children[0]
    expect(handle.pid).toBeNull()
    child.pid = 4321
    expect(handle.pid).toBe(4321)
    const got: unknown[] = []
    handle.onMessage((m) => got.push(m))
    child.emit('message', { type: 'ready' })
    handle.send({ type: 'run' })
    expect(got).toEqual([{ type: 'ready' }])
    expect(child.posted).toEqual([{ type: 'run' }])
  })

  it('reports the end once, from exit or child-process-gone, whichever comes first', () => {
    const backend = utilityProcessBackend('/w.js')
    const a = backend.spawn('a')
    const b = backend.spawn('b')
    const ends: unknown[] = []
    a.onExit((code, signal) => ends.push(['a', code, signal]))
    b.onExit((code, signal) => ends.push(['b', code, signal]))
    gone(electron.children[1].options.serviceName, 'crashed', 139)
    electron.children[1].emit('exit', 139)
    electron.children[0].emit('exit', 0)
    gone(electron.children[0].options.serviceName, 'clean-exit', 0)
    gone('someone else', 'crashed', 1)
    expect(ends).toEqual([
      ['b', 139, 'crashed'],
      ['a', 0, null]
    ])
    // Nothing keeps listening for workers that are gone.
    expect(electron.app.listenerCount('child-process-gone')).toBe(0)
  })

  it('tells a late listener how the worker ended, and marks a kill', () => {
    const handle = utilityProcessBackend('/w.js').spawn('w')
    handle.kill()
    handle.kill()
    expect(electron.children[0].killed).toBe(1)
    electron.children[0].emit('exit', 1)
    const ends: unknown[] = []
    handle.onExit((code, signal) => ends.push([code, signal]))
    expect(ends).toEqual([[1, 'killed']])
    handle.send({ type: 'run' })
    expect(electron.children[0].posted).toEqual([])
  })
})
