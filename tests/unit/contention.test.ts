import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { recordsToCsv, runToCsv } from '../../src/shared/report/exporters/runCsv'
import { syntheticRun } from '../helpers/syntheticRun'
import { defaultCommandSettings } from '../../src/shared/command/commandSettings'
import { schemaErrors } from '../helpers/runExportSchema'
import { analyzeRun } from '../../src/shared/analysis'
import { contentionOf } from '../../src/shared/analysis/contention'
import { contentionText, runVerdictText } from '../../src/shared/report/findings'
import { runToMarkdown } from '../../src/shared/report/exporters/markdown'
import { toRunExport } from '../../src/shared/runExport'
import { parseRunRecord } from '../../src/shared/runRecordSchema'
import { parsePidStat, parseProcStat, treeJiffies } from '../../src/engine/cpuSampler'
import type { PidStat } from '../../src/engine/cpuSampler'
import { physicalCores } from '../../src/engine/cpuTopology'
import type { CpuLoad } from '../../src/shared/cpuLoad'
import type { RunRecord } from '../../src/shared/result'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const reps = (ms: number, n = 6): number[] => Array.from({ length: n }, (_, i) => ms + i * 0.1)

/** A split run where each worker at N computed `perWorkerMs` for its 1/N of the range. */
function run(times: Record<number, number>, load: Partial<CpuLoad> | null, cores = 2): RunRecord {
  const record = syntheticRun(
    Object.entries(times).map(([n, ms]) => ({ workers: Number(n), wallMs: reps(ms) })),
    {},
    cores
  )
  if (load) {
    record.load = {
      source: 'proc-stat',
      wallMs: 5000,
      cores,
      otherCores: 0,
      stealCores: 0,
      ownCores: 1,
      loadAverage: { start: 1, end: 1 },
      ...load
    }
  }
  return record
}

