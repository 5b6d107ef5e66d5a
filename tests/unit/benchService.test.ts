import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Engine, RunHooks } from '../../src/engine/types'
import { createHistoryStore, HistoryWriteError } from '../../src/main/history/historyStore'
import type { HistoryStore } from '../../src/main/history/historyStore'
import { createBenchService } from '../../src/main/service/benchService'
import type { BenchServiceDeps, SaveFileOptions } from '../../src/main/service/benchService'
import { tutorialRunConfig } from '../../src/shared/config'
import { BenchFailure } from '../../src/shared/errors'
import type { RunProgress, RunRecord } from '../../src/shared/result'
import { parseRunEnvelope } from '../../src/shared/runExport'
import { sampleRun } from '../helpers/runRecord'

/** A PNG of one transparent pixel. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

const progress: RunProgress = {
  runId: 'run-000000',
  phase: 'measuring',
  workers: 2,
  rep: 1,
  reps: 2,
  fraction: 0.5,
  etaMs: 100,
  elapsedMs: 100,
  perWorker: [0.5, 0.5]
}

/** An engine that answers with a fixed record (or fails), reporting progress once. */
function fakeEngine(outcome: () => RunRecord | Promise<RunRecord>): Engine & { runs: unknown[] } {
  const runs: unknown[] = []
  return {
    runs,
    busy: false,
    async run(config: unknown, hooks: RunHooks = {}) {
      runs.push(config)
      hooks.onProgress?.(progress)
      return outcome()
    },
    cancel: vi.fn(async () => true),
    dispose: async () => undefined
  }
}

let dir: string
let history: HistoryStore
const saved: SaveFileOptions[] = []
const emitted: { channel: string; payload: unknown }[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'service-test-'))
  history = createHistoryStore(join(dir, 'userData'))
  saved.length = 0
  emitted.length = 0
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function service(overrides: Partial<BenchServiceDeps> = {}) {
  const engine = (overrides.engine ?? fakeEngine(() => sampleRun())) as Engine & { runs: unknown[] }
  const svc = createBenchService({
    engine,
    history,
    systemInfo: () => sampleRun().system,
    emit: (channel, payload) => emitted.push({ channel, payload }),
    saveFile: async (options) => {
      saved.push(options)
      return join(dir, options.defaultPath)
    },
    ...overrides
  })
  return { svc, engine }
}

