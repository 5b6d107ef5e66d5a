import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { syntheticRun } from '../helpers/syntheticRun'
import { schemaErrors } from '../helpers/runExportSchema'
import { analyzeRun } from '../../src/shared/analysis'
import { referenceRun } from '../../src/shared/analysis/referenceRun'
import { machineKey } from '../../src/shared/analysis/machineKey'
import { summarize } from '../../src/shared/history'
import { referenceText, runVerdictText } from '../../src/shared/report/findings'
import { runToMarkdown } from '../../src/shared/report/exporters/markdown'
import { runsToHtml } from '../../src/shared/report/exporters/html/htmlReport'
import { exportFormat } from '../../src/shared/report/exporters/registry'
import { toRunExport } from '../../src/shared/runExport'
import { readHistoryFile } from '../../src/cli/historyFile'
import type { CpuLoad } from '../../src/shared/cpuLoad'
import type { RunRecord } from '../../src/shared/result'

const reps = (ms: number, n = 6): number[] => Array.from({ length: n }, (_, i) => ms + i * 0.1)

function run(
  id: string,
  startedAt: string,
  times: Record<number, number>,
  otherCores: number,
  change: (r: RunRecord) => void = () => {}
): RunRecord {
  const record = syntheticRun(
    Object.entries(times).map(([n, ms]) => ({ workers: Number(n), wallMs: reps(ms) })),
    {},
    2,
    id
  )
  record.startedAt = startedAt
  const load: CpuLoad = {
    source: 'proc-stat',
    wallMs: 5000,
    cores: 2,
    otherCores,
    stealCores: 0,
    ownCores: 1,
    loadAverage: { start: 1, end: 1 }
  }
  record.load = load
  change(record)
  return record
}

/** The busy run: 2 workers barely faster, each slower than one alone, others on the cores. */
const busy = (change?: (r: RunRecord) => void): RunRecord =>
  run('busy', '2026-12-07T12:00:00.000Z', { 1: 100, 2: 95 }, 0.9, change)
/** The same job on the same machine when it was quiet: 1.97×. */
const quiet = (change?: (r: RunRecord) => void): RunRecord =>
  run('quiet', '2026-12-07T10:12:00.000Z', { 1: 100, 2: 50.65 }, 0.02, change)

