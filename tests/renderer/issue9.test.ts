/**
 * Regression tests for the cases listed at the top of issue 9 ("Numbers you
 * can trust"), each on fixed samples, and one test that feeds the same
 * samples through every surface (CLI table and verdict, CSV, JSON, Markdown,
 * the renderer's view model) and finds the same numbers.
 */
import Papa from 'papaparse'
import { modelsText as modelsMessage, warningText as warningMessage } from '../../src/shared/report'
import { describe, expect, it } from 'vitest'
import { formatTable, formatVerdict } from '../../src/cli/table'
import { countsToReport } from '../../src/engine/aggregate'
import { validateRunConfig } from '../../src/shared/config'
import { runToCsv } from '../../src/shared/report/exporters'
import { runToMarkdown } from '../../src/shared/report/exporters'
import type { RunRecord } from '../../src/shared/result'
import { parseRunEnvelope, runToJson, type RunExport } from '../../src/shared/runExport'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import { describeTimings } from '../../src/shared/analysis/describeTimings'
import { findOutliers } from '../../src/shared/stats/findOutliers'
import { headlineOf } from '../../src/renderer/src/components/Results/headline'
import { idealLine } from '../../src/renderer/src/lib/results/idealLine'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { runView } from '../../src/renderer/src/lib/results/runView'
import { verdictHeadline } from '../../src/renderer/src/lib/results/verdictHeadline'
import { warningText } from '../../src/shared/report'
import { syntheticRun } from '../helpers/syntheticRun'

/** n values spread ±spread around `center`, deterministic. */
const around = (center: number, spread: number, n = 6): number[] =>
  Array.from({ length: n }, (_, i) => center + spread * (((i * 7) % n) / (n - 1) - 0.5) * 2)

const cliRow = (table: string, workers: number): string =>
  table.split('\n').find((l) => new RegExp(`^\\s*${workers}!?\\s`).test(l)) ?? ''

describe('issue 9: the Tutorial preset (replicate, cold, 1,2) says one speedup everywhere', () => {
  // One worker 0.95 s; two workers, each summing the whole range, 1.16 s: scaled S = 2·T1/T2.
  const run = syntheticRun(
    [
      { workers: 1, wallMs: around(950, 10), spawnMs: around(40, 2) },
      { workers: 2, wallMs: around(1160, 10), spawnMs: around(45, 2) }
    ],
    { workload: 'replicate', pool: 'cold', range: { start: 0, end: 50_000_000 } }
  )
  const a = analyzeRun(run)
  const s = a.workers[1].speedup.speedup

  it('defines S = N·T1/TN (ideal N) and efficiency T1/TN', () => {
    expect(a.speedupDefinition).toBe('N·T1/TN')
    expect(s).toBeCloseTo((2 * a.workers[0].medianMs) / a.workers[1].medianMs, 12)
    expect(a.workers[1].speedup.efficiency).toBeCloseTo(
      a.workers[0].medianMs / a.workers[1].medianMs,
      12
    )
    // The Gustafson reading carries the very same number.
    expect(a.workers[1].scaled!.scaledSpeedup).toBeCloseTo(s, 12)
  })

  it('shows that number in the CLI table and verdict, the card, the CSV and the JSON', () => {
    expect(cliRow(formatTable(run, a), 2)).toContain(`${s.toFixed(2)} ±`)
    expect(formatVerdict(run, a)).toContain(`${s.toFixed(2)}×`)
    const view = runView(run)
    expect(headlineOf(run, view)!.top!.speedup).toBe(s)
    const csv = Papa.parse<Record<string, string>>(runToCsv(run, a), { header: true }).data
    expect(Number(csv[1].speedup)).toBe(s)
    expect((JSON.parse(runToJson(run, a)) as RunExport).results[1].speedup).toBe(s)
  })

  it('draws the ideal line at N, as the card says ("ideal 2×")', () => {
    const maxN = Math.max(...runView(run).rows.map((r) => r.workers))
    expect(idealLine(maxN).at(-1)).toEqual({ x: 2, y: 2 })
    expect(en.results.cards.speedupSub(2)).toBe('ideal 2×')
  })
})

