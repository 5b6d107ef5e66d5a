import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import { runResultsTable } from '../../src/shared/report/tables'
import { resultRows } from '../../src/shared/runExport'
import {
  idealWaitMs,
  medianServerCpuMs,
  waitOverheadPerRequestMs
} from '../../src/shared/waitFigures'
import { syntheticRun } from '../helpers/syntheticRun'

/** A wait of 64 requests × 20 ms on 1 and 32 workers, the server's CPU time per repetition. */
function waitRun(serverCpu: number[] | null) {
  const run = syntheticRun(
    [
      { workers: 1, wallMs: [1300, 1310, 1305] },
      { workers: 32, wallMs: [48, 47, 49] }
    ],
    { job: 'wait', wait: { requests: 64, delayMs: 20 } }
  )
  if (serverCpu)
    for (const r of run.results) r.samples.forEach((s, i) => (s.serverCpuMs = serverCpu[i]))
  return run
}

describe('the wait figures (issue 17)', () => {
  it('ideal ceil(R/N)·delay, the cost per request beyond it, the server CPU median', () => {
    const run = waitRun([3, 9, 4])
    expect(idealWaitMs(run.config, 1)).toBe(1280)
    expect(idealWaitMs(run.config, 32)).toBe(40)
    expect(idealWaitMs(run.config, 5)).toBe(13 * 20)
    expect(waitOverheadPerRequestMs(run.config, 1, 1305)).toBeCloseTo(25 / 64)
    expect(waitOverheadPerRequestMs(run.config, 32, 48)).toBeCloseTo(4)
    expect(medianServerCpuMs(run.results[0])).toBe(4)
    const rows = resultRows(run, analyzeRun(run))
    expect(rows.map((r) => [r.idealMs, r.serverCpuMs])).toEqual([
      [1280, 4],
      [40, 4]
    ])
  })

  it('a sum has none; a wait recorded before the server CPU was says so', () => {
    const sum = syntheticRun([{ workers: 1, wallMs: [10, 11] }])
    expect(idealWaitMs(sum.config, 1)).toBeNull()
    expect(resultRows(sum, analyzeRun(sum))[0].serverCpuMs).toBeNull()
    const old = waitRun(null)
    expect(medianServerCpuMs(old.results[0])).toBeNull()
    const table = runResultsTable(old, analyzeRun(old), 'terminal')
    expect(table.rows[0].at(-2)).toBe('not measured')
  })

  it('the results table shows Ideal and Server CPU for a wait, in English and Korean', () => {
    const run = waitRun([3, 9, 4])
    const en = runResultsTable(run, analyzeRun(run), 'terminal', 'en')
    expect(en.head.slice(-3)).toEqual(['Ideal (ms)', 'Server CPU (ms)', 'Answered'])
    expect(en.head).not.toContain('Per worker')
    expect((en.notes ?? []).join('\n')).toContain('Ideal = ceil(R/N)·delay')
    const ko = runResultsTable(run, analyzeRun(run), 'document', 'ko')
    expect(ko.head.slice(-3)).toEqual(['이상값 (ms)', '서버 CPU (ms)', '응답'])
    const sum = syntheticRun([{ workers: 1, wallMs: [10, 11] }])
    expect(runResultsTable(sum, analyzeRun(sum), 'terminal').head).not.toContain('Server CPU (ms)')
  })
})
