import { describe, expect, it } from 'vitest'
import { runToMarkdown } from '../../src/shared/report/exporters'
import { runSummaryMarkdown } from '../../src/shared/markdownSummary'
import { analyzeRun } from '../../src/shared/scaling'
import { syntheticRun } from '../helpers/syntheticRun'

describe('the summary a user copies', () => {
  const run = syntheticRun([
    { workers: 1, wallMs: [100, 101, 99] },
    { workers: 2, wallMs: [55, 56, 54] }
  ])
  const analysis = analyzeRun(run)
  const summary = runSummaryMarkdown(run, analysis)

  it('holds the report’s title, configuration, verdict and results table, word for word', () => {
    const report = runToMarkdown(run, analysis)
    expect(summary.startsWith('# Speedup Lab report\n\nSum of [0, 1,000,000)')).toBe(true)
    expect(summary).toContain('## Verdict\n\n')
    expect(summary).toMatch(/## Results\n\n\|/)
    for (const part of summary.trimEnd().split('\n\n')) expect(report).toContain(part)
    // The table has a row per worker count.
    expect(summary.split('\n').filter((l) => /^\| *[12] *\|/.test(l))).toHaveLength(2)
  })

  it('leaves out the rest of the report', () => {
    expect(summary).not.toContain('## Where the time goes')
    expect(summary).not.toContain('## Method')
    expect(summary).not.toContain('## Warnings')
    expect(summary.length).toBeLessThan(runToMarkdown(run, analysis).length)
    expect(summary.endsWith('\n')).toBe(true)
  })
})
