import { afterEach, describe, expect, it } from 'vitest'
import {
  findingText as studyFindingMessage,
  sweepText as sweepMessage
} from '../../src/shared/report'
import { createEngine, createMemoryProbe, runStudy } from '../../src/engine'
import type { Engine } from '../../src/engine'
import { analyzeRun, analyzeStudy } from '../../src/shared/scaling'
import type { StudyConfig, StudyProgress } from '../../src/shared/study'
import { alive, config, eventually, spyEngine, WORKER_PATH, failureOf } from '../helpers/engine'

const engines: Engine[] = []
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()))
})

describe('runStudy, real workers', () => {
  it('sweeps sizes cold and warm and compares both backends, with start cost and memory', async () => {
    const engine = createEngine({ workerPath: WORKER_PATH })
    engines.push(engine)
    const study: StudyConfig = {
      base: config({ range: { start: -7, end: 100_000 }, workers: [1, 2], reps: 2, warmup: 0 }),
      sizes: [2_000_000, 1000, 50_000],
      backends: ['process', 'thread']
    }
    const progress: StudyProgress[] = []
    const record = await runStudy(
      engine,
      study,
      { onProgress: (p) => progress.push(p) },
      { measureMemory: createMemoryProbe({ workerPath: WORKER_PATH, workers: 2 }) }
    )
    expect(record.correct).toBe(true)
    expect(record.sweepWorkers).toBe(2)

    // 2 backends × 2 pools × 3 sizes, sizes ascending within each.
    expect(record.sizeRuns.map((r) => `${r.backend} ${r.pool} ${r.size}`)).toEqual(
      ['process', 'thread'].flatMap((b) =>
        ['warm', 'cold'].flatMap((p) => [1000, 50_000, 2_000_000].map((s) => `${b} ${p} ${s}`))
      )
    )
    for (const r of record.sizeRuns) {
      expect(r.run.config).toMatchObject({
        range: { start: -7, end: -7 + r.size },
        workers: [1, 2],
        backend: r.backend,
        pool: r.pool
      })
      expect(r.run.results.map((x) => x.workers)).toEqual([1, 2])
      const spawns = r.run.results.flatMap((x) => x.samples.map((s) => s.spawnMs))
      if (r.pool === 'cold') expect(spawns.every((s) => s !== null && s > 0)).toBe(true)
      else expect(spawns.every((s) => s === null)).toBe(true)
    }

    expect(record.backendRuns.map((b) => b.backend)).toEqual(['process', 'thread'])
    for (const b of record.backendRuns) {
      expect(b.run.config).toMatchObject({ backend: b.backend, workers: [1, 2], pool: 'warm' })
      expect(b.coldStart.config).toMatchObject({
        backend: b.backend,
        workers: [1],
        pool: 'cold',
        range: { start: 0, end: 1000 }
      })
      expect(analyzeRun(b.coldStart).workers[0].spawnMedianMs).toBeGreaterThan(0)
      expect(b.memory).not.toBeNull()
      expect(b.memory!.backend).toBe(b.backend)
    }
    const [proc, thread] = record.backendRuns.map((b) => b.memory!)
    expect(proc.method).toBe(process.platform === 'linux' ? 'proc-status' : 'ps')
    // A Node process holds at least a few MiB; its PSS (shared pages split) is at most its RSS.
    expect(proc.rssBytesPerWorker).toBeGreaterThan(4 * 2 ** 20)
    if (proc.pssBytesPerWorker !== null) {
      expect(proc.pssBytesPerWorker).toBeLessThanOrEqual(proc.rssBytesPerWorker)
    }
    expect(thread).toMatchObject({ method: 'rss-growth', workers: 2, pssBytesPerWorker: null })
    expect(Number.isFinite(thread.rssBytesPerWorker)).toBe(true)

    // Progress over the whole study: 12 size runs, then 3 steps per backend.
    expect(progress.length).toBeGreaterThan(18)
    expect(new Set(progress.map((p) => p.steps))).toEqual(new Set([18]))
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i].fraction).toBeGreaterThanOrEqual(progress[i - 1].fraction - 1e-12)
    }
    expect(progress.at(-1)!.fraction).toBe(1)
    expect(progress.some((p) => p.label === 'memory probe · thread')).toBe(true)
    expect(progress.some((p) => p.run !== null && p.run.phase === 'measuring')).toBe(true)

    const analysis = analyzeStudy(record)
    expect(analysis.sizeSweeps.map((s) => `${s.backend} ${s.pool}`)).toEqual([
      'process warm',
      'process cold',
      'thread warm',
      'thread cold'
    ])
    for (const s of analysis.sizeSweeps) {
      expect(s.points.map((p) => p.size)).toEqual([1000, 50_000, 2_000_000])
      expect(['crosses', 'mixed', 'always', 'never']).toContain(s.breakEven.status)
      expect(sweepMessage(s)).toContain(`${s.backend}, ${s.pool} pool: 2 workers`)
    }
    expect(analysis.backendComparison!.headlineWorkers).toBe(2)
    expect(analysis.verdict.length).toBe(5)
    expect(analysis.verdict[4].code).toBe('backend-comparison')
    expect(studyFindingMessage(analysis.verdict[4])).toContain('Cold start of one worker: process')
    expect(studyFindingMessage(analysis.verdict[4])).toContain('Memory per worker: process')
  })

  it('rejects an invalid study before any worker starts, listing every problem', async () => {
    const { engine, handles } = spyEngine()
    engines.push(engine)
    const failure = await failureOf(
      runStudy(engine, {
        base: config({ workers: [1] }),
        sizes: [0, 10, 10],
        backends: ['gpu'],
        extra: true
      })
    )
    expect(failure.error.code).toBe('invalid-input')
    const fields = failure.error.issues!.map((i) => i.field)
    expect(fields).toEqual(expect.arrayContaining(['sizes.0', '(config)', 'backends.0']))
    expect(failure.error.message).toContain('unknown field: extra')
    const noN = await failureOf(runStudy(engine, { base: config({ workers: [1] }), sizes: [10] }))
    expect(noN.error.issues).toEqual([
      {
        field: 'base.workers',
        message: 'a size sweep compares 1 worker with N: give a worker count of at least 2',
        code: 'sweep-needs-two',
        params: {}
      }
    ])
    expect(handles).toHaveLength(0)
  })

  it('cancels mid-study: the run in progress stops, every worker is gone, nothing more runs', async () => {
    const { engine, handles } = spyEngine()
    engines.push(engine)
    const controller = new AbortController()
    const steps: number[] = []
    const running = runStudy(
      engine,
      {
        base: config({ workers: [1, 2], reps: 3, warmup: 0 }),
        sizes: [1000, 20_000_000_000],
        backends: ['process']
      },
      {
        signal: controller.signal,
        onProgress: (p) => {
          steps.push(p.step)
          if (p.step === 2 && p.run?.phase === 'measuring') controller.abort()
        }
      }
    )
    const failure = await failureOf(running)
    expect(failure.error.code).toBe('cancelled')
    expect(Math.max(...steps)).toBe(2)
    expect(handles.length).toBeGreaterThan(0)
    expect(await eventually(() => handles.every((h) => !alive(h.pid)))).toBe(true)
    // The engine is free for the next run.
    expect(engine.busy).toBe(false)
    const next = await engine.run(config())
    expect(next.correct).toBe(true)
  })
})