describe('issue 9: --range 0:1 --reps 1 --workers 1,2 is not "faster"', () => {
  const run = syntheticRun(
    [
      { workers: 1, wallMs: [0.474], computeMs: [[0.012]] },
      { workers: 2, wallMs: [0.3], computeMs: [[0.006, 0.006]] }
    ],
    { range: { start: 0, end: 1 }, reps: 1 }
  )
  const a = analyzeRun(run)

  it('is too small to time, and never claims a speedup', () => {
    expect(a.workers[1].verdict).toBe('too-small')
    expect(a.verdict.code).toBe('too-small')
    expect(formatVerdict(run, a)).not.toMatch(/faster/)
    expect(formatVerdict(run, a)).toMatch(/Use a larger range/)
    expect(verdictHeadline(a, en, 'en').reasons[0]).toMatch(/^Too small a job/)
  })

  it('with one repetition even a large job has no interval, so no claim', () => {
    const one = syntheticRun([
      { workers: 1, wallMs: [1000] },
      { workers: 2, wallMs: [630] }
    ])
    const b = analyzeRun(one)
    expect(b.workers[1].speedupInterval).toBeNull()
    expect(b.workers[1].verdict).toBe('no-difference')
    expect(formatVerdict(one, b)).toContain('no 95% interval: 1 repetition is too few')
    // σ is not shown as "± 0.000" for one repetition: the table says n = 1.
    expect(cliRow(formatTable(one, b), 2)).toContain('— (n=1)')
    expect(cliRow(formatTable(one, b), 2)).not.toContain('± 0.000')
    expect(cliRow(formatTable(one, b), 2)).toMatch(/630\.0 ± —/)
  })
})

describe('issue 9: 1.02 ± 0.097× is not "faster"', () => {
  it('calls it no significant difference, with its interval', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: around(100, 9) },
      { workers: 2, wallMs: around(98, 9) }
    ])
    const a = analyzeRun(run)
    const w = a.workers[1]
    expect(w.speedup.speedup).toBeGreaterThan(1)
    expect(w.speedupInterval!.lower).toBeLessThan(1)
    expect(w.verdict).toBe('no-difference')
    expect(a.verdict.code).toBe('no-difference')
    expect(formatVerdict(run, a)).toMatch(/No significant difference .* interval .* includes 1/)
    expect(verdictHeadline(a, ko, 'ko').title).toBe('유의한 속도 향상 없음')
    expect(verdictHeadline(a, ko, 'ko').reasons[0]).toContain('구간이 1을 포함합니다')
  })
})

describe('issue 9: after a 0.88× slowdown no impossible Amdahl figure', () => {
  const run = syntheticRun([
    { workers: 1, wallMs: around(100, 1) },
    { workers: 2, wallMs: around(113.6, 1) }
  ])
  const a = analyzeRun(run)

  it('gives no Karp–Flatt e > 1, no ceiling 1/f < 1; says overhead dominates', () => {
    expect(a.workers[1].speedup.speedup).toBeCloseTo(0.88, 2)
    expect(a.workers[1].karpFlatt).toBeNull()
    expect(a.karpFlatt!.points).toEqual([])
    expect(a.models.comparison).toBeNull()
    expect(a.models.code).toBe('slower-than-one')
    expect(modelsMessage(a.models)).toContain('overhead dominates')
    expect(a.verdict.code).toBe('slower')
    const all = [
      formatTable(run, a),
      formatVerdict(run, a),
      runToMarkdown(run, a),
      runToJson(run, a)
    ].join('\n')
    expect(all).not.toMatch(/1\/f ≈ 0\.\d/)
    expect(all).not.toMatch(/ceiling of 0\./)
    expect(en.verdicts.overheadDominates(2, '0.88×')).toMatch(/overhead dominates/)
  })
})

