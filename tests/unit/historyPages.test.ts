import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildView, seriesOf } from '../../src/main/history/historyView'
import { createHistoryStore } from '../../src/main/history/historyStore'
import { createBenchService } from '../../src/main/service/benchService'
import type { Engine } from '../../src/engine/types'
import { configKey, summarize } from '../../src/shared/history'
import type { RunRecord } from '../../src/shared/result'
import { sampleRun } from '../helpers/runRecord'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-pages-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Run i: every third one on threads, so there are two configurations (34 and 66 of 100). */
const run = (i: number): RunRecord => {
  const base = sampleRun({}, i)
  return i % 3 === 0 ? { ...base, config: { ...base.config, backend: 'thread' } } : base
}
const id = (i: number) => sampleRun({}, i).id
const processKey = configKey(sampleRun().config)
const threadKey = configKey(run(0).config)

/** Writes runs 0…n-1 straight into the file (oldest first), as a long-used history holds them. */
async function seed(n: number, extra = ''): Promise<void> {
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify(run(i)))
  await writeFile(join(dir, 'history.jsonl'), lines.join('\n') + '\n' + extra)
}

describe('history pages (main)', () => {
  it('answers windows newest first, at both edges and past the end, with the total', async () => {
    await seed(100)
    const store = createHistoryStore(dir)
    const first = await store.page({ offset: 0, limit: 10 })
    expect(first.runs.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => id(99 - i)))
    expect(first.runs[0]).toEqual(summarize(run(99)))
    expect(first).toMatchObject({ offset: 0, total: 100, stored: 100, damaged: [] })
    expect(first.path).toBe(join(dir, 'history.jsonl'))

    const last = await store.page({ offset: 95, limit: 10 })
    expect(last.runs.map((r) => r.id)).toEqual([id(4), id(3), id(2), id(1), id(0)])
    expect((await store.page({ offset: 100, limit: 10 })).runs).toEqual([])
    expect((await store.page({ offset: 5000, limit: 10 })).runs).toEqual([])
    // Pages of one state of the history share a revision.
    expect(last.revision).toBe(first.revision)
  })

  it('counts the configurations and filters by one', async () => {
    await seed(100)
    const store = createHistoryStore(dir)
    const page = await store.page({ offset: 0, limit: 5 })
    expect(page.configs.map((c) => [c.key, c.count])).toEqual([
      [processKey, 66],
      [threadKey, 34]
    ])
    expect(page.configs[1].config.backend).toBe('thread')

    const threads = await store.page({ offset: 30, limit: 10, key: threadKey })
    expect(threads.total).toBe(34)
    expect(threads.stored).toBe(100)
    // Thread runs are 0, 3, …, 99 (34 of them); newest first, the 31st on is 9, 6, 3, 0.
    expect(threads.runs.map((r) => r.id)).toEqual([id(9), id(6), id(3), id(0)])
    const none = await store.page({ offset: 0, limit: 10, key: 'no · such · config' })
    expect(none).toMatchObject({ runs: [], total: 0, stored: 100 })
  })

  it('puts a run appended between two pages on top, with a new revision', async () => {
    await seed(50)
    const store = createHistoryStore(dir)
    const before = await store.page({ offset: 0, limit: 10 })
    const fresh = run(50)
    await store.append(fresh)
    const after = await store.page({ offset: 0, limit: 10 })
    expect(after.revision).not.toBe(before.revision)
    expect(after.total).toBe(51)
    expect(after.runs[0]).toEqual(summarize(fresh))
    // The next page, asked at the old offset, is shifted by the new run: the renderer drops its old pages.
    const next = await store.page({ offset: 10, limit: 10 })
    expect(next.runs[0].id).toBe(id(40))
    expect(next.revision).toBe(after.revision)
    // A fresh store (the app restarted) agrees.
    const reopened = await createHistoryStore(dir).page({ offset: 0, limit: 11 })
    expect(reopened.runs.map((r) => r.id)).toEqual(after.runs.map((r) => r.id).concat(id(40)))
  })

  it('keeps pages right after a delete, and the file and its index agree', async () => {
    await seed(30)
    const store = createHistoryStore(dir)
    const before = await store.page({ offset: 0, limit: 30 })
    expect(await store.delete([id(29), id(10), 'not-there'])).toBe(2)
    const after = await store.page({ offset: 0, limit: 30 })
    expect(after.revision).not.toBe(before.revision)
    expect(after.total).toBe(28)
    const expected = before.runs.map((r) => r.id).filter((x) => x !== id(29) && x !== id(10))
    expect(after.runs.map((r) => r.id)).toEqual(expected)
    expect(after.configs.reduce((n, c) => n + c.count, 0)).toBe(28)
    // Reading a run back uses the new offsets.
    expect(await store.get(id(11))).toEqual(run(11))
    expect(await store.get(id(28))).toEqual(run(28))
    const reopened = createHistoryStore(dir)
    expect((await reopened.page({ offset: 0, limit: 30 })).runs.map((r) => r.id)).toEqual(expected)
    const lines = (await readFile(join(dir, 'history.jsonl'), 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(28)
  })

  it('still reports damaged lines, and lists the rest', async () => {
    await seed(5, '{"not": "a run"}\n')
    const page = await createHistoryStore(dir).page({ offset: 0, limit: 10 })
    expect(page.total).toBe(5)
    expect(page.damaged).toHaveLength(1)
    expect(page.damaged[0].line).toBe(6)
    expect(page.damaged[0].reason).toMatch(/not a run record/)
  })

  it('reports an unreadable history instead of failing, and its revision holds still', async () => {
    // A folder where the file should be: it cannot be read.
    await mkdir(join(dir, 'history.jsonl'))
    const store = createHistoryStore(dir)
    const a = await store.page({ offset: 0, limit: 10 })
    const b = await store.page({ offset: 0, limit: 10 })
    expect(a.runs).toEqual([])
    expect(a.damaged.at(-1)?.reason).toMatch(/could not be read/)
    expect(b.revision).toBe(a.revision)
  })

  it('resolves "all but these" to every stored id, newest first', async () => {
    await seed(6)
    const store = createHistoryStore(dir)
    expect(await store.ids([id(4), id(0)])).toEqual([id(5), id(3), id(2), id(1)])
    expect(await store.ids()).toHaveLength(6)
  })
})

describe('history series (main)', () => {
  const summaries = Array.from({ length: 100 }, (_, i) => summarize(run(i)))

  it('plots one configuration in run order, oldest first, naming each run', () => {
    const series = seriesOf(buildView(summaries, 1), threadKey)
    expect(series.total).toBe(34)
    expect(series.decimated).toBe(false)
    expect(series.points.map((p) => p.order)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1))
    expect(series.points[0]).toMatchObject({ id: id(0), startedAt: run(0).startedAt })
    expect(series.points[33].id).toBe(id(99))
    // One worker is the baseline (always 1×): only counts above one are plotted, with their intervals.
    const two = summarize(run(0)).points[1]
    expect(series.points[0].speedups).toEqual([
      { workers: 2, speedup: two.speedup, low: two.low, high: two.high }
    ])
    expect(two.low).toBeLessThan(two.speedup)
    expect(series).toMatchObject({ first: run(0).startedAt, last: run(99).startedAt })
    expect(series.latest).toEqual(series.points[33].speedups)
  })

  it('decimates a long history to buckets that keep each lowest and highest run', () => {
    const speedup = (i: number) => (i === 1234 ? 9 : i === 4321 ? 0.1 : 1 + (i % 7) / 10)
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      ...summarize(run(1)),
      id: `r${i}`,
      startedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
      points: [
        { workers: 1, medianMs: 10, speedup: 1 },
        { workers: 2, medianMs: 5, speedup: speedup(i) }
      ]
    }))
    const series = seriesOf(buildView(many, 1), null, 1000)
    expect(series.total).toBe(10_000)
    expect(series.decimated).toBe(true)
    expect(series.points.length).toBeLessThanOrEqual(1000)
    expect(series.points.length).toBeGreaterThan(900)
    const orders = series.points.map((p) => p.order)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
    expect(new Set(orders).size).toBe(orders.length)
    // The spike and the dip survive, as the runs they are.
    expect(series.points.find((p) => p.id === 'r1234')?.speedups[0].speedup).toBe(9)
    expect(series.points.find((p) => p.id === 'r4321')?.order).toBe(4322)
    expect(series.last).toBe(many[9999].startedAt)
  })

  it('answers an empty series for a configuration with no runs', () => {
    const series = seriesOf(buildView(summaries, 1), 'nothing')
    expect(series).toMatchObject({ total: 0, points: [], first: null, last: null, latest: [] })
  })
})

