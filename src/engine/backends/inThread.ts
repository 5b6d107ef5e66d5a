import { inProcessBackend } from './inProcess'
import type { Backend } from '../types'

/**
 * The serial base case's backend: the worker loop run on this thread (no
 * worker process or thread), or null where this runtime cannot load the
 * worker's code (a tsx-run script: no loader for the wasm kernel's source),
 * so the run goes on without the base case and says why.
 */
export async function inThreadBackend(log: (line: string) => void): Promise<Backend | null> {
  try {
    await import('../../worker/loop')
    return inProcessBackend(log)
  } catch (e) {
    log(`[serial] no in-thread worker loop here: ${e instanceof Error ? e.message : String(e)}`)
    return null
  }
}
