/**
 * Faults, injected into real runs: workers SIGKILLed at random points,
 * workers that throw, exit, lie, go silent or talk nonsense, and cancels at
 * every stage. Every run must end — completed with correct sums, or failed
 * with a message naming the worker — leaving no process behind.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHistoryStore } from '../../src/main/history/historyStore'
import { createBenchService } from '../../src/main/service/benchService'
import type { Engine } from '../../src/engine/types'
import type { RunConfig } from '../../src/shared/config'
import type { RunProgress } from '../../src/shared/result'
import { seededRandom } from '../../src/shared/stats/seededRandom'
import { seededShuffle } from '../../src/shared/stats/seededShuffle'
import { alive, config, eventually } from '../helpers/engine'
import { childPids, killWorker, settle, sleep, tappedEngine } from '../helpers/faults'
import type { Tap, TappedWorker } from '../helpers/faults'

const FIXTURES = resolve(__dirname, '../fixtures/workers')
const fixture = (name: string): string => join(FIXTURES, `${name}.mjs`)

/** A run that has not ended after this long is hung (a tiny run takes well under a second). */
const HANG_MS = 20_000

const engines: Engine[] = []
let baseline: number[]
beforeAll(() => {
  baseline = childPids()
})
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()))
})

/** No worker of `workers` is running, and this process has no more children than at the start. */
async function nothingLeftBehind(workers: TappedWorker[]): Promise<void> {
  expect(await eventually(() => workers.every((w) => w.exited !== null))).toBe(true)
  expect(await eventually(() => workers.every((w) => !alive(w.pid)))).toBe(true)
  expect(await eventually(() => childPids().length === baseline.length)).toBe(true)
}

/** Runs `cfg`, and says 'hung' instead of waiting forever. */
async function runOrHang(engine: Engine, cfg: RunConfig) {
  let timer: NodeJS.Timeout | undefined
  const hung = new Promise<'hung'>((r) => {
    timer = setTimeout(() => r('hung'), HANG_MS)
  })
  try {
    return await Promise.race([settle(engine.run(cfg)), hung])
  } finally {
    clearTimeout(timer)
  }
}