describe('the reference point of a contended run: a quieter run of the same job on this machine', () => {
  it('is found, worded in en and ko, and leads after the contention finding everywhere', () => {
    const history = [summarize(quiet())]
    expect(history[0].contention).toBe('quiet')
    const record = busy()
    const a = analyzeRun(record, { history })
    expect(a.contention.code).toBe('contended')
    expect(a.reference).toMatchObject({ runId: 'quiet', workers: 2 })
    expect(a.reference!.speedup).toBeCloseTo(1.97, 2)
    const en = referenceText(a, 'en')!
    expect(en).toContain('On this machine this job has reached 1.97× with 2 workers')
    const ko = referenceText(a, 'ko')!
    expect(ko).toContain('이 기계에서 이 작업은')
    expect(ko).toContain('1.97×')
    // The CLI's verdict and the Markdown: the finding, then the reference, then the verdict.
    const lines = runVerdictText(record, a).split('\n')
    expect(lines[0]).toMatch(/^⚠ Shared cores:/)
    expect(lines[1]).toBe(en)
    expect(runToMarkdown(record, a)).toContain(en)
    // The HTML report in both languages, given the history as the app's export gives it.
    expect(runsToHtml([record], { language: 'en', history })).toContain('has reached 1.97×')
    expect(runsToHtml([record], { language: 'ko', history })).toContain('이 기계에서 이 작업은')
    expect(exportFormat('markdown').runs([record], { language: 'en', history })).toContain(en)
    // The JSON export names it, and stays valid by the published schema.
    const json = toRunExport(record, a)
    expect(json.contention.reference).toMatchObject({ runId: 'quiet', workers: 2, message: en })
    expect(schemaErrors(JSON.parse(JSON.stringify(json)))).toEqual([])
    const app = JSON.parse(exportFormat('json').runs([record], { language: 'en', history }))
    expect(app.contention.reference.runId).toBe('quiet')
    // What the app writes validates too: one run, and several in the runs envelope.
    expect(schemaErrors(app)).toEqual([])
    const several = JSON.parse(
      exportFormat('json').runs([record, quiet()], { language: 'en', history })
    )
    expect(several.runs[0].contention.reference.runId).toBe('quiet')
    expect(schemaErrors(several)).toEqual([])
  })

  it('is not shown when the history holds no comparable quieter run', () => {
    const record = busy()
    // No history at all.
    expect(analyzeRun(record).reference).toBeNull()
    // Another busy run of the same job: not quieter.
    const busyToo = run('busy-too', '2026-12-07T09:00:00.000Z', { 1: 100, 2: 52 }, 0.9)
    expect(summarize(busyToo).contention).toBe('contended')
    // A quiet run of another job (another range).
    const otherJob = quiet((r) => {
      r.id = 'other-job'
      r.config.range = { start: 0, end: 2_000_000 }
    })
    // A quiet run whose speedup is not significant: noise is no reference either.
    const noisy = run('noisy', '2026-12-07T08:00:00.000Z', { 1: 100, 2: 100 }, 0.02, (r) => {
      r.results[1].samples.forEach((s, i) => (s.wallMs = [60, 140, 80, 130, 70, 120][i]))
    })
    const history = [busyToo, otherJob, noisy].map(summarize)
    const a = analyzeRun(record, { history })
    expect(a.contention.code).toBe('contended')
    expect(a.reference).toBeNull()
    expect(referenceText(a)).toBeNull()
    expect(runVerdictText(record, a)).not.toContain('On this machine')
    expect(toRunExport(record, a).contention.reference).toBeNull()
  })

  it('is not shown when the quieter run was on another machine', () => {
    const elsewhere = quiet((r) => {
      r.system = { ...r.system, cpuModel: 'Another CPU', logicalCores: 8 }
    })
    expect(machineKey(elsewhere.system)).not.toBe(machineKey(busy().system))
    expect(analyzeRun(busy(), { history: [summarize(elsewhere)] }).reference).toBeNull()
    // A kernel update is not another machine; other memory is.
    const updated = quiet((r) => (r.system = { ...r.system, os: 'Linux 9.9.9-other' }))
    expect(analyzeRun(busy(), { history: [summarize(updated)] }).reference).not.toBeNull()
    const moreMemory = quiet(
      (r) => (r.system = { ...r.system, totalMemoryBytes: r.system.totalMemoryBytes * 4 })
    )
    expect(analyzeRun(busy(), { history: [summarize(moreMemory)] }).reference).toBeNull()
  })

  it('is not shown for a quiet run: it measured the machine itself', () => {
    const later = quiet((r) => {
      r.id = 'later'
      r.startedAt = '2026-12-07T13:00:00.000Z'
    })
    const a = analyzeRun(later, { history: [summarize(quiet())] })
    expect(a.contention.code).toBe('quiet')
    expect(a.reference).toBeNull()
    expect(referenceRun(later, a.contention, [summarize(quiet())])).toBeNull()
  })

  it('takes the best significant speedup of the quiet runs', () => {
    const slower = run('slower', '2026-12-06T10:00:00.000Z', { 1: 100, 2: 60 }, 0.02)
    const a = analyzeRun(busy(), { history: [slower, quiet()].map(summarize) })
    expect(a.reference?.runId).toBe('quiet')
  })

  it('--history reads the app’s history.jsonl and a JSON export of runs, skipping damaged lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'speedup-history-'))
    const jsonl = join(dir, 'history.jsonl')
    writeFileSync(jsonl, `${JSON.stringify(quiet())}\n{ cut off\n${JSON.stringify(busy())}\n`)
    const read = await readHistoryFile(jsonl)
    if (typeof read === 'string') throw new Error(read)
    expect(read.runs.map((r) => r.id)).toEqual(['quiet', 'busy'])
    expect(read.skipped).toBe(1)
    expect(analyzeRun(busy(), { history: read.runs }).reference?.runId).toBe('quiet')
    const exported = join(dir, 'runs.json')
    writeFileSync(exported, exportFormat('json').runs([quiet(), busy()], { language: 'en' }))
    const fromExport = await readHistoryFile(exported)
    if (typeof fromExport === 'string') throw new Error(fromExport)
    expect(fromExport.runs.map((r) => r.id)).toEqual(['quiet', 'busy'])
    expect(await readHistoryFile(join(dir, 'missing.jsonl'))).toMatch(/cannot read .*ENOENT/)
    expect(await readHistoryFile(dir)).toMatch(/is a folder/)
    const junk = join(dir, 'junk.jsonl')
    writeFileSync(junk, 'not json\n')
    expect(await readHistoryFile(junk)).toMatch(/holds no run/)
  })
})
