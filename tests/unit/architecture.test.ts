/**
 * docs/ARCHITECTURE.md is kept true to the tree (issue 17): it names every
 * folder under src/, names no folder that is gone, and the Electron-free
 * engine stays free of the app (nothing in src/cli, src/engine or src/worker
 * reaches src/main or electron, whatever the depth of the relative path).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '..', '..')
const SRC = join(ROOT, 'src')
const DOC = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8')

/** Every folder under `dir`, as repository paths with a trailing slash (`src/engine/`). */
function foldersUnder(dir: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const path = join(dir, entry.name)
    found.push(`${relative(ROOT, path).split(sep).join('/')}/`, ...foldersUnder(path))
  }
  return found
}

/** Every source file under `dir` (TypeScript, JavaScript, Svelte). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(path)
    return /\.(ts|mts|js|mjs|svelte)$/.test(entry.name) ? [path] : []
  })
}

/** The modules a file imports: static, dynamic, re-exports, side-effect imports and require. */
export function specifiersOf(text: string): string[] {
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g
  ]
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]))
}

describe('docs/ARCHITECTURE.md matches the tree (issue 17)', () => {
  const folders = foldersUnder(SRC)

  it('finds the tree it checks', () => {
    // A control: the walk sees nested folders, so an empty list cannot pass by accident.
    expect(folders).toContain('src/engine/')
    expect(folders).toContain('src/engine/workloads/wait/')
    expect(folders.length).toBeGreaterThan(20)
  })

  it('names every folder under src/ (as `src/…/`)', () => {
    const missing = folders.filter((f) => !DOC.includes(`\`${f}\``))
    expect(missing, 'folders docs/ARCHITECTURE.md does not name').toEqual([])
  })

  it('names no folder under src/ that does not exist', () => {
    const named = [...DOC.matchAll(/`(src\/[^`\s]*\/)`/g)].map((m) => m[1])
    expect(named.length).toBeGreaterThan(20)
    const gone = named.filter(
      (f) => !existsSync(join(ROOT, f)) || !statSync(join(ROOT, f)).isDirectory()
    )
    expect(gone, 'folders docs/ARCHITECTURE.md names that are gone').toEqual([])
  })
})

describe('one Electron-free engine: src/cli, src/engine and src/worker never import src/main', () => {
  const MAIN = join(SRC, 'main')
  const intoApp = (file: string, spec: string): boolean => {
    if (spec === 'electron' || spec.startsWith('electron/')) return true
    if (!spec.startsWith('.')) return false
    const target = resolve(dirname(file), spec)
    return target === MAIN || target.startsWith(MAIN + sep)
  }

  it('reads every kind of import (a control for the check below)', () => {
    const specs = specifiersOf(
      [
        `import { a } from '../../../main'`,
        `export * from "../main/index"`,
        `import '../../main/side'`,
        `const m = await import('../main/lazy')`,
        `const r = require('electron')`
      ].join('\n')
    )
    expect(specs).toEqual([
      '../../../main',
      '../main/index',
      '../../main/side',
      '../main/lazy',
      'electron'
    ])
    const file = join(SRC, 'engine', 'workloads', 'wait', 'index.ts')
    expect(intoApp(file, '../../../main')).toBe(true)
    expect(intoApp(file, '../../../main/history/historyStore')).toBe(true)
    expect(intoApp(file, '../../../shared/config')).toBe(false)
  })

  it('holds for every file', () => {
    const offenders = ['cli', 'engine', 'worker'].flatMap((layer) =>
      filesUnder(join(SRC, layer)).flatMap((file) =>
        specifiersOf(readFileSync(file, 'utf8'))
          .filter((spec) => intoApp(file, spec))
          .map((spec) => `${relative(ROOT, file)} imports ${spec}`)
      )
    )
    expect(offenders).toEqual([])
  })
})
