import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/engine/types'
import { createHistoryStore } from '../../src/main/history/historyStore'
import { createBenchService } from '../../src/main/service/benchService'
import type { BenchServiceDeps } from '../../src/main/service/benchService'
import { sampleRun } from '../helpers/runRecord'

/** A PNG of one transparent pixel. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

const idleEngine: Engine = {
  busy: false,
  run: async () => sampleRun(),
  cancel: async () => false,
  dispose: async () => undefined
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'speedup-show-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function service(overrides: Partial<BenchServiceDeps> = {}) {
  const shown: string[] = []
  const history = createHistoryStore(join(dir, 'userData'))
  const svc = createBenchService({
    engine: idleEngine,
    history,
    systemInfo: () => sampleRun().system,
    emit: () => undefined,
    saveFile: async (options) => join(dir, options.defaultPath),
    showItemInFolder: (path) => shown.push(path),
    ...overrides
  })
  return { svc, shown, history }
}

describe('"Show in folder": main shows only files the app itself exported', () => {
  it('shows a file an export wrote', async () => {
    const { svc, shown, history } = service()
    await history.append(sampleRun({}, 0))
    const csv = await svc.handle('export:csv', { ids: ['run-000000'] })
    const png = await svc.handle('export:png', { name: 'chart', dataUrl: PNG })
    expect(csv.ok && png.ok).toBe(true)
    for (const result of [csv, png]) {
      if (!result.ok || !result.value.saved) throw new Error('expected a saved export')
      expect(await svc.handle('shell:show-in-folder', { path: result.value.path })).toEqual({
        ok: true,
        value: { shown: true }
      })
    }
    expect(shown).toHaveLength(2)
    expect(shown[0]).toMatch(/speedup-lab-.*\.csv$/)
    expect(shown[1]).toBe(join(dir, 'chart.png'))
  })

  it('refuses any other path, even one in the same folder, and shows nothing', async () => {
    const { svc, shown } = service()
    const png = await svc.handle('export:png', { name: 'chart', dataUrl: PNG })
    expect(png.ok).toBe(true)
    for (const path of [
      '/etc/passwd',
      join(dir, 'other.png'),
      `${dir}/sub/../chart.png`,
      `${join(dir, 'chart.png')} `
    ]) {
      const answer = await svc.handle('shell:show-in-folder', { path })
      expect(answer.ok, path).toBe(false)
      if (!answer.ok) {
        expect(answer.error.code).toBe('not-found')
        expect(answer.error.message).toContain('was not exported by Speedup Lab')
      }
    }
    expect(shown).toEqual([])
  })

  it('a cancelled export adds nothing to show', async () => {
    const { svc, shown } = service({ saveFile: async () => null })
    const png = await svc.handle('export:png', { name: 'chart', dataUrl: PNG })
    expect(png).toEqual({ ok: true, value: { saved: false } })
    const answer = await svc.handle('shell:show-in-folder', { path: join(dir, 'chart.png') })
    expect(!answer.ok && answer.error.code).toBe('not-found')
    expect(shown).toEqual([])
  })
})
