import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryProbe } from '../../src/engine'
import type { Engine, RunHooks } from '../../src/engine/types'
import { createHistoryStore } from '../../src/main/history/historyStore'
import type { HistoryStore } from '../../src/main/history/historyStore'
import { createBenchService, KEPT_STUDIES } from '../../src/main/service/benchService'
import type { BenchServiceDeps, SaveFileOptions } from '../../src/main/service/benchService'
import type { RunConfig } from '../../src/shared/config'
import type { InvokeChannel, InvokeResult } from '../../src/shared/ipc'
import type { StudyExport } from '../../src/shared/report/exporters'
import type { StudyConfig, StudyProgress } from '../../src/shared/study'
import { alive, eventually, spyEngine, WORKER_PATH } from '../helpers/engine'
import { sampleRun } from '../helpers/runRecord'

/** A tiny base: a study multiplies it by sizes, pools and backends, on a shared 2-core machine. */
const base = (over: Partial<RunConfig> = {}): RunConfig => ({
  range: { start: 0, end: 200_000 },
  workers: [1, 2],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  warmup: 0,
  reps: 2,
  ...over
})

let dir: string
let history: HistoryStore
let engines: Engine[]
const saved: SaveFileOptions[] = []
const emitted: { channel: string; payload: unknown }[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'service-study-'))
  history = createHistoryStore(join(dir, 'userData'))
  engines = []
  saved.length = 0
  emitted.length = 0
})
afterEach(async () => {
  await Promise.all(engines.map((e) => e.dispose()))
  await rm(dir, { recursive: true, force: true })
})