describe('issue 9: a single worker count', () => {
  it('with --workers 1: nothing to compare, not "too small for its overhead"', () => {
    const run = syntheticRun([{ workers: 1, wallMs: around(126_000, 500) }])
    const a = analyzeRun(run)
    expect(a.verdict.code).toBe('baseline-only')
    expect(formatVerdict(run, a)).not.toMatch(/too small/i)
    expect(formatVerdict(run, a)).toContain('nothing to compare')
    // The GUI shows the 1-worker card once: no "Time, N workers" card for N = 1.
    expect(headlineOf(run, runView(run))!.top).toBeNull()
  })

  it('with --workers 2: the measured baseline is reported (table and CSV)', () => {
    expect(countsToReport({ workers: [2] } as never)).toEqual([1, 2])
    expect(countsToReport({ workers: [4, 2] } as never)).toEqual([1, 4, 2])
    expect(countsToReport({ workers: [2, 1] } as never)).toEqual([2, 1])
    const run = syntheticRun([
      { workers: 1, wallMs: around(100, 1) },
      { workers: 2, wallMs: around(52, 1) }
    ])
    run.config.workers = [2]
    const csv = Papa.parse<Record<string, string>>(runToCsv(run), { header: true }).data
    expect(csv.map((r) => r.workers)).toEqual(['1', '2'])
    expect(csv[0].verdict).toBe('baseline')
    expect(cliRow(formatTable(run), 1)).toContain('baseline')
  })
})

describe('issue 9: 1,2,3 on 2 cores', () => {
  const run = syntheticRun(
    [
      { workers: 1, wallMs: around(1000, 4) },
      { workers: 2, wallMs: around(1000 / 1.42, 4) },
      { workers: 3, wallMs: around(1000 / 1.35, 4) }
    ],
    {},
    2
  )
  const a = analyzeRun(run)

  it('names 2 as the best (the highest significant speedup), not the last measured', () => {
    expect(a.workers.map((w) => w.verdict)).toEqual(['baseline', 'faster', 'faster'])
    expect(a.verdict).toMatchObject({ code: 'faster', workers: 2 })
    expect(a.verdict.speedup).toBeCloseTo(1.42, 2)
    expect(formatVerdict(run, a)).toMatch(/Best: 2 workers/)
    expect(headlineOf(run, runView(run))!.top!.workers).toBe(2)
  })

  it('warns that 3 workers exceed the cores, on every surface', () => {
    expect(a.warnings.find((w) => w.code === 'more-workers-than-cores')).toMatchObject({
      workers: 3,
      severity: 'warning'
    })
    expect(formatVerdict(run, a)).toContain('3 workers exceed the 2 available cores')
    expect(formatTable(run, a)).toContain('! more workers than the 2 available cores')
    expect(JSON.parse(runToJson(run, a)).results[2].oversubscribed).toBe(true)
    expect(
      Papa.parse<Record<string, string>>(runToCsv(run, a), { header: true }).data[2]
    ).toMatchObject({
      oversubscribed: 'true',
      warnings: 'more-workers-than-cores'
    })
    expect(runToMarkdown(run, a)).toContain('| 3 (> cores) |')
    // The Results tab's verdict block lists the run's warnings under the verdict.
    const over = a.warnings.find((w) => w.code === 'more-workers-than-cores')!
    expect(warningText(over, 'en')).toContain('3 workers on 2 logical cores')
    expect(warningText(over, 'ko')).toContain('워커 3개')
  })
})

describe('issue 9: Karp–Flatt is the same in Results and Scaling', () => {
  it('comes from one analysis: the table row equals the Scaling view’s point', () => {
    // On 4 cores, so 4 workers are read (on 2 they would be drawn, not read).
    const run = syntheticRun(
      [
        { workers: 1, wallMs: around(100, 1) },
        { workers: 2, wallMs: around(55, 1) },
        { workers: 4, wallMs: around(32, 1) }
      ],
      {},
      4
    )
    const a = analyzeRun(run)
    const rows = runView(run).rows
    for (const w of a.workers.filter((x) => x.workers > 1)) {
      const point = a.karpFlatt!.points.find((p) => p.workers === w.workers)!
      expect(rows.find((r) => r.workers === w.workers)!.karpFlatt).toBe(point.serialFraction)
      expect(w.karpFlatt!.serialFraction).toBe(point.serialFraction)
      const cli = cliRow(formatTable(run, a), w.workers)
      expect(cli).toContain(point.serialFraction.toFixed(3))
    }
  })
})

