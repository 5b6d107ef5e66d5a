import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'

/**
 * The reaper's whole program. It reads "+pid path" / "-pid" lines on stdin (a
 * negative pid is a process group: a command's copy and everything it started) and,
 * when stdin ends (the engine's process is gone, however it died), SIGKILLs
 * every worker still listed. SIGKILL ends a SIGSTOPped worker too, which its
 * own IPC-disconnect handler cannot: a stopped process runs no code. On Linux
 * a pid is killed only while /proc still shows our worker under it, so a
 * recycled pid is never hit. It ignores SIGINT/SIGTERM/SIGHUP (a Ctrl-C to
 * the terminal's process group) and always ends with its parent's pipe.
 */
const REAPER_SOURCE = `
const fs = require('node:fs');
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => {});
const live = new Map();
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  const lines = buffered.split('\\n');
  buffered = lines.pop();
  for (const line of lines) {
    const m = /^([+-])(-?\\d+)(?: (.*))?$/.exec(line);
    if (!m) continue;
    if (m[1] === '+') live.set(Number(m[2]), m[3] || '');
    else live.delete(Number(m[2]));
  }
});
process.stdin.on('end', () => {
  for (const [pid, path] of live) {
    try {
      if (pid > 0 && path && fs.existsSync('/proc/self')) {
        const cmd = fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8');
        if (!cmd.includes(path)) continue;
      }
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
  process.exit(0);
});
`

/**
 * Registers a process group (a command's copy) with the reaper, so the whole
 * group is killed if this process dies first. Returns the call that
 * unregisters it once the group is gone.
 */
export function watchOrphanGroup(pgid: number | undefined): () => void {
  if (pgid === undefined || pgid <= 0 || process.platform === 'win32') return () => undefined
  const child = start()
  if (!child?.stdin?.writable) return () => undefined
  child.stdin.write(`+-${pgid}\n`)
  return () => {
    if (child.stdin?.writable) child.stdin.write(`--${pgid}\n`)
  }
}

/** The reaper's last argument: how `ps` (and the tests that count child processes) tell it apart. */
export const REAPER_TAG = 'speedup-lab-orphan-reaper'

let reaper: ChildProcess | null = null
let broken = false
/** Workers registered and not yet unregistered: what the reaper is still there for. */
let watched = 0

// Leaving with nothing left to reap: end the reaper at once rather than let it wait to be
// scheduled to read the end of its pipe (hundreds of ms on a loaded machine, after a hang-up).
process.on('exit', () => {
  if (watched === 0 && reaper && reaper.exitCode === null) reaper.kill('SIGKILL')
})

function start(): ChildProcess | null {
  if (broken) return null
  if (reaper && reaper.exitCode === null && reaper.signalCode === null) return reaper
  try {
    const child = spawn(process.execPath, ['-e', REAPER_SOURCE, REAPER_TAG], {
      stdio: ['pipe', 'ignore', 'ignore'],
      // Under Electron, process.execPath is the app: run it as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      windowsHide: true
    })
    child.on('error', () => {
      broken = true
    })
    child.stdin?.on('error', () => undefined)
    // Neither the reaper nor its pipe may keep the engine's process alive.
    child.unref()
    ;(child.stdin as unknown as { unref?: () => void } | null)?.unref?.()
    reaper = child
    return child
  } catch {
    broken = true
    return null
  }
}

/**
 * Registers a worker process with the reaper, so it is killed if this
 * process dies first (SIGKILL, crash) while the worker runs or is stopped.
 * Returns the call that unregisters it once it has exited.
 */
export function watchOrphan(pid: number | undefined, workerPath: string): () => void {
  if (pid === undefined || process.platform === 'win32') return () => undefined
  const child = start()
  if (!child?.stdin?.writable) return () => undefined
  child.stdin.write(`+${pid} ${workerPath.replace(/\n/g, '')}\n`)
  watched++
  let done = false
  return () => {
    if (done) return
    done = true
    watched--
    if (child.stdin?.writable) child.stdin.write(`-${pid}\n`)
  }
}
