import { backendSideTable } from '../../src/shared/report/tables'
import { describe, expect, it } from 'vitest'
import { escapeCell, runToMarkdown, studyToMarkdown } from '../../src/shared/report/exporters'
import { tableToMarkdown } from '../../src/shared/report/table'
import { runResultsTable } from '../../src/shared/report/tables'
import type { Align } from '../../src/shared/report/table'

const markdownTable = (head: string[], align: Align[], rows: string[][]): string =>
  tableToMarkdown({ head, align, rows })
import { analyzeRun, analyzeStudy } from '../../src/shared/scaling'
import { syntheticRun, syntheticStudy } from '../helpers/syntheticRun'

const run = syntheticRun([
  { workers: 1, wallMs: [100, 102, 98, 101, 99] },
  { workers: 2, wallMs: [51, 50, 52, 49, 50] },
  { workers: 4, wallMs: [40, 41, 39, 40, 42] }
])

/** The lines of the table that follows `heading`. */
function tableAfter(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.indexOf(heading)
  expect(start).toBeGreaterThanOrEqual(0)
  const first = lines.findIndex((l, i) => i > start && l.startsWith('|'))
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'))
  return lines.slice(first, end === -1 ? undefined : end)
}

describe('markdownTable', () => {
  it('writes a header, an alignment rule and rows, escaping pipes and line breaks', () => {
    expect(markdownTable(['a', 'b|c'], ['left', 'right'], [['x\ny', '1 | 2']])).toBe(
      '| a | b\\|c |\n| :-- | --: |\n| x y | 1 \\| 2 |'
    )
    expect(escapeCell('back\\slash')).toBe('back\\\\slash')
    // "/proc/<pid>" must not become an HTML tag.
    expect(escapeCell('/proc/<pid>/status & more')).toBe('/proc/&lt;pid>/status &amp; more')
  })
})

describe('runToMarkdown', () => {
  const md = runToMarkdown(run, analyzeRun(run))

  it('is deterministic and ends with one newline', () => {
    expect(runToMarkdown(run, analyzeRun(run))).toBe(md)
    expect(md.endsWith('\n')).toBe(true)
    expect(md.endsWith('\n\n')).toBe(false)
  })

  it('starts with what was measured, where, and the verdict', () => {
    expect(
      md.startsWith(
        '# Speedup Lab report\n\nSum of [0, 1,000,000) · split · process · warm pool · js kernel · 1 warm-up, 5 reps  \nTest CPU · 2 logical cores (2 available) · Linux 6.1.0 x64 · Node 20.20.2  \nRun synthetic-run, 2025-02-01T10:00:00.000Z\n\n## Verdict\n\n✓ Every total matches the closed form 499,999,500,000. Best: 4 workers, speedup 2.50× (95% interval '
      )
    ).toBe(true)
  })

  it('tabulates every worker count with its interval, speedup ± e, verdict and Karp–Flatt', () => {
    const table = tableAfter(md, '## Results')
    expect(table[0]).toBe(
      '| Workers | n | Median (ms) | 95% CI (median) | Mean ± σ (ms) | Min … Max (ms) | Speedup ± e | 95% CI (speedup) | Verdict | Efficiency ± e | Karp–Flatt e(N) | Per worker | Sum |'
    )
    expect(table[1]).toBe(
      '| --: | --: | --: | --: | --: | --: | --: | --: | :-- | --: | --: | --: | :-- |'
    )
    expect(table).toHaveLength(5)
    // Five values: the bootstrap's 2.5% and 97.5% quantiles would be min…max, so the
    // median's interval is reported as missing, not as min…max.
    expect(analyzeRun(run).workers[0].medianInterval).toBeNull()
    expect(table[2]).toBe(
      '| 1 | 5 | 100.0 | — (n = 5) | 100.0 ± 1.581 | 98.00 … 102.0 | 1.00× | — | baseline | 100.0 % | — | 10.1 M/s | ✓ 499,999,500,000 |'
    )
    expect(table[4]).toMatch(
      /^\| 4 \(> cores\) \| 5 \| 40\.00 \| — \(n = 5\) \| .* \| 2\.50 ± [\d.]+× \| [\d.]+ … [\d.]+ \| faster \| 62\.5 ± [\d.]+ % \| — \| [\d.]+ M\/s \| ✓ 499,999,500,000 \|$/
    )
  })

  it('words each verdict, never the analysis code (no-difference, too-small)', () => {
    const noisy = syntheticRun([
      { workers: 1, wallMs: [100, 140, 70, 120, 90] },
      { workers: 2, wallMs: [95, 60, 130, 80, 110] }
    ])
    expect(analyzeRun(noisy).workers[1].verdict).toBe('no-difference')
    const rowOf2 = (markdown: string): string =>
      markdown.split('\n').find((l) => l.startsWith('| 2 |'))!
    const en = rowOf2(runToMarkdown(noisy, analyzeRun(noisy)))
    expect(en).toContain('| not significant |')
    expect(en).not.toMatch(/no-difference|too-small/)
    const ko = runResultsTable(noisy, analyzeRun(noisy), 'document', 'ko')
    expect(ko.rows[1]).toContain('유의한 차이 없음')
  })

  it('describes a wait run as a wait, with its bound per worker count, never as a sum', () => {
    const wait = syntheticRun(
      [
        { workers: 1, wallMs: [641, 645, 643, 642, 644] },
        { workers: 4, wallMs: [161, 164, 162, 163, 165] }
      ],
      { job: 'wait', wait: { requests: 64, delayMs: 10 }, backend: 'thread' }
    )
    const md = runToMarkdown(wait, analyzeRun(wait))
    expect(md.split('\n')[2]).toMatch(
      /^Wait: 64 requests × 10 ms \(ideal ceil\(R\/N\)·delay\) · thread · warm pool · 1 warm-up/
    )
    expect(md).not.toMatch(/Sum of|js kernel/)
    const table = tableAfter(md, '## Results')
    expect(table[0]).toContain('| Ideal (ms) |')
    const ideal = table[0].split(' | ').indexOf('Ideal (ms)')
    expect(table.slice(2).map((row) => row.split(' | ')[ideal])).toEqual(['640.0', '160.0'])
  })

  it('has the overhead breakdown, the models and the warnings', () => {
    const overhead = tableAfter(md, '## Where the time goes')
    expect(overhead[0]).toBe(
      '| Workers | Spawn (ms) | Dispatch (ms) | Compute, slowest (ms) | Compute, mean (ms) | Imbalance | Merge (ms) |'
    )
    expect(overhead[2]).toBe('| 1 | — | 0.500 | 99.50 | 99.50 | 0.0% | 0.010 |')
    // 4 workers on 2 cores are drawn, never fitted: one count within the cores is no fit.
    expect(md).toContain(
      '## Models\n\n- Not enough evidence for a model: only 2 workers above one was measured within the 2 cores'
    )
    expect(md).toContain('4 workers exceed the 2 cores: they are drawn but not fitted')
    expect(md).toContain('- e is 0 at 2 workers; measure more worker counts')
    expect(md).toContain('## Warnings\n\n- 4 workers: 4 workers on 2 logical cores')
    // The rules first (this synthetic record predates them: each says so), then the intervals.
    expect(md).toContain(
      '## Method\n\n- Serial base case (the job in the controller’s own thread, no worker): not recorded'
    )
    expect(md).toContain('- Order: not recorded')
    expect(md).toContain('\n\nIntervals are 95%: the median')
  })
})

