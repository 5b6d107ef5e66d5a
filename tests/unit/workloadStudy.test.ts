import { describe, expect, it } from 'vitest'
import { parseCli } from '../../src/cli/options'
import { analyzeStudy } from '../../src/shared/analysis/analyzeStudy'
import { findingText } from '../../src/shared/report'
import { workloadComparisonTable } from '../../src/shared/report/tables'
import type { RunBackend } from '../../src/shared/config'
import {
  studyPlan,
  workloadStudyWorkers,
  type StudyRecord,
  type WorkloadRun
} from '../../src/shared/study'
import { syntheticRun } from '../helpers/syntheticRun'

const WORKERS = [1, 2, 4, 8, 16, 32]

/** One series: T_N from the speedups given (T1 = 1000 ms), three tight repetitions each. */
function series(job: 'sum' | 'wait', backend: RunBackend, speedups: number[]): WorkloadRun {
  const run = syntheticRun(
    WORKERS.map((workers, i) => {
      const t = 1000 / speedups[i]
      return { workers, wallMs: [t, t * 1.001, t * 0.999, t * 1.0005, t * 0.9995, t] }
    }),
    { backend, ...(job === 'wait' ? { job, wait: { requests: 64, delayMs: 20 } } : {}) }
  )
  return { job, backend, run }
}

function study(sum: number[], wait: number[]): StudyRecord {
  const runs = [
    series('sum', 'process', sum),
    series('wait', 'thread', wait),
    series('wait', 'async', wait)
  ]
  return {
    id: 'wl',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    status: 'completed',
    config: { base: runs[0].run.config, compareWorkloads: true },
    system: runs[0].run.system,
    sweepWorkers: null,
    sizeRuns: [],
    backendRuns: [],
    workloadRuns: runs,
    correct: true
  }
}

describe('CPU vs waiting (issue 17)', () => {
  it('sweeps 1, 2, 4, … up to 16× the cores by default', () => {
    expect(workloadStudyWorkers(2)).toEqual(WORKERS)
    expect(workloadStudyWorkers(1)).toEqual([1, 2, 4, 8, 16])
    expect(workloadStudyWorkers(3)).toEqual([1, 2, 4, 8, 16, 32, 48])
    const parsed = parseCli(['--compare-workloads'], 2)
    if (parsed.kind !== 'run') throw new Error(parsed.kind)
    expect(parsed.options.study?.base.workers).toEqual(WORKERS)
    expect(parsed.options.study?.compareWorkloads).toBe(true)
    // --workers overrides; --requests and --delay go with it though the base is the sum.
    const given = parseCli(['--compare-workloads', '--workers', '1,3', '--delay', '2'], 2)
    if (given.kind !== 'run') throw new Error(given.kind)
    expect(given.options.study?.base.workers).toEqual([1, 3])
    expect(given.options.study?.base.wait).toEqual({ requests: 64, delayMs: 2 })
  })

  it('plans the sum on process and the wait on thread, process and async', () => {
    const parsed = parseCli(['--compare-workloads', '--delay', '5'], 2)
    if (parsed.kind !== 'run') throw new Error(parsed.kind)
    const steps = studyPlan(parsed.options.study!)
    expect(steps.map((s) => (s.kind === 'workload' ? `${s.job}/${s.backend}` : s.kind))).toEqual([
      'sum/process',
      'wait/thread',
      'wait/process',
      'wait/async'
    ])
    for (const s of steps) {
      if (s.kind !== 'workload') continue
      expect(s.config.job).toBe(s.job)
      expect(s.config.wait).toEqual(s.job === 'wait' ? { requests: 64, delayMs: 5 } : undefined)
      expect(typeof s.config.reps).toBe('number')
    }
  })

  it('says waiting scales past the cores only when the numbers show it', () => {
    const shown = analyzeStudy(study([1, 1.9, 1.95, 1.9, 1.9, 1.85], [1, 2, 4, 7.9, 15.5, 30]))
    const c = shown.workloadComparison!
    expect(c.code).toBe('waiting-scales')
    expect(c.cores).toBe(2)
    expect(c.topWorkers).toBe(32)
    expect(c.series.find((s) => s.job === 'sum')!.best!.workers).toBe(4)
    // No oversubscription warning for 32 waiting workers; the sum's counts past 2 get one.
    const over = shown.warnings.filter((w) => w.warning.code === 'more-workers-than-cores')
    expect(over.length).toBeGreaterThan(0)
    expect(over.every((w) => w.source.job === 'sum')).toBe(true)
    const finding = shown.verdict.find((f) => f.code === 'workload-comparison')!
    expect(findingText(finding)).toMatch(/waiting keeps scaling past them/)
    expect(findingText(finding, 'ko')).toMatch(/코어 수를 넘어서도/)
    const table = workloadComparisonTable(c)
    expect(table.rows.map((r) => r[0])).toEqual(['1', '2 ◀ cores', '4', '8', '16', '32'])
    expect(table.head).toEqual([
      'Workers',
      'sum · process: speedup ± e',
      'wait · thread: speedup ± e',
      'wait · async: speedup ± e'
    ])
    // A wait that flattens too: not said.
    const flat = analyzeStudy(study([1, 1.9, 1.9, 1.9, 1.9, 1.9], [1, 1.9, 1.9, 1.9, 1.9, 1.9]))
    expect(flat.workloadComparison!.code).toBe('not-shown')
  })
})
