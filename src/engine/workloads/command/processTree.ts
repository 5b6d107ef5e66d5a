import { spawn } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'

/** A copy that ignores SIGTERM gets SIGKILL this long after it. */
export const KILL_GRACE_MS = 100

/** True while any process of the group `pgid` exists, zombies included (POSIX; cheap). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch (e) {
    // EPERM: a member exists that we may not signal (it changed its user): still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A process's state letter and process group from /proc (Linux), or null when it is gone. */
function procStat(pid: number): { state: string; pgrp: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    // The command name is in parentheses and may hold anything: read after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { state: rest[0], pgrp: Number(rest[2]) }
  } catch {
    return null
  }
}

/**
 * True while `pid` runs. A zombie (ended, waiting for its parent, here often
 * init, to collect it) does not run, although kill(pid, 0) still finds it.
 */
export function pidRunning(pid: number): boolean {
  if (process.platform === 'linux') {
    const s = procStat(pid)
    return s !== null && s.state !== 'Z' && s.state !== 'X'
  }
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The processes of group `pgid` that still run (zombies left out). On Linux
 * this reads every /proc entry (tens of ms on a busy machine): for checks
 * after the fact, not for polling. Elsewhere: the group leader's answer.
 */
export function runningMembers(pgid: number): number[] {
  if (process.platform !== 'linux') return groupAlive(pgid) ? [pgid] : []
  if (!groupAlive(pgid)) return []
  const members: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const s = procStat(Number(name))
    if (s && s.pgrp === pgid && s.state !== 'Z' && s.state !== 'X') members.push(Number(name))
  }
  return members
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // Already gone.
  }
}

/**
 * Ends a copy's whole process tree: on POSIX its process group gets SIGTERM,
 * then SIGKILL after KILL_GRACE_MS if any member is still there; on Windows
 * `taskkill /T /F` ends the tree. Resolves when the group is gone (POSIX) or
 * taskkill has answered (Windows).
 */
export async function killTree(pid: number): Promise<void> {
  if (process.platform === 'win32') {
    await new Promise<void>((resolve) => {
      const killer = spawn('taskkill', ['/pid', String(pid), '/T', '/F'], {
        stdio: 'ignore',
        windowsHide: true
      })
      killer.once('exit', () => resolve())
      killer.once('error', () => resolve())
    })
    return
  }
  if (!groupAlive(pid)) return
  signalGroup(pid, 'SIGTERM')
  const deadline = Date.now() + KILL_GRACE_MS
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10))
    if (!groupAlive(pid)) return
  }
  // Still there: a member ignores SIGTERM (or is a zombie its new parent has not collected yet,
  // which SIGKILL does not mind). SIGKILL cannot be ignored.
  signalGroup(pid, 'SIGKILL')
}