describe('contention: named with its numbers, leading the verdict', () => {
  it('the issue’s busy run: 2 workers each slower than one alone, other programs on the cores', () => {
    // 1 worker: 100 ms for the whole range; 2 workers: 95 ms each for half of it (1.9× slower per element).
    const record = run({ 1: 100, 2: 95 }, { otherCores: 0.9 })
    const a = analyzeRun(record)
    expect(a.contention.code).toBe('contended')
    expect(a.contention.signals).toEqual(['workers-slower', 'other-programs'])
    expect(a.contention.slowdown?.slowdown).toBeCloseTo(1.9, 1)
    const text = contentionText(a.contention)!
    expect(text).toContain('1.9× slower than one worker alone')
    expect(text).toContain('other programs used 0.9 of the 2 cores')
    expect(text).toContain('this measures the load, not the machine')
    // It leads: the CLI's and the Markdown's verdict start with it.
    expect(runVerdictText(record, a).startsWith('⚠ Shared cores:')).toBe(true)
    expect(runToMarkdown(record, a)).toMatch(/## Verdict\n\n⚠ Shared cores:/)
    const json = toRunExport(record, a)
    expect(json.contention).toMatchObject({
      code: 'contended',
      otherCores: 0.9,
      slowdownWorkers: 2
    })
    expect(schemaErrors(JSON.parse(JSON.stringify(json)))).toEqual([])
  })

  it('a quiet run says nothing: workers as fast together as alone, others idle', () => {
    const record = run({ 1: 100, 2: 51 }, { otherCores: 0.04 })
    const a = analyzeRun(record)
    expect(a.contention.code).toBe('quiet')
    expect(contentionText(a.contention)).toBeNull()
    expect(runVerdictText(record, a)).not.toContain('Shared cores')
    expect(toRunExport(record, a).contention.message).toBeNull()
  })

  it('other programs alone are enough, and steal time is named', () => {
    const a = analyzeRun(run({ 1: 100, 2: 52 }, { otherCores: 0.5, stealCores: 0.3 }))
    expect(a.contention.signals).toEqual(['other-programs', 'steal'])
    expect(contentionText(a.contention)).toContain('0.3 cores (steal time)')
  })

  it('other programs that left the run’s cores free are not contention', () => {
    // 8 cores, the run used at most 2: 3 cores of other work still left it 3 free.
    const a = analyzeRun(run({ 1: 100, 2: 51 }, { otherCores: 3 }, 8))
    expect(a.contention.code).toBe('quiet')
  })

  it('oversubscribed counts are slow by design: only counts within the cores are read', () => {
    const a = analyzeRun(run({ 1: 100, 2: 51, 4: 100 }, { otherCores: 0 }))
    expect(a.contention.slowdown?.workers).toBe(2)
    expect(a.contention.code).toBe('quiet')
  })

  it('two workers on one core’s two hyperthreads are slower by design, not contention', () => {
    const record = run({ 1: 100, 2: 80 }, null)
    record.system.physicalCores = 1
    expect(contentionOf(record, 2).slowdown).toBeNull()
    record.system.physicalCores = 2
    expect(contentionOf(record, 2).signals).toEqual(['workers-slower'])
  })

  it('records from before the load was measured still get the slowdown; none at all is unknown', () => {
    expect(analyzeRun(run({ 1: 100, 2: 90 }, null)).contention.code).toBe('contended')
    expect(analyzeRun(run({ 1: 100 }, null)).contention.code).toBe('unknown')
  })

  it('a stored record keeps its load through the history schema', () => {
    const record = run({ 1: 100, 2: 95 }, { otherCores: 0.9 })
    const parsed = parseRunRecord(JSON.parse(JSON.stringify(record)))
    expect(parsed.ok && parsed.value.load?.otherCores).toBe(0.9)
  })
})

describe('contention in the CSV and the JSON rows', () => {
  const rowsOf = (csv: string) =>
    Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data

  it('every CSV row carries the run’s finding, the other programs’ cores and its own workers’ slowdown', () => {
    const busy = run({ 1: 100, 2: 95 }, { otherCores: 0.9, stealCores: 0.05 })
    const rows = rowsOf(runToCsv(busy))
    expect(rows.map((r) => r.contention)).toEqual(['contended', 'contended'])
    expect(rows.map((r) => r.otherCores)).toEqual(['0.9', '0.9'])
    expect(rows.map((r) => r.stealCores)).toEqual(['0.05', '0.05'])
    // One worker has nothing to be slower than; two ran 1.9× slower per element than one alone.
    expect(rows[0].workerSlowdown).toBe('')
    expect(Number(rows[1].workerSlowdown)).toBeCloseTo(1.9, 1)
    // The JSON's rows carry the same slowdown, valid by the published schema.
    const json = JSON.parse(JSON.stringify(toRunExport(busy)))
    expect(json.results[0].workerSlowdown).toBeNull()
    expect(json.results[1].workerSlowdown).toBeCloseTo(1.9, 1)
    expect(schemaErrors(json)).toEqual([])
  })

  it('a quiet run and a run from before the load was measured say so, row by row, in the history export', () => {
    const quiet = run({ 1: 100, 2: 51 }, { otherCores: 0.04 })
    const older = run({ 1: 100, 2: 51 }, null)
    older.id = 'older'
    older.results.forEach((r) =>
      r.samples.forEach((s) => s.workers.forEach((w) => (w.nsPerElement = -1)))
    )
    const rows = rowsOf(recordsToCsv([quiet, older]))
    expect(rows.map((r) => r.contention)).toEqual(['quiet', 'quiet', 'unknown', 'unknown'])
    expect(Number(rows[1].workerSlowdown)).toBeCloseTo(1.02, 2)
    // Not measured: empty cells, never 0.
    expect(rows[2].otherCores).toBe('')
    expect(rows[3].workerSlowdown).toBe('')
  })
})

describe('the CPU counters', () => {
  it('reads /proc/stat’s aggregate line (guest time is inside user) and steal', () => {
    const stat = 'cpu  100 10 50 800 20 5 5 30 7 0\ncpu0 1 2 3 4\n'
    expect(parseProcStat(stat)).toEqual({ busy: 170, steal: 30, total: 1020 })
    expect(parseProcStat('intr 1 2')).toBeNull()
  })

  it('reads utime+stime+cutime+cstime from /proc/self/stat, even with spaces in the name', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3))
    // fields 14..17 are utime, stime, cutime, cstime.
    const line = `4242 (node worker (x)) ${fields.join(' ')}`
    expect(parsePidStat(line)).toEqual({ ppid: 4, jiffies: 14 + 15 + 16 + 17 })
    expect(parsePidStat('no parentheses 1 2 3')).toBeNull()
    expect(parsePidStat('7 (x) S 1 2 3')).toBeNull()
  })

  it('counts a process tree: the root, its children and theirs, nothing beside it', () => {
    const stats = new Map<number, PidStat>([
      [1, { ppid: 0, jiffies: 1000 }], // init: not ours
      [10, { ppid: 1, jiffies: 5 }], // the app's main process
      [11, { ppid: 10, jiffies: 7 }], // its zygote
      [12, { ppid: 11, jiffies: 40 }], // the renderer, below the zygote
      [13, { ppid: 10, jiffies: 3 }], // a worker
      [20, { ppid: 1, jiffies: 500 }], // another program
      [21, { ppid: 20, jiffies: 50 }] // and its child
    ])
    expect(treeJiffies(stats, 10)).toBe(5 + 7 + 40 + 3)
    expect(treeJiffies(stats, 11)).toBe(47)
    expect(treeJiffies(stats, 99)).toBeNull()
    // A parent loop (pids reused while reading) is counted once, not forever.
    const loop = new Map<number, PidStat>([
      [5, { ppid: 6, jiffies: 1 }],
      [6, { ppid: 5, jiffies: 2 }]
    ])
    expect(treeJiffies(loop, 5)).toBe(3)
  })

  it('counts physical cores once per package and core id', () => {
    const root = mkdtempSync(join(tmpdir(), 'topology-'))
    const cpu = (n: number, pkg: number, core: number): void => {
      const dir = join(root, `cpu${n}`, 'topology')
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'core_id'), `${core}\n`)
      writeFileSync(join(dir, 'physical_package_id'), `${pkg}\n`)
    }
    cpu(0, 0, 0)
    cpu(1, 0, 0) // hyperthread of core 0
    cpu(2, 0, 1)
    cpu(3, 1, 0) // second package, core id 0 again
    mkdirSync(join(root, 'cpufreq'))
    expect(physicalCores(root)).toBe(3)
    expect(physicalCores(join(root, 'missing'))).toBeNull()
  })
})

