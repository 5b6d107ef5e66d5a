/**
 * A real electron-builder run over electron-builder.yml (the Linux `dir`
 * target: the unpacked app every installer wraps), with a stand-in for the
 * Electron binary, which this machine cannot download. The stand-in carries
 * Electron's fuse wire so electron-builder flips the release fuses in it as it
 * would in the real one. Then the packaged app.asar is taken apart and the
 * CLI and the worker run from it under plain Node.
 */
import { execFile } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fork } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import { extractAll, listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { build, Platform } from 'electron-builder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asarUnpackedPath } from '../../src/main/fs/asarUnpackedPath'
import { expectedSum } from '../../src/shared/range'
import { productionPackageDirs, ROOT } from '../helpers/packaging'

const run = promisify(execFile)

/** Where electron-builder looks for fuses, and Electron's own defaults (before the release flips). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ON = 49
const OFF = 48
const ELECTRON_DEFAULT_WIRE = [ON, OFF, ON, ON, OFF, OFF, OFF, ON]

let work: string
let appOutDir: string
let asarPath: string
let asarFiles: string[]
let extracted: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'speedup-lab-package-'))
  const electronDist = join(work, 'electron-dist')
  await mkdir(join(electronDist, 'resources'), { recursive: true })
  await writeFile(
    join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary"\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, ELECTRON_DEFAULT_WIRE.length, ...ELECTRON_DEFAULT_WIRE])
    ]),
    { mode: 0o755 }
  )
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir'),
    // Deep-merged over electron-builder.yml, which electron-builder loads itself.
    config: { electronDist, directories: { output: join(work, 'dist') } },
    publish: 'never'
  })
  appOutDir = join(
    work,
    'dist',
    `linux-${process.arch === 'x64' ? '' : `${process.arch}-`}unpacked`
  )
  asarPath = join(appOutDir, 'resources', 'app.asar')
  asarFiles = listPackage(asarPath, { isPack: false }).map((f) => f.replace(/^\//, ''))
  extracted = join(work, 'app')
  extractAll(asarPath, extracted)
}, 180_000)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the packaged app (electron-builder, Linux dir target)', () => {
  it('holds the built app and package.json, nothing from src/, tests/ or the tooling', () => {
    for (const file of [
      'package.json',
      'out/main/index.js',
      'out/main/cli.js',
      'out/main/worker.js',
      'out/preload/index.js',
      'out/renderer/index.html'
    ]) {
      expect(asarFiles).toContain(file)
    }
    const own = asarFiles.filter((f) => !f.startsWith('node_modules'))
    expect(own.filter((f) => !/^(out(\/|$)|package\.json$)/.test(f))).toEqual([])
    expect(asarFiles.filter((f) => /^(src|tests|perf|scripts|build)\//.test(f))).toEqual([])
    expect(own.filter((f) => /\.(ts|map|svelte)$/.test(f))).toEqual([])
    const pkg = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8')) as {
      name: string
      productName?: string
      main: string
      devDependencies?: unknown
    }
    expect(existsSync(join(extracted, pkg.main))).toBe(true)
    // Electron names the user-data folder (where history lives) after this: the README's path.
    expect(pkg.name).toBe('speedup-lab')
    expect(pkg.productName).toBeUndefined()
    expect(pkg.devDependencies).toBeUndefined()
  })

  it('bundles exactly the production dependencies (no electron, no test or build tools)', () => {
    const shipped = new Set(
      asarFiles
        .filter((f) => f.startsWith('node_modules/') && f.split('/').length >= 3)
        .map((f) => {
          const [, scopeOrName, name] = f.split('/')
          return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName
        })
    )
    const production = new Set(productionPackageDirs().map((d) => d.split('node_modules/').at(-1)!))
    expect([...shipped].sort()).toEqual([...production].sort())
    for (const dev of ['electron', 'electron-builder', 'vitest', 'vite', 'svelte', 'typescript'])
      expect(shipped.has(dev)).toBe(false)
  })

  it('flips the release fuses in the Electron binary', async () => {
    const executable = join(appOutDir, 'speedup-lab')
    expect(existsSync(executable)).toBe(true)
    const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocolExtraPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges]
    }).toEqual({
      runAsNode: OFF,
      cookieEncryption: ON,
      nodeOptions: OFF,
      inspectArguments: OFF,
      asarIntegrity: ON,
      onlyLoadAppFromAsar: ON,
      fileProtocolExtraPrivileges: OFF
    })
  })

  it('runs the CLI from the packaged files under plain Node, exactly, on both backends', async () => {
    const range = { start: -1_000, end: 250_001 }
    const expected = expectedSum(range).toString()
    for (const backend of ['process', 'thread']) {
      const json = join(work, `result-${backend}.json`)
      const { stdout } = await run(
        process.execPath,
        [
          join(extracted, 'out/main/cli.js'),
          `--range=${range.start}:${range.end}`,
          '--workers=1,2',
          `--backend=${backend}`,
          '--warmup=0',
          '--reps=1',
          '--quiet',
          `--json=${json}`
        ],
        // Outside the checkout: only the packaged node_modules can satisfy a require.
        { cwd: extracted, env: { ...process.env, NODE_PATH: '', NODE_OPTIONS: '' } }
      )
      expect(stdout).toContain('✓ Every total matches')
      const report = JSON.parse(await readFile(json, 'utf8')) as {
        results: { workers: number; sum: string; correct: boolean }[]
      }
      expect(report.results.map((r) => [r.workers, r.sum, r.correct])).toEqual([
        [1, expected, true],
        [2, expected, true]
      ])
    }
  })

  it('unpacks a self-contained worker beside the asar (worker_threads cannot read inside it)', async () => {
    // Where the app's main process starts workers from: its own path to worker.js, unpacked.
    const unpacked = asarUnpackedPath(join(asarPath, 'out', 'main', 'worker.js'))
    expect(unpacked).toBe(
      join(appOutDir, 'resources', 'app.asar.unpacked', 'out', 'main', 'worker.js')
    )
    expect(existsSync(unpacked)).toBe(true)
    // It alone: main's code (its chunks) stays inside the integrity-checked asar.
    const unpackedRoot = join(appOutDir, 'resources', 'app.asar.unpacked')
    const outside = (await readdir(unpackedRoot, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(unpackedRoot, join(e.parentPath, e.name)).split(sep).join('/'))
    expect(outside).toEqual(['out/main/worker.js'])
    expect(asarFiles.some((f) => f.startsWith('out/main/chunks/'))).toBe(true)
    // And it requires nothing that would have to be found beside it.
    expect(readFileSync(unpacked, 'utf8')).not.toMatch(/require\("\.{1,2}\//)
    const child: ChildProcess = fork(unpacked, [], { execArgv: [], stdio: 'ignore', cwd: work })
    try {
      const messages: { type: string; sum?: string }[] = []
      const result = await new Promise<{ type: string; sum?: string }>((resolve, reject) => {
        child.on('message', (m: { type: string; sum?: string }) => {
          messages.push(m)
          if (m.type === 'ready')
            child.send({ type: 'run', jobId: 1, start: 0, end: 1001, progressIntervalMs: 100 })
          if (m.type === 'result' || m.type === 'error') resolve(m)
        })
        child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)))
      })
      expect(messages[0].type).toBe('ready')
      expect(result).toMatchObject({ type: 'result', sum: '500500' })
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('the unpacked worker carries its wasm kernel (inlined at build time, no file to find)', async () => {
    const unpacked = asarUnpackedPath(join(asarPath, 'out', 'main', 'worker.js'))
    expect(asarFiles.some((f) => f.endsWith('.wasm') || f.endsWith('.wat'))).toBe(false)
    const child: ChildProcess = fork(unpacked, [], { execArgv: [], stdio: 'ignore', cwd: work })
    try {
      const start = Number.MAX_SAFE_INTEGER - 100_001
      const end = Number.MAX_SAFE_INTEGER
      const seen: { type: string; kernels?: string[]; sum?: string; kernel?: string }[] = []
      const result = await new Promise<(typeof seen)[number]>((resolve, reject) => {
        child.on('message', (m: (typeof seen)[number]) => {
          seen.push(m)
          if (m.type === 'ready')
            child.send({
              type: 'run',
              jobId: 1,
              start,
              end,
              kernel: 'wasm',
              progressIntervalMs: 100
            })
          if (m.type === 'result' || m.type === 'error') resolve(m)
        })
        child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)))
      })
      expect(seen[0]).toMatchObject({ type: 'ready', kernels: ['js', 'wasm'] })
      expect(result).toMatchObject({
        type: 'result',
        kernel: 'wasm',
        sum: expectedSum({ start, end }).toString()
      })
    } finally {
      child.kill('SIGKILL')
    }
  })
})
