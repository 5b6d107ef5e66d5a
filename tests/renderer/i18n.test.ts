import { describe, expect, it } from 'vitest'
import { defaultRunConfig, validateRunConfig } from '../../src/shared/config'
import { parseSizeList, validateStudyConfig } from '../../src/shared/study'
import { formatDateTime, formatDuration, formatElapsed } from '../../src/shared/format'
import { issueText } from '../../src/renderer/src/lib/i18n/issueText'
import type { ConfigIssue } from '../../src/shared/config'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { pickLanguage } from '../../src/renderer/src/lib/i18n/languages'

type Catalog = Record<string, unknown>

/** Every message as path → string or function, walking nested groups. */
function leaves(catalog: Catalog, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object') {
      for (const [p, v] of leaves(value as Catalog, path)) out.set(p, v)
    } else {
      out.set(path, value)
    }
  }
  return out
}

/**
 * A stand-in argument that reads as a distinct number where the message
 * compares or formats it and as a distinct marker where it is interpolated,
 * so the output says which arguments a message shows.
 */
function probe(index: number): { valueOf(): number; toString(): string } {
  const number = 900_001 + index * 1_111
  return {
    valueOf: () => number,
    toString: () => `⟦${index}⟧`,
    [Symbol.toPrimitive]: (hint: string) => (hint === 'number' ? number : `⟦${index}⟧`)
  } as unknown as { valueOf(): number; toString(): string }
}

/** Which of a message's arguments appear in its text (as the marker or the number in any grouping). */
function placeholders(message: (...args: unknown[]) => string): number[] {
  const args = Array.from({ length: message.length }, (_, i) => probe(i))
  const text = message(...args)
  const digits = text.replace(/[,.\s\u00a0\u202f]/g, '')
  return args
    .map((_, i) => i)
    .filter((i) => text.includes(`⟦${i}⟧`) || digits.includes(String(900_001 + i * 1_111)))
}

const english = leaves(en)
const korean = leaves(ko as unknown as Catalog)

describe('message catalogs', () => {
  it('Korean has every English key and no other', () => {
    const missing = [...english.keys()].filter((k) => !korean.has(k))
    const extra = [...korean.keys()].filter((k) => !english.has(k))
    expect(missing, 'missing in ko.ts').toEqual([])
    expect(extra, 'only in ko.ts').toEqual([])
  })

  it('every message is a non-empty string or a function of the same arity in both', () => {
    for (const [key, value] of english) {
      const other = korean.get(key)
      expect(typeof other, key).toBe(typeof value)
      if (typeof value === 'string') {
        expect(value.trim(), `en ${key}`).not.toBe('')
        expect((other as string).trim(), `ko ${key}`).not.toBe('')
      } else {
        expect(typeof value, key).toBe('function')
        expect((other as () => string).length, `arity of ${key}`).toBe(
          (value as () => string).length
        )
      }
    }
  })

  it('both languages show the same placeholders', () => {
    const differing: string[] = []
    for (const [key, value] of english) {
      if (typeof value !== 'function') continue
      const a = placeholders(value as (...args: unknown[]) => string)
      const b = placeholders(korean.get(key) as (...args: unknown[]) => string)
      if (a.join() !== b.join())
        differing.push(`${key}: en ${a.join() || '-'} vs ko ${b.join() || '-'}`)
    }
    expect(differing).toEqual([])
  })

  it('Korean is Korean: most strings carry Hangul', () => {
    const strings = [...korean.values()].filter((v): v is string => typeof v === 'string')
    const hangul = strings.filter((s) => /[\uac00-\ud7a3]/.test(s))
    expect(hangul.length / strings.length).toBeGreaterThan(0.7)
  })

  it('the probe catches a dropped placeholder', () => {
    const good = (count: number, path: string) => `${count} saved to ${path}`
    const dropped = (count: number, path: string) => `${count} saved` + (path ? '' : '')
    expect(placeholders(good as (...a: unknown[]) => string)).toEqual([0, 1])
    expect(placeholders(dropped as (...a: unknown[]) => string)).toEqual([0])
  })
})

describe('pickLanguage', () => {
  it('takes the first language the app speaks', () => {
    expect(pickLanguage(['ko-KR', 'en-US'])).toBe('ko')
    expect(pickLanguage(['ko'])).toBe('ko')
    expect(pickLanguage(['de-DE', 'ko-KR'])).toBe('ko')
    expect(pickLanguage(['en-GB'])).toBe('en')
    expect(pickLanguage(['fr-FR'])).toBe('en')
    expect(pickLanguage([])).toBe('en')
  })
})