describe('a worker killed at a random point, 100 runs', () => {
  it('ends every run (completed, or failed naming the worker), leaves nothing behind, and runs again', async () => {
    const RUNS = 100
    const random = seededRandom(20_250_505)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
    const points = ['spawn', 'ready', 'compute', 'result', 'none'] as const
    type Point = (typeof points)[number]

    // Decided per run before it starts: where to strike, and at which occurrence.
    let plan: { point: Point; nth: number; delayMs: number; beforeDelivery: boolean } | null = null
    let seen = 0
    let killed: TappedWorker | null = null
    const strike = (worker: TappedWorker, point: Point): boolean => {
      if (!plan || killed || plan.point !== point || ++seen !== plan.nth) return false
      killed = worker
      return true
    }
    const tap: Tap = {
      spawned: (w) => {
        if (strike(w, 'spawn')) killWorker(w)
      },
      sent: (w, m) => {
        if ((m as { type?: string }).type === 'run' && strike(w, 'compute')) {
          const delay = plan!.delayMs
          setTimeout(() => killWorker(w), delay)
        }
      },
      received: (w, m, deliver) => {
        const type = (m as { type?: string }).type
        if (type === 'ready' && strike(w, 'ready')) {
          killWorker(w)
          deliver(m)
        } else if (type === 'result' && strike(w, 'result')) {
          // Just before or just after the pool sees the worker's answer.
          if (plan!.beforeDelivery) killWorker(w)
          deliver(m)
          if (!plan!.beforeDelivery) killWorker(w)
        } else deliver(m)
      }
    }
    const { engine, workers } = tappedEngine(tap)
    engines.push(engine)

    const problems: string[] = []
    const tally = { completed: 0, failed: 0, recovered: 0, byPoint: {} as Record<string, number> }
    for (let i = 0; i < RUNS; i++) {
      const cfg = config({
        backend: random() < 0.75 ? 'process' : 'thread',
        pool: random() < 0.3 ? 'cold' : 'warm',
        workers: pick([[2], [1, 2], [3]]),
        range: { start: -1_000_000, end: Math.floor(random() * 2_000_000) },
        warmup: 0,
        reps: 1
      })
      const counts = [...new Set([1, ...cfg.workers])]
      const jobs = (cfg.reps as number) * counts.reduce((a, b) => a + b, 0)
      const spawns = cfg.pool === 'warm' ? Math.max(...counts) : jobs
      const point = pick(points)
      plan = {
        point,
        nth: 1 + Math.floor(random() * (point === 'spawn' || point === 'ready' ? spawns : jobs)),
        delayMs: random() * 8,
        beforeDelivery: random() < 0.5
      }
      seen = 0
      killed = null
      const first = workers.length
      const label = `run ${i} (${cfg.backend}, ${cfg.pool}, [${cfg.workers}], kill at ${point} #${plan.nth})`

      const outcome = await runOrHang(engine, cfg)
      const victim = killed as TappedWorker | null
      tally.byPoint[point] = (tally.byPoint[point] ?? 0) + 1
      if (outcome === 'hung') {
        problems.push(`${label}: hung`)
        await engine.cancel()
      } else if (outcome.ok) {
        tally.completed++
        if (!outcome.value.correct) problems.push(`${label}: completed with a wrong sum`)
      } else {
        tally.failed++
        const { error } = outcome.failure
        const named =
          victim !== null &&
          error.code === 'worker-crashed' &&
          error.worker?.name === victim.name &&
          error.message.startsWith(victim.name) &&
          (victim.backend === 'thread' || error.worker?.pid === victim.pid)
        if (!named)
          problems.push(`${label}: failed without naming the killed worker: ${error.message}`)
      }
      if (engine.busy) problems.push(`${label}: the engine is still busy`)

      const runWorkers = workers.slice(first)
      plan = null
      await nothingLeftBehind(runWorkers)
      // After a failure, the very next run (nothing killed) succeeds.
      if (outcome !== 'hung' && !outcome.ok) {
        const next = await runOrHang(engine, cfg)
        if (next === 'hung' || !next.ok || !next.value.correct)
          problems.push(`${label}: the next run did not succeed`)
        else tally.recovered++
        await nothingLeftBehind(workers.slice(first))
      }
    }
    console.log(`fault injection: ${JSON.stringify(tally)}`)
    expect(problems).toEqual([])
    expect(tally.completed + tally.failed).toBe(RUNS)
    expect(tally.recovered).toBe(tally.failed)
    // The seeded plan does kill: most runs with a strike fail.
    expect(tally.failed).toBeGreaterThan(0)
    expect(workers.every((w) => w.exited !== null)).toBe(true)
  }, 600_000)
})

