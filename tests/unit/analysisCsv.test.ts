import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { runToCsv, STUDY_CSV_HEADERS, studyToCsv } from '../../src/shared/report/exporters'
import { CSV_COLUMNS } from '../../src/shared/report/exporters'
import { analyzeRun, analyzeStudy } from '../../src/shared/scaling'
import { syntheticRun, syntheticStudy } from '../helpers/syntheticRun'

const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })

describe('runToCsv', () => {
  // On 3 cores: 2 and 3 workers (serial fraction near 0.1) are fitted, 4 is drawn only.
  const run = syntheticRun(
    [
      { workers: 1, wallMs: [100, 102, 98, 101, 99, 100] },
      { workers: 2, wallMs: [55, 54, 56, 55, 55, 54.5] },
      { workers: 4, wallMs: [40, 41, 39, 40, 42, 40] },
      { workers: 3, wallMs: [40, 40.5, 39.5, 40, 40.2, 39.8] }
    ],
    {},
    3
  )
  const analysis = analyzeRun(run)
  const csv = runToCsv(run, analysis)

  it('is the one run schema, with intervals, errors, verdicts, breakdown and model', () => {
    const lines = csv.split('\r\n')
    expect(lines).toHaveLength(5)
    expect(lines[0]).toBe(CSV_COLUMNS.map((c) => c.header).join(','))
    const { data, errors } = parse(csv)
    expect(errors).toEqual([])
    const four = data[2]
    expect(Number(four.workers)).toBe(4)
    expect(Number(four.speedup)).toBeCloseTo(2.5, 12)
    expect(Number(four.speedupError)).toBeCloseTo(analysis.workers[2].speedup.speedupError, 12)
    expect(Number(four.medianCiLower)).toBe(analysis.workers[2].medianInterval!.lower)
    expect(Number(four.meanCiUpper)).toBeCloseTo(analysis.workers[2].meanInterval!.upper, 12)
    expect(Number(four.amdahlSerialFraction)).toBeCloseTo(
      analysis.models.comparison!.amdahl!.serialFraction,
      12
    )
    expect(four.warnings).toBe('more-workers-than-cores')
    expect(Number(four.speedupLow)).toBeCloseTo(analysis.workers[2].speedupInterval!.lower, 12)
    expect(four.verdict).toBe('faster')
    expect(four.oversubscribed).toBe('true')
    expect(data[0].verdict).toBe('baseline')
    expect(data[0].speedupError).toBe('')
    expect(data[0].karpFlattError).toBe('')
  })
})

describe('studyToCsv', () => {
  const study = syntheticStudy()
  const analysis = analyzeStudy(study)
  const csv = studyToCsv(study, analysis)

  it('is one RFC 4180 table whose kind column tells the rows apart', () => {
    expect(csv.split('\r\n')[0]).toBe(STUDY_CSV_HEADERS.join(','))
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n')
    const { data, errors } = parse(csv)
    expect(errors).toEqual([])
    expect(data.map((r) => r.kind)).toEqual([
      'size',
      'size',
      'size',
      'size',
      'break-even',
      'backend',
      'backend',
      'model',
      'backend',
      'backend',
      'model'
    ])
  })

  it('holds the size points, the break-even with its bounds, the backends and their fits', () => {
    const { data } = parse(csv)
    const sizes = data.filter((r) => r.kind === 'size')
    expect(sizes.map((r) => [r.size, r.winner, r.t1Ms])).toEqual([
      ['10000', '1', '0.2'],
      ['100000', '1', '1'],
      ['1000000', 'N', '8'],
      ['10000000', 'N', '80']
    ])
    const be = data.find((r) => r.kind === 'break-even')!
    expect(be).toMatchObject({ backend: 'process', pool: 'warm', breakEvenStatus: 'crosses' })
    expect(Number(be.breakEvenSize)).toBeCloseTo(analysis.sizeSweeps[0].breakEven.size!, 6)
    const thread = data.filter((r) => r.kind === 'backend' && r.backend === 'thread')
    expect(thread.map((r) => Number(r.workers))).toEqual([1, 2])
    expect(Number(thread[1].speedup)).toBeCloseTo(1.95, 12)
    expect(thread[1]).toMatchObject({
      coldStartMs: '40',
      rssBytesPerWorker: String(8 * 2 ** 20),
      pssBytesPerWorker: '',
      memoryMethod: 'rss-growth'
    })
    const model = data.find((r) => r.kind === 'model' && r.backend === 'process')!
    // One worker count above one: no fit, so the model columns are empty.
    expect(model.amdahlSerialFraction).toBe('')
    expect(model.pssBytesPerWorker).toBe(String(12 * 2 ** 20))
  })
})
