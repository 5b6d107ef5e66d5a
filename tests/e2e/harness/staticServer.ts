import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join, normalize, resolve, sep } from 'node:path'
import { contentTypeOf } from '../../../src/main/window/appProtocol'

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/ */
  url: string
  close(): Promise<void>
}

/**
 * Serves a built web app from `root` on 127.0.0.1 at a random port, so the
 * page runs from an http origin as in a browser (CSP 'self', module scripts),
 * not from file://. Paths outside `root` are refused.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root)
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      const file = normalize(join(base, pathname === '/' ? 'index.html' : pathname))
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end()
        return
      }
      try {
        const body = await readFile(file)
        res.writeHead(200, {
          'content-type': contentTypeOf(file),
          'cache-control': 'no-store'
        })
        res.end(req.method === 'HEAD' ? undefined : body)
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      }
    })()
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', ok)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      })
  }
}