describe('bench service', () => {
  it('runs, streams progress, and stores the run before answering', async () => {
    const { svc, engine } = service()
    const result = await svc.handle('bench:run', tutorialRunConfig())
    expect(result).toEqual({ ok: true, value: sampleRun() })
    expect(engine.runs).toEqual([tutorialRunConfig()])
    expect(emitted).toEqual([{ channel: 'bench:progress', payload: progress }])
    expect((await history.list()).runs.map((r) => r.id)).toEqual(['run-000000'])
  })

  it('answers engine failures as values and stores nothing', async () => {
    const crashed = new BenchFailure({
      code: 'worker-crashed',
      message: 'Worker w2/2 (pid 123) crashed.',
      worker: { name: 'w2/2', pid: 123, exitCode: null, signal: 'SIGKILL' }
    })
    const { svc } = service({ engine: fakeEngine(() => Promise.reject(crashed)) })
    expect(await svc.handle('bench:run', tutorialRunConfig())).toEqual({
      ok: false,
      error: crashed.error
    })
    const { svc: broken } = service({
      engine: fakeEngine(() => Promise.reject(new Error('boom')))
    })
    expect(await broken.handle('bench:run', tutorialRunConfig())).toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' }
    })
    expect((await history.list()).runs).toEqual([])
  })

  it('says so when a finished run cannot be stored', async () => {
    const failing: HistoryStore = {
      ...history,
      append: () => Promise.reject(Object.assign(new Error('no space left'), { code: 'ENOSPC' }))
    }
    const { svc } = service({ history: failing })
    const result = await svc.handle('bench:run', tutorialRunConfig())
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('not-saved')
      expect(result.error.saveFailure).toBe('disk-full')
      expect(result.error.message).toMatch(/could not be saved to history: ENOSPC/)
      // The run comes back with the failure, so it stays on screen…
      expect(result.error.run).toEqual(sampleRun())
    }
    // …and can still be exported, although history does not have it.
    const exported = await svc.handle('export:json', { ids: [sampleRun().id] })
    expect(exported.ok && exported.value.saved).toBe(true)
    const path = join(dir, saved[0].defaultPath)
    // One run exports as issue 9's run envelope, named by runId; its record reads back whole.
    const text = await readFile(path, 'utf8')
    expect(JSON.parse(text)).toEqual(
      expect.objectContaining({ format: 'speedup-lab/run', runId: sampleRun().id })
    )
    expect(parseRunEnvelope(text)).toEqual({ ok: true, value: sampleRun() })
  })

  it('words a run too large for history as such', async () => {
    const failing: HistoryStore = {
      ...history,
      append: () => Promise.reject(new HistoryWriteError('too-large', 'over the limit'))
    }
    const { svc } = service({ history: failing })
    const result = await svc.handle('bench:run', tutorialRunConfig())
    expect(!result.ok && result.error.saveFailure).toBe('too-large')
  })

  it('re-validates a wait payload: the form’s refusals hold in main too, with their codes (issue 17)', async () => {
    const { svc, engine } = service()
    const wait = { ...tutorialRunConfig(), workload: 'split' as const, pool: 'warm' as const }
    const refusals: [unknown, string][] = [
      [{ ...wait, backend: 'async' }, 'async-needs-wait'],
      [{ ...wait, job: 'wait' }, 'wait-required'],
      [{ ...wait, job: 'wait', wait: { requests: 0, delayMs: -1 } }, 'too-small'],
      [
        { ...wait, job: 'wait', wait: { requests: 4, delayMs: 1 }, workload: 'replicate' },
        'wait-split-only'
      ],
      [
        {
          ...wait,
          job: 'wait',
          wait: { requests: 4, delayMs: 1 },
          backend: 'cluster',
          cluster: { server: 'nats://127.0.0.1:4222' }
        },
        'wait-not-on-cluster'
      ]
    ]
    for (const [payload, code] of refusals) {
      const result = await svc.handle('bench:run', payload as never)
      expect(!result.ok && result.error.code).toBe('invalid-input')
      expect(!result.ok && result.error.issues?.map((i) => i.code)).toContain(code)
    }
    expect(engine.runs).toEqual([])
    // A valid wait reaches the engine as sent.
    const ok = { ...wait, job: 'wait', wait: { requests: 16, delayMs: 10 }, backend: 'async' }
    expect((await svc.handle('bench:run', ok as never)).ok).toBe(true)
    expect(engine.runs).toEqual([expect.objectContaining({ job: 'wait', backend: 'async' })])
  })

  it('refuses a bad configuration before the engine sees it', async () => {
    const { svc, engine } = service()
    const result = await svc.handle('bench:run', { ...tutorialRunConfig(), reps: 0, extra: 1 })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input')
      expect(result.error.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'reps', message: 'reps must be at least 1' }),
          expect.objectContaining({ field: '(config)', message: 'unknown field: extra' })
        ])
      )
    }
    expect(engine.runs).toEqual([])
  })

  it('cancels', async () => {
    const { svc, engine } = service()
    expect(await svc.handle('bench:cancel', undefined)).toEqual({
      ok: true,
      value: { cancelled: true }
    })
    expect(engine.cancel).toHaveBeenCalledOnce()
  })

  it('lists, gets, deletes and clears history', async () => {
    const { svc } = service()
    for (let i = 0; i < 3; i++) await history.append(sampleRun({}, i))
    const listed = await svc.handle('history:list', undefined)
    expect(listed.ok && listed.value.runs.map((r) => r.id)).toEqual([
      'run-000000',
      'run-000001',
      'run-000002'
    ])
    expect(await svc.handle('history:get', { id: 'run-000001' })).toEqual({
      ok: true,
      value: sampleRun({}, 1)
    })
    const missing = await svc.handle('history:get', { id: 'nope' })
    expect(!missing.ok && missing.error.code).toBe('not-found')
    expect(await svc.handle('history:delete', { ids: ['run-000001', 'nope'] })).toEqual({
      ok: true,
      value: { deleted: 1 }
    })
    expect(await svc.handle('history:clear', undefined)).toEqual({
      ok: true,
      value: { deleted: 2 }
    })
  })

  it('exports CSV through the save dialog, and the file reads back', async () => {
    const { svc } = service()
    await history.append(sampleRun({}, 0))
    await history.append(sampleRun({}, 1))
    const result = await svc.handle('export:csv', { ids: ['run-000001', 'run-000000'] })
    expect(saved).toEqual([
      {
        title: 'Export runs as CSV',
        defaultPath: expect.stringMatching(/^speedup-lab-\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.csv$/),
        filters: [{ name: 'CSV', extensions: ['csv'] }]
      }
    ])
    const path = join(dir, saved[0].defaultPath)
    expect(result).toEqual({ ok: true, value: { saved: true, path } })
    const rows = Papa.parse<Record<string, string>>(await readFile(path, 'utf8'), {
      header: true,
      skipEmptyLines: true
    }).data
    expect(rows.map((r) => `${r.runId}/${r.workers}`)).toEqual([
      'run-000001/1',
      'run-000001/2',
      'run-000000/1',
      'run-000000/2'
    ])
  })

  it('exports JSON', async () => {
    const { svc } = service()
    await history.append(sampleRun({}, 0))
    const result = await svc.handle('export:json', { ids: ['run-000000'] })
    expect(result.ok && result.value.saved).toBe(true)
    const written = JSON.parse(await readFile(join(dir, saved[0].defaultPath), 'utf8'))
    // One run: written exactly as the CLI's --json, the record under `run`.
    expect(written.format).toBe('speedup-lab/run')
    expect(written.run).toEqual(sampleRun({}, 0))
  })

  it('writes nothing when the dialog is cancelled or a run is missing', async () => {
    const { svc } = service({ saveFile: async () => null })
    await history.append(sampleRun({}, 0))
    expect(await svc.handle('export:csv', { ids: ['run-000000'] })).toEqual({
      ok: true,
      value: { saved: false }
    })
    const missing = await svc.handle('export:json', { ids: ['run-000000', 'gone'] })
    expect(missing.ok).toBe(false)
    if (!missing.ok) {
      expect(missing.error.code).toBe('not-found')
      expect(missing.error.message).toContain('gone')
    }
    expect((await readdir(dir)).sort()).toEqual(['userData'])
  })

  it('saves a PNG data URL as PNG bytes, and refuses what is not a PNG', async () => {
    const { svc } = service()
    const result = await svc.handle('export:png', { name: 'speedup chart', dataUrl: PNG })
    expect(result).toEqual({
      ok: true,
      value: { saved: true, path: join(dir, 'speedup chart.png') }
    })
    const bytes = await readFile(join(dir, 'speedup chart.png'))
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(bytes.equals(Buffer.from(PNG.split(',')[1], 'base64'))).toBe(true)

    const notPng = `data:image/png;base64,${Buffer.from('GIF89a not a png').toString('base64')}`
    const refused = await svc.handle('export:png', { name: 'x', dataUrl: notPng })
    expect(!refused.ok && refused.error.code).toBe('invalid-input')
    const badName = await svc.handle('export:png', { name: '../../etc/passwd', dataUrl: PNG })
    expect(!badName.ok && badName.error.code).toBe('invalid-input')
    expect(saved).toHaveLength(1)
  })

  it('reports a file that cannot be written as an io error', async () => {
    const { svc } = service({ saveFile: async () => join(dir, 'no', 'such', 'folder', 'x.csv') })
    await history.append(sampleRun({}, 0))
    const result = await svc.handle('export:csv', { ids: ['run-000000'] })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('io')
      expect(result.error.message).toMatch(/^Could not write .*x\.csv: ENOENT/)
    }
  })

  it('answers system info', async () => {
    const { svc } = service()
    expect(await svc.handle('system:info', undefined)).toEqual({
      ok: true,
      value: sampleRun().system
    })
  })

  it('never throws: unknown channels, bad payloads, failing dependencies', async () => {
    const { svc } = service({
      systemInfo: () => {
        throw new Error('os gone')
      }
    })
    const unknown = await svc.handle('shell:exec' as never, 'rm -rf /')
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Unknown request: shell:exec' }
    })
    expect(await svc.handle('system:info', undefined)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'os gone' }
    })
    const proto = await svc.handle('__proto__' as never, undefined)
    expect(!proto.ok && proto.error.code).toBe('invalid-input')
  })
})
