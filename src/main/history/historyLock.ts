/**
 * The history file's lock: proper-lockfile's `<path>.lock` directory, plus a
 * note of its holder (`<path>.lock-owner`: pid and host) so that a writer
 * killed with SIGKILL on this machine is noticed at once instead of after
 * proper-lockfile's 10 s staleness. (The note cannot live inside the lock
 * directory: proper-lockfile removes it with rmdir, which needs it empty.)
 */
import { readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { lock } from 'proper-lockfile'

/** A lock older than this is taken over: its holder died (proper-lockfile refreshes it meanwhile). */
const LOCK_STALE_MS = 10_000
/** How long to wait for another process's write to finish before giving up. */
const LOCK_WAIT_MS = 30_000

const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined

interface Owner {
  pid: number
  host: string
}

const ownerPath = (path: string): string => `${path}.lock-owner`

async function readOwner(file: string): Promise<Owner | null> {
  try {
    const o = JSON.parse(await readFile(file, 'utf8')) as Partial<Owner>
    return typeof o.pid === 'number' && typeof o.host === 'string'
      ? { pid: o.pid, host: o.host }
      : null
  } catch {
    return null
  }
}

/** Whether the process is gone (a pid that exists but is not ours to signal is alive). */
function dead(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return false
  } catch (e) {
    return errorCode(e) === 'ESRCH'
  }
}

/**
 * When the lock's noted holder is a process of this machine that no longer
 * exists, removes its lock and returns true. Only one waiter can claim the
 * note (a rename succeeds once), so two waiters never both remove a lock.
 */
async function takeOverFromDead(path: string): Promise<boolean> {
  const note = ownerPath(path)
  const owner = await readOwner(note)
  if (!owner || owner.host !== hostname() || owner.pid === process.pid || !dead(owner.pid))
    return false
  const claimed = `${note}.${process.pid}`
  try {
    await rename(note, claimed)
  } catch {
    return false // another waiter claimed it first
  }
  const still = await readOwner(claimed)
  if (!still || still.pid !== owner.pid) {
    // The note changed between the read and the rename (a new, live holder): put it back.
    await rename(claimed, note).catch(() => undefined)
    return false
  }
  await rm(`${path}.lock`, { recursive: true, force: true })
  await unlink(claimed).catch(() => undefined)
  return true
}

/**
 * Takes `<path>.lock`, waiting while another process holds it, and taking it
 * over at once from a holder that died on this machine. Any other failure
 * (a read-only folder) is thrown at once rather than retried.
 */
export async function acquireHistoryLock(path: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS
  // Short, jittered waits: a lock is held for one write, a few milliseconds.
  for (let delay = 2; ; delay = Math.min(delay * 2, 25)) {
    let release: () => Promise<void>
    try {
      release = await lock(path, {
        realpath: false,
        stale: LOCK_STALE_MS,
        // Held past `stale` (a stopped process): another may take it. Our write
        // is still whole-line or rolled back; nothing better to do than go on.
        onCompromised: () => undefined
      })
    } catch (e) {
      if (errorCode(e) !== 'ELOCKED' || Date.now() > deadline) throw e
      if (await takeOverFromDead(path)) continue
      await new Promise((r) => setTimeout(r, delay * (0.5 + Math.random())))
      continue
    }
    const note = ownerPath(path)
    await writeFile(note, JSON.stringify({ pid: process.pid, host: hostname() })).catch(
      () => undefined
    )
    return async () => {
      // The note goes first: a lock without a note is only ever taken over when stale.
      await unlink(note).catch(() => undefined)
      await release()
    }
  }
}
