import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import {
  CSV_COLUMNS,
  FORMULA_TRIGGER,
  guardFormula,
  recordsToCsv,
  runToCsv
} from '../../src/shared/report/exporters'
import { recordsToJson } from '../../src/shared/report/exporters'
import { resultRows, runToJson } from '../../src/shared/runExport'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import type { RunRecord } from '../../src/shared/result'
import { sampleRun } from '../helpers/runRecord'
import { syntheticRun } from '../helpers/syntheticRun'

const parse = (csv: string) =>
  Papa.parse<Record<string, unknown>>(csv, {
    header: true,
    dynamicTyping: true,
    skipEmptyLines: true
  })

const withSystem = (system: Partial<RunRecord['system']>): RunRecord => {
  const run = sampleRun()
  return { ...run, system: { ...run.system, ...system } }
}

describe('recordsToCsv', () => {
  it('writes a header row and one CRLF-terminated row per run × worker count', () => {
    const csv = recordsToCsv([sampleRun({}, 0), sampleRun({}, 1)])
    const lines = csv.split('\r\n')
    expect(lines).toHaveLength(5)
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n')
    // Today's field names kept where they mean the same; docs/FORMATS.md lists every column.
    expect(lines[0]).toBe(
      'runId,date,rangeStart,rangeEnd,workload,backend,pool,warmup,reps,cpuModel,logicalCores,' +
        'availableParallelism,memoryBytes,os,arch,nodeVersion,electronVersion,appVersion,' +
        'speedupDefinition,workers,n,medianMs,medianCiLower,medianCiUpper,meanMs,stddevMs,minMs,' +
        'maxMs,spawnMedianMs,speedup,speedupError,speedupLow,speedupHigh,efficiency,' +
        'efficiencyError,karpFlatt,karpFlattError,verdict,oversubscribed,sum,expectedSum,correct,' +
        'meanCiLower,meanCiUpper,dispatchMs,computeSlowestMs,computeMeanMs,imbalance,mergeMs,networkMs,' +
        'amdahlSerialFraction,amdahlSerialFractionError,amdahlCeiling,bestModel,uslSigma,uslKappa,' +
        'warnings,kernel,nsPerElement,workerElementsPerSecond,job,requests,delayMs,idealMs,overheadPerRequestMs,serverCpuMs,cpuUserMs,cpuSystemMs,cpuUtilization,peakRssBytes,' +
        'contention,otherCores,stealCores,workerSlowdown'
    )
    expect(lines.slice(1).map((l) => l.split(',')[0] + ' ' + l.split(',')[19])).toEqual([
      'run-000000 1',
      'run-000000 2',
      'run-000001 1',
      'run-000001 2'
    ])
  })

  it('writes a wait run as a wait: its requests, delay and bound ceil(R/N)·delay, no range or kernel', () => {
    const wait = syntheticRun(
      [
        { workers: 1, wallMs: [641, 645, 643] },
        { workers: 3, wallMs: [221, 224, 222] }
      ],
      { job: 'wait', wait: { requests: 64, delayMs: 10 } }
    )
    const rows = parse(runToCsv(wait)).data
    expect(rows.map((r) => [r.job, r.requests, r.delayMs, r.idealMs])).toEqual([
      ['wait', 64, 10, 640],
      // ceil(64 / 3) = 22 answers one after another.
      ['wait', 64, 10, 220]
    ])
    expect(rows.map((r) => [r.rangeStart, r.rangeEnd, r.kernel])).toEqual([
      [null, null, null],
      [null, null, null]
    ])
    const sum = parse(runToCsv(sampleRun())).data[0]
    expect([sum.job, sum.requests, sum.idealMs, sum.kernel, sum.rangeStart]).toEqual([
      'sum',
      null,
      null,
      'js',
      -50_000_000
    ])
  })

  it('reads back with a CSV parser to the same figures', () => {
    const run = sampleRun()
    const rows = parse(recordsToCsv([run])).data
    expect(rows).toHaveLength(2)
    const analysis = analyzeRun(run)
    resultRows(run, analysis).forEach((r, i) => {
      const row = rows[i]
      expect(row.runId).toBe(run.id)
      // The parser's dynamic typing reads an ISO date as a Date.
      expect((row.date as Date).toISOString()).toBe(run.startedAt)
      expect(row.rangeStart).toBe(-50_000_000)
      expect(row.rangeEnd).toBe(0)
      expect(row.workload).toBe('split')
      expect(row.cpuModel).toBe(run.system.cpuModel)
      expect(row.memoryBytes).toBe(run.system.totalMemoryBytes)
      expect(row.workers).toBe(r.workers)
      expect(row.n).toBe(r.n)
      for (const key of [
        'medianMs',
        'meanMs',
        'stddevMs',
        'minMs',
        'maxMs',
        'speedup',
        'efficiency'
      ] as const)
        expect(row[key]).toBe(r[key])
      // From the one analysis, not from the record: the record keeps no derived figure.
      expect(row.medianMs).toBe(analysis.workers[i].medianMs)
      expect(row.speedup).toBe(analysis.workers[i].speedup.speedup)
      expect(row.karpFlatt).toBe(r.karpFlatt)
      expect(row.verdict).toBe(r.verdict)
      expect(row.spawnMedianMs).toBeNull()
      expect(row.correct).toBe(true)
      // The kernel (absent in this record: js) and its speed, from the same row as the JSON.
      expect(row.kernel).toBe('js')
      expect(r.nsPerElement).toBeGreaterThan(0)
      expect(row.nsPerElement).toBe(r.nsPerElement)
      expect(row.workerElementsPerSecond).toBe(r.workerElementsPerSecond)
    })
  })

  it('keeps sums beyond 2^53 exact and negative numbers as numbers', () => {
    const run = sampleRun()
    run.results[0].sum = '-12345678901234567890123'
    const csv = recordsToCsv([run])
    const row = Papa.parse<Record<string, string>>(csv, { header: true }).data[0]
    expect(row.sum).toBe('-12345678901234567890123')
    expect(row.rangeStart).toBe('-50000000')
    expect(csv).not.toContain("'-")
  })

  it('quotes cells holding commas, quotes and line breaks, and reads them back', () => {
    const cpuModel = 'Xeon, "Gold"\r\n6148 @ 2.4GHz\nrev 2'
    const csv = recordsToCsv([withSystem({ cpuModel, os: ' padded ' })])
    expect(csv).toContain('"Xeon, ""Gold""\r\n6148 @ 2.4GHz\nrev 2"')
    const rows = parse(csv).data
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r.cpuModel)).toEqual([cpuModel, cpuModel])
    expect(rows[0].os).toBe(' padded ')
  })

  it('guards text cells that a spreadsheet would run as a formula', () => {
    const csv = recordsToCsv([
      withSystem({
        cpuModel: '=HYPERLINK("http://evil","x")',
        os: '+cmd|calc',
        arch: '@SUM(A1)',
        nodeVersion: '-2+3',
        appVersion: '\tindent',
        electronVersion: '\rcr'
      })
    ])
    const row = Papa.parse<Record<string, string>>(csv, { header: true }).data[0]
    expect(row.cpuModel).toBe(`'=HYPERLINK("http://evil","x")`)
    expect(row.os).toBe("'+cmd|calc")
    expect(row.arch).toBe("'@SUM(A1)")
    expect(row.nodeVersion).toBe("'-2+3")
    expect(row.appVersion).toBe("'\tindent")
    expect(row.electronVersion).toBe("'\rcr")
  })

  it('writes non-finite figures and absent values as empty cells', () => {
    // A migrated record without the 1-worker samples and no recoverable T1: no speedup.
    const run = sampleRun()
    run.results = run.results.filter((r) => r.workers !== 1)
    const row = Papa.parse<Record<string, string>>(recordsToCsv([run]), { header: true }).data[0]
    expect(row.workers).toBe('2')
    expect(row.speedup).toBe('')
    expect(row.efficiency).toBe('')
    expect(row.speedupLow).toBe('')
    expect(row.electronVersion).toBe('')
  })

  it('has as many cells as headers in every row', () => {
    const rows = Papa.parse<string[]>(recordsToCsv([sampleRun()]), { skipEmptyLines: true }).data
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length)
  })
})

