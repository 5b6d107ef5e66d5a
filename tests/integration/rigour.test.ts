import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine'
import { MAX_AUTO_WARMUP } from '../../src/shared/config'
import type { RunProgress, RunRecord } from '../../src/shared/result'
import { config, WORKER_PATH } from '../helpers/engine'

const engines: { dispose(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()))
})

/** A run with the order its repetitions ran in, as the progress events said (0: serial). */
async function runWithOrder(
  overrides: Parameters<typeof config>[0]
): Promise<{ run: RunRecord; measured: number[]; warmups: number[] }> {
  const engine = createEngine({ workerPath: WORKER_PATH })
  engines.push(engine)
  const begun: RunProgress[] = []
  let last = ''
  const run = await engine.run(
    config({ range: { start: 0, end: 200_000 }, serial: true, ...overrides }),
    {
      onProgress: (p) => {
        const key = `${p.phase} ${p.workers} ${p.rep}`
        if (key !== last && (p.phase === 'measuring' || p.phase === 'warmup')) begun.push(p)
        last = key
      }
    }
  )
  return {
    run,
    measured: begun.filter((p) => p.phase === 'measuring').map((p) => p.workers),
    warmups: begun.filter((p) => p.phase === 'warmup').map((p) => p.workers)
  }
}

describe('rigour on a busy machine (issue 19), real workers', () => {
  it('runs the worker counts in a random order drawn from the seed, and replays it', async () => {
    const a = await runWithOrder({ workers: [1, 2, 3], reps: 4, seed: 42 })
    const b = await runWithOrder({ workers: [1, 2, 3], reps: 4, seed: 42 })
    const c = await runWithOrder({ workers: [1, 2, 3], reps: 4, seed: 43 })
    expect(a.run.config.seed).toBe(42)
    expect(a.measured).toHaveLength(16)
    expect(a.measured).toEqual(b.measured)
    expect(a.measured).not.toEqual(c.measured)
    // Each round holds every count once (the serial case as 0), in an order of its own.
    const rounds = [0, 4, 8, 12].map((i) => a.measured.slice(i, i + 4))
    for (const round of rounds) expect([...round].sort()).toEqual([0, 1, 2, 3])
    expect(new Set(rounds.map((r) => r.join())).size).toBeGreaterThan(1)
    expect(a.run.protocol?.firstOrder).toEqual(rounds[0])
    expect(a.run.protocol?.rounds).toBe(4)
  })

  it('records a fresh seed when none was given', async () => {
    const { run } = await runWithOrder({ workers: [1, 2], reps: 1 })
    expect(Number.isInteger(run.config.seed)).toBe(true)
  })

  it('measures the serial base case in this thread, checked, beside T1', async () => {
    const { run } = await runWithOrder({ workers: [2], reps: 3, kernel: 'wasm' })
    expect(run.protocol?.serial).toBe('measured')
    expect(run.serial?.correct).toBe(true)
    expect(run.serial?.samples).toHaveLength(3)
    for (const s of run.serial!.samples) {
      // No worker: no process of its own, no spawn.
      expect(s.workers).toHaveLength(1)
      expect(s.workers[0].pid).toBeNull()
      expect(s.spawnMs).toBeNull()
      expect(s.wallMs).toBeGreaterThan(0)
    }
    expect(run.results.map((r) => r.workers)).toEqual([1, 2])
  })

  it('warms up until steady, at most ten times, and says how many each count took', async () => {
    const { run, warmups } = await runWithOrder({ workers: [1, 2], reps: 1, warmup: 'auto' })
    const p = run.protocol!
    expect(p.warmupRule).toBe('steady')
    expect(p.warmupLimit).toBe(MAX_AUTO_WARMUP)
    expect(p.warmups.map((w) => w.workers).sort()).toEqual([0, 1, 2])
    for (const w of p.warmups) {
      expect(w.count).toBeGreaterThanOrEqual(2)
      expect(w.count).toBeLessThanOrEqual(MAX_AUTO_WARMUP)
      // Stopped by the rule, or by the bound: never anything else.
      if (!w.steady) expect(w.count).toBe(MAX_AUTO_WARMUP)
      expect(warmups.filter((n) => n === w.workers)).toHaveLength(w.count)
    }
  })

  it('takes exactly the fixed warm-ups when given a count', async () => {
    const { run, warmups } = await runWithOrder({ workers: [1, 2], reps: 1, warmup: 2 })
    expect(run.protocol?.warmupRule).toBe('fixed')
    expect(run.protocol?.warmups.map((w) => w.count)).toEqual([2, 2, 2])
    expect(warmups).toHaveLength(6)
  })
})
