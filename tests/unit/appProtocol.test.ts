import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_URL,
  appResponse,
  contentTypeOf,
  resolveAppPath
} from '../../src/main/window/appProtocol'

/** The renderer folder sits beside secrets it must never serve. */
let base: string
let root: string
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'app-protocol-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(root, 'assets', 'a b.css'), 'body{}')
  await writeFile(join(base, 'secret.txt'), 'secret')
  await mkdir(join(base, 'renderer-evil'))
  await writeFile(join(base, 'renderer-evil', 'x.js'), 'evil')
})
afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('app:// path resolution', () => {
  it('maps the app page and its assets into the renderer folder', () => {
    expect(APP_URL).toBe('app://speedup-lab/index.html')
    expect(resolveAppPath(root, APP_URL)).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://speedup-lab/')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://speedup-lab/assets/index-abc.js?v=1#x')).toBe(
      join(root, 'assets', 'index-abc.js')
    )
    expect(resolveAppPath(root, 'app://speedup-lab/assets/a%20b.css')).toBe(
      join(root, 'assets', 'a b.css')
    )
  })

  it('lets the URL parser fold dot segments at the root, so they stay inside it', () => {
    expect(resolveAppPath(root, 'app://speedup-lab/%2e%2e/secret.txt')).toBe(
      join(root, 'secret.txt')
    )
    expect(resolveAppPath(root, 'app://speedup-lab/../../secret.txt')).toBe(
      join(root, 'secret.txt')
    )
  })

  it.each([
    'app://speedup-lab/..%2fsecret.txt',
    'app://speedup-lab/assets/..%2f..%2fsecret.txt',
    'app://speedup-lab/%2e%2e%2frenderer-evil/x.js',
    'app://speedup-lab/..%5csecret.txt',
    'app://speedup-lab/index.html%00.js',
    'app://speedup-lab/%E0%A4%A',
    'app://speedup-lab/%2fetc%2fpasswd/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://speedup-lab/index.html',
    'not a url'
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })

  it('never resolves outside the renderer folder, whatever the path', () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2e',
      'assets',
      'a',
      '%2f',
      '%5c',
      '',
      '~'
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const file = resolveAppPath(root, `app://speedup-lab/${parts.join('/')}`)
        if (file !== null) expect(file.startsWith(root + '/')).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('app:// responses', () => {
  it('serves a file with its type', async () => {
    const page = await appResponse(root, APP_URL)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toBe('<!doctype html><title>app</title>')
    const script = await appResponse(root, 'app://speedup-lab/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('x.woff2')).toBe('font/woff2')
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream')
  })

  it('answers 404 for a missing file, a folder and anything outside', async () => {
    for (const url of [
      'app://speedup-lab/nope.js',
      'app://speedup-lab/assets',
      'app://speedup-lab/%2e%2e/secret.txt'
    ]) {
      const answer = await appResponse(root, url)
      expect(answer.status, url).toBe(404)
      expect(await answer.text()).not.toContain('secret')
    }
  })
})