describe('validation messages in Korean', () => {
  /** Inputs that between them raise every message the shared schema can give the form. */
  const bad: unknown[] = [
    {},
    { range: 'x', workers: 'x', workload: 'x', backend: 'x', pool: 'x', warmup: 'x', reps: 'x' },
    {
      range: { start: 1.5, end: 2 ** 60 },
      workers: [0, 1.5, 5000, 'x'],
      workload: 'split',
      backend: 'process',
      pool: 'warm',
      warmup: -1,
      reps: 0.5
    },
    {
      range: { start: 10, end: 5, extra: 1 },
      workers: [],
      workload: 'split',
      backend: 'process',
      pool: 'warm',
      warmup: 1000,
      reps: 100_000,
      more: true
    },
    {
      range: { start: 0, end: 2 ** 52 },
      workers: Array.from({ length: 65 }, (_, i) => i + 1),
      workload: 'weak',
      backend: 'process',
      pool: 'warm',
      warmup: 0,
      reps: 0
    }
  ]
  const issues: ConfigIssue[] = bad.flatMap((input) => {
    const result = validateRunConfig(input)
    return result.ok ? [] : result.issues
  })

  it('covers a good part of the schema', () => {
    expect(new Set(issues.map((i) => i.message)).size).toBeGreaterThan(15)
  })

  it('words every one of them from its code, keeping the numbers', () => {
    for (const issue of issues) expectKorean(issue)
  })

  it('English as the schema says it; an issue without a code as it came', () => {
    const reps = validateRunConfig({ ...defaultRunConfig(2), reps: 0 })
    expect(reps.ok).toBe(false)
    if (reps.ok) return
    expect(issueText(reps.issues[0], en)).toBe('reps must be at least 1')
    expect(issueText(reps.issues[0], ko)).toBe('반복 횟수: 1 이상이어야 합니다')
    expect(issueText({ field: 'x', message: 'something new' }, ko)).toBe('something new')
  })
})

/** Korean text from the issue's code: Hangul, and every number of the issue in it. */
function expectKorean(issue: ConfigIssue): void {
  expect(issue.code, issue.message).toBeDefined()
  expect(issue.code, issue.message).not.toBe('invalid')
  const korean = issueText(issue, ko)
  expect(korean, issue.message).toMatch(/[\uac00-\ud7a3]/)
  const digits = korean.replace(/,/g, '')
  for (const [key, value] of Object.entries(issue.params ?? {}))
    // A single copy is not shown: "start + size" rather than "start + size × 1".
    if (typeof value === 'number' && !(key === 'copies' && value === 1))
      expect(digits, issue.message).toContain(String(value))
}

describe('durations and numbers in both locales', () => {
  it('writes units the way each language does', () => {
    expect(formatDuration(421, 'en-US')).toBe('421 ms')
    expect(formatDuration(421, 'ko-KR')).toBe('421ms')
    expect(formatDuration(1234, 'en-US')).toBe('1.23 s')
    expect(formatDuration(1234, 'ko-KR')).toBe('1.23초')
    expect(formatDuration(125_000, 'en-US')).toBe('2 min 05 s')
    expect(formatDuration(125_000, 'ko-KR')).toBe('2분 05초')
    expect(formatElapsed(12_500, 'ko-KR')).toBe('12.5초')
  })

  it('formats dates for the locale', () => {
    const date = '2025-11-24T03:51:00Z'
    expect(formatDateTime(date, 'ko-KR')).toMatch(/2025년 11월 24일/)
    expect(formatDateTime(date, 'en-US')).toMatch(/Nov 24, 2025/)
  })
})

describe('study validation messages in Korean', () => {
  const base = {
    range: { start: 0, end: 1000 },
    workers: [1],
    workload: 'split',
    backend: 'process',
    pool: 'warm',
    warmup: 0,
    reps: 1
  }
  const bad: unknown[] = [
    { base },
    { base, sizes: [1.5, 2 ** 60, 0, 5, 5], backends: ['process', 'process', 'gpu'] },
    { base, sizes: [], backends: [] },
    { base: { ...base, range: { start: 2 ** 52, end: 2 ** 52 + 10 } }, sizes: [2 ** 52] },
    { base, sizes: 'x', backends: 'y' }
  ]
  const parses = ['', 'abc', '1.5e5', '1..2..3', '10..5', '1..1e400'].map((t) => parseSizeList(t))
  const issues: ConfigIssue[] = [
    ...bad.flatMap((input) => {
      const result = validateStudyConfig(input)
      return result.ok ? [] : result.issues
    }),
    ...parses.flatMap((p) =>
      p.ok ? [] : [{ field: 'sizes', message: p.message, code: p.code, params: p.params }]
    )
  ]

  it('words every one of them from its code, keeping the numbers', () => {
    expect(new Set(issues.map((i) => i.message)).size).toBeGreaterThan(12)
    for (const issue of issues) expectKorean(issue)
  })
})
