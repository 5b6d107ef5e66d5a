import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appMenuTemplate, MENU_LABELS, menuLabels } from '../../src/main/menu/appMenu'
import { securePreferences } from '../../src/main/window/securePreferences'
import {
  DEFAULT_WINDOW_STATE,
  fitToScreens,
  loadWindowState,
  saveWindowState
} from '../../src/main/window/windowState'
import type { MenuCommand } from '../../src/shared/ipc'

describe('window hardening', () => {
  it('isolates and sandboxes the renderer, without Node, with web security on', () => {
    const prefs = securePreferences('/app/out/preload/index.js')
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs).not.toHaveProperty('additionalArguments')
  })
})

describe('window state', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'window-state-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  const screenA = { x: 0, y: 0, width: 1920, height: 1040 }

  it('round-trips through its file', async () => {
    const file = join(dir, 'window-state.json')
    const state = { x: 100, y: 80, width: 1300, height: 900, maximized: true }
    await saveWindowState(file, state)
    expect(await loadWindowState(file)).toEqual(state)
  })

  it('falls back to the default for a missing, damaged or out-of-range file', async () => {
    const file = join(dir, 'window-state.json')
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
    for (const bad of ['{"width":', '{"width":10,"height":10,"maximized":false}', '[]', 'null']) {
      await writeFile(file, bad)
      expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
    }
  })

  it('does not save a state it could not load back', async () => {
    const file = join(dir, 'window-state.json')
    await saveWindowState(file, { width: Number.NaN, height: 10, maximized: false })
    await expect(readFile(file)).rejects.toThrow()
  })

  it('keeps a window that is on a screen where it was', () => {
    const state = { x: 50, y: 40, width: 1200, height: 800, maximized: false }
    expect(fitToScreens(state, [screenA])).toEqual(state)
  })

  it('centres a window saved on a screen that is gone, and shrinks it to fit', () => {
    const state = { x: 3000, y: 40, width: 2500, height: 800, maximized: false }
    expect(fitToScreens(state, [screenA])).toEqual({ width: 1920, height: 800, maximized: false })
    // On the second screen it is visible again.
    expect(fitToScreens(state, [screenA, { x: 1920, y: 0, width: 2560, height: 1400 }])).toEqual(
      state
    )
  })
})

describe('app menu', () => {
  type Item = { label?: string; accelerator?: string; click?: () => void; submenu?: Item[] }
  const items = (platform: NodeJS.Platform) => {
    const sent: MenuCommand[] = []
    const flat = (list: Item[]): Item[] => list.flatMap((i) => [i, ...flat(i.submenu ?? [])])
    return { all: flat(appMenuTemplate((c) => sent.push(c), platform) as Item[]), sent }
  }

  it('sends Run, Cancel and Export CSV to the renderer with their shortcuts', () => {
    const { all, sent } = items('linux')
    const byLabel = (label: string) => all.find((i) => i.label === label)!
    expect(byLabel('Run benchmark').accelerator).toBe('CmdOrCtrl+Enter')
    expect(byLabel('Cancel run').accelerator).toBe('CmdOrCtrl+.')
    expect(byLabel('Export CSV…').accelerator).toBe('CmdOrCtrl+E')
    byLabel('Run benchmark').click!()
    byLabel('Cancel run').click!()
    byLabel('Export CSV…').click!()
    expect(sent).toEqual(['run', 'cancel', 'export-csv'])
  })

  it('speaks the OS language: Korean labels for ko-*, the same commands and shortcuts', () => {
    expect(menuLabels('ko-KR')).toBe(MENU_LABELS.ko)
    expect(menuLabels('ko')).toBe(MENU_LABELS.ko)
    expect(menuLabels('en-GB')).toBe(MENU_LABELS.en)
    expect(menuLabels('de')).toBe(MENU_LABELS.en)
    const sent: MenuCommand[] = []
    type Flat = { label?: string; accelerator?: string; click?: () => void; submenu?: Flat[] }
    const flat = (list: Flat[]): Flat[] => list.flatMap((i) => [i, ...flat(i.submenu ?? [])])
    const all = flat(appMenuTemplate((c) => sent.push(c), 'linux', MENU_LABELS.ko) as Flat[])
    const run = all.find((i) => i.label === '벤치마크 실행')!
    expect(run.accelerator).toBe('CmdOrCtrl+Enter')
    run.click!()
    all.find((i) => i.label === '벤치마크 취소')!.click!()
    all.find((i) => i.label === 'HTML 보고서 내보내기…')!.click!()
    expect(sent).toEqual(['run', 'cancel', 'export-html'])
    // No English words left in the app's own items (CSV and HTML are formats' names).
    const english = all.filter((i) =>
      /[A-Za-z]{3}/.test((i.label ?? '').replace('CSV', '').replace('HTML', ''))
    )
    expect(english).toEqual([])
  })

  it('leaves Reload and DevTools out of a packaged build (a development build keeps them)', () => {
    type Role = { role?: string; label?: string; submenu?: Role[] }
    const flat = (list: Role[]): Role[] => list.flatMap((i) => [i, ...flat(i.submenu ?? [])])
    const forbidden = ['reload', 'forceReload', 'toggleDevTools', 'viewMenu']
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const labels of [MENU_LABELS.en, MENU_LABELS.ko]) {
        const packaged = flat(
          appMenuTemplate(() => undefined, platform, labels, { packaged: true }) as Role[]
        )
        const roles = packaged.map((i) => i.role).filter(Boolean)
        for (const role of forbidden) expect(roles, `${platform} ${role}`).not.toContain(role)
        // Zoom and full screen remain, under the View menu.
        expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'togglefullscreen']))
        expect(packaged.some((i) => i.label === labels.view)).toBe(true)
      }
      const dev = appMenuTemplate(() => undefined, platform) as Role[]
      expect(dev.map((i) => i.role)).toContain('viewMenu')
    }
    expect(securePreferences('/p.js', { devTools: false }).devTools).toBe(false)
    expect(securePreferences('/p.js').devTools).toBe(true)
  })

  it('has no two items with the same shortcut, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const keys = items(platform).all.flatMap((i) => (i.accelerator ? [i.accelerator] : []))
      expect(keys.length).toBeGreaterThan(2)
      expect(new Set(keys).size).toBe(keys.length)
    }
  })
})