describe('studyToMarkdown', () => {
  const study = syntheticStudy()
  const md = studyToMarkdown(study, analyzeStudy(study))

  it('gives the verdict as bullets, then the size table with the break-even marked', () => {
    expect(md).toContain('## Verdict\n\n- process, warm pool: 2 workers first beat 1 at about ')
    const sizes = tableAfter(md, '## Problem size: process, warm pool')
    expect(sizes[0]).toBe(
      '| Size | 1 worker (ms) | 2 workers (ms) | Speedup ± e | Winner | Break-even |'
    )
    expect(sizes.slice(2).map((row) => row.split(' | ')[0])).toEqual([
      '| 10,000',
      '| 100,000',
      '| 1,000,000',
      '| 10,000,000'
    ])
    expect(sizes[2]).toMatch(/\| 1 worker \| {2}\|$/)
    expect(sizes[4]).toMatch(/\| 2 workers \| ◀ ≈ [\d,]+ \|$/)
  })

  it('puts threads and processes side by side with start cost and memory', () => {
    const side = tableAfter(md, '## Threads vs processes')
    expect(side[0]).toBe(
      // Five repetitions a count: no median has its interval, and the header promises none.
      '| Workers | process: median (ms) | thread: median (ms) | process: speedup ± e | thread: speedup ± e |'
    )
    const lines = md.split('\n')
    const costs = lines.slice(lines.findIndex((l) => l.startsWith('| Backend |')))
    expect(costs[0]).toBe(
      '| Backend | Cold start (ms) | RSS per worker | PSS per worker | Amdahl f ± u | Memory measured by |'
    )
    expect(costs[2]).toBe('| process | 40.00 | 48 MiB | 12 MiB | — | fixed |')
    expect(costs[3]).toBe('| thread | 40.00 | 8 MiB | — | — | fixed |')
    expect(md).toContain('## process: the worker sweep')
    expect(md).toContain('### Results')
  })
  it('names an interval in the header only when a cell shows one (too few repetitions: none)', () => {
    const analysis = analyzeStudy(study)
    const c = analysis.backendComparison!
    const withIntervals = (interval: boolean): typeof c => ({
      ...c,
      backends: c.backends.map((b) => ({
        ...b,
        analysis: {
          ...b.analysis,
          workers: b.analysis.workers.map((x) => ({
            ...x,
            medianInterval: interval
              ? {
                  method: 'bootstrap-percentile' as const,
                  level: 0.95,
                  estimate: x.medianMs,
                  lower: x.medianMs * 0.9,
                  upper: x.medianMs * 1.1,
                  halfWidth: x.medianMs * 0.1,
                  resamples: 1000,
                  seed: 1
                }
              : null
          }))
        }
      }))
    })
    const without = withIntervals(false)
    const head = backendSideTable(without).head
    expect(head[1]).toBe('process: median (ms)')
    expect(head.join(' ')).not.toContain('CI')
    expect(backendSideTable(without, 'ko').head[1]).toBe('프로세스: 중앙값(ms)')
    const shown = backendSideTable(withIntervals(true))
    expect(shown.head[1]).toBe('process: median [95% CI] (ms)')
    expect(shown.rows[0][1]).toMatch(/\[.* … .*\]/)
  })
})
