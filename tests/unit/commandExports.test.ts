/**
 * A command's CPU use (user + system, utilization) and peak memory reach
 * every export: CSV, JSON (valid by docs/run-export.schema.json), Markdown
 * and HTML; where the OS reported nothing they read "not measured" (null, an
 * empty cell), never 0.
 */
import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import { defaultCommandSettings } from '../../src/shared/command/commandSettings'
import { exportFormat } from '../../src/shared/report/exporters'
import type { RunRecord } from '../../src/shared/result'
import { schemaErrors } from '../helpers/runExportSchema'
import { syntheticRun } from '../helpers/syntheticRun'

const MiB = 2 ** 20

/** A --copies run on 1 and 2: each copy 1 s of wall, 900 ms user + 50 ms system, 10 / 12 MiB. */
function commandRun(measured: boolean): RunRecord {
  const run = syntheticRun(
    [
      { workers: 1, wallMs: [1000, 1000, 1000] },
      { workers: 2, wallMs: [1000, 1000, 1000] }
    ],
    {
      job: 'command',
      command: { ...defaultCommandSettings('copies'), line: 'true {index}' },
      range: { start: 0, end: 1 },
      workload: 'replicate'
    }
  )
  for (const r of run.results) {
    // As the engine records a command's check: every copy exited 0.
    Object.assign(r, {
      sum: String(r.workers),
      expectedSum: String(r.workers),
      check: { job: 'command', what: 'exit-codes', params: { copies: r.workers, failed: 0 } }
    })
    for (const s of r.samples)
      s.workers = s.workers.map((w, i) => ({
        ...w,
        exitCode: 0,
        cpuUserMs: measured ? 900 : null,
        cpuSystemMs: measured ? 50 : null,
        peakRssBytes: measured ? (10 + 2 * i) * MiB : null
      }))
  }
  return run
}

const ctx = { language: 'en' as const }

function csvRecords(run: RunRecord): Record<string, string>[] {
  const text = exportFormat('csv').run(run, analyzeRun(run), ctx)
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

describe('a command run exports its CPU use and peak memory', () => {
  it('CSV: user and system CPU (summed over copies), utilization, the largest peak', () => {
    const [one, two] = csvRecords(commandRun(true))
    expect(Number(one.cpuUserMs)).toBe(900)
    expect(Number(one.cpuSystemMs)).toBe(50)
    expect(Number(one.cpuUtilization)).toBeCloseTo(0.95)
    expect(Number(one.peakRssBytes)).toBe(10 * MiB)
    expect(Number(two.cpuUserMs)).toBe(1800)
    expect(Number(two.cpuSystemMs)).toBe(100)
    expect(Number(two.cpuUtilization)).toBeCloseTo(0.95)
    expect(Number(two.peakRssBytes)).toBe(12 * MiB)
  })

  it('CSV: not measured is an empty cell, never 0', () => {
    for (const row of csvRecords(commandRun(false)))
      for (const key of ['cpuUserMs', 'cpuSystemMs', 'cpuUtilization', 'peakRssBytes'])
        expect(row[key]).toBe('')
  })

  it('JSON: the figures, or null when not measured; valid by the published schema', () => {
    for (const measured of [true, false]) {
      const run = commandRun(measured)
      const json = JSON.parse(exportFormat('json').run(run, analyzeRun(run), ctx))
      expect(schemaErrors(json)).toEqual([])
      const two = json.results[1]
      if (measured) {
        expect(two).toMatchObject({ cpuUserMs: 1800, cpuSystemMs: 100, peakRssBytes: 12 * MiB })
        expect(two.cpuUtilization).toBeCloseTo(0.95)
      } else
        expect(two).toMatchObject({
          cpuUserMs: null,
          cpuSystemMs: null,
          cpuUtilization: null,
          peakRssBytes: null
        })
    }
  })

  it('JSON: a sum has no CPU or memory figures of copies: null, not 0', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: [10, 10, 10] },
      { workers: 2, wallMs: [5, 5, 5] }
    ])
    const json = JSON.parse(exportFormat('json').run(run, analyzeRun(run), ctx))
    expect(schemaErrors(json)).toEqual([])
    expect(json.results[0]).toMatchObject({ cpuUtilization: null, peakRssBytes: null })
  })

  it('Markdown and HTML: CPU use, CPU user + sys and peak memory in the results table', () => {
    for (const id of ['markdown', 'html'] as const) {
      const run = commandRun(true)
      const text = exportFormat(id).run(run, analyzeRun(run), ctx)
      expect(text).toContain('CPU use')
      // Its unit in the head, as every other time column: "614.0 + 66.00" alone said nothing.
      expect(text).toContain('CPU user + sys (ms)')
      expect(text).toContain('Peak memory')
      expect(text).toMatch(/12(\.0)? MiB/)
      expect(text).toMatch(/1,?800(\.0+)? \+ 100/)
      const unmeasured = commandRun(false)
      const none = exportFormat(id).run(unmeasured, analyzeRun(unmeasured), ctx)
      expect(none).toContain('not measured')
      expect(none).not.toContain('MiB')
    }
  })

  it('Korean: the same columns in Korean', () => {
    const run = commandRun(true)
    const html = exportFormat('html').run(run, analyzeRun(run), { language: 'ko' })
    expect(html).toContain('CPU 사용자 + 시스템 (ms)')
    expect(html).toContain('최대 메모리')
  })
})
