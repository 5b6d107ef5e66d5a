import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'

const source = (file: string): string =>
  readFileSync(join(__dirname, '../../src/renderer/src/components', file), 'utf8')

describe('every statistical term the app shows has its plain words, in English and Korean', () => {
  it('USL σ and κ, R² and PSS each have a tooltip in both languages', () => {
    for (const key of ['usl', 'rSquared', 'pss'] as const) {
      expect(en.tips[key].length, key).toBeGreaterThan(40)
      expect(ko.tips[key], key).toMatch(/[\uac00-\ud7a3]/)
    }
    expect(en.tips.usl).toMatch(/σ \(contention\).*κ \(coherence\)/)
    expect(ko.tips.usl).toMatch(/σ\(경합\).*κ\(일관성\)/)
  })

  it('the statistics and the backends table attach them to the term itself', () => {
    const stats = source('Scaling/RunStatistics.svelte')
    expect(stats).toContain('<Tip label={m.fitUsl} tip={tips.usl} />')
    expect(stats).toContain('<Tip label={m.fitR2} tip={tips.rSquared} />')
    expect(source('Scaling/BackendComparison.svelte')).toContain(
      '<Tip label={m.colPss} tip={i18n.m.tips.pss} />'
    )
  })
})
