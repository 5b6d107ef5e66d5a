import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { approvalHash, fileCommandApprovals } from '../../src/main/commands/commandApprovals'
import { confirmCommandRun } from '../../src/main/commands/commandGate'
import { confirmCommandDialog } from '../../src/main/commands/confirmCommandText'
import { createBenchService } from '../../src/main/service/benchService'
import { createHistoryStore } from '../../src/main/history/historyStore'
import type { Engine } from '../../src/engine/types'
import { defaultCommandSettings } from '../../src/shared/command/commandSettings'
import type { CommandSettings } from '../../src/shared/command/commandSettings'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'command-gate-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const settings = (o: Partial<CommandSettings> = {}): CommandSettings => ({
  ...defaultCommandSettings(),
  line: 'xz -T{workers} -c data.bin',
  ...o
})

describe('the command approvals store', () => {
  it('remembers a confirmed text by its hash, across restarts, and nothing of its words', async () => {
    const path = join(dir, 'approvals.json')
    const a = fileCommandApprovals(path)
    expect(await a.isApproved('rm -rf build')).toBe(false)
    await a.approve('rm -rf build')
    expect(await a.isApproved('rm -rf build')).toBe(true)
    const restarted = fileCommandApprovals(path)
    expect(await restarted.isApproved('rm -rf build')).toBe(true)
    expect(await restarted.isApproved('rm -rf build ')).toBe(false)
    const file = await readFile(path, 'utf8')
    expect(file).toContain(approvalHash('rm -rf build'))
    expect(file).not.toContain('rm -rf')
  })

  it('a damaged file forgets every approval (asks again) and never throws', async () => {
    const path = join(dir, 'approvals.json')
    await writeFile(path, '{ not json')
    const a = fileCommandApprovals(path)
    expect(await a.isApproved('x')).toBe(false)
    await a.approve('x')
    expect(await fileCommandApprovals(path).isApproved('x')).toBe(true)
  })
})

describe('confirmCommandRun: main asks before a command first runs', () => {
  it('refuses when the user declines, and remembers nothing', async () => {
    const asked: string[] = []
    const approvals = fileCommandApprovals(join(dir, 'a.json'))
    const gate = {
      commandApprovals: approvals,
      confirmCommand: async (t: string) => (asked.push(t), false)
    }
    await expect(confirmCommandRun(settings(), gate)).rejects.toMatchObject({
      error: { code: 'forbidden' }
    })
    expect(asked).toEqual(['--command xz -T{workers} -c data.bin'])
    await expect(confirmCommandRun(settings(), gate)).rejects.toMatchObject({
      error: { code: 'forbidden' }
    })
    expect(asked).toHaveLength(2)
  })

  it('asks once per distinct command: the same one runs again without asking, another folder asks', async () => {
    const asked: string[] = []
    const gate = {
      commandApprovals: fileCommandApprovals(join(dir, 'a.json')),
      confirmCommand: async (t: string) => (asked.push(t), true)
    }
    await confirmCommandRun(settings(), gate)
    await confirmCommandRun(settings(), gate)
    expect(asked).toHaveLength(1)
    await confirmCommandRun(settings({ cwd: '/elsewhere' }), gate)
    expect(asked).toHaveLength(2)
    expect(asked[1]).toContain('--cwd /elsewhere')
  })

  it('with nobody to ask, a command is refused', async () => {
    await expect(confirmCommandRun(settings(), {})).rejects.toMatchObject({
      error: { code: 'forbidden' }
    })
  })

  it('the dialog shows the exact text, in English or Korean', () => {
    expect(confirmCommandDialog('en-US', 'xz -T2').detail.startsWith('xz -T2\n')).toBe(true)
    const ko = confirmCommandDialog('ko-KR', 'xz -T2')
    expect(ko.detail.startsWith('xz -T2\n')).toBe(true)
    expect(ko.buttons).toEqual(['실행', '취소'])
  })
})

describe('dialog:choose-folder', () => {
  const engine = {
    busy: false,
    run: async () => {
      throw new Error('no')
    },
    cancel: async () => false,
    dispose: async () => undefined
  } as unknown as Engine
  const service = (chooseFolder?: () => Promise<string | null>) =>
    createBenchService({
      engine,
      history: createHistoryStore(join(dir, 'userData')),
      saveFile: async () => null,
      systemInfo: () => ({}) as never,
      emit: () => undefined,
      chooseFolder
    })

  it('answers the folder chosen, or that none was', async () => {
    expect(await service(async () => '/data/x').handle('dialog:choose-folder', undefined)).toEqual({
      ok: true,
      value: { chosen: true, path: '/data/x' }
    })
    expect(await service(async () => null).handle('dialog:choose-folder', undefined)).toEqual({
      ok: true,
      value: { chosen: false }
    })
  })

  it('refuses a payload (main picks the folder, never the renderer)', async () => {
    const r = await service(async () => '/x').handle('dialog:choose-folder', { path: '/etc' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