describe('issue 9: an empty range is refused as input', () => {
  it('refuses 1000:1000 with a reason', () => {
    const r = validateRunConfig({
      range: { start: 1000, end: 1000 },
      workers: [1, 2],
      workload: 'split',
      backend: 'process',
      pool: 'warm',
      warmup: 0,
      reps: 3
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0].message).toMatch(/empty range/)
  })
})

describe('issue 9: outliers need the modified Z-score AND distance from the median', () => {
  it('does not flag a value 4% from the median, however tight the rest', () => {
    const tight = [100, 100.01, 99.99, 100, 100.02, 99.98, 104]
    expect(findOutliers(tight).indices).toEqual([])
    expect(findOutliers([...tight.slice(0, 6), 110]).indices).toEqual([6])
  })

  it('says which criteria flagged a sample', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: [100, 100.1, 99.9, 100, 100.05, 99.95, 130] },
      { workers: 2, wallMs: around(52, 0.5, 7) }
    ])
    const w = analyzeRun(run).warnings.find((x) => x.code === 'outliers')!
    // The statistic in plain words first, then its name and this repetition's value.
    expect(warningMessage(w)).toMatch(
      /#7 \(130 ms, \+30\.0%, far from the others: modified Z \d+\)/
    )
    expect(warningMessage(w)).toContain(
      'far from the others: a modified Z — the distance from the median in typical spreads — above 3.5, and at least 5.0% from the median'
    )
    // A slow outlier is blamed on interference; it is named as slow.
    expect(warningMessage(w)).toMatch(/Slow: #7 \([^)]*\): other programs or the OS/)
  })
})

describe('issue 9: at ≤ 5 repetitions the median’s 95% interval is not min…max', () => {
  it('is reported as missing, and the Student-t interval of the mean carries the error', () => {
    const five = [100, 102, 98, 101, 99]
    expect(describeTimings(five).medianInterval).toBeNull()
    expect(describeTimings([...five, 100]).medianInterval).not.toBeNull()
    const run = syntheticRun([
      { workers: 1, wallMs: five },
      { workers: 2, wallMs: [51, 50, 52, 49, 50] }
    ])
    const a = analyzeRun(run)
    expect(a.workers[0].medianInterval).toBeNull()
    expect(cliRow(formatTable(run, a), 1)).toContain('— (n=5)')
    expect(cliRow(formatTable(run, a), 1)).not.toContain('98.000 … 102.0')
    // The speedup still has an honest interval from the t intervals: 2 ± e, excluding 1.
    expect(a.workers[1].speedupInterval!.lower).toBeGreaterThan(1)
    expect(a.workers[1].verdict).toBe('faster')
  })
})

