/**
 * The run's verdict, case by case: each test pins a code or a number that a
 * mutant of runVerdictCode.ts changed without any other test noticing
 * (docs/MUTATION.md).
 */
import { describe, expect, it } from 'vitest'
import { runVerdictOf, workerVerdict } from '../../../src/shared/analysis/runVerdictCode'
import type { VerdictRow } from '../../../src/shared/analysis/runVerdictCode'

const row = (over: Partial<VerdictRow> & { workers: number }): VerdictRow => ({
  speedup: 1,
  efficiency: 1 / over.workers,
  interval: null,
  verdict: over.workers === 1 ? 'baseline' : 'no-difference',
  correct: true,
  reps: 10,
  ...over
})
const base = row({ workers: 1 })

describe('workerVerdict', () => {
  it('never claims a speedup for a job too small to time, whatever its interval', () => {
    expect(workerVerdict(2, { lower: 1.5, upper: 2 }, true)).toBe('too-small')
    expect(workerVerdict(2, { lower: 0.2, upper: 0.5 }, true)).toBe('too-small')
    expect(workerVerdict(1, { lower: 1.5, upper: 2 }, true)).toBe('baseline')
  })

  it('needs the interval strictly above or below 1: touching 1 is no difference', () => {
    expect(workerVerdict(2, { lower: 1, upper: 1.4 }, false)).toBe('no-difference')
    expect(workerVerdict(2, { lower: 1.000001, upper: 1.4 }, false)).toBe('faster')
    expect(workerVerdict(2, { lower: 0.6, upper: 1 }, false)).toBe('no-difference')
    expect(workerVerdict(2, { lower: 0.6, upper: 0.999999 }, false)).toBe('slower')
    expect(workerVerdict(2, null, false)).toBe('no-difference')
  })
})

describe('runVerdictOf', () => {
  it('says wrong-total first, naming each worker count whose total was wrong', () => {
    const verdict = runVerdictOf([
      base,
      row({ workers: 2, verdict: 'faster', speedup: 1.9, correct: false }),
      row({ workers: 4, verdict: 'faster', speedup: 3.5 }),
      row({ workers: 8, correct: false })
    ])
    expect(verdict).toEqual({
      code: 'wrong-total',
      workers: null,
      speedup: null,
      interval: null,
      efficiency: null,
      wrongWorkers: [2, 8],
      minReps: 10
    })
  })

  it('reports the smallest number of repetitions of any worker count', () => {
    const verdict = runVerdictOf([
      row({ workers: 1, reps: 7 }),
      row({ workers: 2, reps: 3 }),
      row({ workers: 4, reps: 12 })
    ])
    expect(verdict.minReps).toBe(3)
    expect(runVerdictOf([]).minReps).toBe(0)
  })

  it('is baseline-only, with no wrong workers, when only one worker was measured', () => {
    expect(runVerdictOf([base])).toEqual({
      code: 'baseline-only',
      workers: null,
      speedup: null,
      interval: null,
      efficiency: null,
      wrongWorkers: [],
      minReps: 10
    })
  })

  it('is too-small, with no wrong workers, when no other count could be timed', () => {
    const verdict = runVerdictOf([
      base,
      row({ workers: 2, verdict: 'too-small', speedup: 1.8 }),
      row({ workers: 4, verdict: 'no-difference', speedup: Number.NaN })
    ])
    expect(verdict).toEqual({
      code: 'too-small',
      workers: null,
      speedup: null,
      interval: null,
      efficiency: null,
      wrongWorkers: [],
      minReps: 10
    })
  })

  it('leaves untimed counts out of slower and no-difference', () => {
    // The too-small count has the highest speedup: it must not be picked.
    const slower = runVerdictOf([
      base,
      row({ workers: 2, verdict: 'slower', speedup: 0.8 }),
      row({ workers: 4, verdict: 'too-small', speedup: 5 })
    ])
    expect([slower.code, slower.workers]).toEqual(['slower', 2])
    const flat = runVerdictOf([
      base,
      row({ workers: 2, verdict: 'no-difference', speedup: 1.05 }),
      row({ workers: 4, verdict: 'no-difference', speedup: Number.POSITIVE_INFINITY })
    ])
    expect([flat.code, flat.workers, flat.speedup]).toEqual(['no-difference', 2, 1.05])
  })

  it('is slower only when every timed count is slower', () => {
    const mixed = runVerdictOf([
      base,
      row({ workers: 2, verdict: 'slower', speedup: 0.9 }),
      row({ workers: 4, verdict: 'no-difference', speedup: 0.7 })
    ])
    // no-difference, about the count that was not slower (even though its speedup is lower).
    expect([mixed.code, mixed.workers, mixed.speedup]).toEqual(['no-difference', 4, 0.7])
    const all = runVerdictOf([
      base,
      row({ workers: 2, verdict: 'slower', speedup: 0.9 }),
      row({ workers: 4, verdict: 'slower', speedup: 0.6 })
    ])
    expect([all.code, all.workers, all.speedup]).toEqual(['slower', 2, 0.9])
  })

  it('picks the highest speedup, and of equal speedups the fewest workers', () => {
    const interval = { lower: 1.2, upper: 1.6 }
    const rows = [
      base,
      row({ workers: 4, verdict: 'faster', speedup: 1.4, efficiency: 0.35, interval }),
      row({ workers: 2, verdict: 'faster', speedup: 1.4, efficiency: 0.7, interval }),
      row({ workers: 8, verdict: 'faster', speedup: 1.3, efficiency: 0.16, interval })
    ]
    for (const order of [rows, [...rows].reverse()]) {
      expect(runVerdictOf(order)).toEqual({
        code: 'faster',
        workers: 2,
        speedup: 1.4,
        interval,
        efficiency: 0.7,
        wrongWorkers: [],
        minReps: 10
      })
    }
    // A strictly higher speedup wins over fewer workers, in either order.
    const higher = [base, row({ workers: 2, speedup: 1.1 }), row({ workers: 4, speedup: 1.2 })]
    for (const order of [higher, [...higher].reverse()]) expect(runVerdictOf(order).workers).toBe(4)
  })
})

describe('runVerdictOf: counts past the cores', () => {
  const within = row({
    workers: 2,
    verdict: 'faster',
    speedup: 1.8,
    interval: { lower: 1.6, upper: 2 }
  })
  const past = (lower: number, upper: number) =>
    row({
      workers: 4,
      verdict: 'faster',
      speedup: (lower + upper) / 2,
      interval: { lower, upper },
      oversubscribed: true
    })

  it('names a count past the cores when it is the only faster one', () => {
    expect(runVerdictOf([base, past(2.1, 2.5)])).toMatchObject({ code: 'faster', workers: 4 })
  })

  it('names it over the best within the cores only when its interval lies wholly above', () => {
    expect(runVerdictOf([base, within, past(2.1, 2.5)])).toMatchObject({
      code: 'faster',
      workers: 4,
      speedup: 2.3
    })
    // Touching (2 = 2) or overlapping: the best within the cores stays the verdict.
    expect(runVerdictOf([base, within, past(2, 2.4)])).toMatchObject({ code: 'faster', workers: 2 })
    expect(runVerdictOf([base, within, past(1.9, 2.5)])).toMatchObject({
      code: 'faster',
      workers: 2
    })
  })
})
