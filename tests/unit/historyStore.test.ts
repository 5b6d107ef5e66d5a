import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { atomicReplace, atomicWriteFile } from '../../src/main/fs/atomicWriteFile'
import { createHistoryStore } from '../../src/main/history/historyStore'
import { summarize } from '../../src/shared/history'
import { sampleRun } from '../helpers/runRecord'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-test-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const historyFile = () => join(dir, 'history.jsonl')
const line = (i: number) => JSON.stringify(sampleRun({}, i))
const idsOf = async (store = createHistoryStore(dir)) => (await store.list()).runs.map((r) => r.id)

describe('history store', () => {
  it('stores runs as JSON Lines and lists their summaries, oldest first', async () => {
    const store = createHistoryStore(dir)
    const runs = [sampleRun({}, 0), sampleRun({}, 1), sampleRun({}, 2)]
    for (const run of runs) await store.append(run)
    const listing = await store.list()
    expect(listing.path).toBe(historyFile())
    expect(listing.runs).toEqual(runs.map(summarize))
    expect(listing.damaged).toEqual([])
    const text = await readFile(historyFile(), 'utf8')
    expect(text.split('\n')).toEqual([...runs.map((r) => JSON.stringify(r)), ''])
    expect(await store.get(runs[1].id)).toEqual(runs[1])
    expect(await store.get('no-such-run')).toBeNull()
  })

  it('keeps runs across restarts (a new store on the same folder)', async () => {
    await createHistoryStore(dir).append(sampleRun({}, 7))
    const reopened = createHistoryStore(dir)
    expect(await idsOf(reopened)).toEqual(['run-000007'])
    expect(await reopened.get('run-000007')).toEqual(sampleRun({}, 7))
  })

  it('sees runs appended by another store instance', async () => {
    const a = createHistoryStore(dir)
    const b = createHistoryStore(dir)
    await a.append(sampleRun({}, 0))
    expect(await idsOf(a)).toEqual(['run-000000'])
    await b.append(sampleRun({}, 1))
    expect(await idsOf(a)).toEqual(['run-000000', 'run-000001'])
  })

  it('keeps every one of 50 concurrent appends, each on its own line', async () => {
    const store = createHistoryStore(dir)
    const runs = Array.from({ length: 50 }, (_, i) => sampleRun({}, i))
    await Promise.all(runs.map((r) => store.append(r)))
    expect(await idsOf(store)).toEqual(runs.map((r) => r.id))
    const lines = (await readFile(historyFile(), 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(50)
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(runs.map((r) => r.id))
    expect(await idsOf()).toHaveLength(50)
  })

  it('serializes a list, deletes and appends asked for at once', async () => {
    const store = createHistoryStore(dir)
    await store.append(sampleRun({}, 0))
    const [, deleted, , listing] = await Promise.all([
      store.append(sampleRun({}, 1)),
      store.delete(['run-000000']),
      store.append(sampleRun({}, 2)),
      store.list()
    ])
    expect(deleted).toBe(1)
    expect(listing.runs.map((r) => r.id)).toEqual(['run-000001', 'run-000002'])
  })

  it('refuses a second copy of a run and a record that would not read back', async () => {
    const store = createHistoryStore(dir)
    await store.append(sampleRun({}, 0))
    await expect(store.append(sampleRun({}, 0))).rejects.toThrow(/already stored/)
    await expect(store.append({ ...sampleRun({}, 1), results: [] })).rejects.toThrow(/invalid run/)
    expect(await idsOf(store)).toEqual(['run-000000'])
  })

  it('returns many runs in the order asked, naming the missing ones', async () => {
    const store = createHistoryStore(dir)
    for (let i = 0; i < 4; i++) await store.append(sampleRun({}, i))
    const { runs, missing } = await store.getMany(['run-000003', 'gone', 'run-000001'])
    expect(runs.map((r) => r.id)).toEqual(['run-000003', 'run-000001'])
    expect(runs[0]).toEqual(sampleRun({}, 3))
    expect(missing).toEqual(['gone'])
  })

  it('deletes the named runs and keeps the rest, on disk too', async () => {
    const store = createHistoryStore(dir)
    for (let i = 0; i < 5; i++) await store.append(sampleRun({}, i))
    expect(await store.delete(['run-000001', 'run-000003', 'unknown'])).toBe(2)
    expect(await store.delete(['unknown'])).toBe(0)
    expect(await idsOf(store)).toEqual(['run-000000', 'run-000002', 'run-000004'])
    expect(await idsOf()).toEqual(['run-000000', 'run-000002', 'run-000004'])
    expect(await store.get('run-000004')).toEqual(sampleRun({}, 4))
    // Appending after a rewrite lands after the kept runs.
    await store.append(sampleRun({}, 9))
    expect(await idsOf()).toEqual(['run-000000', 'run-000002', 'run-000004', 'run-000009'])
  })

  it('clears everything and says how much', async () => {
    const store = createHistoryStore(dir)
    for (let i = 0; i < 3; i++) await store.append(sampleRun({}, i))
    expect(await store.clear()).toBe(3)
    expect(await idsOf(store)).toEqual([])
    expect(await readFile(historyFile(), 'utf8')).toBe('')
    expect(await store.clear()).toBe(0)
  })

  it('creates its folder on the first append', async () => {
    const store = createHistoryStore(join(dir, 'user', 'data'))
    await store.append(sampleRun({}, 0))
    expect(await readdir(join(dir, 'user', 'data'))).toContain('history.jsonl')
  })

  it('lists an empty history when there is no file yet', async () => {
    expect(await createHistoryStore(join(dir, 'nothing-yet')).list()).toMatchObject({
      runs: [],
      damaged: []
    })
  })

  describe('damage', () => {
    const truncated = line(1).slice(0, 300)
    const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28, 0x7b, 0x22])

    const writeDamaged = () =>
      writeFile(
        historyFile(),
        Buffer.concat([
          Buffer.from(`${line(0)}\n${truncated}\n`),
          garbage,
          Buffer.from(`\n{"id":"x","hello":1}\n\n${line(2)}\n`)
        ])
      )

    it('skips damaged lines, reports each with its line number and reason, and loads the rest', async () => {
      await writeDamaged()
      const listing = await createHistoryStore(dir).list()
      expect(listing.runs.map((r) => r.id)).toEqual(['run-000000', 'run-000002'])
      expect(listing.damaged.map((d) => d.line)).toEqual([2, 3, 4])
      expect(listing.damaged[0].reason).toMatch(/^not valid JSON/)
      expect(listing.damaged[1].reason).toMatch(/^not UTF-8 text/)
      expect(listing.damaged[2].reason).toMatch(/^not a run record \(startedAt: /)
      for (const d of listing.damaged)
        expect(d.reason).toMatch(/set aside in history\.damaged-.*\.jsonl$/)
    })

    it('sets the damaged bytes aside in a file of their own and removes them from the history', async () => {
      await writeDamaged()
      const store = createHistoryStore(dir, { now: () => new Date('2025-03-04T05:06:07.089Z') })
      await store.list()
      const aside = join(dir, 'history.damaged-2025-03-04T05-06-07-089Z.jsonl')
      expect(await readFile(aside)).toEqual(
        Buffer.concat([
          Buffer.from(`${truncated}\n`),
          garbage,
          Buffer.from('\n{"id":"x","hello":1}\n')
        ])
      )
      expect(await readFile(historyFile(), 'utf8')).toBe(`${line(0)}\n${line(2)}\n`)
      // Reported for the rest of the session; a restart finds a clean file.
      expect((await store.list()).damaged).toHaveLength(3)
      expect((await createHistoryStore(dir).list()).damaged).toEqual([])
      expect(await store.get('run-000002')).toEqual(sampleRun({}, 2))
    })

    it('starts a fresh line after a line cut off mid-write, losing nothing', async () => {
      await writeFile(historyFile(), `${line(0)}\n${line(1).slice(0, 500)}`)
      const store = createHistoryStore(dir)
      await store.append(sampleRun({}, 2))
      const listing = await store.list()
      expect(listing.runs.map((r) => r.id)).toEqual(['run-000000', 'run-000002'])
      expect(listing.damaged).toHaveLength(1)
      expect(listing.damaged[0]).toMatchObject({ line: 2 })
      expect(listing.damaged[0].reason).toMatch(/cut off before its end/)
    })

    it('appends after a last line that lacks only its newline', async () => {
      await writeFile(historyFile(), line(0))
      const store = createHistoryStore(dir)
      await store.append(sampleRun({}, 1))
      expect(await idsOf()).toEqual(['run-000000', 'run-000001'])
      expect((await store.list()).damaged).toEqual([])
    })

    it('sets a second copy of a run aside', async () => {
      await writeFile(historyFile(), `${line(0)}\n${line(1)}\n${line(0)}\n`)
      const listing = await createHistoryStore(dir).list()
      expect(listing.runs.map((r) => r.id)).toEqual(['run-000000', 'run-000001'])
      expect(listing.damaged).toEqual([
        expect.objectContaining({ line: 3, reason: expect.stringMatching(/first on line 1/) })
      ])
    })

    it('survives a file of random bytes', async () => {
      const bytes = Buffer.alloc(64 * 1024)
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24
      await writeFile(historyFile(), bytes)
      const store = createHistoryStore(dir)
      const listing = await store.list()
      expect(listing.runs).toEqual([])
      expect(listing.damaged.length).toBeGreaterThan(0)
      await store.append(sampleRun({}, 5))
      expect(await idsOf()).toEqual(['run-000005'])
    })

    it('reports an unreadable history instead of throwing', async () => {
      await mkdir(historyFile()) // a folder where the file should be
      const store = createHistoryStore(dir)
      const listing = await store.list()
      expect(listing.runs).toEqual([])
      expect(listing.damaged).toEqual([
        { line: 0, reason: expect.stringMatching(/could not be read \(EISDIR\)/) }
      ])
      await expect(store.append(sampleRun({}, 0))).rejects.toThrow()
      await expect(store.get('run-000000')).rejects.toThrow()
    })

    it('never loses an acknowledged run when the writer is killed mid-append', async () => {
      const script = resolve(__dirname, 'fixtures/appendUntilKilled.ts')
      const acknowledged: string[] = []
      for (let round = 0; round < 3; round++) {
        const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
          stdio: ['ignore', 'pipe', 'inherit']
        })
        let out = ''
        child.stdout.setEncoding('utf8')
        child.stdout.on('data', (chunk: string) => (out += chunk))
        // Wait for a few acknowledged appends, then kill it wherever it is.
        await new Promise<void>((ok) => {
          const check = (): void => {
            if (out.split('\n').length > 3 + round) {
              child.stdout.off('data', check)
              ok()
            }
          }
          child.stdout.on('data', check)
        })
        await new Promise((r) => setTimeout(r, 7 * round))
        child.kill('SIGKILL')
        await new Promise((r) => child.once('exit', r))
        acknowledged.push(...out.split('\n').filter(Boolean))
      }
      const listed = new Set(await idsOf())
      expect(acknowledged.length).toBeGreaterThan(3)
      for (const id of acknowledged) expect(listed.has(id)).toBe(true)
      // Whatever the kill cut off was set aside, and the history is clean again.
      expect((await idsOf()).length).toBe(listed.size)
    }, 60_000)
  })
})