describe('issue 9: fixed samples through every surface give the same numbers', () => {
  const run: RunRecord = syntheticRun([
    { workers: 1, wallMs: [200, 201, 199, 202, 198, 200, 200] },
    { workers: 2, wallMs: [104, 105, 103, 104, 106, 104, 102] },
    { workers: 4, wallMs: [70, 71, 69, 72, 70, 70, 68] }
  ])
  const a = analyzeRun(run)
  const json = JSON.parse(runToJson(run, a)) as RunExport
  const csv = Papa.parse<Record<string, string>>(runToCsv(run, a), {
    header: true,
    skipEmptyLines: true
  }).data
  const md = runToMarkdown(run, a)
  const table = formatTable(run, a)
  const view = runView(run)

  it('agrees on every worker count’s median, speedup, interval, efficiency, Karp–Flatt and verdict', () => {
    a.workers.forEach((w, i) => {
      const j = json.results[i]
      const c = csv[i]
      const r = view.rows[i]
      expect(j.workers).toBe(w.workers)
      expect(j.medianMs).toBe(w.medianMs)
      expect(Number(c.medianMs)).toBe(w.medianMs)
      expect(r.medianMs).toBe(w.medianMs)
      expect(j.speedup).toBe(w.speedup.speedup)
      expect(Number(c.speedup)).toBe(w.speedup.speedup)
      expect(r.speedup).toBe(w.speedup.speedup)
      expect(j.efficiency).toBe(w.speedup.efficiency)
      expect(Number(c.efficiency)).toBe(w.speedup.efficiency)
      expect(j.speedupLow).toBe(w.speedupInterval?.lower ?? null)
      expect(c.speedupLow).toBe(w.speedupInterval ? String(w.speedupInterval.lower) : '')
      expect(r.speedupHigh).toBe(w.speedupInterval?.upper ?? null)
      expect(j.karpFlatt).toBe(w.karpFlatt?.serialFraction ?? null)
      expect(r.karpFlatt).toBe(j.karpFlatt)
      expect(j.verdict).toBe(w.verdict)
      expect(c.verdict).toBe(w.verdict)
      expect(r.verdict).toBe(w.verdict)
      // The text surfaces print the same figures, rounded.
      const s = w.speedup.speedup.toFixed(2)
      expect(cliRow(table, w.workers)).toContain(s)
      expect(md).toMatch(new RegExp(`\\| ${w.workers}( \\(> cores\\))? \\|[^\\n]*\\| ${s}`))
      if (w.speedupInterval) {
        const interval = `${w.speedupInterval.lower.toFixed(2)} … ${w.speedupInterval.upper.toFixed(2)}`
        expect(cliRow(table, w.workers)).toContain(interval)
        expect(md).toContain(interval)
      }
    })
  })

  it('agrees on the verdict, and the JSON loads back as the same record', () => {
    expect(json.verdict).toEqual({
      code: a.verdict.code,
      workers: a.verdict.workers,
      speedup: a.verdict.speedup,
      speedupLow: a.verdict.interval!.lower,
      speedupHigh: a.verdict.interval!.upper,
      efficiency: a.verdict.efficiency
    })
    expect(json.verdict).toMatchObject({ code: 'faster', workers: 4 })
    const s = a.verdict.speedup!.toFixed(2)
    expect(formatVerdict(run, a)).toContain(`Best: 4 workers, speedup ${s}×`)
    expect(md).toContain(`Best: 4 workers, speedup ${s}×`)
    expect(verdictHeadline(view.analysis, en, 'en').title).toContain(`4 workers: ${s}× faster`)
    expect(headlineOf(run, view)!.top!.speedup).toBe(a.verdict.speedup)
    const back = parseRunEnvelope(runToJson(run, a))
    expect(back).toEqual({ ok: true, value: run })
  })
})

describe('parseRunEnvelope', () => {
  const run = syntheticRun([
    { workers: 1, wallMs: [10, 11, 10] },
    { workers: 2, wallMs: [6, 6, 7] }
  ])

  it('refuses what is not one run, saying what it is', () => {
    expect(parseRunEnvelope('{')).toMatchObject({ ok: false, reason: /not valid JSON/ })
    expect(parseRunEnvelope({ kind: 'study' })).toMatchObject({ ok: false, reason: /study/ })
    expect(parseRunEnvelope({ hello: 1 })).toMatchObject({ ok: false, reason: /not a Speedup Lab/ })
    expect(
      parseRunEnvelope({ format: 'speedup-lab/runs', version: 2, runs: [{}, {}] })
    ).toMatchObject({ ok: false, reason: /holds 2 runs/ })
    const broken = JSON.parse(runToJson(run))
    broken.run.results[0].sum = 'twelve'
    expect(parseRunEnvelope(broken)).toMatchObject({ ok: false, reason: /results\.0\.sum/ })
  })

  it('reads the first format’s CLI --json and one-run exports, migrated', () => {
    const legacy = {
      runId: run.id,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      correct: true,
      config: run.config,
      system: run.system,
      results: run.results.map((r) => ({ ...r, medianMs: 1, speedup: 1, efficiency: 1 }))
    }
    // Files of the formats before workloads (issue 17) read as sums checked against the closed form.
    const migrated = {
      ...run,
      config: { job: 'sum', ...run.config },
      results: run.results.map((r) => ({ ...r, check: { job: 'sum', what: 'closed-form' } }))
    }
    expect(parseRunEnvelope(legacy)).toEqual({ ok: true, value: migrated })
    expect(
      parseRunEnvelope({ format: 'speedup-lab/runs', version: 1, runs: [legacy.results && run] })
    ).toEqual({ ok: true, value: migrated })
  })
})
