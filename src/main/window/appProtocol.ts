import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * The renderer is served from `app://speedup-lab/…` instead of `file://`:
 * a standard, secure scheme of its own, so the page's origin is the app and
 * nothing else (CSP `'self'` no longer matches every local file), and the
 * `grantFileProtocolExtraPrivileges` fuse can be off. Only files inside the
 * renderer folder are ever served. Electron wiring is in src/main/index.ts;
 * everything here is plain Node and unit-tested.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'speedup-lab'
/** The page the window loads. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** How the scheme is registered (protocol.registerSchemesAsPrivileged, before `ready`). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
} as const

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8'
}

/** The MIME type a file is served with. */
export const contentTypeOf = (file: string): string =>
  TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'

/**
 * The file inside `root` that `url` names, or null when it names none: a
 * foreign scheme or host, a malformed escape, a NUL byte, a backslash, or a
 * path that resolves outside `root` (`..`, encoded or not).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '/' || path === '') path = '/index.html'
  const base = resolve(root)
  const file = resolve(base, `.${path}`)
  const inside = relative(base, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file.startsWith(base + sep) ? file : null
}

/** Answers one app:// request: the file with its type, or 404 (never anything outside `root`). */
export async function appResponse(root: string, url: string): Promise<Response> {
  const file = resolveAppPath(root, url)
  if (file === null) return new Response('Not found', { status: 404 })
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return new Response('Not found', { status: 404 })
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { 'content-type': contentTypeOf(file), 'x-content-type-options': 'nosniff' }
  })
}
