import { afterEach, describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { createEngine } from '../../src/engine'
import { childProcessBackend } from '../../src/engine/backends/childProcess'
import { WorkerPool } from '../../src/engine/workerPool'
import { expectedSum } from '../../src/shared/range'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import type { RunProgress } from '../../src/shared/result'
import { alive, config, eventually, spyEngine, WORKER_PATH, failureOf } from '../helpers/engine'

const engines: { dispose(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()))
})

describe('engine, real workers', () => {
  for (const backend of ['process', 'thread'] as const) {
    for (const workload of ['split', 'replicate', 'weak'] as const) {
      for (const pool of ['warm', 'cold'] as const) {
        it(`sums exactly: ${backend}, ${workload}, ${pool}`, async () => {
          const engine = createEngine({ workerPath: WORKER_PATH })
          engines.push(engine)
          const range = { start: -1_234_567, end: 3_000_001 }
          const run = await engine.run(
            config({ backend, workload, pool, range, workers: [1, 3], warmup: 1 })
          )
          expect(run.correct).toBe(true)
          expect(run.results.map((r) => r.workers)).toEqual([1, 3])
          const closed = ((3_000_001n - -1_234_567n) * (-1_234_567n + 3_000_000n)) / 2n
          for (const r of run.results) {
            const copies = workload === 'replicate' ? BigInt(r.workers) : 1n
            const length = 3_000_001 - -1_234_567
            const weak = expectedSum({ start: -1_234_567, end: -1_234_567 + r.workers * length })
            expect(r.expectedSum).toBe((workload === 'weak' ? weak : closed * copies).toString())
            expect(r.sum).toBe(r.expectedSum)
            expect(r.correct).toBe(true)
            expect(r.samples).toHaveLength(2)
            for (const s of r.samples) {
              expect(s.computeMs).toHaveLength(r.workers)
              expect(s.workers).toHaveLength(r.workers)
              expect(s.wallMs).toBeGreaterThan(0)
              expect(s.wallMs).toBeGreaterThanOrEqual(Math.max(...s.computeMs))
              if (pool === 'cold') expect(s.spawnMs).toBeGreaterThan(0)
              else expect(s.spawnMs).toBeNull()
            }
            // The record keeps what was measured and what was checked, nothing derived.
            expect(r.check).toEqual({ job: 'sum', what: 'closed-form' })
            expect(Object.keys(r).sort()).toEqual([
              'check',
              'correct',
              'expectedSum',
              'samples',
              'sum',
              'workers'
            ])
          }
          const a = analyzeRun(run)
          for (const w of a.workers) {
            expect(w.minMs).toBeLessThanOrEqual(w.medianMs)
            expect(w.medianMs).toBeLessThanOrEqual(w.maxMs)
            if (pool === 'cold') expect(w.spawnMedianMs).toBeGreaterThan(0)
            else expect(w.spawnMedianMs).toBeNull()
          }
          expect(a.workers[0].speedup.speedup).toBe(1)
          expect(a.workers[0].karpFlatt).toBeNull()
          expect(a.workers[1].speedup.efficiency).toBeCloseTo(a.workers[1].speedup.speedup / 3, 10)
        })
      }
    }
  }

  it('measures N = 1 as the baseline when the list lacks it, and keeps it in the record', async () => {
    const { engine, handles } = spyEngine()
    engines.push(engine)
    const run = await engine.run(config({ workers: [2] }))
    // Regression (issue 9): with --workers 2 the measured baseline was dropped from table and CSV.
    expect(run.results.map((r) => r.workers)).toEqual([1, 2])
    expect(run.results[0].samples.length).toBeGreaterThan(0)
    expect(analyzeRun(run).workers[1].speedup.speedup).toBeGreaterThan(0)
    // One warm pool of max(1, 2) workers served both counts.
    expect(handles).toHaveLength(2)
  })

  it('gives correct totals with more workers than elements', async () => {
    const engine = createEngine({ workerPath: WORKER_PATH })
    engines.push(engine)
    const run = await engine.run(
      config({ range: { start: 10, end: 13 }, workers: [5], backend: 'thread' })
    )
    expect(run.results[0].sum).toBe('33')
    expect(run.correct).toBe(true)
  })

  it('streams progress that ends at 1', async () => {
    const engine = createEngine({ workerPath: WORKER_PATH })
    engines.push(engine)
    const seen: RunProgress[] = []
    await engine.run(config({ range: { start: 0, end: 200_000_000 }, reps: 1 }), {
      onProgress: (p) => seen.push(p)
    })
    expect(seen.length).toBeGreaterThan(2)
    expect(seen.at(-1)).toMatchObject({ phase: 'done', fraction: 1 })
    const fractions = seen.map((p) => p.fraction)
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1] - 1e-9)).toBe(true)
    expect(
      seen.some((p) => p.phase === 'measuring' && p.perWorker.some((f) => f > 0 && f < 1))
    ).toBe(true)
  })

  it('rejects an invalid configuration before any worker starts, listing every problem', async () => {
    const { engine, handles } = spyEngine()
    engines.push(engine)
    const failure = await failureOf(
      engine.run({ ...config(), range: { start: 5, end: 1 }, workers: [0], reps: 0, colour: 'red' })
    )
    expect(failure.error.code).toBe('invalid-input')
    expect(failure.error.issues?.map((i) => i.field).sort()).toEqual([
      '(config)',
      'range.end',
      'reps',
      'workers.0'
    ])
    expect(handles).toHaveLength(0)
  })

  it('names a worker killed mid-run, leaves no process behind, and runs again', async () => {
    const { engine, handles } = spyEngine()
    engines.push(engine)
    let killed: number | null = null
    const failure = await failureOf(
      engine.run(config({ range: { start: 0, end: 20_000_000_000 }, workers: [1, 2], reps: 1 }), {
        onProgress: (p) => {
          if (killed === null && p.phase === 'measuring' && p.perWorker[0] > 0) {
            killed = handles[0].pid
            process.kill(killed!, 'SIGKILL')
          }
        }
      })
    )
    expect(failure.error.code).toBe('worker-crashed')
    expect(failure.error.message).toContain(`worker 1 (pid ${killed})`)
    expect(failure.error.message).toContain('SIGKILL')
    expect(failure.error.worker).toMatchObject({ name: 'worker 1', pid: killed, signal: 'SIGKILL' })
    expect(await eventually(() => handles.every((h) => !alive(h.pid)))).toBe(true)
    expect(engine.busy).toBe(false)
    const next = await engine.run(config())
    expect(next.correct).toBe(true)
  })

  it('fails naming the worker when a worker is lost while idle', async () => {
    const { engine, handles } = spyEngine()
    engines.push(engine)
    let killed = false
    const failure = await failureOf(
      engine.run(config({ range: { start: 0, end: 20_000_000_000 }, workers: [1, 2], reps: 1 }), {
        onProgress: (p) => {
          // Worker 2 of the warm pool waits while worker 1 measures N = 1.
          if (!killed && p.phase === 'measuring' && p.perWorker[0] > 0) {
            killed = true
            process.kill(handles[1].pid!, 'SIGKILL')
          }
        }
      })
    )
    expect(failure.error.code).toBe('worker-crashed')
    expect(failure.error.worker?.name).toBe('worker 2')
    expect(await eventually(() => handles.every((h) => !alive(h.pid)))).toBe(true)
  })

  it('fails naming the worker when a thread worker dies, and runs again', async () => {
    const { engine, handles } = spyEngine()
    engines.push(engine)
    let stopped = false
    const failure = await failureOf(
      engine.run(
        config({
          backend: 'thread',
          range: { start: 0, end: 20_000_000_000 },
          workers: [2],
          reps: 1
        }),
        {
          onProgress: (p) => {
            if (!stopped && p.phase === 'measuring' && p.perWorker[0] > 0) {
              stopped = true
              handles[0].kill()
            }
          }
        }
      )
    )
    expect(failure.error.code).toBe('worker-crashed')
    expect(failure.error.message).toMatch(/^worker 1 /)
    expect((await engine.run(config({ backend: 'thread' }))).correct).toBe(true)
  })

  it('cancels: every worker stops, the run reports cancelled (not an error), the engine runs again', async () => {
    const { engine, handles } = spyEngine()
    engines.push(engine)
    let started = false
    const running = engine.run(
      config({ range: { start: 0, end: 50_000_000_000 }, workers: [2], reps: 3 }),
      {
        onProgress: (p) => {
          if (p.phase === 'measuring') started = true
        }
      }
    )
    expect(await eventually(() => started, 10_000)).toBe(true)
    expect(engine.busy).toBe(true)
    expect(await engine.cancel()).toBe(true)
    const failure = await failureOf(running)
    expect(failure.error.code).toBe('cancelled')
    expect(handles.every((h) => !alive(h.pid))).toBe(true)
    expect(await engine.cancel()).toBe(false)
    expect((await engine.run(config())).correct).toBe(true)
  })

  it('cancels through an AbortSignal, also during a cold spawn', async () => {
    const { engine, handles } = spyEngine()
    engines.push(engine)
    const controller = new AbortController()
    const running = engine.run(
      config({ pool: 'cold', range: { start: 0, end: 50_000_000_000 }, workers: [2] }),
      {
        signal: controller.signal
      }
    )
    await eventually(() => handles.length > 0)
    controller.abort()
    expect((await failureOf(running)).error.code).toBe('cancelled')
    expect(await eventually(() => handles.every((h) => !alive(h.pid)))).toBe(true)
  })

  it('refuses a second run while one is going on', async () => {
    const engine = createEngine({ workerPath: WORKER_PATH })
    engines.push(engine)
    const first = engine.run(
      config({ range: { start: 0, end: 5_000_000_000 }, workers: [1], reps: 1 })
    )
    const second = await failureOf(engine.run(config()))
    expect(second.error.code).toBe('busy')
    await engine.cancel()
    await failureOf(first)
  })
})

describe('worker pool start-up', () => {
  it('fails a worker that never says it is ready, naming it, and stops it', async () => {
    const silent = resolve(__dirname, '../fixtures/workers/silent.mjs')
    const pool = new WorkerPool(childProcessBackend(silent), () => undefined, 300)
    const failure = await failureOf(pool.start(1))
    expect(failure.error.code).toBe('worker-crashed')
    expect(failure.error.message).toMatch(/^worker 1 \(pid \d+\) did not start within 0\.3 s\.$/)
    expect(await eventually(() => pool.workers.every((w) => w.exit !== null))).toBe(true)
    await pool.terminate()
  })
})
