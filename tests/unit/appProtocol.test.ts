import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
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

/**
 * The renderer's build ships a CJK font as many WOFF2 subsets and loads its
 * Results, Scaling and explainer views as separate JS/CSS chunks (dynamic
 * import): each must come back over app:// with its own type, byte for byte,
 * or the font falls back to OS fonts and a module chunk is refused (module
 * scripts and stylesheets are checked strictly under `nosniff`).
 */
describe('app:// serves the fonts and lazily loaded chunks of the build', () => {
  // Not text: a WOFF2 signature followed by every byte value, so any text decoding would show.
  const woff2 = new Uint8Array([
    0x77,
    0x4f,
    0x46,
    0x32,
    ...Array.from({ length: 256 }, (_, i) => i)
  ])
  let build: string
  beforeAll(async () => {
    build = join(base, 'build')
    await mkdir(join(build, 'assets'), { recursive: true })
    await writeFile(join(build, 'assets', 'noto-sans-kr-korean-wght-normal-Bx1.woff2'), woff2)
    await writeFile(join(build, 'assets', 'Results-Cx2.js'), 'export const a=1')
    await writeFile(join(build, 'assets', 'Results-Cx2.css'), '.a{}')
  })

  it.each([
    ['assets/noto-sans-kr-korean-wght-normal-Bx1.woff2', 'font/woff2'],
    ['assets/Results-Cx2.js', 'text/javascript; charset=utf-8'],
    ['assets/Results-Cx2.css', 'text/css; charset=utf-8']
  ])('%s as %s, unchanged', async (file, type) => {
    const answer = await appResponse(build, `app://speedup-lab/${file}`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe(type)
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    const bytes = new Uint8Array(await answer.arrayBuffer())
    if (file.endsWith('.woff2')) expect(bytes).toEqual(woff2)
    else expect(bytes.length).toBeGreaterThan(0)
  })

  it('every file of the real build, and every font its CSS names, has a known type', async (ctx) => {
    const out = join(__dirname, '../../out/renderer')
    if (!existsSync(join(out, 'index.html'))) ctx.skip('not built (npm test builds first)')
    const files = (await readdir(join(out, 'assets'))).map((f) => `assets/${f}`)
    const expected: Record<string, string> = {
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.woff2': 'font/woff2'
    }
    const seen = new Set<string>()
    for (const file of files) {
      const ext = extname(file)
      const answer = await appResponse(out, `app://speedup-lab/${file}`)
      expect(answer.status, file).toBe(200)
      expect(answer.headers.get('content-type'), file).not.toBe('application/octet-stream')
      if (expected[ext]) expect(answer.headers.get('content-type'), file).toBe(expected[ext])
      seen.add(ext)
    }
    // The shipped font and the lazy chunks are really there: more than one JS and CSS file.
    expect([...seen]).toEqual(expect.arrayContaining(['.js', '.css', '.woff2']))
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1)
    // Fonts are files served over app:// (CSP font-src 'self'), never inlined data: URLs.
    let fonts = 0
    for (const css of files.filter((f) => f.endsWith('.css'))) {
      const text = await readFile(join(out, css), 'utf8')
      expect(text, css).not.toMatch(/url\(\s*["']?data:font/)
      for (const [, url] of text.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)) {
        const answer = await appResponse(out, new URL(url, `app://speedup-lab/${css}`).href)
        expect(answer.status, url).toBe(200)
        expect(answer.headers.get('content-type'), url).toBe('font/woff2')
        fonts += 1
      }
    }
    expect(fonts).toBeGreaterThan(0)
  })
})
