import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine'
import { childProcessBackend } from '../../src/engine/backends/childProcess'
import type { Engine } from '../../src/engine'
import { BenchFailure } from '../../src/shared/errors'
import { config, WORKER_PATH } from '../helpers/engine'

const engines: Engine[] = []
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()))
})

const MAX = Number.MAX_SAFE_INTEGER

describe('the wasm kernel through the engine', () => {
  for (const backend of ['process', 'thread'] as const) {
    for (const pool of ['warm', 'cold'] as const) {
      it(`sums exactly next to 2^53 and records the kernel: ${backend}, ${pool}`, async () => {
        const engine = createEngine({ workerPath: WORKER_PATH })
        engines.push(engine)
        const run = await engine.run(
          config({
            backend,
            pool,
            kernel: 'wasm',
            range: { start: MAX - 4_000_003, end: MAX },
            workers: [1, 2],
            reps: 1
          })
        )
        expect(run.correct).toBe(true)
        expect(run.config.kernel).toBe('wasm')
        for (const r of run.results)
          for (const s of r.samples)
            for (const w of s.workers) {
              expect(w.kernel).toBe('wasm')
              expect(w.nsPerElement).toBeGreaterThan(0)
            }
      })
    }
  }

  it('records js as the kernel when the configuration does not name one', async () => {
    const engine = createEngine({ workerPath: WORKER_PATH })
    engines.push(engine)
    const run = await engine.run(config({ reps: 1 }))
    expect(run.config.kernel).toBe('js')
    expect(run.results[0].samples[0].workers[0].kernel).toBe('js')
  })
})

describe('a runtime without WebAssembly SIMD (workers under node --jitless)', () => {
  const jitlessEngine = (): Engine => {
    const log: string[] = []
    const engine = createEngine({
      workerPath: WORKER_PATH,
      log: (l) => log.push(l),
      processBackend: (path, l) => childProcessBackend(path, l, ['--jitless'])
    })
    engines.push(engine)
    return engine
  }

  for (const pool of ['warm', 'cold'] as const) {
    it(`fails a wasm run before measuring anything, saying why (${pool})`, async () => {
      const engine = jitlessEngine()
      let progressed = 0
      const failure = await engine
        .run(config({ pool, kernel: 'wasm', reps: 1 }), {
          onProgress: (p) => {
            if (p.phase === 'measuring') progressed++
          }
        })
        .then(
          () => null,
          (e: unknown) => e
        )
      expect(failure).toBeInstanceOf(BenchFailure)
      const error = (failure as BenchFailure).error
      expect(error.code).toBe('invalid-input')
      expect(error.message).toMatch(/cannot run the wasm kernel: .*no WebAssembly SIMD/)
      expect(error.issues?.[0].field).toBe('kernel')
      if (pool === 'warm') expect(progressed).toBe(0)
    })
  }

  it('still runs the js kernel there', async () => {
    const run = await jitlessEngine().run(config({ kernel: 'js', reps: 1 }))
    expect(run.correct).toBe(true)
  })
})
