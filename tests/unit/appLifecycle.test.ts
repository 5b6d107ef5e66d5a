import { EventEmitter } from 'node:events'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createQuitChain, QUIT_TIMEOUT_MS } from '../../src/main/lifecycle/quitChain'
import { CRASH_PROMPT, crashPrompt, onRendererGone } from '../../src/main/window/rendererGone'
import { showWhenReady, windowBackground } from '../../src/main/window/showWhenReady'
import { loadWindowState, saveWindowState } from '../../src/main/window/windowState'
import { createWindowStateSaver } from '../../src/main/window/windowStateSaver'

/** A BrowserWindow as far as these helpers see one: events, and a log of what was called. */
class FakeWindow extends EventEmitter {
  calls: string[] = []
  bounds = { x: 40, y: 30, width: 1300, height: 900 }
  maximized = false
  maximize(): void {
    this.calls.push('maximize')
  }
  show(): void {
    this.calls.push('show')
  }
  getNormalBounds(): typeof this.bounds {
    return { ...this.bounds }
  }
  isMaximized(): boolean {
    return this.maximized
  }
}

/** A before-quit event: did the listener hold the quit back? */
const quitEvent = (): { preventDefault(): void; prevented: boolean } => {
  const event = {
    prevented: false,
    preventDefault() {
      event.prevented = true
    }
  }
  return event
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r))

describe('the window shows once, when painted', () => {
  it('maximizes inside ready-to-show, then shows; nothing before', () => {
    const window = new FakeWindow()
    showWhenReady(window, { maximized: true })
    expect(window.calls).toEqual([])
    window.emit('ready-to-show')
    window.emit('ready-to-show')
    expect(window.calls).toEqual(['maximize', 'show'])
  })

  it('shows a restored window without maximizing it', () => {
    const window = new FakeWindow()
    showWhenReady(window, { maximized: false })
    window.emit('ready-to-show')
    expect(window.calls).toEqual(['show'])
  })

  it('paints the page’s own background first, never white in dark mode', async () => {
    const css = await readFile(join(__dirname, '../../src/renderer/src/app.css'), 'utf8')
    const bg = [...css.matchAll(/--bg:\s*(#[0-9a-f]{6})/g)].map((m) => m[1])
    expect(bg).toEqual([windowBackground(false), windowBackground(true)])
  })
})

describe('the window state is saved before quit completes', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speedup-quit-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('quits only once the state is written, with no .tmp file left', async () => {
    const file = join(dir, 'window-state.json')
    const log: string[] = []
    const saver = createWindowStateSaver(
      (s) => saveWindowState(file, s),
      (l) => log.push(l)
    )
    const window = new FakeWindow()
    window.maximized = true
    // What the folder holds at the moment the chain quits.
    let quitAt: Promise<string[]> | null = null
    const onQuit = createQuitChain({
      steps: [['save the window state', () => saver.save(window)]],
      quit: () => {
        quitAt = readdir(dir)
      },
      log: (l) => log.push(l)
    })
    const event = quitEvent()
    onQuit(event)
    expect(event.prevented).toBe(true)
    expect(quitAt).toBeNull()
    await saver.flush()
    await tick()
    expect(await quitAt).toEqual(['window-state.json'])
    expect(await loadWindowState(file)).toEqual({ ...window.bounds, maximized: true })
    expect(log).toEqual([])
  })

  it('writes one state at a time, the last one wins, and a failed write is logged, not thrown', async () => {
    const file = join(dir, 'window-state.json')
    const window = new FakeWindow()
    const log: string[] = []
    const saver = createWindowStateSaver(
      (s) => saveWindowState(file, s),
      (l) => log.push(l)
    )
    void saver.save(window)
    window.bounds = { x: 0, y: 0, width: 1000, height: 700 }
    void saver.save(window)
    await saver.flush()
    expect(await loadWindowState(file)).toEqual({ ...window.bounds, maximized: false })
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])

    const failing = createWindowStateSaver(
      () => Promise.reject(new Error('disk full')),
      (l) => log.push(l)
    )
    await expect(failing.save(window)).resolves.toBeUndefined()
    expect(log).toEqual(['window state: Error: disk full'])
  })
})

