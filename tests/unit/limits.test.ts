import { availableParallelism } from 'node:os'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine'
import type { Backend } from '../../src/engine/types'
import { defaultRunConfig, validateRunConfig } from '../../src/shared/config'
import type { RunConfig } from '../../src/shared/config'
import { BenchFailure } from '../../src/shared/errors'
import {
  CONFIRM_ABOVE_MS,
  HARD_MAX_WORKERS,
  MAX_SPAWNS_PER_RUN,
  checkLimits,
  estimateRunMs,
  maxWorkersFor,
  roughDuration,
  spawnsFor
} from '../../src/shared/limits'
import { planRun } from '../../src/shared/analysis/runPlan'

// A fixed count (the default is 'auto', tested on its own below).
const base: RunConfig = { ...defaultRunConfig(2), range: { start: 0, end: 1_000_000 }, reps: 5 }

describe('limits', () => {
  it('workers: 32 per core, never above the hard ceiling', () => {
    expect(maxWorkersFor(2)).toBe(64)
    expect(maxWorkersFor(1)).toBe(32)
    expect(maxWorkersFor(64)).toBe(HARD_MAX_WORKERS)
    expect(checkLimits({ ...base, workers: [64] }, 2).refused).toEqual([])
    const [issue] = checkLimits({ ...base, workers: [1, 65] }, 2).refused
    expect(issue).toMatchObject({
      field: 'workers',
      code: 'too-many-workers',
      params: { workers: 65, max: 64, cores: 2 }
    })
  })

  it('the schema refuses 999 and 1,024 workers whatever the machine', () => {
    for (const n of [999, 1024]) {
      const r = validateRunConfig({ ...base, workers: [1, n] })
      expect(r.ok).toBe(false)
    }
  })

  it('spawns: a warm pool starts its largest count once, a cold one every count every repetition', () => {
    expect(spawnsFor({ ...base, workers: [2, 4], pool: 'warm' }, 2)).toBe(4)
    // 1 (baseline) + 2 + 4 workers, in 1 warm-up and 5 repetitions.
    expect(spawnsFor({ ...base, workers: [2, 4], pool: 'cold', warmup: 1, reps: 5 }, 2)).toBe(42)
    const many = { ...base, workers: Array.from({ length: 64 }, (_, i) => i + 1) }
    const cold = checkLimits({ ...many, pool: 'cold', warmup: 0, reps: 20 }, 2)
    expect(cold.refused.map((i) => i.code)).toEqual(['too-many-spawns'])
    expect(spawnsFor({ ...many, pool: 'cold', warmup: 0, reps: 20 }, 2)).toBeGreaterThan(
      MAX_SPAWNS_PER_RUN
    )
    expect(checkLimits({ ...many, pool: 'warm', warmup: 0, reps: 20 }, 2).refused).toEqual([])
  })

  it('the estimate grows with the work and asks for confirmation above the bound', () => {
    const small = estimateRunMs(base, 2)
    const big = estimateRunMs({ ...base, range: { start: 0, end: 1_000_000_000 } }, 2)
    expect(big).toBeGreaterThan(small * 5)
    expect(checkLimits(base, 2).needsConfirmation).toBe(false)
    const years = checkLimits(
      { ...base, range: { start: -Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER } },
      2
    )
    expect(years.needsConfirmation).toBe(true)
    expect(years.estimatedMs).toBeGreaterThan(CONFIRM_ABOVE_MS)
    expect(roughDuration(years.estimatedMs)).toMatch(/years$/)
  })

  it('a cluster run is bounded by the hard ceiling, not by this machine’s cores', () => {
    const cluster: RunConfig = {
      ...base,
      backend: 'cluster',
      cluster: { server: 'nats://127.0.0.1:4222' },
      workers: [1, 200]
    }
    expect(checkLimits(cluster, 2).refused).toEqual([])
    expect(checkLimits({ ...cluster, backend: 'process' }, 2).refused.map((i) => i.code)).toEqual([
      'too-many-workers'
    ])
    expect(validateRunConfig({ ...cluster, workers: [1, HARD_MAX_WORKERS + 1] }).ok).toBe(false)
  })

  it("'auto' repetitions count as their planned number in the spawns and the estimate", () => {
    const auto: RunConfig = { ...base, workers: [2, 4], pool: 'cold', warmup: 1, reps: 'auto' }
    const plan = planRun(auto, 2)
    const planned = plan.counts.reduce((sum, n, i) => sum + (plan.warmup + plan.reps[i]) * n, 0)
    expect(spawnsFor(auto, 2)).toBe(planned)
    // A cold 1-worker repetition of this tiny range is mostly its ~40 ms start: many repetitions.
    expect(spawnsFor(auto, 2)).toBeGreaterThan(spawnsFor({ ...auto, reps: 5 }, 2))
    expect(estimateRunMs(auto, 2)).toBe(plan.estimatedMs)
    // Every count takes at least the rule's 3 s.
    expect(estimateRunMs(auto, 2)).toBeGreaterThanOrEqual(plan.counts.length * 3000)
    expect(checkLimits({ ...auto, range: { start: 0, end: 9_000_000_000_000 } }, 2)).toMatchObject({
      needsConfirmation: true
    })
  })
})

describe('the engine enforces the limits before any worker starts', () => {
  const spawned: string[] = []
  const recording: Backend = {
    kind: 'process',
    spawn(name) {
      spawned.push(name)
      throw new Error('no worker may start in this test')
    }
  }
  const engine = createEngine({
    workerPath: '/nonexistent/worker.js',
    processBackend: () => recording,
    threadBackend: () => ({ ...recording, kind: 'thread' })
  })
  const cores = availableParallelism()

  it('refuses more workers than the machine allows, saying why', async () => {
    const n = maxWorkersFor(cores) + 1
    const started = performance.now()
    const error = await engine.run({ ...base, workers: [1, n] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BenchFailure)
    const failure = (error as BenchFailure).error
    expect(failure.code).toBe('invalid-input')
    expect(failure.issues?.[0].field).toMatch(/^workers/)
    expect(failure.message).toMatch(
      n > HARD_MAX_WORKERS ? /at most 256/ : /more than this machine allows/
    )
    expect(performance.now() - started).toBeLessThan(1000)
    expect(spawned).toEqual([])
  })

  it('refuses a cold run that would start too many workers', async () => {
    const workers = Array.from({ length: Math.min(64, maxWorkersFor(cores)) }, (_, i) => i + 1)
    const error = await engine
      .run({ ...base, workers, pool: 'cold', warmup: 0, reps: 100 })
      .catch((e: unknown) => e)
    expect((error as BenchFailure).error.code).toBe('invalid-input')
    expect((error as BenchFailure).error.issues?.[0]).toMatchObject({ code: 'too-many-spawns' })
    expect(spawned).toEqual([])
  })

  it('a long run needs confirmation; confirmed, it starts', async () => {
    const long = { ...base, range: { start: 0, end: 9_000_000_000_000 } }
    const error = await engine.run(long).catch((e: unknown) => e)
    expect((error as BenchFailure).error.code).toBe('needs-confirmation')
    expect((error as BenchFailure).error.estimate?.estimatedMs).toBeGreaterThan(CONFIRM_ABOVE_MS)
    expect(spawned).toEqual([])
    // Confirmed, it goes on to start workers (which this backend refuses).
    await engine.run(long, { confirmedLong: true }).catch(() => undefined)
    expect(spawned.length).toBeGreaterThan(0)
  })
})
