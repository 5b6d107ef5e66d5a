/**
 * The command workload's warnings (commandWarnings.ts), field by field
 * (docs/MUTATION.md): which repetitions and copies changed output (each once,
 * copies sorted), output truncated only beyond the 1 MiB kept (1,048,576
 * bytes), and which repetitions had a failed copy, quoting the first failure.
 */
import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../../src/shared/analysis/analyzeRun'
import {
  commandRunWarnings,
  commandWarnings,
  OUTPUT_KEPT_BYTES
} from '../../../src/shared/analysis/commandWarnings'
import { defaultCommandSettings } from '../../../src/shared/command/commandSettings'
import { defaultRunConfig, type RunConfig } from '../../../src/shared/config'
import { syntheticRun } from '../../helpers/syntheticRun'
import type { WorkerCountResult, WorkerTiming } from '../../../src/shared/result'
import { commandResult } from '../../helpers/commandResult'

const result = (reps: Partial<WorkerTiming>[][]): WorkerCountResult => commandResult(reps, 3)

describe('commandWarnings, field by field', () => {
  it('lists each changed repetition once and the changed copies sorted', () => {
    const h = (a: string, b: string, c: string): Partial<WorkerTiming>[] => [
      { outputHash: a },
      { outputHash: b },
      { outputHash: c }
    ]
    const w = commandWarnings(result([h('a', 'b', 'c'), h('a', 'x', 'y'), h('z', 'b', 'c')]))
    expect(w).toEqual([
      {
        code: 'output-changed',
        severity: 'warning',
        workers: 3,
        repetitions: [2, 3],
        copies: [0, 1, 2]
      }
    ])
    // Copies found in the order 2, 0 (rep 2 changed copy 2, rep 3 copy 0): sorted numerically.
    const later = commandWarnings(
      result([h('a', 'b', 'c'), h('a', 'b', 'q'), h('z', 'b', 'c'), h('a', 'b', 'r')])
    )
    expect(later[0]).toMatchObject({ repetitions: [2, 3, 4], copies: [0, 2] })
  })

  it('sorts the copies as numbers: 2 before 10', () => {
    const hashes = (changed: number[]): Partial<WorkerTiming>[] =>
      Array.from({ length: 11 }, (_, i) => ({ outputHash: changed.includes(i) ? 'new' : 'old' }))
    const w = commandWarnings(result([hashes([]), hashes([10]), hashes([2])]))
    expect(w[0]).toMatchObject({ repetitions: [2, 3], copies: [2, 10] })
  })

  it('warns of truncation only beyond the 1 MiB kept, with the largest output', () => {
    expect(OUTPUT_KEPT_BYTES).toBe(1_048_576)
    expect(commandWarnings(result([[{ outputBytes: 1_048_576 }, { outputBytes: 10 }]]))).toEqual([])
    expect(
      commandWarnings(
        result([
          [{ outputBytes: 1_048_577 }, { outputBytes: 10 }],
          [{ outputBytes: 2_000_000 }, {}]
        ])
      )
    ).toEqual([
      {
        code: 'output-truncated',
        severity: 'info',
        workers: 3,
        bytes: 2_000_000,
        keptBytes: 1_048_576
      }
    ])
  })

  it('lists every repetition with a failed copy and quotes the first failure', () => {
    const w = commandWarnings(
      result([
        [{}, {}],
        [{}, { failure: 'copy 2 exited with code 3' }, { failure: 'copy 3 exited with code 4' }],
        [{}, {}],
        [{ failure: 'copy 1 was killed' }, {}]
      ])
    )
    expect(w).toEqual([
      {
        code: 'copies-failed',
        severity: 'warning',
        workers: 3,
        repetitions: [2, 4],
        first: 'copy 2 exited with code 3'
      }
    ])
  })

  it('gives all three in order: changed, truncated, failed', () => {
    const w = commandWarnings(
      result([
        [{ outputHash: 'a' }, { outputBytes: 5_000_000 }],
        [{ outputHash: 'b', failure: 'copy 1 exited with code 1' }, {}]
      ])
    )
    expect(w.map((x) => x.code)).toEqual(['output-changed', 'output-truncated', 'copies-failed'])
  })
})

describe('commandRunWarnings, case by case', () => {
  const config = (line: string, extra: Partial<RunConfig['command']> = {}): RunConfig => ({
    ...defaultRunConfig(2),
    job: 'command',
    workload: 'split',
    command: { ...defaultCommandSettings('workers'), line, ...extra }
  })
  const unheard = (workers: number) => [{ code: 'workers-unheard', severity: 'warning', workers }]

  it('warns about a line with other placeholders of the command ({rep}, {size}) but no {workers}', () => {
    expect(commandRunWarnings(config('bench --seed {rep}'), [1, 2])).toEqual(unheard(2))
    expect(commandRunWarnings(config('bench -n {size}', { size: 1000 }), [1, 2, 3])).toEqual(
      unheard(3)
    )
  })

  it('says nothing about a line it cannot parse as a --command: {index} belongs to --copies', () => {
    expect(commandRunWarnings(config('gzip -c part{index}'), [1, 2])).toEqual([])
  })

  it('says nothing for a job that is not a command, even with a command line left in its settings', () => {
    expect(commandRunWarnings({ ...config('make'), job: 'sum' }, [1, 2])).toEqual([])
  })

  it('names the widest count of the run it is given by analyzeRun', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: [100, 101, 99] },
        { workers: 2, wallMs: [100, 102, 98] }
      ],
      config('sleep 0.1')
    )
    expect(analyzeRun(run).warnings.filter((w) => w.code === 'workers-unheard')).toEqual(unheard(2))
  })
})
