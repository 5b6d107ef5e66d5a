import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { compareRuns, regressionsOver } from '../../../src/shared/analysis/compareRuns'
import type { RunComparison } from '../../../src/shared/analysis/compareRuns'
import type { MeasuredRun } from '../../../src/shared/analysis/measuredRun'
import {
  comparisonToCsv,
  comparisonToJson,
  comparisonToMarkdown
} from '../../../src/shared/report/exporters'
import { sampleRun } from '../../helpers/runRecord'

/** A run of the split job over 0:1e6 with the given wall-time samples per worker count. */
function run(
  id: string,
  samples: Record<number, number[]>,
  config: Partial<MeasuredRun['config']> = {}
): MeasuredRun {
  return {
    id,
    startedAt: '2026-01-01T00:00:00.000Z',
    config: {
      range: { start: 0, end: 1_000_000 },
      workers: Object.keys(samples).map(Number),
      workload: 'split',
      backend: 'process',
      pool: 'warm',
      ...config
    },
    system: { cpuModel: 'Test CPU', availableParallelism: 2 },
    results: Object.entries(samples).map(([w, walls]) => ({
      workers: Number(w),
      samples: walls.map((wallMs) => ({ wallMs })),
      sum: '499999500000',
      expectedSum: '499999500000',
      correct: true
    }))
  }
}

/** Ten samples around `center`, ±1 % jitter, fixed. */
const around = (center: number): number[] =>
  [0.99, 1.004, 0.997, 1.01, 1.0, 0.993, 1.006, 0.998, 1.002, 0.995].map((f) => center * f)

