/**
 * Load at the edges: far more workers than cores, and the widest range the
 * configuration accepts. (The long soak lives in perf/soak.perf.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/engine/types'
import { MAX_SAFE } from '../../src/shared/config'
import { expectedSum, splitRange } from '../../src/shared/range'
import type { RunProgress } from '../../src/shared/result'
import { scalingWarnings } from '../../src/shared/analysis/scalingWarnings'
import { alive, config, eventually } from '../helpers/engine'
import { childPids, settle, tappedEngine } from '../helpers/faults'

const engines: Engine[] = []
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()))
})

describe('oversubscription', () => {
  it('completes with 64 worker processes on this machine, exactly, and warns', async () => {
    const before = childPids().length
    const { engine, workers } = tappedEngine()
    engines.push(engine)
    const run = await engine.run(
      config({ workers: [64], range: { start: 0, end: 6_400_000 }, reps: 1, warmup: 0 })
    )
    expect(workers.filter((w) => w.backend === 'process')).toHaveLength(64)
    expect(run.correct).toBe(true)
    const result = run.results.find((r) => r.workers === 64)!
    expect(result.sum).toBe(expectedSum({ start: 0, end: 6_400_000 }).toString())
    expect(result.samples[0].computeMs).toHaveLength(64)
    expect(new Set(result.samples[0].workers.map((w) => w.pid)).size).toBe(64)

    const cores = run.system.availableParallelism
    const codes = scalingWarnings({
      workers: 64,
      wallMs: result.samples.map((s) => s.wallMs),
      logicalCores: cores
    }).map((w) => w.code)
    expect(codes.includes('more-workers-than-cores')).toBe(cores < 64)

    expect(await eventually(() => workers.every((w) => !alive(w.pid)), 10_000)).toBe(true)
    expect(await eventually(() => childPids().length === before, 10_000)).toBe(true)
  }, 120_000)
})

describe('the widest safe range', () => {
  const range = { start: -MAX_SAFE, end: MAX_SAFE }

  it('is a valid configuration whose split and closed form stay exact', () => {
    const parts = splitRange(range, 2)
    expect(parts.every((p) => Number.isSafeInteger(p.start) && Number.isSafeInteger(p.end))).toBe(
      true
    )
    expect(parts[0].start).toBe(range.start)
    expect(parts[1].end).toBe(range.end)
    // Every integer in [−M, M) cancels out except −M itself.
    expect(expectedSum(range)).toBe(-BigInt(MAX_SAFE))
  })

  for (const backend of ['process', 'thread'] as const) {
    it(`can be started, shows progress and cancels (${backend})`, async () => {
      const { engine, workers } = tappedEngine()
      engines.push(engine)
      const seen: RunProgress[] = []
      let cancelled: Promise<boolean> | null = null
      const outcome = await settle(
        engine.run(config({ backend, range, workers: [2], reps: 1, warmup: 0 }), {
          // Years of work: the engine refuses it unless the user confirmed.
          confirmedLong: true,
          onProgress: (p) => {
            seen.push(p)
            // Two progress events in which a worker has moved: it is summing, and it says so.
            if (!cancelled && seen.filter((s) => s.perWorker.some((f) => f > 0)).length >= 2)
              cancelled = engine.cancel()
          }
        })
      )
      expect(!outcome.ok && outcome.failure.error.code).toBe('cancelled')
      expect(await cancelled).toBe(true)
      const moving = seen.filter((p) => p.phase === 'measuring' && p.perWorker.some((f) => f > 0))
      expect(moving.length).toBeGreaterThanOrEqual(2)
      for (const p of seen) {
        expect(p.fraction).toBeGreaterThanOrEqual(0)
        expect(p.fraction).toBeLessThan(1e-3)
        for (const f of p.perWorker) expect(f >= 0 && f < 1e-3).toBe(true)
      }
      expect(await eventually(() => workers.every((w) => w.exited !== null))).toBe(true)
      expect(workers.every((w) => !alive(w.pid))).toBe(true)
    })
  }
})
