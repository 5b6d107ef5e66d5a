import { describe, expect, it } from 'vitest'
import { commandWarnings } from '../../src/shared/analysis/commandWarnings'
import { warningText } from '../../src/shared/report'
import type { WorkerCountResult, WorkerTiming } from '../../src/shared/result'
import { commandResult } from '../helpers/commandResult'

const result = (reps: Partial<WorkerTiming>[][]): WorkerCountResult => commandResult(reps, 2)

describe('commandWarnings', () => {
  it('names the repetition and copy whose output changed, in both languages', () => {
    const w = commandWarnings(
      result([
        [{ outputHash: 'a' }, { outputHash: 'b' }],
        [{ outputHash: 'a' }, { outputHash: 'b' }],
        [{ outputHash: 'a' }, { outputHash: 'c' }]
      ])
    )
    expect(w).toEqual([
      { code: 'output-changed', severity: 'warning', workers: 2, repetitions: [3], copies: [1] }
    ])
    expect(warningText(w[0], 'en')).toContain('copy 2 changed in repetition 3')
    expect(warningText(w[0], 'ko')).toContain('반복 3')
  })

  it('says when output beyond the kept 1 MB was discarded, and when copies failed', () => {
    const w = commandWarnings(
      result([
        [{ outputBytes: 100_000_000 }, { outputBytes: 5 }],
        [{ outputBytes: 100_000_000, failure: 'copy 1 of 2 (pid 7) exited with code 3' }, {}]
      ])
    )
    expect(w.map((x) => x.code)).toEqual(['output-truncated', 'copies-failed'])
    expect(warningText(w[0], 'en')).toContain('100,000,000 bytes')
    expect(warningText(w[1], 'en')).toContain('repetition 2')
    expect(warningText(w[1], 'en')).toContain('exited with code 3')
  })

  it('says nothing for a run without command fields (the sum)', () => {
    expect(
      commandWarnings(
        result([
          [{}, {}],
          [{}, {}]
        ])
      )
    ).toEqual([])
  })
})
