import { readFileSync, statSync } from 'node:fs'

/** Where a controller or an agent finds the cluster key file when no --cluster-key is given. */
export const CLUSTER_KEY_ENV = 'SPEEDUP_LAB_CLUSTER_KEY_FILE'

const MIN_KEY_BYTES = 16
const MAX_KEY_BYTES = 4096

/**
 * Reads a cluster key file: its bytes without surrounding white space (so a
 * key written with `openssl rand -hex 32 > key` works), at least 16 of them.
 * The key itself never appears in a message.
 */
export function readClusterKey(
  path: string
): { ok: true; key: Buffer } | { ok: false; message: string } {
  let bytes: Buffer
  try {
    if (statSync(path).size > MAX_KEY_BYTES)
      return { ok: false, message: `the key file ${path} is over ${MAX_KEY_BYTES} bytes` }
    bytes = readFileSync(path)
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e))
    return { ok: false, message: `cannot read the key file ${path} (${code})` }
  }
  const key = Buffer.from(bytes.toString('utf8').trim(), 'utf8')
  if (key.length < MIN_KEY_BYTES)
    return {
      ok: false,
      message:
        `the key file ${path} holds ${key.length} byte(s); a cluster key needs at least ` +
        `${MIN_KEY_BYTES} (e.g. openssl rand -hex 32 > ${path})`
    }
  return { ok: true, key }
}

/** --cluster-key FILE, else the file named by SPEEDUP_LAB_CLUSTER_KEY_FILE, else no key. */
export function clusterKeyFrom(
  given: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): { ok: true; key: Buffer | null } | { ok: false; message: string } {
  const path = given ?? env[CLUSTER_KEY_ENV]
  if (path === undefined || path === '') return { ok: true, key: null }
  return readClusterKey(path)
}
