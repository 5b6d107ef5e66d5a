import { describe, expect, it } from 'vitest'
import { defaultRunConfig, validateRunConfig } from '../../src/shared/config'
import type { ConfigIssue } from '../../src/shared/config'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { issueText } from '../../src/renderer/src/lib/i18n/issueText'
import { ko } from '../../src/renderer/src/lib/i18n/ko'

const good = defaultRunConfig(2)
const BAD: unknown[] = [
  {},
  null,
  {
    ...good,
    range: { start: 1.5, end: 2 ** 60 },
    workers: [0, 300, 1.5],
    workload: 'x',
    reps: 0,
    warmup: 'a',
    seed: 'a',
    extra: 1
  },
  { ...good, range: { start: 5, end: 5 } },
  { ...good, workers: [] },
  { ...good, workers: Array.from({ length: 65 }, (_, i) => i + 1) },
  { ...good, workers: 'x', reps: 1000, warmup: 50, range: 3 },
  { ...good, workload: 'weak', range: { start: 0, end: 2 ** 52 }, workers: [4] },
  // reps is a number or 'auto' (issue 9): a union, worded from its code too.
  { ...good, reps: 'many' },
  { ...good, reps: 2.5 },
  // The cluster backend's server (issue 11).
  { ...good, backend: 'cluster' },
  { ...good, backend: 'cluster', cluster: { server: 'http://x' } }
]

const issues: ConfigIssue[] = BAD.flatMap((input) => {
  const r = validateRunConfig(input)
  return r.ok ? [] : r.issues
})

describe('validation issues come as codes, worded by each front end', () => {
  it('every issue of the run schema carries a code (never "invalid")', () => {
    expect(issues.length).toBeGreaterThan(15)
    for (const issue of issues) {
      expect(issue.code, issue.message).toBeDefined()
      expect(issue.code, issue.message).not.toBe('invalid')
    }
    const codes = new Set(issues.map((i) => i.code))
    for (const code of [
      'required',
      'not-integer',
      'not-safe-integer',
      'too-small',
      'too-big',
      'one-of',
      'unknown-fields',
      'range-empty',
      'weak-unsafe',
      'too-many',
      'too-few',
      'not-a-list',
      'not-an-object',
      'not-a-number',
      'not-a-number-or-auto',
      'server-required',
      'server-invalid'
    ])
      expect(codes, code).toContain(code)
  })

  it('Korean from the code, keeping the numbers; English as the schema says it', () => {
    for (const issue of issues) {
      const korean = issueText(issue, ko)
      expect(korean, issue.message).toMatch(/[\uac00-\ud7a3]/)
      for (const number of Object.values(issue.params ?? {}).filter((v) => typeof v === 'number'))
        expect(korean, issue.message).toContain(String(number))
      expect(issueText(issue, en).length).toBeGreaterThan(0)
    }
    const byCode = (code: string): ConfigIssue => issues.find((i) => i.code === code)!
    expect(issueText(byCode('range-empty'), en)).toBe(
      'end must be greater than start (an empty range has nothing to sum)'
    )
    expect(issueText(byCode('range-empty'), en)).toBe(byCode('range-empty').message)
    // warmup is a number or 'auto' too (issue 19): each union names its own field.
    const repsIssue = issues.find((i) => i.code === 'not-a-number-or-auto' && i.field === 'reps')!
    expect(issueText(repsIssue, en)).toBe('reps must be a number or auto')
    const warmupIssue = issues.find(
      (i) => i.code === 'not-a-number-or-auto' && i.field === 'warmup'
    )!
    expect(issueText(warmupIssue, en)).toBe('warmup must be a number or auto')
    expect(issueText(repsIssue, ko)).toBe('반복 횟수: 숫자 또는 auto여야 합니다')
    expect(issueText(byCode('server-required'), ko)).toBe('NATS 서버를 입력해 주세요')
    expect(issueText(byCode('server-invalid'), en)).toBe(
      `NATS server: ${byCode('server-invalid').message}`
    )
    const fractional = issues.find(
      (i) => i.field === 'reps' && i.message === 'reps must be an integer'
    )
    expect(fractional?.code).toBe('not-integer')
    expect(
      issueText({ field: 'reps', message: '', code: 'too-small', params: { min: 1 } }, en)
    ).toBe('reps must be at least 1')
    expect(
      issueText({ field: 'reps', message: '', code: 'too-small', params: { min: 1 } }, ko)
    ).toBe('반복 횟수: 1 이상이어야 합니다')
  })

  it('the run form no longer pattern-matches English messages', async () => {
    const { readFileSync } = await import('node:fs')
    const form = readFileSync('src/renderer/src/lib/state/runForm.svelte.ts', 'utf8')
    expect(form).not.toContain('localizeIssue')
    expect(form).toContain('issueText')
  })
})
