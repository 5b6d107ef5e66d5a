import { describe, expect, it, vi } from 'vitest'
import { defaultRunConfig, type RunConfig } from '../../src/shared/config'
import type { RunProgress } from '../../src/shared/result'
import { expectedRepetitions } from '../../src/shared/analysis/chooseRepetitions'

// The tracker reads the engine's clock: here it moves only when the test says.
const clock = vi.hoisted(() => ({ t: 1_000_000 }))
vi.mock('../../src/engine/clock', () => ({ now: () => clock.t }))
const { ProgressTracker } = await import('../../src/engine/progressTracker')

/**
 * Runs the engine's sequence of calls (pool start, warm-up rounds, measured
 * rounds, each round every count once) with each count's repetitions taking
 * `repMs[count]`, and gives every progress event with the time truly left.
 */
function simulate(
  config: RunConfig,
  repMs: Record<number, number>,
  { spawnMs = 0, repsDone }: { spawnMs?: number; repsDone: Record<number, number> }
): { progress: RunProgress; trueLeftMs: number; afterFirstOfEach: boolean }[] {
  const counts = Object.keys(repMs).map(Number)
  const events: RunProgress[] = []
  const tracker = new ProgressTracker('run', config, counts, 2, (p) => events.push(p))
  const warmups = typeof config.warmup === 'number' ? config.warmup : 2
  const total = counts.reduce((s, n) => s + (warmups + repsDone[n]) * repMs[n], 0)
  let spent = 0
  const seen: { progress: RunProgress; trueLeftMs: number; afterFirstOfEach: boolean }[] = []
  tracker.beginRep('spawning', Math.max(...counts), 0)
  clock.t += spawnMs
  const done = new Map<number, number>()
  const rounds = Math.max(...counts.map((n) => warmups + repsDone[n]))
  for (let round = 1; round <= rounds; round++) {
    for (const n of counts) {
      if ((done.get(n) ?? 0) >= warmups + repsDone[n]) continue
      const warm = round <= warmups
      tracker.beginRep(warm ? 'warmup' : 'measuring', n, warm ? round : round - warmups)
      clock.t += repMs[n]
      spent += repMs[n]
      tracker.endRep()
      done.set(n, (done.get(n) ?? 0) + 1)
      if (round === 2 && !warm && config.reps === 'auto')
        tracker.plan(new Map(counts.map((c) => [c, expectedRepetitions('auto', repMs[c])])))
      seen.push({
        progress: events.at(-1)!,
        trueLeftMs: total - spent,
        afterFirstOfEach: counts.every((c) => (done.get(c) ?? 0) >= 1)
      })
    }
  }
  tracker.finish()
  seen.push({ progress: events.at(-1)!, trueLeftMs: 0, afterFirstOfEach: true })
  return seen
}

const within2x = (eta: number, truth: number): boolean =>
  truth === 0 ? eta === 0 : eta / truth >= 0.5 && eta / truth <= 2

describe('the time left comes from the measured repetitions', () => {
  const base: RunConfig = { ...defaultRunConfig(2), workers: [1, 2], warmup: 1, reps: 10 }

  it('a slow pool start and a busy machine do not skew it: within 2× once every count ran once', () => {
    // 3 s to start the pool; 2 workers take 200 ms where the model expects half of 100 ms.
    const seen = simulate(base, { 1: 100, 2: 200 }, { spawnMs: 3000, repsDone: { 1: 10, 2: 10 } })
    const after = seen.filter((s) => s.afterFirstOfEach)
    expect(after.length).toBeGreaterThan(10)
    for (const s of after) {
      expect(s.progress.etaMs, `${s.progress.workers}/${s.progress.rep}`).not.toBeNull()
      expect(
        within2x(s.progress.etaMs!, s.trueLeftMs),
        `${s.progress.etaMs} vs ${s.trueLeftMs}`
      ).toBe(true)
    }
    // Before anything was timed there is no honest figure.
    expect(seen[0].afterFirstOfEach).toBe(false)
  })

  it('repetitions chosen for you: the count the rule comes to, not the minimum it starts from', () => {
    const auto: RunConfig = { ...base, reps: 'auto' }
    // 100 ms → 30 repetitions, 40 ms → 75: far more than the 5 the plan starts from.
    const repsDone = { 1: expectedRepetitions('auto', 100), 2: expectedRepetitions('auto', 40) }
    const seen = simulate(auto, { 1: 100, 2: 40 }, { repsDone })
    for (const s of seen.filter((x) => x.afterFirstOfEach))
      expect(
        within2x(s.progress.etaMs!, s.trueLeftMs),
        `${s.progress.etaMs} vs ${s.trueLeftMs}`
      ).toBe(true)
  })

  it('the bar is the share of that time done: it never goes back, and the end is 100 % and 0 left', () => {
    const seen = simulate(base, { 1: 100, 2: 300 }, { spawnMs: 500, repsDone: { 1: 10, 2: 10 } })
    const fractions = seen.map((s) => s.progress.fraction)
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1])
    const last = seen.at(-1)!.progress
    expect(last).toMatchObject({ phase: 'done', fraction: 1, etaMs: 0 })
    // Halfway through the measured time, the bar says about half.
    const half = seen.find((s) => s.afterFirstOfEach && s.trueLeftMs <= 4400 / 2)!
    expect(half.progress.fraction).toBeGreaterThan(0.4)
    expect(half.progress.fraction).toBeLessThan(0.6)
  })
})
