import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHistoryStore } from '../../src/main/history/historyStore'
import { LEGACY_DERIVED_FIELDS, parseRunRecord } from '../../src/shared/runRecordSchema'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'

/** A history file written by main before issue 9 (tests/fixtures/README.md). */
const FIXTURE = join(__dirname, '..', 'fixtures', 'history-v1-main.jsonl')
const oldLines = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-migration-'))
  await copyFile(FIXTURE, join(dir, 'history.jsonl'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('history written by the first format (today’s main)', () => {
  it('loads every run: nothing is set aside as damaged', async () => {
    const listing = await createHistoryStore(dir).list()
    expect(listing.damaged).toEqual([])
    expect(listing.runs.map((r) => r.id)).toEqual(oldLines.map((l) => l.id))
  })

  it('drops the derived fields and keeps every sample and sum', async () => {
    const store = createHistoryStore(dir)
    for (const old of oldLines) {
      const run = await store.get(old.id)
      expect(run).not.toBeNull()
      expect(run!.results).toHaveLength(old.results.length)
      run!.results.forEach((r, i) => {
        for (const key of LEGACY_DERIVED_FIELDS) expect(r).not.toHaveProperty(key)
        expect(r.samples).toEqual(old.results[i].samples)
        expect(r.sum).toBe(old.results[i].sum)
        expect(r.correct).toBe(old.results[i].correct)
      })
      expect(run!.config).toEqual(old.config)
    }
  })

  it('recomputes the same medians the old records stored, from the samples', () => {
    for (const old of oldLines) {
      const parsed = parseRunRecord(old)
      expect(parsed.ok).toBe(true)
      if (!parsed.ok) continue
      const a = analyzeRun(parsed.value)
      old.results.forEach((r: { workers: number; medianMs: number }) => {
        const row = a.workers.find((w) => w.workers === r.workers)!
        expect(row.medianMs).toBeCloseTo(r.medianMs, 9)
      })
    }
  })

  it('recovers T1 once for a run whose 1-worker samples were not kept', () => {
    const old = oldLines.find((l) => !l.results.some((r: { workers: number }) => r.workers === 1))
    expect(old).toBeDefined()
    const parsed = parseRunRecord(old)
    if (!parsed.ok) throw new Error(parsed.reason)
    const r = old.results[0]
    expect(parsed.value.legacyBaselineMs).toBeCloseTo(r.speedup * r.medianMs, 9)
    const a = analyzeRun(parsed.value)
    expect(a.baselineMeasured).toBe(false)
    // Replicate: the scaled speedup N·T1/TN, by the one definition; no interval without T1's.
    expect(a.workers[0].speedup.speedup).toBeCloseTo(r.workers * r.speedup, 9)
    expect(a.workers[0].speedupInterval).toBeNull()
    expect(a.workers[0].verdict).not.toBe('faster')
  })
})