describe('misbehaving workers', () => {
  const failing = [
    { fixture: 'throws', code: 'worker-crashed', message: /^worker 1 .*exited with code 1/ },
    { fixture: 'exits', code: 'worker-crashed', message: /^worker 1 .*exited with code 3/ },
    {
      fixture: 'exits-before-ready',
      code: 'worker-crashed',
      message: /^worker 1 .*exited with code 0/
    },
    {
      fixture: 'reports-error',
      code: 'worker-error',
      message: /^worker 1 .*reported an error: fixture: out of cheese/
    }
  ] as const
  for (const backend of ['process', 'thread'] as const) {
    for (const { fixture: name, code, message } of failing) {
      it(`fails naming the worker when it ${name.replace(/-/g, ' ')} (${backend}), and fails the same way again`, async () => {
        const { engine, workers } = tappedEngine({}, fixture(name))
        engines.push(engine)
        for (const _attempt of [1, 2]) {
          const outcome = await settle(engine.run(config({ backend, workers: [1] })))
          expect(outcome.ok).toBe(false)
          if (outcome.ok) return
          expect(outcome.failure.error.code).toBe(code)
          expect(outcome.failure.error.message).toMatch(message)
          expect(outcome.failure.error.worker?.name).toBe('worker 1')
          expect(engine.busy).toBe(false)
          await nothingLeftBehind(workers)
        }
      })
    }

    it(`flags a worker that answers a wrong sum: the run completes marked incorrect (${backend})`, async () => {
      const { engine, workers } = tappedEngine({}, fixture('wrong-sum'))
      engines.push(engine)
      const run = await engine.run(config({ backend, workers: [2] }))
      expect(run.correct).toBe(false)
      for (const r of run.results) {
        expect(r.correct).toBe(false)
        expect(BigInt(r.sum) - BigInt(r.expectedSum)).toBe(BigInt(r.workers))
      }
      await nothingLeftBehind(workers)
    })

    it(`ignores malformed messages and completes correctly (${backend})`, async () => {
      const { engine, workers, log } = tappedEngine({}, fixture('malformed'))
      engines.push(engine)
      const run = await engine.run(config({ backend, workers: [2], reps: 2 }))
      expect(run.correct).toBe(true)
      // 17 bad messages before each of the 2 reps × (1 + 2) jobs.
      expect(log.filter((l) => l.includes('ignored a malformed message'))).toHaveLength(17 * 6)
      await nothingLeftBehind(workers)
    })

    it(`ignores messages about other jobs and completes correctly (${backend})`, async () => {
      const { engine, workers, log } = tappedEngine({}, fixture('stale'))
      engines.push(engine)
      const run = await engine.run(config({ backend, workers: [2], reps: 2 }))
      expect(run.correct).toBe(true)
      for (const r of run.results) expect(r.sum).toBe(r.expectedSum)
      expect(log.some((l) => l.includes('ignored a stale result'))).toBe(true)
      await nothingLeftBehind(workers)
    })

    it(`cancels a run whose worker never says it is ready (${backend})`, async () => {
      const { engine, workers } = tappedEngine({}, fixture('silent'))
      engines.push(engine)
      const running = settle(engine.run(config({ backend, workers: [2] })))
      expect(await eventually(() => workers.length === 2)).toBe(true)
      await sleep(50)
      expect(engine.busy).toBe(true)
      expect(await engine.cancel()).toBe(true)
      const outcome = await running
      expect(!outcome.ok && outcome.failure.error.code).toBe('cancelled')
      await nothingLeftBehind(workers)
    })
  }

  it('ignores a result replayed from an earlier run into the next one (real worker)', async () => {
    const captured: unknown[] = []
    let replay = false
    const { engine, workers, log } = tappedEngine({
      received: (_w, m, deliver) => {
        const type = (m as { type?: string }).type
        if (type === 'result' && !replay) captured.push(m)
        if (type === 'result' && replay) {
          // Every stale answer from run 1 first, then the real one.
          for (const old of captured) deliver({ ...(old as object), sum: '123456789' })
        }
        deliver(m)
      }
    })
    engines.push(engine)
    const first = await engine.run(config({ workers: [2], reps: 1 }))
    expect(first.correct).toBe(true)
    replay = true
    const second = await engine.run(config({ workers: [2], reps: 2 }))
    expect(second.correct).toBe(true)
    expect(log.filter((l) => l.includes('ignored a stale result')).length).toBe(captured.length * 6)
    await nothingLeftBehind(workers)
  })
})

describe('a worker lost while the run is elsewhere', () => {
  it('a warm worker killed during the serial base case fails the run at once, naming it', async () => {
    const { engine, workers } = tappedEngine()
    engines.push(engine)
    // A seed whose first round starts with the serial base case (slot 0, on this thread).
    const seed = [...Array(100).keys()].find(
      (s) => seededShuffle([1, 2, 0], seededRandom(s))[0] === 0
    )!
    const after: number[] = []
    let killed = false
    const outcome = await settle(
      engine.run(
        config({
          // js: about a minute in this thread, far longer than the test waits.
          range: { start: 0, end: 40_000_000_000 },
          kernel: 'js',
          workers: [2],
          reps: 1,
          serial: true,
          seed
        }),
        {
          onProgress: (p) => {
            if (killed) after.push(p.workers)
            else if (p.phase === 'measuring' && p.workers === 0 && (p.perWorker[0] ?? 0) > 0) {
              killed = true
              killWorker(workers[0])
            }
          }
        }
      )
    )
    expect(killed).toBe(true)
    expect(!outcome.ok && outcome.failure.error.code).toBe('worker-crashed')
    expect(!outcome.ok && outcome.failure.error.message).toContain(workers[0].name)
    // It failed during the serial part: no other count started after the kill.
    expect(after.filter((n) => n !== 0)).toEqual([])
    await nothingLeftBehind(workers)
  }, 120_000)
})

