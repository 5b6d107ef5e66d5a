import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { atomicWriteFile } from '../fs/atomicWriteFile'

/**
 * Commands the user confirmed, remembered by the hash of their exact text
 * (commandApprovalText: the line, its shape, the lifecycle steps, the folder,
 * the environment), so each distinct command is confirmed once. A damaged or
 * missing file forgets them all: the user is asked again, the app never fails.
 */
export interface CommandApprovals {
  isApproved(text: string): Promise<boolean>
  approve(text: string): Promise<void>
}

export const APPROVALS_FILE = 'command-approvals.json'
const MAX_KEPT = 1000

export const approvalHash = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex')

export function fileCommandApprovals(
  path: string,
  write: (path: string, data: string) => Promise<void> = atomicWriteFile
): CommandApprovals {
  let cache: string[] | null = null
  const load = async (): Promise<string[]> => {
    if (cache) return cache
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'))
      const approved = (parsed as { approved?: unknown }).approved
      cache = Array.isArray(approved)
        ? approved.filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))
        : []
    } catch {
      cache = []
    }
    return cache
  }
  return {
    async isApproved(text) {
      return (await load()).includes(approvalHash(text))
    },
    async approve(text) {
      const hash = approvalHash(text)
      const approved = (await load()).filter((h) => h !== hash)
      approved.push(hash)
      cache = approved.slice(-MAX_KEPT)
      await write(path, JSON.stringify({ version: 1, approved: cache }, null, 2) + '\n')
    }
  }
}
