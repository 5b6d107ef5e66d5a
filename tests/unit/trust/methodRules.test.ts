import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../../src/shared/analysis'
import type { RunProtocol, RunRecord } from '../../../src/shared/result'
import { methodRulesText } from '../../../src/shared/report/findings'
import { runResultsTable } from '../../../src/shared/report/tables'
import { tableToText } from '../../../src/shared/report/table'
import { runToMarkdown } from '../../../src/shared/report/exporters/markdown'
import { runsToHtml } from '../../../src/shared/report/exporters/html/htmlReport'
import { runToJson, parseRunEnvelope } from '../../../src/shared/runExport'
import { parseRunRecord } from '../../../src/shared/runRecordSchema'
import { schemaErrors } from '../../helpers/runExportSchema'
import { syntheticRun } from '../../helpers/syntheticRun'

const PROTOCOL: RunProtocol = {
  warmupRule: 'steady',
  warmupLimit: 10,
  warmups: [
    { workers: 1, count: 3, steady: true },
    { workers: 2, count: 10, steady: false },
    { workers: 0, count: 2, steady: true }
  ],
  firstOrder: [2, 0, 1],
  rounds: 8,
  serial: 'measured'
}

/** A run with the serial base case: `serialMs` in the controller's thread, T1 about 100 ms. */
function withSerial(serialMs: number[], physicalCores?: number, counts = [1, 2]): RunRecord {
  const run = syntheticRun(
    counts.map((workers) => ({
      workers,
      wallMs: [100, 101, 99, 100, 102, 98, 100, 101].map((t) => t / Math.min(workers, 2))
    })),
    { warmup: 'auto', seed: 1234 }
  )
  const one = run.results[0].samples
  return {
    ...run,
    system: { ...run.system, ...(physicalCores ? { physicalCores } : {}) },
    serial: {
      correct: true,
      samples: serialMs.map((wallMs, i) => ({ ...one[i % one.length], rep: i + 1, wallMs }))
    },
    protocol: PROTOCOL
  }
}

describe('the serial base case beside T1', () => {
  it('names the cost of a worker when one worker is significantly slower than no worker', () => {
    const a = analyzeRun(withSerial([80, 81, 79, 80, 82, 78, 80, 81]))
    const s = a.rules.serial
    expect(s.status).toBe('measured')
    expect(s.timing?.medianMs).toBe(80)
    expect(s.t1Ms).toBe(100)
    expect(s.workerCostMs).toBe(20)
    expect(s.verdict).toBe('slower')
    expect(s.ratioLow!).toBeGreaterThan(1)
    const [line] = methodRulesText(a)
    expect(line).toContain('median 80.0 ms')
    expect(line).toContain('1 worker: 100 ms')
    expect(line).toContain('having a worker costs 20.0 ms per run')
    const [ko] = methodRulesText(a, 'ko')
    expect(ko).toContain('워커를 두는 비용은 실행마다 20.0ms입니다')
  })

  it('blames no worker when the times agree (the interval includes 1)', () => {
    const a = analyzeRun(withSerial([100, 101, 99, 100, 102, 98, 100, 101]))
    expect(a.rules.serial.verdict).toBe('no-difference')
    const [line] = methodRulesText(a)
    expect(line).toContain('no significant cost of having a worker')
    expect(line).not.toContain('costs')
  })

  it('says the worker was faster, not that it cost, when the serial case was slower', () => {
    // Contradicting-looking data: the thread without a worker took longer than one worker.
    const a = analyzeRun(withSerial([130, 131, 129, 130, 132, 128, 130, 131]))
    expect(a.rules.serial.verdict).toBe('faster')
    expect(a.rules.serial.workerCostMs).toBe(-30)
    const [line] = methodRulesText(a)
    expect(line).toContain('one worker was faster than the controller’s thread by 30.0 ms')
    expect(line).not.toContain('-30')
  })

  it('gives no verdict from one repetition: too few for an interval', () => {
    const a = analyzeRun(withSerial([80]))
    expect(a.rules.serial.ratio).toBeCloseTo(1.25)
    expect(a.rules.serial.verdict).toBeNull()
    expect(methodRulesText(a)[0]).toContain('too few repetitions for an interval')
  })

  it('stands first in the results table with its absolute time and no speedup', () => {
    const run = withSerial([80, 81, 79, 80, 82, 78, 80, 81])
    const table = runResultsTable(run, analyzeRun(run), 'terminal')
    expect(table.rows[0][0]).toBe('serial')
    expect(table.rows[0][1]).toMatch(/^80\.00 ± /)
    expect(table.rows[1][0]).toBe('1')
    expect(table.notes!.join('\n')).toContain('serial: the job in the controller’s own thread')
    expect(tableToText(table)).toMatch(/serial\s+80\.00/)
    const ko = runResultsTable(run, analyzeRun(run), 'document', 'ko')
    expect(ko.rows[0][0]).toBe('직렬')
  })

  it('is absent from the table of a run without it', () => {
    const run = syntheticRun([{ workers: 1, wallMs: [100, 101] }])
    const table = runResultsTable(run, analyzeRun(run), 'terminal')
    expect(table.rows.map((r) => r[0])).toEqual(['1'])
    expect(methodRulesText(analyzeRun(run))[0]).toContain('not recorded')
  })
})

