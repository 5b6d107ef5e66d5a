/**
 * Issue 19: one quantity, one value in one view. Round 5 found "each worker
 * computes for 48.8 ms" in the verdict and "(88.2 ms)" in the warning under
 * it (two quantities: one worker's compute at N, the whole job on one worker,
 * now each named with its count). For one cold run too small to time, the
 * Results verdict, its warnings, the overhead table beside them and the
 * explainer's start-up lines give each quantity one figure: the slowest
 * worker's compute at N, one worker's start-up and its whole job. (The
 * verdict's "overhead per repetition" is wall − compute, start-up included in
 * a cold pool; the table splits it into Spawn and Dispatch: other names.)
 */
import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import { formatDuration } from '../../src/shared/format'
import { warningText } from '../../src/shared/report'
import { overheadTable } from '../../src/shared/report/tables'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { tooSmallRow, verdictHeadline } from '../../src/renderer/src/lib/results/verdictHeadline'
import { syntheticRun } from '../helpers/syntheticRun'

// 1 worker: 4 µs of compute, spawn 40 ms; 2 workers: 3 µs each.
const run = syntheticRun(
  [
    {
      workers: 1,
      wallMs: [0.02, 0.021, 0.019],
      computeMs: [[0.004], [0.004], [0.004]],
      spawnMs: [40, 41, 39]
    },
    {
      workers: 2,
      wallMs: [0.012, 0.011, 0.013],
      computeMs: [
        [0.003, 0.003],
        [0.003, 0.0029],
        [0.003, 0.003]
      ],
      spawnMs: [45, 46, 44]
    }
  ],
  { pool: 'cold', range: { start: 0, end: 10 } }
)
const a = analyzeRun(run)

describe('one quantity, one value: verdict, warnings, table and explainer of one run', () => {
  it('the verdict’s compute is the overhead table’s slowest compute for that count', () => {
    expect(a.verdict.code).toBe('too-small')
    const row = tooSmallRow(a)!
    expect(row.workers).toBe(2)
    const table = overheadTable(a)
    const cells = table.rows.find((r) => r[0] === '2')!
    const col = (name: string): number => table.head.indexOf(name)
    for (const [m, locale] of [
      [en, 'en-US'],
      [ko, 'ko-KR']
    ] as const) {
      const reason = verdictHeadline(a, m, locale, 'sum').reasons[0]
      expect(reason).toContain(formatDuration(row.overhead.computeSlowestMs, locale))
    }
    expect(row.tooSmall!.computeMs).toBe(row.overhead.computeSlowestMs)
    expect(Number(cells[col('Compute, slowest (ms)')])).toBeCloseTo(row.tooSmall!.computeMs, 3)
  })

  it('the start-up warning and the explainer give one worker’s start-up and job the same figures', () => {
    const warning = a.warnings.find((w) => w.code === 'job-shorter-than-spawn' && w.workers === 1)
    expect(warning).toBeDefined()
    if (warning?.code !== 'job-shorter-than-spawn') return
    // The explainer's line is worded from the analysis context.
    const { spawnMs, jobMs } = a.context
    expect(warning.spawnMs).toBe(spawnMs)
    expect(warning.jobMs).toBe(jobMs)
    const one = a.workers.find((w) => w.workers === 1)!
    expect(one.overhead.spawnMs).toBe(spawnMs)
    expect(one.overhead.computeSlowestMs).toBe(jobMs)
    const explainer = en.explain.spawn.longer(
      formatDuration(spawnMs!, 'en-US'),
      formatDuration(jobMs!, 'en-US')
    )
    for (const ms of [spawnMs!, jobMs!]) {
      expect(explainer).toContain(formatDuration(ms, 'en-US'))
      expect(warningText(warning)).toContain(formatDuration(ms, 'en'))
    }
  })
})
