import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FINDING_CODES, STUDY_FINDING_CODES } from '../../../src/shared/analysis'
import { FINDING_CATALOGS, REPORT_LANGUAGES } from '../../../src/shared/report'

const SHARED = resolve(__dirname, '..', '..', '..', 'src', 'shared')

describe('the catalogs word every code of the analysis in every language', () => {
  for (const language of REPORT_LANGUAGES) {
    const catalog = FINDING_CATALOGS[language] as unknown as Record<string, unknown>
    for (const [family, codes] of Object.entries(FINDING_CODES)) {
      it(`${language}: every ${family} code has an entry`, () => {
        const entries = catalog[family] as Record<string, unknown> | undefined
        expect(entries, family).toBeTypeOf('object')
        const missing = codes.filter((code) => typeof entries![code] !== 'function')
        expect(missing, `${language}.${family}`).toEqual([])
        // And no entry for a code the analysis no longer returns.
        expect(Object.keys(entries!).sort()).toEqual([...codes].sort())
      })
    }
    it(`${language}: study findings are worded (their own entry or their family's)`, () => {
      const own = catalog.studyFinding as Record<string, unknown>
      const via: Record<string, string> = {
        'break-even': 'breakEven',
        'backend-comparison': 'backendComparison',
        'network-cost': 'networkCost',
        'workload-comparison': 'workloadComparison'
      }
      for (const code of STUDY_FINDING_CODES) {
        const found = typeof own[code] === 'function' || catalog[via[code]] !== undefined
        expect(found, code).toBe(true)
      }
    })
  }
})

/** Every relative import of a file in src/shared (type-only ones too), resolved to a file. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/(?:from|import)\s+'(\.[^']+)'/g)) {
    const base = resolve(dirname(file), m[1])
    for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
      try {
        if (statSync(candidate).isFile()) {
          out.push(candidate)
          break
        }
      } catch {
        // not this one
      }
    }
  }
  return out
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : []
  )
}

describe('src/shared: codes below, words above, no import cycle', () => {
  it('analysis/ never imports the report layer', () => {
    for (const file of filesUnder(join(SHARED, 'analysis'))) {
      const up = importsOf(file).filter((f) => f.startsWith(join(SHARED, 'report')))
      expect(up, file).toEqual([])
    }
  })

  it('no module of src/shared reaches itself through its imports', () => {
    const files = filesUnder(SHARED)
    const graph = new Map(files.map((f) => [f, importsOf(f)]))
    const state = new Map<string, 'open' | 'done'>()
    const cycles: string[] = []
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        const from = path.indexOf(file)
        cycles.push([...path.slice(from), file].map((f) => f.slice(SHARED.length + 1)).join(' → '))
        return
      }
      state.set(file, 'open')
      for (const next of graph.get(file) ?? []) visit(next, [...path, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(cycles).toEqual([])
  })
})
