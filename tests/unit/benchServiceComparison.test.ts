import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHistoryStore } from '../../src/main/history/historyStore'
import type { HistoryStore } from '../../src/main/history/historyStore'
import { createBenchService } from '../../src/main/service/benchService'
import type { SaveFileOptions } from '../../src/main/service/benchService'
import type { Engine } from '../../src/engine/types'
import { sampleRun } from '../helpers/runRecord'

let dir: string
let history: HistoryStore
const saved: SaveFileOptions[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'service-compare-'))
  history = createHistoryStore(join(dir, 'userData'))
  saved.length = 0
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const service = () =>
  createBenchService({
    engine: {} as Engine,
    history,
    systemInfo: () => sampleRun().system,
    emit: () => undefined,
    saveFile: async (options) => {
      saved.push(options)
      return join(dir, options.defaultPath)
    }
  })

describe('bench service: exporting a comparison of two stored runs', () => {
  it('writes the comparison of the runs asked, baseline first, in each format', async () => {
    const a = sampleRun({ id: 'run-a' })
    const b = sampleRun({ id: 'run-b' }, 1)
    await history.append(a)
    await history.append(b)
    const svc = service()
    for (const format of ['markdown', 'csv', 'json'] as const) {
      const result = await svc.handle('export:comparison', {
        baselineId: 'run-a',
        candidateId: 'run-b',
        format
      })
      expect(result.ok && result.value.saved).toBe(true)
    }
    expect(saved.map((s) => s.defaultPath)).toEqual([
      expect.stringMatching(/^speedup-lab-comparison-.*\.md$/),
      expect.stringMatching(/\.csv$/),
      expect.stringMatching(/\.json$/)
    ])
    const json = JSON.parse(await readFile(join(dir, saved[2].defaultPath), 'utf8'))
    expect(json.format).toBe('speedup-lab/comparison')
    expect(json.comparison.baseline.id).toBe('run-a')
    expect(json.comparison.candidate.id).toBe('run-b')
    expect(await readFile(join(dir, saved[0].defaultPath), 'utf8')).toContain(
      '# Speedup Lab comparison'
    )
  })

  it('refuses runs of different jobs with what differs, and writes nothing', async () => {
    await history.append(sampleRun({ id: 'run-a' }))
    const other = sampleRun({ id: 'run-b' })
    await history.append({ ...other, config: { ...other.config, workload: 'replicate' } })
    const result = await service().handle('export:comparison', {
      baselineId: 'run-a',
      candidateId: 'run-b',
      format: 'csv'
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input')
      expect(result.error.message).toContain('baseline split, this run replicate')
    }
    const missing = await service().handle('export:comparison', {
      baselineId: 'run-a',
      candidateId: 'gone',
      format: 'csv'
    })
    expect(!missing.ok && missing.error.code).toBe('not-found')
    expect(saved).toEqual([])
  })
})