describe('history pages through the service', () => {
  const engine = {
    busy: false,
    run: vi.fn(),
    cancel: vi.fn(async () => false),
    dispose: vi.fn(async () => undefined)
  } as unknown as Engine

  it('pages, and deletes "all but these" resolved in main', async () => {
    await seed(20)
    const history = createHistoryStore(dir)
    const svc = createBenchService({
      engine,
      history,
      saveFile: async () => null,
      systemInfo: () => sampleRun().system,
      emit: () => undefined
    })
    const page = await svc.handle('history:page', { offset: 18, limit: 5 })
    expect(page.ok && page.value.runs.map((r) => r.id)).toEqual([id(1), id(0)])
    const refused = await svc.handle('history:page', { offset: -1, limit: 5 })
    expect(!refused.ok && refused.error.code).toBe('invalid-input')
    const series = await svc.handle('history:series', { key: processKey })
    expect(series.ok && series.value.total).toBe(13)

    const deleted = await svc.handle('history:delete', {
      ids: { all: true, except: [id(7), id(3)] }
    })
    expect(deleted).toEqual({ ok: true, value: { deleted: 18 } })
    const left = await svc.handle('history:page', { offset: 0, limit: 50 })
    expect(left.ok && left.value.runs.map((r) => r.id)).toEqual([id(7), id(3)])
    // "All" of nothing is refused rather than exporting an empty file.
    await svc.handle('history:delete', { ids: { all: true, except: [] } })
    const none = await svc.handle('export:csv', { ids: { all: true, except: [] } })
    expect(!none.ok && none.error.code).toBe('invalid-input')
  })
})