describe('the Method section: each rule and how the run met it', () => {
  const run = withSerial([80, 81, 79, 80, 82, 78, 80, 81], 1, [1, 2])
  const a = analyzeRun(run)
  const lines = methodRulesText(a)

  it('lists the warm-ups each count took and which stopped at the bound', () => {
    expect(lines[1]).toBe(
      'Warm-up until steady (repetitions discarded until the last two agree within 10%, at most 10): ' +
        '1 worker 3, 2 workers 10 (not steady: stopped at the bound), serial 2.'
    )
    expect(methodRulesText(a, 'ko')[1]).toContain('워커 2개 10회(안정되지 않음: 상한에서 멈춤)')
  })

  it('records the seed and the first round, and how to replay it', () => {
    expect(lines[2]).toBe(
      'Order: worker counts in a random order in each round, seed 1234 (first round: 2, serial, 1; 8 rounds); --seed 1234 replays it.'
    )
  })

  it('warns when a count exceeds the physical cores, and only then', () => {
    expect(a.rules.cores.abovePhysical).toEqual([2])
    expect(lines[3]).toContain(
      'Cores: 1 physical, 2 logical (2 available). Warning: 2 workers exceed the 1 physical cores'
    )
    const within = analyzeRun(withSerial([80, 81], 2))
    expect(within.rules.cores.abovePhysical).toEqual([])
    expect(methodRulesText(within)[3]).toBe('Cores: 2 physical, 2 logical (2 available).')
    const unknown = analyzeRun(withSerial([80, 81]))
    expect(methodRulesText(unknown)[3]).toContain('physical cores unknown')
  })

  it('says a fixed warm-up was not tested for steadiness', () => {
    const fixed = analyzeRun({
      ...run,
      config: { ...run.config, warmup: 1 },
      protocol: {
        ...PROTOCOL,
        warmupRule: 'fixed',
        warmupLimit: 1,
        warmups: [{ workers: 1, count: 1, steady: false }]
      }
    })
    expect(methodRulesText(fixed)[1]).toBe(
      'Warm-up: a fixed 1 per worker count, not tested for steadiness (--warmup auto tests it): 1 worker 1.'
    )
  })

  it('is in the Markdown and HTML reports, in both languages', () => {
    const md = runToMarkdown(run, a)
    expect(md).toContain('## Method\n\n- Serial base case')
    expect(md).toContain('- Order: worker counts in a random order in each round, seed 1234')
    const html = runsToHtml([run], { language: 'ko' })
    expect(html).toContain('<ul class="method"><li>직렬 기준')
    expect(html).toContain('시드 1234')
  })
})

describe('the record and its export carry the serial base case, the protocol and the seed', () => {
  const run = withSerial([80, 81, 79, 80, 82, 78, 80, 81])

  it('validates against the published schema and reads back', () => {
    const json = runToJson(run)
    expect(schemaErrors(JSON.parse(json))).toEqual([])
    const back = parseRunEnvelope(json)
    expect(back.ok && back.value.serial?.samples.length).toBe(8)
    expect(back.ok && back.value.protocol).toEqual(PROTOCOL)
    expect(back.ok && back.value.config.seed).toBe(1234)
  })

  it('refuses a damaged protocol or serial case when read back', () => {
    expect(parseRunRecord({ ...run, protocol: { ...PROTOCOL, warmupRule: 'sometimes' } }).ok).toBe(
      false
    )
    expect(parseRunRecord({ ...run, serial: { samples: [], correct: true } }).ok).toBe(false)
    expect(parseRunRecord({ ...run, config: { ...run.config, seed: -1 } }).ok).toBe(false)
  })

  it('the schema refuses a seed that is no integer and a warmup that is neither a count nor auto', () => {
    const exported = JSON.parse(runToJson(run))
    expect(schemaErrors({ ...exported, config: { ...exported.config, seed: 1.5 } })).not.toEqual([])
    expect(
      schemaErrors({ ...exported, config: { ...exported.config, warmup: 'soon' } })
    ).not.toEqual([])
  })
})
