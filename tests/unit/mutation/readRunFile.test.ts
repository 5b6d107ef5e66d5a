/**
 * What a baseline file may be (readRunFile.ts), reason by reason
 * (docs/MUTATION.md): each refusal is what the user reads, so each is pinned
 * whole — a byte-order mark, not JSON, not an object, a study, another format,
 * a version this build does not read (versions 2 to 3 of a run, 1 to 3 of the
 * runs export), not exactly one run, a schema error (its first three issues
 * with their paths), a wrong total — and each accepted form gives the run.
 */
import { describe, expect, it } from 'vitest'
import { readRunFile } from '../../../src/shared/analysis/readRunFile'
import { RUN_FORMAT_VERSION } from '../../../src/shared/runFormatVersion'

const RUN = {
  id: 'r1',
  startedAt: '2026-01-01T00:00:00.000Z',
  config: { range: { start: 0, end: 10 }, workers: [1, 2], workload: 'split' },
  results: [
    { workers: 1, samples: [{ wallMs: 10 }], sum: '45', expectedSum: '45', correct: true },
    { workers: 2, samples: [{ wallMs: 6 }], sum: '45', expectedSum: '45', correct: true }
  ]
}
const reason = (doc: unknown): string => {
  const read = readRunFile(typeof doc === 'string' ? doc : JSON.stringify(doc))
  return read.ok ? `read ${read.run.id}` : read.reason
}

describe('readRunFile, reason by reason', () => {
  it('refuses a byte-order mark with how to save without one', () => {
    expect(reason('\uFEFF' + JSON.stringify(RUN))).toBe(
      'it starts with a byte-order mark, which JSON does not allow: save it as UTF-8 ' +
        'without BOM (in most editors, "UTF-8" rather than "UTF-8 with BOM")'
    )
  })

  it('refuses text that is not JSON, quoting the parser', () => {
    expect(reason('{')).toMatch(/^it is not JSON \(.+\)$/)
    expect(reason('{')).not.toBe('it is not JSON ()')
  })

  it('refuses what is not an object', () => {
    for (const doc of ['[1]', 'null', '3', '"run"'])
      expect(reason(doc)).toBe('it is not a JSON object')
  })

  it('refuses a study, by its kind or by its format', () => {
    expect(reason({ kind: 'study' })).toBe('it is a study, not a single run')
    expect(reason({ format: 'speedup-lab/study', version: 1 })).toBe(
      'it is a study, not a single run'
    )
  })

  it('refuses another format, and versions it does not read, naming the range', () => {
    expect(reason({ format: 'other/thing', run: RUN })).toBe(
      'it is a other/thing file, not a run: give the --json of one run'
    )
    expect(RUN_FORMAT_VERSION).toBe(3)
    expect(reason({ format: 'speedup-lab/run', version: 1, run: RUN })).toBe(
      'it is speedup-lab/run format version 1, and this Speedup Lab reads versions 2 to 3: ' +
        'update Speedup Lab, or export the run again with this version'
    )
    expect(reason({ format: 'speedup-lab/runs', version: 4, runs: [RUN] })).toBe(
      'it is speedup-lab/runs format version 4, and this Speedup Lab reads versions 1 to 3: ' +
        'update Speedup Lab, or export the run again with this version'
    )
    expect(reason({ format: 'speedup-lab/run', run: RUN })).toMatch(/format version undefined/)
    for (const version of [2, 3])
      expect(reason({ format: 'speedup-lab/run', version, run: RUN })).toBe('read r1')
    for (const version of [1, 2, 3])
      expect(reason({ format: 'speedup-lab/runs', version, runs: [RUN] })).toBe('read r1')
  })

  it('takes the one run of an export, and refuses none or several', () => {
    expect(reason({ runs: [] })).toBe('it holds 0 runs; export exactly one run as the baseline')
    expect(reason({ runs: [RUN, RUN] })).toBe(
      'it holds 2 runs; export exactly one run as the baseline'
    )
    expect(reason({ runs: [RUN] })).toBe('read r1')
    expect(reason({ run: RUN })).toBe('read r1')
  })

  it('reads the CLI document by its runId; an id of its own wins', () => {
    const { id: _, ...cli } = RUN
    expect(reason({ ...cli, runId: 'cli-7' })).toBe('read cli-7')
    expect(reason({ ...RUN, runId: 'cli-7' })).toBe('read r1')
    // A runId that is not a string is not an id.
    expect(reason({ ...cli, runId: 7 })).toMatch(/^it is not a Speedup Lab run \(id: /)
  })

  it('lists the first three schema issues with their paths', () => {
    const bad = {
      ...RUN,
      results: [{ workers: 0, samples: [{ wallMs: 0 }], sum: 1, expectedSum: '45', correct: 'yes' }]
    }
    const text = reason(bad)
    expect(text.startsWith('it is not a Speedup Lab run (results.0.workers: ')).toBe(true)
    expect(text).toContain('; results.0.samples.0.wallMs: must be > 0; results.0.sum: ')
    // Four issues (the flag too), three listed.
    expect(text.split('; ')).toHaveLength(3)
    expect(text).not.toContain('correct')
    expect(reason({ ...RUN, results: [] })).toBe(
      'it is not a Speedup Lab run (results: holds no results)'
    )
    // JSON.parse reads 1e400 as Infinity, which zod's number already refuses.
    expect(reason(JSON.stringify(RUN).replace('"wallMs":10', '"wallMs":1e400'))).toMatch(
      /^it is not a Speedup Lab run \(results\.0\.samples\.0\.wallMs: /
    )
  })

  it('refuses a wrong total, by the sum or by the flag, naming the count', () => {
    const wrongSum = { ...RUN, results: [RUN.results[0], { ...RUN.results[1], sum: '44' }] }
    expect(reason(wrongSum)).toBe(
      'its total for 2 workers is wrong (44, expected 45), so its times measure a broken run: ' +
        'use the --json of a run whose sums were all correct'
    )
    const flagged = { ...RUN, results: [{ ...RUN.results[0], correct: false }] }
    expect(reason(flagged)).toMatch(/^its total for 1 worker is wrong \(45, expected 45\)/)
  })

  it('gives the run as read, extra fields kept', () => {
    const read = readRunFile(JSON.stringify({ ...RUN, system: { cpuModel: 'X', extra: 1 } }))
    expect(read.ok).toBe(true)
    if (read.ok) {
      expect(read.run.results.map((r) => r.samples.map((s) => s.wallMs))).toEqual([[10], [6]])
      expect(read.run.system).toEqual({ cpuModel: 'X', extra: 1 })
    }
  })
})
