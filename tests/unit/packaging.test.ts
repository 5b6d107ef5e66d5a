import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Configuration } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import {
  loadBuilderConfig,
  pngInfo,
  productionPackageDirs,
  ROOT,
  validateWithElectronBuilder
} from '../helpers/packaging'

const config = loadBuilderConfig()
const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const RGBA = 6

/** A platform's target names, whatever form the YAML gives them in. */
function targetNames(platform: { target?: unknown } | null | undefined): string[] {
  const target = platform?.target
  const list = Array.isArray(target) ? target : target == null ? [] : [target]
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target))
}

const asList = (v: unknown): string[] =>
  v == null ? [] : Array.isArray(v) ? (v as string[]) : [v as string]

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema check (and that check does reject a typo)', async () => {
    await expect(validateWithElectronBuilder(config)).resolves.toBeUndefined()
    const typo = {
      ...config,
      electronFuses: { ...config.electronFuses, runasnode: false }
    } as unknown as Configuration
    await expect(validateWithElectronBuilder(typo)).rejects.toThrow(/electronFuses/)
  })

  it('names the app', () => {
    expect(config.appId).toBe('dev.speeduplab.app')
    expect(config.productName).toBe('Speedup Lab')
    expect(config.directories?.output).toBe('dist')
    expect(config.directories?.buildResources).toBe('build')
  })

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb'])
    expect(targetNames(config.win)).toEqual(['nsis'])
    expect(targetNames(config.mac)).toEqual(['dmg'])
  })

  it('gives Linux a desktop category and the deb a maintainer with an address', () => {
    expect(['Development', 'Science', 'Education']).toContain(config.linux?.category)
    expect(config.linux?.maintainer).toMatch(/^[^<>]+ <[^@\s<>]+@[^@\s<>]+\.[a-z]+>$/)
    expect(config.linux?.executableName).toBe('speedup-lab')
    expect(config.mac?.category).toMatch(/^public\.app-category\./)
  })

  it('sets the release fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true
    })
  })

  it('packs into an asar and neither rebuilds nor compiles native modules', () => {
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
    expect(config.nodeGypRebuild).toBe(false)
    expect(config.buildDependenciesFromSource).toBe(false)
  })

  it('ships out/ and package.json only (electron-builder adds the production dependencies)', () => {
    const files = asList(config.files)
    const included = files.filter((f) => !f.startsWith('!'))
    expect(included.sort()).toEqual(['out/**', 'package.json'])
    expect(files.join(' ')).not.toMatch(/\b(src|tests|perf|scripts)\//)
    // Only the worker leaves the asar (worker_threads cannot read inside one).
    expect(asList(config.asarUnpack)).toEqual(['out/main/worker.js'])
  })

  it('has the per-platform dist scripts, each building first', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>
      }
    ).scripts
    expect(scripts.dist).toBe('npm run build && electron-builder')
    for (const [name, flag] of [
      ['dist:linux', '--linux'],
      ['dist:win', '--win'],
      ['dist:mac', '--mac']
    ]) {
      expect(scripts[name]).toBe(`npm run build && electron-builder ${flag}`)
    }
  })
})

describe('icons', () => {
  it('come from one vector source', () => {
    const svg = readFileSync(join(ROOT, 'build/icon.svg'), 'utf8')
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/)
    expect(readFileSync(join(ROOT, 'scripts/generate-icons.mjs'), 'utf8')).toContain(
      'build/icon.svg'
    )
  })

  it('are committed at every size, square, with transparency', () => {
    const names = readdirSync(join(ROOT, 'build/icons')).sort()
    expect(names).toEqual(ICON_SIZES.map((s) => `${s}x${s}.png`).sort())
    for (const size of ICON_SIZES) {
      expect(pngInfo(join(ROOT, `build/icons/${size}x${size}.png`))).toEqual({
        width: size,
        height: size,
        colourType: RGBA
      })
    }
    expect(pngInfo(join(ROOT, 'build/icon.png'))).toEqual({
      width: 512,
      height: 512,
      colourType: RGBA
    })
  })

  it('referenced by the configuration exist, large enough for .ico (256) and .icns (512)', () => {
    const icon = (p: string | null | undefined): string => {
      expect(p, 'icon path set').toBeTruthy()
      const file = join(ROOT, p!)
      expect(existsSync(file), `${p} exists`).toBe(true)
      return file
    }
    expect(pngInfo(icon(config.icon)).width).toBeGreaterThanOrEqual(512)
    expect(statSync(icon(config.linux?.icon)).isDirectory()).toBe(true)
    const win = pngInfo(icon(config.win?.icon))
    expect(win.width).toBe(win.height)
    expect(win.width).toBeGreaterThanOrEqual(256)
    const mac = pngInfo(icon(config.mac?.icon))
    expect(mac.width).toBe(mac.height)
    expect(mac.width).toBeGreaterThanOrEqual(512)
  })
})

describe('production dependencies', () => {
  it('are plain JavaScript: no binding.gyp, no .node binaries, no install scripts that build', () => {
    const dirs = productionPackageDirs()
    expect(dirs.map((d) => d.split('node_modules/').at(-1))).toEqual(
      expect.arrayContaining(['zod', 'simple-statistics', 'papaparse'])
    )
    const native: string[] = []
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules') walk(path)
        } else if (entry.name === 'binding.gyp' || entry.name.endsWith('.node')) native.push(path)
      }
    }
    for (const dir of dirs) {
      walk(dir)
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        gypfile?: boolean
        scripts?: Record<string, string>
      }
      if (pkg.gypfile || pkg.scripts?.install || pkg.scripts?.postinstall) native.push(dir)
    }
    expect(native).toEqual([])
  })
})
