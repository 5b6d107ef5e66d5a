import { fork } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { WorkerMessage } from '../../src/shared/protocol'
import { loadBuilderConfig, ROOT } from '../helpers/packaging'

/*
 * The packaged app leaves exactly one file outside the integrity-checked app.asar:
 * the worker bundle (worker_threads cannot load a script from inside an asar).
 * It must therefore carry everything it runs; a chunk it required would have to
 * be unpacked too, and main's code shares those chunks (issue 23.2).
 */
const WORKER = join(ROOT, 'out/main/worker.js')

/** Every module the bundle loads: require("…") and import("…") calls. */
function loadedModules(code: string): string[] {
  const found = [...code.matchAll(/\b(?:require|import)\(\s*["'`]([^"'`]+)["'`]\s*\)/g)]
  return [...new Set(found.map((m) => m[1]))]
}

describe('the worker bundle', () => {
  it('requires nothing but Node’s own modules: no chunk of out/main, no package', async () => {
    const modules = loadedModules(await readFile(WORKER, 'utf8'))
    expect(modules.length).toBeGreaterThan(0)
    const builtin = new Set(builtinModules)
    const foreign = modules.filter((m) => !(m.startsWith('node:') || builtin.has(m)))
    expect(foreign).toEqual([])
    // The scan itself sees a relative require (what the old build had).
    expect(loadedModules('require("./chunks/protocol-ExY_mLuc.js")')).toEqual([
      './chunks/protocol-ExY_mLuc.js'
    ])
  })

  it('runs alone: copied into an empty folder it sums with both kernels', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'speedup-worker-alone-'))
    try {
      const unpacked = join(dir, 'app.asar.unpacked', 'out', 'main')
      await mkdir(unpacked, { recursive: true })
      await copyFile(WORKER, join(unpacked, 'worker.js'))
      const child = fork(join(unpacked, 'worker.js'), [], { cwd: dir, stdio: 'pipe' })
      let stderr = ''
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
      const messages: WorkerMessage[] = []
      const next = (type: WorkerMessage['type']): Promise<WorkerMessage> =>
        new Promise((resolve, reject) => {
          const seen = messages.find((m) => m.type === type)
          if (seen) return resolve(seen)
          const onMessage = (m: WorkerMessage): void => {
            if (m.type === type) resolve(m)
          }
          child.on('message', onMessage)
          child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${stderr}`)))
        })
      child.on('message', (m: WorkerMessage) => messages.push(m))
      try {
        const ready = await next('ready')
        expect(ready.type === 'ready' && ready.kernels).toEqual(expect.arrayContaining(['js']))
        const results: string[] = []
        for (const [jobId, kernel] of [
          [1, 'js'],
          [2, ready.type === 'ready' && ready.kernels.includes('wasm') ? 'wasm' : 'js']
        ] as const) {
          messages.length = 0
          child.send({
            type: 'run',
            jobId,
            start: 0,
            end: 100_001,
            kernel,
            progressIntervalMs: 100
          })
          const result = await next('result')
          results.push(
            result.type === 'result' && result.job === 'sum' ? result.sum : `${result.type}`
          )
        }
        // 0 + 1 + … + 100 000 = 100 000 · 100 001 / 2
        expect(results).toEqual(['5000050000', '5000050000'])
      } finally {
        child.kill()
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('electron-builder.yml', () => {
  it('unpacks the worker bundle alone: main’s code stays inside the checked asar', () => {
    const unpack = loadBuilderConfig().asarUnpack
    expect(unpack).toEqual(['out/main/worker.js'])
  })
})
