import { readFileSync } from 'node:fs'
import { warningText as warningMessage } from '../../src/shared/report'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunRecord } from '../../src/shared/result'
import { parseRunRecord } from '../../src/shared/runRecordSchema'
import { runsToJson, runToJson } from '../../src/shared/runExport'
import { analyzeRun, type ScalingWarning } from '../../src/shared/analysis'
import { schemaErrors } from '../helpers/runExportSchema'
import { syntheticRun } from '../helpers/syntheticRun'

const runs = {
  split: syntheticRun([
    { workers: 1, wallMs: [200, 201, 199, 202, 198, 200] },
    { workers: 2, wallMs: [104, 105, 103, 104, 106, 104] },
    { workers: 4, wallMs: [70, 71, 69, 72, 70, 70] }
  ]),
  oneRep: syntheticRun([
    { workers: 1, wallMs: [0.47], computeMs: [[0.01]] },
    { workers: 2, wallMs: [0.3], computeMs: [[0.005, 0.005]] }
  ]),
  replicateCold: syntheticRun(
    [
      { workers: 1, wallMs: [950, 960, 940], spawnMs: [40, 41, 39] },
      { workers: 2, wallMs: [1160, 1150, 1170], spawnMs: [45, 44, 46] }
    ],
    { workload: 'replicate', pool: 'cold' }
  ),
  // The default --reps auto: the plan says "auto", each result's n says how many were done.
  autoReps: syntheticRun(
    [
      { workers: 1, wallMs: [200, 201, 199, 202, 198, 200, 201] },
      { workers: 2, wallMs: [104, 105, 103, 104, 106] }
    ],
    { reps: 'auto' }
  ),
  slowdown: syntheticRun([
    { workers: 1, wallMs: [100, 101, 99] },
    { workers: 2, wallMs: [114, 113, 115] }
  ]),
  // An outlier, a slow first repetition and more workers than the 2 cores: warnings with params.
  warned: syntheticRun([
    { workers: 1, wallMs: [150, 101, 99, 100, 102, 100, 180] },
    { workers: 4, wallMs: [60, 61, 59, 60, 62, 60, 61] }
  ]),
  wrong: syntheticRun([
    { workers: 1, wallMs: [100, 101, 99] },
    { workers: 2, wallMs: [51, 50, 52], correct: false }
  ]),
  wasmKernel: withKernelReports(
    syntheticRun(
      [
        { workers: 1, wallMs: [20, 21, 19] },
        { workers: 2, wallMs: [11, 12, 11] }
      ],
      { kernel: 'wasm' }
    )
  )
}

/** Worker timings as a kernel-aware worker reports them (issue 10). */
function withKernelReports(run: RunRecord): RunRecord {
  for (const r of run.results)
    for (const s of r.samples)
      for (const w of s.workers) Object.assign(w, { kernel: 'wasm', nsPerElement: 0.15 })
  return run
}

describe('docs/run-export.schema.json', () => {
  for (const [name, run] of Object.entries(runs)) {
    it(`accepts the export of a ${name} run`, () => {
      expect(schemaErrors(JSON.parse(runToJson(run)))).toEqual([])
    })
  }

  it('accepts a several-run export and the migrated runs of a first-format history file', () => {
    const lines = readFileSync(join(__dirname, '..', 'fixtures', 'history-v1-main.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => parseRunRecord(JSON.parse(l)))
      .map((p) => (p.ok ? p.value : null))
    expect(lines.every((r) => r !== null)).toBe(true)
    const all = [...Object.values(runs), ...lines.map((r) => r!)]
    expect(schemaErrors(JSON.parse(runsToJson(all)))).toEqual([])
  })

  it('refuses what breaks the contract (it could fail)', () => {
    const good = JSON.parse(runToJson(runs.split))
    const bad = (edit: (x: typeof good) => void): string[] => {
      const copy = structuredClone(good)
      edit(copy)
      return schemaErrors(copy)
    }
    expect(bad((x) => (x.results[1].verdict = 'quicker'))).not.toEqual([])
    expect(bad((x) => delete x.verdict)).not.toEqual([])
    expect(bad((x) => (x.run.results[0].speedup = 1))).not.toEqual([])
    expect(bad((x) => (x.models.amdahlCeiling = 0.79))).not.toEqual([])
    expect(bad((x) => (x.results[0].sum = 12))).not.toEqual([])
    expect(bad((x) => (x.config.kernel = 'asm'))).not.toEqual([])
    expect(bad((x) => (x.config.reps = 'many'))).not.toEqual([])
    expect(bad((x) => (x.config.reps = 0))).not.toEqual([])
    expect(bad((x) => (x.results[0].nsPerElement = 'fast'))).not.toEqual([])
    expect(bad((x) => delete x.results[0].workerElementsPerSecond)).not.toEqual([])
    expect(bad((x) => delete x.models.code)).not.toEqual([])
    const warned = JSON.parse(runToJson(runs.warned))
    expect(warned.warnings.length).toBeGreaterThan(0)
    const edited = structuredClone(warned)
    edited.warnings[0].code = 'noisy'
    expect(schemaErrors(edited)).not.toEqual([])
    delete edited.warnings[0].params
    expect(schemaErrors(edited)).not.toEqual([])
  })

  it('exports each warning as its code and numbers, the message worded from them', () => {
    const exported = JSON.parse(runToJson(runs.warned))
    const analysis = analyzeRun(runs.warned)
    expect(exported.warnings.map((w: { code: string }) => w.code)).toEqual(
      analysis.warnings.map((w) => w.code)
    )
    expect(exported.warnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining(['outliers', 'more-workers-than-cores'])
    )
    for (const w of exported.warnings) {
      // The numbers alone rebuild the warning, and with it the same English message.
      const rebuilt = { code: w.code, severity: w.severity, workers: w.workers, ...w.params }
      expect(warningMessage(rebuilt as ScalingWarning)).toBe(w.message)
    }
    expect(exported.models.code).toBe(analysis.models.code)
  })
})

describe('the kernel in the run export', () => {
  it('carries the kernel in config and its speed in every result row', () => {
    const x = JSON.parse(runToJson(runs.wasmKernel))
    expect(x.config.kernel).toBe('wasm')
    expect(x.results.map((r: { nsPerElement: number }) => r.nsPerElement)).toEqual([0.15, 0.15])
    expect(x.results[0].workerElementsPerSecond).toBeCloseTo(1e9 / 0.15, 0)
  })
})