describe('cancel at every stage', () => {
  // The counts run in the seed's order: a cold repetition starts only the first count's workers.
  const LONG_SEED = 7
  const firstCount = seededShuffle([1, 2], seededRandom(LONG_SEED))[0]
  const long = (overrides: Partial<RunConfig> = {}): RunConfig =>
    config({
      range: { start: 0, end: 40_000_000_000 },
      workers: [2],
      reps: 2,
      seed: LONG_SEED,
      ...overrides
    })

  /** Cancels from inside a tap callback, as a user's click would land: not awaited there. */
  const cancelSoon = (engine: () => Engine, cancelled: Promise<boolean>[]) => () => {
    cancelled.push(engine().cancel())
  }

  for (const backend of ['process', 'thread'] as const) {
    for (const pool of ['cold', 'warm'] as const) {
      it(`during spawn (${backend}, ${pool}): every worker stops, the run is cancelled, the next one runs`, async () => {
        const cancels: Promise<boolean>[] = []
        let ready = 0
        let engineRef: Engine | null = null
        const cancel = cancelSoon(() => engineRef!, cancels)
        const { engine, workers } = tappedEngine({
          spawned: () => {
            // The first worker has just been started and has not said it is ready.
            if (cancels.length === 0) cancel()
          },
          received: (_w, m, deliver) => {
            if ((m as { type?: string }).type === 'ready') ready++
            deliver(m)
          }
        })
        engineRef = engine
        engines.push(engine)
        const outcome = await settle(engine.run(long({ backend, pool })))
        expect(!outcome.ok && outcome.failure.error.code).toBe('cancelled')
        expect(await Promise.all(cancels)).toEqual([true])
        // A warm pool starts both of its workers at once; a cold repetition starts the first
        // count of the seeded order.
        expect(workers.length).toBe(pool === 'warm' ? 2 : firstCount)
        expect(ready).toBe(0)
        await nothingLeftBehind(workers)
        const next = await engine.run(config({ backend, pool }))
        expect(next.correct).toBe(true)
        expect(ready).toBeGreaterThan(0)
      })
    }

    it(`during compute (${backend}): every worker stops, the run is cancelled, the next one runs`, async () => {
      const cancels: Promise<boolean>[] = []
      let engineRef: Engine | null = null
      const progress: RunProgress[] = []
      const { engine, workers } = tappedEngine({
        received: (_w, m, deliver) => {
          deliver(m)
          if ((m as { type?: string }).type === 'progress' && cancels.length === 0)
            cancels.push(engineRef!.cancel())
        }
      })
      engineRef = engine
      engines.push(engine)
      const outcome = await settle(
        engine.run(long({ backend }), { onProgress: (p) => progress.push(p) })
      )
      expect(!outcome.ok && outcome.failure.error.code).toBe('cancelled')
      expect(await Promise.all(cancels)).toEqual([true])
      expect(progress.some((p) => p.perWorker.some((f) => f > 0 && f < 1))).toBe(true)
      await nothingLeftBehind(workers)
      expect((await engine.run(config({ backend }))).correct).toBe(true)
    })

    for (const when of ['before', 'after'] as const) {
      it(`at the last result, ${when} the pool sees it (${backend}): the run is cancelled, never completed`, async () => {
        // The merge itself is a few BigInt additions in one synchronous step, so a cancel
        // cannot land inside it; it lands at the moment the last result arrives.
        const cfg = config({ backend, workers: [2], reps: 1 })
        const lastResult = 1 + 2
        let results = 0
        const cancels: Promise<boolean>[] = []
        let engineRef: Engine | null = null
        const held: (() => void)[] = []
        const { engine, workers, log } = tappedEngine({
          received: (_w, m, deliver) => {
            if ((m as { type?: string }).type !== 'result' || ++results !== lastResult)
              return deliver(m)
            if (when === 'before') {
              // Hold the last answer while the cancel goes through, then hand it over late.
              cancels.push(engineRef!.cancel())
              held.push(() => deliver(m))
            } else {
              deliver(m)
              cancels.push(engineRef!.cancel())
            }
          }
        })
        engineRef = engine
        engines.push(engine)
        const running = settle(engine.run(cfg))
        expect(await eventually(() => cancels.length === 1, 20_000)).toBe(true)
        for (const release of held) release()
        const outcome = await running
        expect(!outcome.ok && outcome.failure.error.code).toBe('cancelled')
        expect(await Promise.all(cancels)).toEqual([true])
        if (when === 'before')
          expect(log.some((l) => l.includes('ignored a stale result'))).toBe(true)
        await nothingLeftBehind(workers)
      })
    }
  }

  it('a cancel that reports true always means the run threw cancelled, even at its very end', async () => {
    const { engine, workers } = tappedEngine()
    engines.push(engine)
    const cancels: Promise<boolean>[] = []
    // The last progress event ('done') is sent from inside the run, after the merge.
    const outcome = await settle(
      engine.run(config({ workers: [2], reps: 1 }), {
        onProgress: (p) => {
          if (p.phase === 'done') cancels.push(engine.cancel())
        }
      })
    )
    expect(cancels).toHaveLength(1)
    const cancelled = await cancels[0]
    expect(outcome.ok ? 'completed' : outcome.failure.error.code).toBe(
      cancelled ? 'cancelled' : 'completed'
    )
    await nothingLeftBehind(workers)
  })

  it('too late: a cancel after the run resolved cancels nothing and the record stands', async () => {
    const { engine, workers } = tappedEngine()
    engines.push(engine)
    const run = await engine.run(config({ workers: [2], reps: 1 }))
    expect(await engine.cancel()).toBe(false)
    expect(run.status).toBe('completed')
    expect(run.correct).toBe(true)
    await nothingLeftBehind(workers)
  })

  describe('the app service', () => {
    let dir: string
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'faults-history-'))
    })
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true })
    })

    it('never records a cancelled run, at any stage, and records the next completed one', async () => {
      let cancelAt: 'spawn' | 'compute' | 'last-result' | null = null
      let results = 0
      let service: ReturnType<typeof createBenchService> | null = null
      const cancels: Promise<unknown>[] = []
      const cancel = (): void => {
        if (cancels.length === 0) cancels.push(service!.handle('bench:cancel', undefined))
      }
      const { engine, workers } = tappedEngine({
        spawned: () => {
          if (cancelAt === 'spawn') cancel()
        },
        received: (_w, m, deliver) => {
          const type = (m as { type?: string }).type
          if (type === 'progress' && cancelAt === 'compute') cancel()
          if (type === 'result' && ++results === 3 && cancelAt === 'last-result') cancel()
          deliver(m)
        }
      })
      engines.push(engine)
      const history = createHistoryStore(dir)
      service = createBenchService({
        engine,
        history,
        saveFile: async () => null,
        systemInfo: () => {
          throw new Error('not used')
        },
        emit: () => undefined
      })
      for (const stage of ['spawn', 'compute', 'last-result'] as const) {
        cancelAt = stage
        results = 0
        cancels.length = 0
        const cfg =
          stage === 'compute'
            ? long()
            : config({ workers: [2], reps: 1, range: { start: 0, end: 1e6 } })
        const answer = await service.handle('bench:run', cfg)
        expect(answer.ok ? 'completed' : answer.error.code, stage).toBe('cancelled')
        expect(cancels).toHaveLength(1)
        expect(await cancels[0]).toEqual({ ok: true, value: { cancelled: true } })
        expect((await history.list()).runs, stage).toEqual([])
      }
      cancelAt = null
      const done = await service.handle('bench:run', config({ workers: [2], reps: 1 }))
      expect(done.ok).toBe(true)
      const listing = await history.list()
      expect(listing.runs.map((r) => r.id)).toEqual([done.ok ? done.value.id : null])
      await nothingLeftBehind(workers)
    })
  })
})
