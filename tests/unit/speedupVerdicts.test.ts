import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../src/shared/scaling'
import { speedupVerdicts } from '../../src/shared/analysis/speedupVerdicts'
import { summarize } from '../../src/shared/history'
import type { RunRecord } from '../../src/shared/result'
import { syntheticRun } from '../helpers/syntheticRun'

/** What analyzeRun says per worker count, in speedupVerdicts' shape. */
const fromAnalysis = (run: RunRecord): unknown =>
  analyzeRun(run).workers.map((w) => ({
    workers: w.workers,
    speedup: w.speedup.speedup,
    interval: w.speedupInterval,
    verdict: w.verdict
  }))

describe('speedupVerdicts: the Results view’s verdicts, for History', () => {
  it('agrees with analyzeRun: bootstrap (6 reps), Student t (3 reps), one rep, scaled, too small', () => {
    const runs = [
      // Six repetitions: bootstrap intervals; 2 workers clearly faster, 4 no different.
      syntheticRun([
        { workers: 1, wallMs: [100, 102, 98, 101, 99, 100] },
        { workers: 2, wallMs: [51, 50, 52, 49, 50, 50] },
        { workers: 4, wallMs: [60, 140, 90, 100, 70, 130] }
      ]),
      // Three repetitions: the mean's Student-t interval; a noisy 1.1× is no difference.
      syntheticRun([
        { workers: 1, wallMs: [100, 140, 70] },
        { workers: 2, wallMs: [90, 120, 60] }
      ]),
      // One repetition: no interval at all.
      syntheticRun([
        { workers: 1, wallMs: [100] },
        { workers: 2, wallMs: [50] }
      ]),
      // Replicate: the scaled speedup N·T1/TN.
      syntheticRun(
        [
          { workers: 1, wallMs: [100, 101, 99, 100, 100, 100] },
          { workers: 2, wallMs: [110, 111, 109, 110, 110, 110] }
        ],
        { workload: 'replicate' }
      ),
      // Compute below the overhead: too small to time.
      syntheticRun([
        { workers: 1, wallMs: [1, 1.1, 0.9], overheadMs: 0.9 },
        { workers: 2, wallMs: [0.6, 0.5, 0.7], overheadMs: 0.5 }
      ])
    ]
    const verdicts = runs.map((r) => speedupVerdicts(r).map((v) => v.verdict))
    expect(verdicts).toEqual([
      ['baseline', 'faster', 'no-difference'],
      ['baseline', 'no-difference'],
      ['baseline', 'no-difference'],
      ['baseline', 'faster'],
      ['baseline', 'too-small']
    ])
    for (const run of runs) expect(speedupVerdicts(run)).toEqual(fromAnalysis(run))
  })

  it('agrees with analyzeRun on any repetitions (property)', () => {
    const times = (n: number) =>
      fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: n, maxLength: n })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(times(n), times(n), times(n))),
        fc.constantFrom('split', 'replicate' as const),
        ([one, two, three], workload) => {
          const run = syntheticRun(
            [
              { workers: 1, wallMs: one },
              { workers: 2, wallMs: two },
              { workers: 3, wallMs: three }
            ],
            { workload }
          )
          expect(speedupVerdicts(run)).toEqual(fromAnalysis(run))
        }
      ),
      { numRuns: 60 }
    )
  })

  it('the history summary carries each speedup’s interval and verdict', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: [100, 140, 70] },
      { workers: 2, wallMs: [90, 120, 60] }
    ])
    const [one, two] = summarize(run).points
    expect(one.verdict).toBe('baseline')
    expect(one.low).toBeUndefined()
    expect(two.verdict).toBe('no-difference')
    const a = analyzeRun(run).workers[1]
    expect(two.low).toBe(a.speedupInterval!.lower)
    expect(two.high).toBe(a.speedupInterval!.upper)
    expect(two.low!).toBeLessThan(1)
  })
})
