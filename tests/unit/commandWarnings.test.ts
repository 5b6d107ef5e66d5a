import { describe, expect, it } from 'vitest'
import { commandRunWarnings, commandWarnings } from '../../src/shared/analysis/commandWarnings'
import { analyzeRun } from '../../src/shared/analysis'
import { defaultCommandSettings } from '../../src/shared/command/commandSettings'
import { defaultRunConfig } from '../../src/shared/config'
import type { RunConfig } from '../../src/shared/config'
import { syntheticRun } from '../helpers/syntheticRun'
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

describe('commandRunWarnings: a --command that is never told N', () => {
  const config = (shape: 'workers' | 'copies', line: string, shell = true): RunConfig => ({
    ...defaultRunConfig(2),
    job: 'command',
    workload: shape === 'copies' ? 'replicate' : 'split',
    command: { ...defaultCommandSettings(shape), line, shell }
  })

  it('warns once, at the widest count, when the line has no {workers}, in both languages', () => {
    const w = commandRunWarnings(config('workers', "awk 'BEGIN{for(i=0;i<9;i++)s+=i}'"), [1, 2, 4])
    expect(w).toEqual([{ code: 'workers-unheard', severity: 'warning', workers: 4 }])
    expect(warningText(w[0], 'en')).toContain('never uses {workers}')
    expect(warningText(w[0], 'ko')).toContain('{workers}를 쓰지 않아')
  })

  it('says nothing when N reaches the command, for copies, for one count, or for other jobs', () => {
    expect(commandRunWarnings(config('workers', 'xz -T{workers} -c f'), [1, 2])).toEqual([])
    expect(commandRunWarnings(config('workers', 'xz -T{workers} -c f', false), [1, 2])).toEqual([])
    expect(commandRunWarnings(config('copies', 'gzip -c part{index}'), [1, 2])).toEqual([])
    expect(commandRunWarnings(config('copies', 'true'), [1, 2])).toEqual([])
    expect(commandRunWarnings(config('workers', 'make'), [1])).toEqual([])
    expect(commandRunWarnings({ ...defaultRunConfig(2), workers: [1, 2] }, [1, 2])).toEqual([])
  })

  it('reaches the analysis a report is written from', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: [100, 101, 99] },
        { workers: 2, wallMs: [100, 102, 98] }
      ],
      config('workers', 'sleep 0.1')
    )
    expect(analyzeRun(run).warnings.map((x) => x.code)).toContain('workers-unheard')
  })
})