describe('guardFormula', () => {
  it.each([
    ['-5', '-5'],
    ['+1.5e3', '+1.5e3'],
    ['-1249999975000000', '-1249999975000000'],
    ['-', "'-"],
    ['-5 ', "'-5 "],
    ['=1+1', "'=1+1"],
    ['@x', "'@x"],
    ['plain', 'plain'],
    ['', '']
  ])('%j → %j', (input, output) => expect(guardFormula(input)).toBe(output))

  it('leaves no text cell starting with a formula trigger, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const g = guardFormula(s)
        expect(g === s || g === `'${s}`).toBe(true)
        expect(FORMULA_TRIGGER.test(g)).toBe(false)
        if (/^[=+\-@\t\r]/.test(s) && !Number.isFinite(Number(s))) expect(g).toBe(`'${s}`)
      })
    )
  })
})

describe('recordsToJson', () => {
  it('reads back to the same runs in a tagged envelope of run exports', () => {
    const runs = [sampleRun({}, 0), sampleRun({}, 1)]
    const parsed = JSON.parse(recordsToJson(runs, new Date('2025-02-01T00:00:00Z')))
    expect(parsed.format).toBe('speedup-lab/runs')
    expect(parsed.version).toBe(3)
    expect(parsed.exportedAt).toBe('2025-02-01T00:00:00.000Z')
    expect(parsed.runs.map((r: { run: unknown }) => r.run)).toEqual(runs)
    expect(parsed.runs[0].format).toBe('speedup-lab/run')
  })

  it('writes one run’s CSV exactly as the CLI does', () => {
    const run = sampleRun()
    expect(recordsToCsv([run])).toBe(runToCsv(run))
  })

  it('writes one run exactly as the CLI does (speedup-lab/run)', () => {
    const run = sampleRun()
    expect(recordsToJson([run])).toBe(runToJson(run))
    expect(JSON.parse(recordsToJson([run])).format).toBe('speedup-lab/run')
  })
})
