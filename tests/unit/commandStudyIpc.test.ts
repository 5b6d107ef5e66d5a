/**
 * A size sweep of your command asked for over IPC (the app's Scaling view):
 * main re-validates the payload with the one study schema the CLI uses
 * (a command without {size}, the sum's comparisons, a bad size: refused
 * before anything is asked or run), and runs nothing until the user confirmed
 * the exact command in the native dialog. Confirmed, it runs the command at
 * each value of {size}, ascending, asked once for the whole sweep.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/engine/types'
import { createHistoryStore } from '../../src/main/history/historyStore'
import { createBenchService } from '../../src/main/service/benchService'
import { defaultCommandSettings } from '../../src/shared/command/commandSettings'
import type { RunConfig } from '../../src/shared/config'
import { sampleRun } from '../helpers/runRecord'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'command-study-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const LINE = 'i=0; while [ $i -lt {size} ]; do i=$((i+1)); done'

const base = (line = LINE, size: number | undefined = 1): RunConfig => ({
  job: 'command',
  range: { start: 0, end: 1 },
  workers: [1, 2],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  warmup: 0,
  reps: 2,
  command: {
    ...defaultCommandSettings('workers'),
    line,
    ...(size !== undefined ? { size } : {})
  }
})

function setUp(answer: boolean) {
  const runs: RunConfig[] = []
  const asked: string[] = []
  const engine = {
    busy: false,
    async run(config: RunConfig) {
      runs.push(config)
      return { ...sampleRun(), config }
    },
    cancel: async () => false,
    dispose: async () => undefined
  } as unknown as Engine
  const service = createBenchService({
    engine,
    history: createHistoryStore(join(dir, 'userData')),
    systemInfo: () => sampleRun().system,
    emit: () => undefined,
    saveFile: async () => null,
    confirmCommand: async (text) => (asked.push(text), answer)
  })
  return { service, runs, asked }
}

describe("a command's size sweep over IPC", () => {
  it.each([
    ['a command without {size}', { base: base('true', undefined), sizes: [1, 2] }, 'size-unused'],
    ['a size that is not whole', { base: base(), sizes: [1, 2.5] }, 'not-integer'],
    ['no sizes at all', { base: base(), sizes: [] }, 'too-few'],
    [
      'the sum’s backend comparison',
      { base: base(), sizes: [1, 2], backends: ['thread'] },
      'command-study-sizes-only'
    ],
    [
      'CPU vs waiting',
      { base: base(), sizes: [1, 2], compareWorkloads: true },
      'command-study-sizes-only'
    ],
    ['a command on threads', { base: { ...base(), backend: 'thread' }, sizes: [1, 2] }, null]
  ])('refuses %s before asking or running anything', async (_what, payload, code) => {
    const { service, runs, asked } = setUp(true)
    const r = await service.handle('bench:study', payload)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid-input')
    if (code) expect(r.error.issues?.map((i) => i.code)).toContain(code)
    expect(asked).toEqual([])
    expect(runs).toEqual([])
  })

  it('runs nothing when the user does not confirm the command', async () => {
    const { service, runs, asked } = setUp(false)
    const r = await service.handle('bench:study', { base: base(), sizes: [1, 2] })
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(asked).toEqual([`--command ${LINE}`])
    expect(runs).toEqual([])
  })

  it('confirmed once, runs the command at each value of {size}, ascending, 1 worker vs N', async () => {
    const { service, runs, asked } = setUp(true)
    const r = await service.handle('bench:study', { base: base(), sizes: [20, 3] })
    expect(r.ok).toBe(true)
    expect(asked).toHaveLength(1)
    expect(runs.map((c) => [c.command?.size, c.workers, c.job, c.command?.line])).toEqual([
      [3, [1, 2], 'command', LINE],
      [20, [1, 2], 'command', LINE]
    ])
  })
})
