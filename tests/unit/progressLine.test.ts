import { describe, expect, it } from 'vitest'
import { formatProgress, formatStudyProgress } from '../../src/cli/progressLine'
import type { RunProgress } from '../../src/shared/result'
import type { StudyProgress } from '../../src/shared/study'

const run = (over: Partial<RunProgress> = {}): RunProgress => ({
  runId: 'r',
  phase: 'measuring',
  workers: 2,
  rep: 3,
  reps: 5,
  fraction: 0.42,
  etaMs: 12_345,
  elapsedMs: 1000,
  perWorker: [0.5, 0.4],
  ...over
})

describe('the CLI progress line words figures as the app does', () => {
  it('a run: whole percent, the step, and the time left as a duration', () => {
    expect(formatProgress(run(), 10)).toBe('████░░░░░░  42% · rep 3/5 · 2 workers · 12.3 s left')
    expect(formatProgress(run({ fraction: 1, phase: 'done', etaMs: null }), 4)).toBe(
      '████ 100% · done'
    )
    expect(formatProgress(run({ etaMs: 125_000 }), 2)).toContain('· 2 min 05 s left')
  })

  it('a study: its own bar and the current run', () => {
    const p = {
      studyId: 's',
      step: 2,
      steps: 9,
      label: 'size sweep',
      fraction: 0.05,
      etaMs: 61_000,
      elapsedMs: 3000,
      run: run({ phase: 'warmup', rep: 1, reps: 1, workers: 1 })
    } as unknown as StudyProgress
    expect(formatStudyProgress(p, 4)).toBe(
      '░░░░   5% · 2/9 size sweep · warm-up 1/1 · 1 worker · 1 min 01 s left'
    )
  })
})