describe('a command: each copy is a worker with its own ms, never "ns per element"', () => {
  const command = (shape: 'copies' | 'workers'): RunRecord =>
    syntheticRun(
      [
        { workers: 1, wallMs: reps(50) },
        // Two copies at once, each taking 140 ms: 2.8× slower than one copy alone.
        { workers: 2, wallMs: reps(140.5) }
      ],
      {
        job: 'command',
        command: { ...defaultCommandSettings(shape), line: 'job {index}' },
        range: { start: 0, end: 1 },
        workload: shape === 'copies' ? 'replicate' : 'split'
      },
      2
    )

  it('--copies: the slowdown is each copy’s wall together against alone, named in ms per copy', () => {
    const run = command('copies')
    const c = contentionOf(run, 2, null)
    expect(c.slowdown).toMatchObject({ workers: 2, unit: 'ms-per-copy' })
    expect(c.slowdown!.alone).toBeCloseTo(49.75, 9) // median of 49.5 … 50.0 (wall − 0.5 overhead)
    expect(c.slowdown!.together).toBeCloseTo(140.25, 9)
    expect(c.signals).toContain('workers-slower')
    for (const language of ['en', 'ko'] as const) {
      const text = contentionText(c, language)
      expect(text, language).not.toMatch(/\bns\b|element|원소/)
      expect(text, language).toMatch(
        language === 'en' ? /140 against 49\.8 ms per copy/ : /사본당 140 ms 대 49\.8 ms/
      )
    }
    // No per-element speed in the exports: a copy has no elements.
    expect(toRunExport(run, analyzeRun(run)).results.map((r) => r.nsPerElement)).toEqual([
      null,
      null
    ])
  })

  it('--command (one process told to use N): no worker has a pace of its own, so no slowdown', () => {
    const c = contentionOf(command('workers'), 2, null)
    expect(c.slowdown).toBeNull()
    expect(c.signals).not.toContain('workers-slower')
  })
})