describe('the quit chain', () => {
  it('holds the first quit, runs the steps in order, then quits once; a later quit passes', async () => {
    const done: string[] = []
    let quits = 0
    const step = (name: string) => async () => {
      await tick()
      done.push(name)
    }
    const onQuit = createQuitChain({
      steps: [
        ['save', step('save')],
        ['cancel', step('cancel')],
        ['dispose', step('dispose')]
      ],
      quit: () => quits++,
      log: () => undefined
    })
    const first = quitEvent()
    onQuit(first)
    // A second quit while the chain runs is held too, and does not start it again.
    const again = quitEvent()
    onQuit(again)
    expect([first.prevented, again.prevented]).toEqual([true, true])
    for (let i = 0; i < 10; i++) await tick()
    expect(done).toEqual(['save', 'cancel', 'dispose'])
    expect(quits).toBe(1)
    // app.quit() fires before-quit again: this time it goes through.
    const last = quitEvent()
    onQuit(last)
    expect(last.prevented).toBe(false)
  })

  it('goes on past a failed step and says which one failed', async () => {
    const log: string[] = []
    const done: string[] = []
    let quits = 0
    const onQuit = createQuitChain({
      steps: [
        ['cancel the run', () => Promise.reject(new Error('no service'))],
        ['stop the workers', async () => void done.push('dispose')]
      ],
      quit: () => quits++,
      log: (l) => log.push(l)
    })
    onQuit(quitEvent())
    for (let i = 0; i < 5; i++) await tick()
    expect(log).toEqual(['quit: cancel the run failed: Error: no service'])
    expect(done).toEqual(['dispose'])
    expect(quits).toBe(1)
  })

  it('never takes more than 3 s: a hanging step is left behind and the app exits', async () => {
    const timers: Array<{ run: () => void; ms: number }> = []
    const ended: string[] = []
    const log: string[] = []
    const onQuit = createQuitChain({
      steps: [
        ['stop the workers', () => new Promise(() => undefined)],
        ['after', async () => void ended.push('after')]
      ],
      quit: () => ended.push('quit'),
      exit: () => ended.push('exit'),
      log: (l) => log.push(l),
      setTimer: (run, ms) => {
        timers.push({ run, ms })
        return {}
      }
    })
    onQuit(quitEvent())
    await tick()
    expect(timers.map((t) => t.ms)).toEqual([QUIT_TIMEOUT_MS])
    expect(QUIT_TIMEOUT_MS).toBeLessThanOrEqual(3000)
    expect(ended).toEqual([])
    timers[0].run()
    expect(ended).toEqual(['exit'])
    expect(log).toEqual(['quit: still stopping after 3000 ms, quitting anyway'])
    // The timer after a clean finish changes nothing.
    timers[0].run()
    expect(ended).toEqual(['exit'])
  })
})

describe('a renderer crash', () => {
  const deps = (choice: number, prompt = CRASH_PROMPT.en) => {
    const calls: string[] = []
    const asked: Array<{ message: string; detail: string; buttons: string[] }> = []
    const gone = onRendererGone({
      prompt,
      cancelRun: async () => void calls.push('cancel'),
      ask: async (p) => {
        calls.push('ask')
        asked.push(p)
        return choice
      },
      reload: () => calls.push('reload'),
      quit: () => calls.push('quit'),
      log: (l) => calls.push(`log ${l}`)
    })
    return { gone, calls, asked }
  }

  it('cancels the run, then offers to reload the page', async () => {
    const { gone, calls, asked } = deps(0)
    await gone({ reason: 'crashed', exitCode: 139 })
    expect(calls).toEqual(['log renderer gone: crashed (exit code 139)', 'cancel', 'ask', 'reload'])
    expect(asked[0]).toEqual({
      message: 'The window stopped working.',
      detail: expect.stringContaining('(crashed)'),
      buttons: ['Reload', 'Quit']
    })
  })

  it('quits when asked to, and asks in Korean on a Korean system', async () => {
    const { gone, calls, asked } = deps(1, crashPrompt('ko-KR'))
    await gone({ reason: 'oom', exitCode: 1 })
    expect(calls.at(-1)).toBe('quit')
    expect(asked[0].buttons).toEqual(['다시 불러오기', '종료'])
    expect(asked[0].detail).toContain('(oom)')
    expect(crashPrompt('en-US')).toBe(CRASH_PROMPT.en)
    // Every word exists in both languages.
    expect(Object.keys(CRASH_PROMPT.ko).sort()).toEqual(Object.keys(CRASH_PROMPT.en).sort())
  })

  it('ignores a page that ended cleanly, and asks once for two crashes in a row', async () => {
    const { gone, calls } = deps(0)
    await gone({ reason: 'clean-exit', exitCode: 0 })
    expect(calls).toEqual([])
    await Promise.all([
      gone({ reason: 'crashed', exitCode: 1 }),
      gone({ reason: 'crashed', exitCode: 1 })
    ])
    expect(calls.filter((c) => c === 'ask')).toHaveLength(1)
  })

  it('still asks when cancelling fails', async () => {
    const calls: string[] = []
    const gone = onRendererGone({
      prompt: CRASH_PROMPT.en,
      cancelRun: () => Promise.reject(new Error('engine gone')),
      ask: async () => (calls.push('ask'), 0),
      reload: () => calls.push('reload'),
      quit: () => calls.push('quit'),
      log: (l) => calls.push(l)
    })
    await gone({ reason: 'killed', exitCode: 9 })
    expect(calls).toEqual([
      'renderer gone: killed (exit code 9)',
      'cancel after crash: Error: engine gone',
      'ask',
      'reload'
    ])
  })
})
