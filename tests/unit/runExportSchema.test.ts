import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRunRecord } from '../../src/shared/runRecordSchema'
import { runsToJson, runToJson } from '../../src/shared/runExport'
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
  slowdown: syntheticRun([
    { workers: 1, wallMs: [100, 101, 99] },
    { workers: 2, wallMs: [114, 113, 115] }
  ]),
  wrong: syntheticRun([
    { workers: 1, wallMs: [100, 101, 99] },
    { workers: 2, wallMs: [51, 50, 52], correct: false }
  ])
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
  })
})
