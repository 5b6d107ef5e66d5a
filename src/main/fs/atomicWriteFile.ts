import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Flushes a directory entry (a rename or a new file) to disk. Windows cannot
 * open a directory for fsync; there the rename itself is what we get.
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Best effort: not every platform lets a directory be fsynced.
  } finally {
    await handle?.close()
  }
}

/**
 * Replaces `path` with what `fill` writes, so that a reader (or a crash) sees
 * either the whole old file or the whole new one: write a temporary file
 * beside it, fsync it, rename it over the target, fsync the directory.
 */
export async function atomicReplace(
  path: string,
  fill: (handle: FileHandle) => Promise<void>,
  { durable = true }: { durable?: boolean } = {}
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx')
    try {
      await fill(handle)
      if (durable) await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
  if (durable) await syncDirectory(dirname(path))
}

/**
 * atomicReplace with the whole content at hand. `durable: false` skips the
 * fsyncs, for caches: after a power cut the file may be empty, never mixed.
 */
export function atomicWriteFile(
  path: string,
  data: string | Uint8Array,
  options?: { durable?: boolean }
): Promise<void> {
  return atomicReplace(path, (handle) => handle.writeFile(data), options)
}
