import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../src/shared/analysis'
import { parseRunRecord } from '../../src/shared/runRecordSchema'
import { parseRunEnvelope, RUN_FORMAT_VERSION, runToJson } from '../../src/shared/runExport'
import { jobOf } from '../../src/shared/workloads/jobs'
import { schemaErrors } from '../helpers/runExportSchema'

/** A real export of format version 2, written by the CLI before workloads (tests/fixtures/README.md). */
const v2Text = readFileSync(join(__dirname, '../fixtures/run-v2.json'), 'utf8')
const v2 = JSON.parse(v2Text)

describe('run JSON format 3 (issue 17): files of version 2 are migrated on read', () => {
  it('reads the version 2 fixture as a sum checked against its closed form', () => {
    expect(v2.version).toBe(2)
    expect(v2.run.config.job).toBeUndefined()
    const parsed = parseRunEnvelope(v2Text)
    if (!parsed.ok) throw new Error(parsed.reason)
    const record = parsed.value
    expect(record.config.job).toBe('sum')
    expect(record.results.map((r) => r.check)).toEqual(
      record.results.map(() => ({ job: 'sum', what: 'closed-form' }))
    )
    // Nothing measured changes: the samples and the checked totals are the file's.
    expect(record.results.map((r) => r.samples)).toEqual(
      v2.run.results.map((r: { samples: unknown }) => r.samples)
    )
    expect(record.results.map((r) => [r.sum, r.expectedSum, r.correct])).toEqual(
      v2.run.results.map((r: { sum: string; expectedSum: string; correct: boolean }) => [
        r.sum,
        r.expectedSum,
        r.correct
      ])
    )
  })

  it('gives the same figures as version 2 wrote, and writes them back as version 3', () => {
    const parsed = parseRunEnvelope(v2)
    if (!parsed.ok) throw new Error(parsed.reason)
    const analysis = analyzeRun(parsed.value)
    const rewritten = JSON.parse(runToJson(parsed.value, analysis))
    expect(rewritten.version).toBe(RUN_FORMAT_VERSION)
    expect(RUN_FORMAT_VERSION).toBe(3)
    expect(schemaErrors(rewritten)).toEqual([])
    // The figures are derived from the same samples by the same analysis (the wait's own
    // columns, added later in version 3, are null for a sum; the workers' slowdown, added
    // later too, is derived from the samples as well).
    expect(rewritten.results).toEqual(
      v2.results.map((r: { nsPerElement: number }, i: number) => ({
        ...r,
        workerSlowdown: i === 0 ? null : r.nsPerElement / v2.results[0].nsPerElement,
        idealMs: null,
        overheadPerRequestMs: null,
        serverCpuMs: null,
        cpuUserMs: null,
        cpuSystemMs: null,
        cpuUtilization: null,
        peakRssBytes: null
      }))
    )
    expect(rewritten.verdict).toEqual(v2.verdict)
    expect(rewritten.speedupDefinition).toBe(v2.speedupDefinition)
    expect(rewritten.run.config).toEqual({ job: 'sum', ...v2.run.config })
  })

  it('leaves a current record as it is, and refuses a workload it does not know', () => {
    const parsed = parseRunEnvelope(v2)
    if (!parsed.ok) throw new Error(parsed.reason)
    const again = parseRunRecord(JSON.parse(JSON.stringify(parsed.value)))
    expect(again).toEqual({ ok: true, value: parsed.value })
    // A history line carries no version: it is read as it is, and an absent job is the sum.
    const line = parseRunRecord(v2.run)
    if (!line.ok) throw new Error(line.reason)
    expect(line.value.config.job).toBeUndefined()
    expect(jobOf(line.value.config)).toBe('sum')
    const unknown = parseRunRecord({
      ...parsed.value,
      config: { ...parsed.value.config, job: 'dance' }
    })
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.reason).toMatch(/^config\.job: workload must be one of sum/)
  })
})