describe('atomic writes', () => {
  it('replaces a file whole', async () => {
    const file = join(dir, 'f.txt')
    await writeFile(file, 'old')
    await atomicWriteFile(file, 'new content')
    expect(await readFile(file, 'utf8')).toBe('new content')
    expect(await readdir(dir)).toEqual(['f.txt'])
  })

  it('leaves the old file untouched and no temporary file when writing fails midway', async () => {
    const file = join(dir, 'f.txt')
    await writeFile(file, 'old')
    await expect(
      atomicReplace(file, async (handle) => {
        await handle.write('half of the new')
        throw new Error('disk full')
      })
    ).rejects.toThrow('disk full')
    expect(await readFile(file, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['f.txt'])
  })
})

describe('a full disk', () => {
  /** Makes every FileHandle.write store only its first bytes, then fail with ENOSPC. */
  async function diskFullDuring<T>(op: () => Promise<T>, truncateFails = false): Promise<void> {
    const probe = await open(join(dir, '.probe'), 'w')
    const proto = Object.getPrototypeOf(probe) as FileHandle
    await probe.close()
    const write = proto.write as (this: FileHandle, data: Uint8Array) => Promise<unknown>
    const writeSpy = vi.spyOn(proto, 'write').mockImplementation(async function (
      this: FileHandle,
      buffer: unknown
    ) {
      await write.call(this, (buffer as Buffer).subarray(0, 40))
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    } as FileHandle['write'])
    const truncateSpy = truncateFails
      ? vi.spyOn(proto, 'truncate').mockRejectedValue(new Error('EIO'))
      : null
    try {
      await expect(op()).rejects.toThrow(/ENOSPC/)
    } finally {
      writeSpy.mockRestore()
      truncateSpy?.mockRestore()
    }
  }

  it('cuts a half-written line back off, so the history is as before', async () => {
    const store = createHistoryStore(dir)
    await store.append(sampleRun({}, 0))
    const before = await readFile(historyFile(), 'utf8')
    await diskFullDuring(() => store.append(sampleRun({}, 1)))
    expect(await readFile(historyFile(), 'utf8')).toBe(before)
    await store.append(sampleRun({}, 2))
    const listing = await createHistoryStore(dir).list()
    expect(listing.runs.map((r) => r.id)).toEqual(['run-000000', 'run-000002'])
    expect(listing.damaged).toEqual([])
  })

  it('loses no stored run even when the half-written line cannot be cut off', async () => {
    const store = createHistoryStore(dir)
    await store.append(sampleRun({}, 0))
    await diskFullDuring(() => store.append(sampleRun({}, 1)), true)
    // The next append finds the stub, sets it aside, and starts a fresh line.
    await store.append(sampleRun({}, 2))
    expect((await store.list()).damaged).toEqual([
      expect.objectContaining({ line: 2, reason: expect.stringMatching(/^not valid JSON/) })
    ])
    expect(await idsOf()).toEqual(['run-000000', 'run-000002'])
    expect((await readdir(dir)).filter((f) => f.startsWith('history.damaged-'))).toHaveLength(1)
  })
})

describe('summary index', () => {
  const indexFile = () => join(dir, 'history.index.json')

  const journalFile = () => join(dir, 'history.index-journal.jsonl')
  const journal = async () =>
    (await readFile(journalFile(), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))

  it('is saved beside the history; later appends go to its journal, one line each', async () => {
    const store = createHistoryStore(dir)
    await store.append(sampleRun({}, 0))
    await store.append(sampleRun({}, 1))
    await store.append(sampleRun({}, 2))
    const saved = JSON.parse(await readFile(indexFile(), 'utf8'))
    expect(saved.entries.map((e: { id: string }) => e.id)).toEqual(['run-000000'])
    const lines = await journal()
    expect(lines.map((l) => l.entry.id)).toEqual(['run-000001', 'run-000002'])
    expect(lines[0].from).toBe(saved.stamp)
    expect(lines[1].from).toBe(lines[0].to)
    expect(lines[0].entry.summary).toEqual(JSON.parse(JSON.stringify(summarize(sampleRun({}, 1)))))
  })

  it('is what a fresh store lists from, snapshot then journal, while they match the file', async () => {
    const store = createHistoryStore(dir)
    for (let i = 0; i < 3; i++) await store.append(sampleRun({}, i))
    const lines = await journal()
    lines[1].entry.summary.cpuModel = 'from the journal'
    await writeFile(journalFile(), lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
    const listing = await createHistoryStore(dir).list()
    expect(listing.runs.map((r) => r.id)).toEqual(['run-000000', 'run-000001', 'run-000002'])
    expect(listing.runs[2].cpuModel).toBe('from the journal')
  })

  it('reads the history whole when the journal does not chain on to the file', async () => {
    const store = createHistoryStore(dir)
    for (let i = 0; i < 3; i++) await store.append(sampleRun({}, i))
    const lines = await journal()
    for (const broken of [
      // A torn last line (a crash mid-append): the chain stops short of the file.
      lines
        .map((l) => JSON.stringify(l))
        .join('\n')
        .slice(0, -20),
      // A line that follows on from a stamp the snapshot never had.
      [lines[0], { ...lines[1], from: 'elsewhere' }].map((l) => JSON.stringify(l)).join('\n'),
      // An entry pointing outside the file it claims.
      [lines[0], { ...lines[1], entry: { ...lines[1].entry, length: 1e12 } }]
        .map((l) => JSON.stringify(l))
        .join('\n')
    ]) {
      await writeFile(journalFile(), broken)
      lines[1].entry.summary.cpuModel = 'not read'
      const listing = await createHistoryStore(dir).list()
      expect(listing.runs).toEqual([0, 1, 2].map((i) => summarize(sampleRun({}, i))))
    }
  })

  it('is saved whole again, and its journal emptied, every journalLimit appends', async () => {
    const store = createHistoryStore(dir, { journalLimit: 2 })
    for (let i = 0; i < 4; i++) await store.append(sampleRun({}, i))
    const saved = JSON.parse(await readFile(indexFile(), 'utf8'))
    // Run 0 saved whole, 1 and 2 journalled, 3 saved whole (the journal was full).
    expect(saved.entries).toHaveLength(4)
    await expect(readFile(journalFile(), 'utf8')).rejects.toThrow(/ENOENT/)
    await store.append(sampleRun({}, 4))
    expect((await journal()).map((l) => l.entry.id)).toEqual(['run-000004'])
    expect((await createHistoryStore(dir).list()).runs).toHaveLength(5)
  })

  it('is what a fresh store lists from while it matches the file', async () => {
    await createHistoryStore(dir).append(sampleRun({}, 0))
    const saved = JSON.parse(await readFile(indexFile(), 'utf8'))
    saved.entries[0].summary.cpuModel = 'from the index'
    await writeFile(indexFile(), JSON.stringify(saved))
    const listing = await createHistoryStore(dir).list()
    expect(listing.runs[0].cpuModel).toBe('from the index')
  })

  it('is ignored once the history changed behind it', async () => {
    await createHistoryStore(dir).append(sampleRun({}, 0))
    await writeFile(historyFile(), `${line(0)}\n${line(1)}\n`)
    expect(await idsOf()).toEqual(['run-000000', 'run-000001'])
  })

  it('is ignored, never trusted, when damaged', async () => {
    await createHistoryStore(dir).append(sampleRun({}, 0))
    const saved = JSON.parse(await readFile(indexFile(), 'utf8'))
    for (const bad of [
      '{"version":1,',
      JSON.stringify({ ...saved, entries: [{ ...saved.entries[0], length: 1e12 }] }),
      JSON.stringify({
        ...saved,
        entries: [{ ...saved.entries[0], summary: { id: 'run-000000' } }]
      }),
      JSON.stringify({ ...saved, entries: [saved.entries[0], saved.entries[0]] })
    ]) {
      await writeFile(indexFile(), bad)
      const listing = await createHistoryStore(dir).list()
      expect(listing.runs).toEqual([summarize(sampleRun({}, 0))])
    }
  })

  it('keeps a NaN speedup as NaN', async () => {
    // No 1-worker samples and no recovered T1: the speedup is unknown.
    const run = sampleRun({}, 0)
    run.results = run.results.filter((r) => r.workers !== 1)
    await createHistoryStore(dir).append(run)
    const listing = await createHistoryStore(dir).list()
    expect(listing.runs[0].points[0].speedup).toBeNaN()
    expect((await createHistoryStore(dir).get(run.id))?.results).toEqual(run.results)
  })
})
