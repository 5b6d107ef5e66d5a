import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script, checked by its behaviour here
import { electronProblem, isMainModule } from '../../scripts/check-electron.mjs'

const SCRIPT = resolve(__dirname, '../../scripts/check-electron.mjs')
const run = promisify(execFile)

/** A project folder with an electron package: without a binary, or with one. */
async function project(root: string, binary: 'none' | 'path-only' | 'present'): Promise<void> {
  const electron = join(root, 'node_modules', 'electron')
  await mkdir(join(electron, 'dist'), { recursive: true })
  await writeFile(join(root, 'package.json'), '{"name":"x"}')
  await writeFile(join(electron, 'package.json'), '{"name":"electron","main":"index.js"}')
  if (binary !== 'none') await writeFile(join(electron, 'path.txt'), 'electron')
  if (binary === 'present') await writeFile(join(electron, 'dist', 'electron'), '')
}

describe('npm start without the Electron binary', () => {
  let root: string
  const env = { ...process.env }
  delete env.ELECTRON_OVERRIDE_DIST_PATH

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'speedup-electron-'))
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('names what is missing, or nothing when the binary is there', async () => {
    expect(electronProblem(root)).toMatch(/electron package is not installed/)
    await project(root, 'none')
    expect(electronProblem(root)).toMatch(/binary was not downloaded/)
    await project(root, 'path-only')
    expect(electronProblem(root)).toMatch(/binary is missing/)
    await project(root, 'present')
    expect(electronProblem(root)).toBeNull()
  })

  it('the script exits non-zero with how to get the binary, and passes once it is there', async () => {
    await project(root, 'none')
    const failed = await run('node', [SCRIPT], { cwd: root, env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toContain('cannot open the app: the Electron binary was not downloaded')
    expect(failed?.stderr).toContain('npm rebuild electron')
    expect(failed?.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD')
    await project(root, 'present')
    const ok = await run('node', [SCRIPT], { cwd: root, env })
    expect(ok.stderr).toBe('')
  })
})

describe('check-electron runs its check wherever it lives', () => {
  it('knows it is the script being run: a path with spaces, a Windows path, any drive case', () => {
    // A space is %20 in the module's URL: the old `file://${argv[1]}` comparison missed it.
    expect(
      isMainModule(
        'file:///home/a%20b/app/scripts/check-electron.mjs',
        '/home/a b/app/scripts/check-electron.mjs',
        'linux'
      )
    ).toBe(true)
    // Windows: import.meta.url is file:///C:/…, argv[1] is C:\…
    expect(
      isMainModule(
        'file:///C:/Users/Kim%20Lee/app/scripts/check-electron.mjs',
        'C:\\Users\\Kim Lee\\app\\scripts\\check-electron.mjs',
        'win32'
      )
    ).toBe(true)
    expect(
      isMainModule(
        'file:///C:/app/scripts/check-electron.mjs',
        'c:\\app\\scripts\\check-electron.mjs',
        'win32'
      )
    ).toBe(true)
    // Imported by another script (the test itself): not the main module.
    expect(
      isMainModule(
        'file:///home/a%20b/app/scripts/check-electron.mjs',
        '/home/a b/app/tests/x.mjs',
        'linux'
      )
    ).toBe(false)
    expect(
      isMainModule('file:///C:/app/scripts/check-electron.mjs', 'C:\\app\\other.mjs', 'win32')
    ).toBe(false)
    expect(isMainModule('file:///app/scripts/check-electron.mjs', undefined, 'linux')).toBe(false)
  })

  it('still stops `npm start` when the project sits in a folder with a space', async () => {
    const root = await mkdtemp(join(tmpdir(), 'speedup electron '))
    try {
      await project(root, 'none')
      await mkdir(join(root, 'scripts'))
      const script = join(root, 'scripts', 'check-electron.mjs')
      await copyFile(SCRIPT, script)
      const env = { ...process.env }
      delete env.ELECTRON_OVERRIDE_DIST_PATH
      const failed = await run('node', [script], { cwd: root, env }).then(
        () => null,
        (e: { code: number; stderr: string }) => e
      )
      expect(failed?.code).toBe(1)
      expect(failed?.stderr).toContain('the Electron binary was not downloaded')
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