const ok = (outcome: ReturnType<typeof compareRuns>): RunComparison => {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code}`)
  return outcome.value
}

describe('compareRuns', () => {
  it('detects a 20 % regression at 2 workers and calls 1 worker unchanged', () => {
    const base = run('a', { 1: around(100), 2: around(55) })
    const cand = run('b', { 1: around(100.3), 2: around(66) })
    const c = ok(compareRuns(base, cand))
    const [one, two] = c.rows
    expect(one.workers).toBe(1)
    expect(one.time.verdict).toBe('no-change')
    expect(two.time.verdict).toBe('regressed')
    expect(two.time.ratio).toBeCloseTo(66 / 55, 2)
    expect(two.time.low!).toBeGreaterThan(1.1)
    expect(two.time.high!).toBeLessThan(1.3)
    expect(c.regressed).toEqual([2])
    // The speedup fell from ~1.82 to ~1.52: regressed too.
    expect(two.speedup!.verdict).toBe('regressed')
    expect(two.baseline.speedup).toBeCloseTo(100 / 55, 1)
    expect(regressionsOver(c, 10)).toEqual([2])
    expect(regressionsOver(c, 25)).toEqual([])
  })

  it('calls noise no-change: the same jitter shuffled, and a 1 % shift within the 2 % threshold', () => {
    const base = run('a', { 1: around(100), 2: around(55) })
    const shuffled = run('b', { 1: [...around(100)].reverse(), 2: around(55.5) })
    const c = ok(compareRuns(base, shuffled))
    for (const row of c.rows) expect(row.time.verdict).toBe('no-change')
    expect(c.rows[1].speedup!.verdict).toBe('no-change')
    expect(c.regressed).toEqual([])
    expect(c.improved).toEqual([])
    expect(regressionsOver(c, 0)).toEqual([])
  })

  it('does not call a large but noisy change significant', () => {
    const base = run('a', { 1: [100, 60, 140, 80, 120] })
    const cand = run('b', { 1: [110, 70, 150, 90, 130] })
    const row = ok(compareRuns(base, cand)).rows[0]
    expect(row.time.ratio).toBeCloseTo(1.1, 5)
    expect(row.time.low!).toBeLessThan(1)
    expect(row.time.verdict).toBe('no-change')
  })

  it('detects an improvement', () => {
    const c = ok(compareRuns(run('a', { 1: around(100) }), run('b', { 1: around(80) })))
    expect(c.rows[0].time.verdict).toBe('improved')
    expect(c.improved).toEqual([1])
  })

  it('uses the scaled speedup N·T1/TN for replicate', () => {
    const base = run('a', { 1: around(100), 2: around(110) }, { workload: 'replicate' })
    const c = ok(compareRuns(base, base))
    expect(c.rows[1].baseline.speedup).toBeCloseTo((2 * 100) / 110, 2)
    expect(c.rows[1].speedup!.ratio).toBe(1)
    expect(c.rows[1].speedup!.verdict).toBe('no-change')
  })

  it('gives no interval (and no verdict) with fewer than 3 samples', () => {
    const c = ok(compareRuns(run('a', { 1: [100, 101] }), run('b', { 1: [200, 201] })))
    expect(c.rows[0].time).toMatchObject({ low: null, high: null, verdict: 'no-change' })
    expect(c.rows[0].time.note).toBe('too-few-samples')
  })

  it('is reproducible: the same runs give the same intervals', () => {
    const base = run('a', { 1: around(100), 2: around(55) })
    const cand = run('b', { 1: around(97), 2: around(57) })
    expect(compareRuns(base, cand)).toEqual(compareRuns(base, cand))
  })

  it('compares only worker counts present in both, and names the rest', () => {
    const c = ok(
      compareRuns(
        run('a', { 1: around(100), 2: around(55) }),
        run('b', { 1: around(100), 4: around(40) })
      )
    )
    expect(c.rows.map((r) => r.workers)).toEqual([1])
    expect(c.onlyInBaseline).toEqual([2])
    expect(c.onlyInCandidate).toEqual([4])
  })

  it('lists how the runs differ when the job is the same', () => {
    const c = ok(
      compareRuns(
        run('a', { 1: around(100) }),
        run('b', { 1: around(100) }, { backend: 'thread', kernel: 'wasm' })
      )
    )
    expect(c.differences).toEqual([
      { field: 'backend', baseline: 'process', candidate: 'thread' },
      // A run from before kernels existed ran the js loop (issue 10): named, not '—'.
      { field: 'kernel', baseline: 'js', candidate: 'wasm' }
    ])
  })

  it('does not call the seed of the order a difference: every run draws its own', () => {
    const c = ok(
      compareRuns(
        run('a', { 1: around(100) }, { seed: 614725159 }),
        run('b', { 1: around(100) }, { seed: 1875364644, pool: 'cold' })
      )
    )
    expect(c.differences).toEqual([{ field: 'pool', baseline: 'warm', candidate: 'cold' }])
  })

  it('refuses runs of different jobs or broken runs, saying what differs', () => {
    const base = run('a', { 1: around(100) })
    expect(
      compareRuns(base, run('b', { 1: around(100) }, { range: { start: 0, end: 5 } }))
    ).toEqual({
      ok: false,
      refusal: {
        code: 'different-range',
        baseline: { start: 0, end: 1_000_000 },
        candidate: { start: 0, end: 5 }
      }
    })
    expect(compareRuns(base, run('b', { 1: around(100) }, { workload: 'replicate' }))).toEqual({
      ok: false,
      refusal: { code: 'different-workload', baseline: 'split', candidate: 'replicate' }
    })
    expect(compareRuns(base, run('b', { 2: around(60) }))).toMatchObject({
      ok: false,
      refusal: { code: 'no-common-workers', baseline: [1], candidate: [2] }
    })
    const wrong = run('b', { 1: around(100) })
    wrong.results[0] = { ...wrong.results[0], sum: '0', correct: false }
    expect(compareRuns(base, wrong)).toMatchObject({
      ok: false,
      refusal: { code: 'wrong-sum', side: 'candidate', workers: 1 }
    })
  })

  it('reads a stored RunRecord through its samples, not its stored speedup', () => {
    const record = sampleRun()
    const tampered = sampleRun({
      id: 'other',
      results: record.results.map((r) => ({ ...r, speedup: 99, medianMs: 1 }))
    })
    const c = ok(compareRuns(record, tampered))
    expect(c.rows[1].speedup!.ratio).toBe(1)
    expect(c.rows[1].time.ratio).toBe(1)
  })
})

describe('comparison exports', () => {
  const c = ok(
    compareRuns(
      run('a', { 1: around(100), 2: around(55) }),
      run('=cmd', { 1: around(100), 2: around(66) })
    )
  )

  it('CSV: a header and one row per worker count, numbers as numbers, formulas guarded', () => {
    const csv = comparisonToCsv(c)
    expect(csv).toContain('\r\n')
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true })
    expect(parsed.data).toHaveLength(2)
    expect(parsed.data[1]).toMatchObject({
      candidateRunId: "'=cmd",
      workers: '2',
      timeVerdict: 'regressed',
      speedupVerdict: 'regressed'
    })
    expect(Number(parsed.data[1].timeRatio)).toBeCloseTo(c.rows[1].time.ratio, 10)
    expect(parsed.data[0].speedupRatio).toBe('')
  })

  it('JSON: a tagged envelope that reads back to the same comparison', () => {
    const doc = JSON.parse(comparisonToJson(c, new Date(0)))
    expect(doc.format).toBe('speedup-lab/comparison')
    expect(doc.exportedAt).toBe('1970-01-01T00:00:00.000Z')
    expect(doc.comparison).toEqual(JSON.parse(JSON.stringify(c)))
  })

  it('Markdown: the table and the verdict', () => {
    const md = comparisonToMarkdown(c)
    expect(md).toContain('| Workers |')
    expect(md).toMatch(/\| 2 \| .* \| regressed \|/)
    expect(md).toContain('2 workers: regressed — median +20.0%')
  })
})
