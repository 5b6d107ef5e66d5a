import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hangulInSources } from '../../scripts/hangul'

const ROOT = resolve(__dirname, '../..')

describe('the Hangul the renderer loads its face for', () => {
  const collected = hangulInSources([
    resolve(ROOT, 'src/renderer/src'),
    resolve(ROOT, 'src/shared')
  ])

  it('holds every syllable of the Korean catalog, once each', () => {
    const ko = readFileSync(resolve(ROOT, 'src/renderer/src/lib/i18n/ko.ts'), 'utf8')
    const syllables = new Set(ko.match(/[\uac00-\ud7a3]/gu))
    expect(syllables.size).toBeGreaterThan(100)
    for (const ch of syllables) expect(collected).toContain(ch)
    expect(new Set(collected).size).toBe([...collected].length)
  })

  it('holds nothing but Hangul', () => {
    expect(collected).toMatch(/^[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+$/u)
  })
})
