/**
 * speedupVerdicts (History's verdicts) gives, row for row, the speedup,
 * interval and verdict of analyzeRun (whose rules tests/unit/mutation/
 * analyzeRunRules.test.ts pins number by number) on the edge cases where the
 * two could part: one repetition, the mean's interval, too small to time,
 * counts run in another order, a migrated record's T1; and, where analyzeRun
 * has nothing to say, a count without repetitions (docs/MUTATION.md).
 */
import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../../src/shared/analysis/analyzeRun'
import { speedupVerdicts } from '../../../src/shared/analysis/speedupVerdicts'
import type { RunRecord } from '../../../src/shared/result'
import { syntheticRun, type SyntheticCount } from '../../helpers/syntheticRun'

const SIX_ONE = [100, 102, 98, 101, 99, 100]
const SIX_TWO = [51, 50, 52, 49, 50, 50]

const tiny = (computeMs: number, wallMs: number): SyntheticCount => ({
  workers: 2,
  wallMs: [wallMs, wallMs, wallMs],
  computeMs: [
    [computeMs, computeMs / 2],
    [computeMs, computeMs / 2],
    [computeMs, computeMs / 2]
  ]
})

const legacy = (baselineMs: number | undefined): RunRecord => {
  const run = syntheticRun([
    { workers: 1, wallMs: SIX_ONE },
    { workers: 2, wallMs: SIX_TWO }
  ])
  run.results = run.results.filter((r) => r.workers !== 1)
  if (baselineMs !== undefined) run.legacyBaselineMs = baselineMs
  return run
}

const cases: [string, RunRecord][] = [
  [
    'one repetition each',
    syntheticRun([
      { workers: 1, wallMs: [100] },
      { workers: 2, wallMs: [40] }
    ])
  ],
  [
    'T1 of one repetition',
    syntheticRun([
      { workers: 1, wallMs: [100] },
      { workers: 2, wallMs: SIX_TWO }
    ])
  ],
  [
    'TN of one repetition',
    syntheticRun([
      { workers: 1, wallMs: SIX_ONE },
      { workers: 2, wallMs: [50] }
    ])
  ],
  [
    'three repetitions (the mean’s interval)',
    syntheticRun([
      { workers: 1, wallMs: [100, 104, 96] },
      { workers: 2, wallMs: [50, 52, 48] }
    ])
  ],
  [
    'counts run in another order',
    syntheticRun([
      { workers: 2, wallMs: SIX_TWO },
      { workers: 1, wallMs: SIX_ONE },
      { workers: 3, wallMs: [40, 41, 39, 40, 40, 41] }
    ])
  ],
  ['under ten timer ticks', syntheticRun([{ workers: 1, wallMs: SIX_ONE }, tiny(0.005, 0.006)])],
  ['exactly ten ticks', syntheticRun([{ workers: 1, wallMs: SIX_ONE }, tiny(0.01, 0.015)])],
  ['compute below the overhead', syntheticRun([{ workers: 1, wallMs: SIX_ONE }, tiny(5, 11)])],
  ['compute equal to the overhead', syntheticRun([{ workers: 1, wallMs: SIX_ONE }, tiny(5, 10)])],
  ['a migrated record’s T1', legacy(100)],
  ['a migrated record without T1', legacy(undefined)]
]

describe('speedupVerdicts agrees with analyzeRun', () => {
  it.each(cases)('%s', (_, record) => {
    const rows = analyzeRun(record).workers.map((w) => ({
      workers: w.workers,
      speedup: w.speedup.speedup,
      interval: w.speedupInterval,
      verdict: w.verdict
    }))
    expect(speedupVerdicts(record)).toEqual(rows)
  })

  it('gives a count without repetitions no speedup and no verdict', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: SIX_ONE },
      { workers: 2, wallMs: SIX_TWO }
    ])
    run.results[1].samples = []
    expect(speedupVerdicts(run)[1]).toEqual({
      workers: 2,
      speedup: Number.NaN,
      interval: null,
      verdict: 'no-difference'
    })
  })

  it('takes a migrated record’s T1 when the one-worker count has no repetitions', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: SIX_ONE },
      { workers: 2, wallMs: SIX_TWO }
    ])
    run.results[0].samples = []
    run.legacyBaselineMs = 100
    const [one, two] = speedupVerdicts(run)
    expect(one.verdict).toBe('baseline')
    expect(two.speedup).toBe(100 / 50)
    expect(two.interval).toBeNull()
  })
})
