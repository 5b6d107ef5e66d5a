/**
 * Issue 19: internal names never reach the user. Every message of the app's
 * catalogs (English and Korean) is rendered with sample parameters, and
 * every text fails on what only the code should know: camelCase keys,
 * snake_case names, codes of three or more hyphenated parts
 * (slow-first-repetition), enum values joined by an arrow ("process →
 * thread"), and, in Korean, an enum value left in Latin letters.
 */
import { describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { differenceText } from '../../src/renderer/src/lib/compareDifference'
import { rawIdentifiers } from '../helpers/rawIdentifiers'

type Leaf = { path: string; text: string }

/** Sample arguments: numbers first (counts, sizes); where a message needs text, words. */
const SAMPLES: unknown[][] = [
  [2, 3, 4, 5, 6, 7],
  ['2', '3', '4', '5', '6', '7']
]

function leaves(node: unknown, path: string, out: Leaf[]): Leaf[] {
  if (typeof node === 'string') out.push({ path, text: node })
  else if (typeof node === 'function') {
    for (const args of SAMPLES) {
      try {
        const text = (node as (...a: unknown[]) => unknown)(...args.slice(0, node.length))
        if (typeof text === 'string') out.push({ path: `${path}(${args[0]})`, text })
      } catch {
        // a message that wants another kind of argument: the other sample
      }
    }
  } else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) leaves(value, `${path}.${key}`, out)
  return out
}

describe('the app’s catalogs show no internal names', () => {
  for (const [language, catalog] of [
    ['en', en],
    ['ko', ko]
  ] as const) {
    it(`${language}: every message, rendered`, () => {
      const all = leaves(catalog, language, [])
      expect(all.length).toBeGreaterThan(800)
      const found = all.flatMap(({ path, text }) =>
        rawIdentifiers(text, language).map((raw) => `${path}: “${raw}” in “${text}”`)
      )
      expect(found).toEqual([])
    })
  }
})

describe('Compare names a setting and its values as the form does', () => {
  const differences = [
    { field: 'pool', baseline: 'cold', candidate: 'warm' },
    { field: 'backend', baseline: 'process', candidate: 'thread' },
    { field: 'backend', baseline: 'cluster', candidate: 'async' },
    { field: 'workload', baseline: 'split', candidate: 'replicate' },
    { field: 'workload', baseline: 'weak', candidate: 'split' },
    { field: 'serial', baseline: 'true', candidate: 'false' },
    { field: 'warmup', baseline: 'auto', candidate: '1' },
    { field: 'kernel', baseline: 'js', candidate: 'wasm' }
  ]
  for (const [language, m] of [
    ['en', en],
    ['ko', ko]
  ] as const)
    it(`${language}: “Processes → Threads”, never “process → thread”`, () => {
      const texts = differences.map((d) => differenceText(d, m))
      const found = texts.flatMap((t) => rawIdentifiers(t, language).map((raw) => `${raw} in ${t}`))
      expect(found).toEqual([])
      expect(texts[1]).toContain(language === 'en' ? 'Processes → Threads' : '프로세스 → 스레드')
    })
})

describe('the rule', () => {
  it('finds internal names and passes words', () => {
    expect(rawIdentifiers('Compared across backend: process → thread', 'en')).toEqual([
      'process → thread'
    ])
    expect(rawIdentifiers('see slow-first-repetition and speedupError', 'en')).toEqual([
      'speedupError',
      'slow-first-repetition'
    ])
    expect(rawIdentifiers('pool이(가) 다릅니다: cold → warm', 'ko')).toEqual([
      'cold → warm',
      'cold',
      'warm'
    ])
    expect(rawIdentifiers('여기의 async 백엔드', 'ko')).toEqual(['async'])
    expect(rawIdentifiers('Processes → Threads, a warm-up, 1e6 or 100_000', 'en')).toEqual([])
    expect(rawIdentifiers('워커 없음(async), --warmup 5, {size}', 'ko')).toEqual([])
  })
})
