import { describe, expect, it } from 'vitest'
import { readRunFile } from '../../../src/shared/analysis/readRunFile'
import { recordsToJson } from '../../../src/shared/report/exporters'
import { toRunExport } from '../../../src/shared/runExport'
import { sampleRun } from '../../helpers/runRecord'

describe('readRunFile', () => {
  const record = sampleRun()

  it('reads a RunRecord, the CLI --json document, a { run } envelope and a one-run app export', () => {
    for (const text of [
      JSON.stringify(record),
      JSON.stringify(toRunExport(record)),
      JSON.stringify({ format: 'speedup-lab/run', version: 2, run: record }),
      recordsToJson([record])
    ]) {
      const read = readRunFile(text)
      expect(read.ok).toBe(true)
      if (read.ok) {
        expect(read.run.id).toBe(record.id)
        expect(read.run.results.map((r) => r.samples.length)).toEqual([2, 2])
      }
    }
  })

  it('refuses what is not one run, saying why', () => {
    const reason = (text: string): string => {
      const read = readRunFile(text)
      return read.ok ? 'read' : read.reason
    }
    expect(reason('not json')).toMatch(/^it is not JSON/)
    expect(reason('[1,2]')).toBe('it is not a JSON object')
    expect(reason(recordsToJson([record, sampleRun({}, 1)]))).toMatch(/holds 2 runs/)
    expect(reason(JSON.stringify({ kind: 'study' }))).toMatch(/study/)
    expect(reason(JSON.stringify({ hello: 'world' }))).toMatch(/not a Speedup Lab run \(id: /)
    const noSamples = { ...record, results: [{ ...record.results[0], samples: [{ wallMs: -1 }] }] }
    expect(reason(JSON.stringify(noSamples))).toMatch(/results\.0\.samples\.0\.wallMs/)
  })
})
