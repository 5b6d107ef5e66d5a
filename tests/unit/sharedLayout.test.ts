import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SHARED = join(__dirname, '..', '..', 'src', 'shared')
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1])

describe('src/shared layout: stats/ is pure math, analysis/ is the domain', () => {
  it('stats/ never imports anything of the project outside itself', () => {
    for (const name of readdirSync(join(SHARED, 'stats'))) {
      const outside = importsOf(join(SHARED, 'stats', name)).filter(
        (spec) => spec.startsWith('.') && !spec.startsWith('./')
      )
      expect(outside, name).toEqual([])
    }
  })

  it('analysis/ reads stats/ but no serializer or front end', () => {
    for (const name of readdirSync(join(SHARED, 'analysis'))) {
      const bad = importsOf(join(SHARED, 'analysis', name)).filter((spec) =>
        /(csv|runExport|markdownReport|runVerdict|recordsJson|renderer|cli|main)(\/|$)/.test(spec)
      )
      expect(bad, name).toEqual([])
    }
  })
})
