import { describe, expect, it } from 'vitest'
import type { RunConfig } from '../../src/shared/config'
import type { RunSummary } from '../../src/shared/history'
import { pickExplainerRuns } from '../../src/renderer/src/lib/explainer'

const base: RunConfig = {
  range: { start: 0, end: 50_000_000 },
  workers: [1, 2],
  workload: 'replicate',
  backend: 'process',
  pool: 'cold',
  warmup: 0,
  reps: 3
}

let clock = 0
/** A stored run; each one made is newer than the last. */
function run(id: string, change: Partial<RunConfig> = {}): RunSummary {
  clock++
  return {
    id,
    startedAt: new Date(Date.UTC(2025, 0, 1, 0, clock)).toISOString(),
    config: { ...base, ...change },
    cpuModel: 'cpu',
    correct: true,
    points: []
  }
}

/** History lists runs newest first. */
const newestFirst = (...runs: RunSummary[]): RunSummary[] => [...runs].reverse()

describe('pickExplainerRuns', () => {
  it('has nothing to read before the first run', () => {
    expect(pickExplainerRuns([], null)).toEqual({
      subject: null,
      replay: null,
      process: null,
      thread: null,
      cold: null,
      warm: null,
      split: null,
      wait: null
    })
  })

  it('reads the tutorial run alone for every section it can answer', () => {
    const tutorial = run('tutorial')
    expect(pickExplainerRuns([tutorial], null)).toEqual({
      subject: 'tutorial',
      replay: 'tutorial',
      process: 'tutorial',
      thread: null,
      cold: 'tutorial',
      warm: null,
      split: null,
      wait: null
    })
  })

  it('sets the run on display against the same job on the other backend, and a cold run against a warm one', () => {
    const tutorial = run('tutorial')
    const otherThread = run('thread-other', { backend: 'thread', range: { start: 0, end: 9 } })
    const sameThread = run('thread-same', { backend: 'thread' })
    const warm = run('warm', { pool: 'warm' })
    const warmThread = run('warm-thread', { pool: 'warm', backend: 'thread' })
    const split = run('split', { workload: 'split', workers: [1, 2, 4], pool: 'warm' })
    const history = newestFirst(tutorial, otherThread, sameThread, warm, warmThread, split)
    const picks = pickExplainerRuns(history, tutorial)
    expect(picks.subject).toBe('tutorial')
    expect(picks.replay).toBe('tutorial')
    expect(picks.process).toBe('tutorial')
    // Not the newest thread run: the newest of the same job.
    expect(picks.thread).toBe('warm-thread')
    expect(picks.cold).toBe('tutorial')
    // Same job and backend, warm.
    expect(picks.warm).toBe('warm')
    expect(picks.split).toBe('split')
  })

  it('takes the newest run when none is on display, and prefers the tutorial’s shape for the replay', () => {
    const tutorial = run('tutorial')
    const split = run('split', { workload: 'split', pool: 'warm', backend: 'thread' })
    const picks = pickExplainerRuns(newestFirst(tutorial, split), null)
    expect(picks.subject).toBe('split')
    expect(picks.replay).toBe('tutorial')
    expect(picks.thread).toBe('split')
    expect(picks.process).toBe('tutorial')
    expect(picks.split).toBe('split')
  })

  it('never reads a split run with one worker count as Amdahl’s', () => {
    const one = run('one', { workload: 'split', workers: [1] })
    expect(pickExplainerRuns([one], null).split).toBeNull()
  })
})