function service(engine: Engine, overrides: Partial<BenchServiceDeps> = {}) {
  engines.push(engine)
  return createBenchService({
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
}

function value<C extends InvokeChannel>(result: InvokeResult<C>) {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const studyProgress = (): StudyProgress[] =>
  emitted.filter((e) => e.channel === 'bench:study-progress').map((e) => e.payload as StudyProgress)

/** An engine that answers at once with a fixed record: for what does not need real workers. */
function instantEngine(): Engine & { runs: unknown[] } {
  const runs: unknown[] = []
  return {
    runs,
    busy: false,
    async run(config: unknown, _hooks: RunHooks = {}) {
      runs.push(config)
      return sampleRun()
    },
    cancel: async () => false,
    dispose: async () => undefined
  }
}

describe('bench service: studies', () => {
  it('runs a study on real workers, streams its progress, keeps it out of history, exports it', async () => {
    const { engine } = spyEngine()
    const svc = service(engine, {
      measureMemory: createMemoryProbe({ workerPath: WORKER_PATH, workers: 2 })
    })
    const config: StudyConfig = {
      base: base(),
      sizes: [1000, 100_000],
      backends: ['thread']
    }
    const study = value(await svc.handle('bench:study', config))

    expect(study.correct).toBe(true)
    expect(study.config).toEqual(config)
    // 2 pools × 2 sizes, then the backend's sweep, cold start and memory.
    expect(study.sizeRuns.map((r) => `${r.backend} ${r.pool} ${r.size}`)).toEqual([
      'thread warm 1000',
      'thread warm 100000',
      'thread cold 1000',
      'thread cold 100000'
    ])
    expect(study.backendRuns.map((b) => b.backend)).toEqual(['thread'])
    expect(study.backendRuns.every((b) => b.memory !== null)).toBe(true)

    const progress = studyProgress()
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.every((p) => p.studyId === study.id && p.steps === 7)).toBe(true)
    expect(progress.at(-1)?.fraction).toBe(1)
    const steps = progress.map((p) => p.step)
    expect(steps).toEqual([...steps].sort((a, b) => a - b))
    expect(emitted.some((e) => e.channel === 'bench:progress')).toBe(false)

    // A study's runs are not the user's runs: history stays as it was.
    expect((await history.list()).runs).toEqual([])

    const md = value(await svc.handle('export:study', { id: study.id, format: 'markdown' }))
    expect(md.saved).toBe(true)
    const markdown = await readFile(join(dir, saved[0].defaultPath), 'utf8')
    expect(saved[0].defaultPath).toMatch(/^speedup-lab-study-.*\.md$/)
    expect(markdown).toMatch(/^# Speedup Lab study/)
    expect(markdown).toContain('## Threads vs processes')
    expect(markdown).toContain(study.id)

    value(await svc.handle('export:study', { id: study.id, format: 'csv' }))
    const csv = Papa.parse<Record<string, string>>(
      await readFile(join(dir, saved[1].defaultPath), 'utf8'),
      { header: true, skipEmptyLines: true }
    )
    expect(csv.errors).toEqual([])
    expect(saved[1].filters[0].extensions).toEqual(['csv'])
    expect(csv.data.filter((row) => row.kind === 'size')).toHaveLength(4)

    value(await svc.handle('export:study', { id: study.id, format: 'json' }))
    const json = JSON.parse(await readFile(join(dir, saved[2].defaultPath), 'utf8')) as StudyExport
    expect(json.format).toBe('speedup-lab/study')
    expect(json.studyId).toBe(study.id)
    expect(json.analysis.sizeSweeps.map((s) => `${s.backend} ${s.pool}`)).toEqual([
      'thread warm',
      'thread cold'
    ])
  })

  it('cancels a study with bench:cancel, stops its workers, and is idle afterwards', async () => {
    const { engine, handles } = spyEngine()
    const svc = service(engine)
    const config: StudyConfig = {
      // Long enough that it is still running when the cancel lands.
      base: base({ warmup: 0, reps: 5 }),
      sizes: [1000, 200_000_000, 400_000_000],
      backends: ['process']
    }
    const running = svc.handle('bench:study', config)
    expect(await eventually(() => studyProgress().some((p) => p.step >= 2), 30_000)).toBe(true)

    // While it runs nothing else may start: the engine is idle between two of its steps.
    const run = await svc.handle('bench:run', base())
    expect(!run.ok && run.error.code).toBe('busy')
    const second = await svc.handle('bench:study', config)
    expect(!second.ok && second.error.code).toBe('busy')

    expect(value(await svc.handle('bench:cancel', undefined))).toEqual({ cancelled: true })
    const outcome = await running
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.code).toBe('cancelled')
    expect(await eventually(() => handles.every((h) => !alive(h.pid)))).toBe(true)
    expect(handles.length).toBeGreaterThan(0)

    // Nothing left running: a cancel now finds nothing, and a run may start.
    expect(value(await svc.handle('bench:cancel', undefined))).toEqual({ cancelled: false })
    expect(value(await svc.handle('bench:run', base({ workers: [1] }))).correct).toBe(true)
    expect((await history.list()).runs).toHaveLength(1)
  })

  it('refuses an invalid study before any worker starts, saying why', async () => {
    const { engine, handles } = spyEngine()
    const svc = service(engine)
    const result = await svc.handle('bench:study', {
      base: base({ workers: [1] }),
      sizes: [1000, 0]
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input')
      const fields = result.error.issues?.map((i) => i.field)
      expect(fields).toContain('base.workers')
      expect(fields).toContain('sizes.1')
    }
    expect(handles).toEqual([])
    expect(studyProgress()).toEqual([])
  })

  it('keeps the latest studies for export, and says when one is gone', async () => {
    const engine = instantEngine()
    const svc = service(engine)
    const ids: string[] = []
    for (let i = 0; i < KEPT_STUDIES + 1; i++) {
      ids.push(value(await svc.handle('bench:study', { base: base(), sizes: [1000] })).id)
    }
    const gone = await svc.handle('export:study', { id: ids[0], format: 'json' })
    expect(!gone.ok && gone.error.code).toBe('not-found')
    expect(!gone.ok && gone.error.message).toMatch(/Run it again/)
    expect(value(await svc.handle('export:study', { id: ids[1], format: 'json' })).saved).toBe(true)
    expect(value(await svc.handle('export:study', { id: ids.at(-1)!, format: 'csv' })).saved).toBe(
      true
    )
    expect(saved).toHaveLength(2)
  })

  it('writes nothing when the study export dialog is cancelled', async () => {
    const svc = service(instantEngine(), { saveFile: async () => null })
    const study = value(await svc.handle('bench:study', { base: base(), sizes: [1000] }))
    expect(value(await svc.handle('export:study', { id: study.id, format: 'markdown' }))).toEqual({
      saved: false
    })
  })
})

describe('bench service: Markdown report of runs', () => {
  it('writes one report per stored run, in the order asked', async () => {
    const svc = service(instantEngine())
    const a = sampleRun({ id: 'run-a' })
    const b = sampleRun({ id: 'run-b' })
    await history.append(a)
    await history.append(b)
    const outcome = value(await svc.handle('export:markdown', { ids: ['run-b', 'run-a'] }))
    expect(outcome.saved).toBe(true)
    expect(saved[0].defaultPath).toMatch(/^speedup-lab-.*\.md$/)
    expect(saved[0].filters).toEqual([{ name: 'Markdown', extensions: ['md'] }])
    const text = await readFile(join(dir, saved[0].defaultPath), 'utf8')
    const reports = text.split(/^# Speedup Lab report$/m).slice(1)
    expect(reports).toHaveLength(2)
    expect(reports[0]).toContain('Run run-b')
    expect(reports[1]).toContain('Run run-a')
    expect(text).toContain('## Verdict')
    expect(text).toContain('| Workers |')
  })

  it('refuses runs that are not in the history, and writes nothing', async () => {
    const svc = service(instantEngine())
    const result = await svc.handle('export:markdown', { ids: ['nope'] })
    expect(!result.ok && result.error.code).toBe('not-found')
    expect(saved).toEqual([])
  })
})
