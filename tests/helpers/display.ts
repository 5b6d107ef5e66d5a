import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'

/** An X display to open windows on, and how to let it go. */
export interface XDisplay {
  /** The DISPLAY value, e.g. ':99'. */
  display: string
  /** True when this helper started the server (then `stop` ends it). */
  started: boolean
  stop(): Promise<void>
}

const hasCommand = (name: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0

/**
 * The display Electron should use: DISPLAY when one is set (a desktop, or a
 * test run under `xvfb-run`), else an Xvfb started here on a free display
 * number (`-displayfd`), else the reason there is none. Never on macOS or
 * Windows, which need no X server.
 */
export async function ensureDisplay(
  env: NodeJS.ProcessEnv = process.env
): Promise<XDisplay | { missing: string }> {
  if (process.platform !== 'linux') return { display: '', started: false, stop: async () => {} }
  if (env.DISPLAY) return { display: env.DISPLAY, started: false, stop: async () => {} }
  if (!hasCommand('Xvfb'))
    return {
      missing:
        'no display server: DISPLAY is unset and Xvfb is not installed (apt-get install xvfb)'
    }
  const server: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }
  )
  let errors = ''
  server.stderr!.on('data', (c: Buffer) => (errors += c.toString()))
  const number = await new Promise<string | null>((resolve) => {
    let out = ''
    const timer = setTimeout(() => resolve(null), 15_000)
    const fd3 = server.stdio[3] as NodeJS.ReadableStream
    fd3.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('\n')) {
        clearTimeout(timer)
        resolve(out.trim())
      }
    })
    server.once('exit', () => {
      clearTimeout(timer)
      resolve(null)
    })
  })
  const stop = async (): Promise<void> => {
    if (server.exitCode !== null || server.signalCode !== null) return
    const gone = new Promise((r) => server.once('exit', r))
    server.kill('SIGTERM')
    await gone
  }
  if (number === null || !/^\d+$/.test(number)) {
    await stop()
    return { missing: `Xvfb did not start: ${errors.trim().split('\n').slice(-3).join(' / ')}` }
  }
  return { display: `:${number}`, started: true, stop }
}
