/**
 * The verdict that leads the Results tab (lib/results/verdictHeadline.ts):
 * the best significant speedup with its interval, or "no significant
 * speedup" and why, in the user's language.
 */
import { describe, expect, it } from 'vitest'
import { analyzeRun } from '../../src/shared/analysis/analyzeRun'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { verdictHeadline } from '../../src/renderer/src/lib/results/verdictHeadline'
import { idealSpeedup } from '../../src/renderer/src/lib/results/idealLine'
import { syntheticRun } from '../helpers/syntheticRun'

/** n wall times spread evenly ± spread around center, in a scrambled order. */
const around = (center: number, spread: number, n = 6): number[] =>
  Array.from({ length: n }, (_, i) => center + spread * (((i * 7) % n) / (n - 1) - 0.5) * 2)

const HANGUL = /[\uac00-\ud7a3]/
const ENGLISH_WORDS = /\b(workers?|faster|slower|speedup|interval|overhead|repetitions?|job)\b/i

describe('the Results verdict: a clear speedup', () => {
  // 1 worker 1 s, 2 workers 518 ms: 1.93×, 6 repetitions each, narrow spread.
  const run = syntheticRun([
    { workers: 1, wallMs: around(1000, 3) },
    { workers: 2, wallMs: around(518, 2) }
  ])
  const a = analyzeRun(run)

  it('names the worker count, the speedup and its 95% interval', () => {
    expect(a.verdict.code).toBe('faster')
    const h = verdictHeadline(a, en, 'en-US')
    const { lower, upper } = a.verdict.interval!
    expect(h.tone).toBe('good')
    expect(h.title).toBe(
      `2 workers: ${a.verdict.speedup!.toFixed(2)}× faster (95% CI ${lower.toFixed(2)}–${upper.toFixed(2)}×)`
    )
    expect(h.title).toMatch(/^2 workers: 1\.93× faster \(95% CI 1\.9\d–1\.9\d×\)$/)
    // The view keeps this part on one line.
    expect(h.ci).toBe(`95% CI ${lower.toFixed(2)}–${upper.toFixed(2)}×`)
    expect(h.reasons).toEqual([])
    expect(h.detail).toBe(
      `${(a.verdict.efficiency! * 100).toFixed(1)}% of the ideal 2× (efficiency: speedup ÷ workers).`
    )
  })

  it('is Korean in Korean, with the same numbers', () => {
    const h = verdictHeadline(a, ko, 'ko-KR')
    expect(h.title).toMatch(HANGUL)
    expect(h.title).not.toMatch(ENGLISH_WORDS)
    expect(h.title).toContain(`${a.verdict.speedup!.toFixed(2)}×`)
    expect(h.title).toContain('워커 2개')
    expect(h.detail).toMatch(HANGUL)
  })
})

describe('the Results verdict: a job too small to time', () => {
  // 0…1 on 1 and 2 workers, one repetition: microseconds of compute against the overhead.
  const run = syntheticRun(
    [
      { workers: 1, wallMs: [0.474], computeMs: [[0.012]] },
      { workers: 2, wallMs: [0.3], computeMs: [[0.006, 0.006]] }
    ],
    { range: { start: 0, end: 1 }, reps: 1 }
  )
  const a = analyzeRun(run)

  it('says no significant speedup, and that the job is too small (with both times)', () => {
    expect(a.verdict.code).toBe('too-small')
    const h = verdictHeadline(a, en, 'en-US')
    expect(h.tone).toBe('none')
    expect(h.title).toBe('No significant speedup')
    expect(h.title).not.toMatch(/faster/)
    expect(h.ci).toBeNull()
    expect(h.reasons[0]).toMatch(/^Too small a job: with 2 workers, each computes for 0\.006\d* ms/)
    expect(h.reasons[0]).toContain('Use a larger range')
  })

  it('gives the same reason in Korean', () => {
    const h = verdictHeadline(a, ko, 'ko-KR')
    expect(h.title).toBe('유의한 속도 향상 없음')
    expect(h.reasons[0]).toMatch(/^작업이 너무 작습니다/)
    expect(h.reasons.join(' ')).not.toMatch(ENGLISH_WORDS)
  })
})

describe('the Results verdict: a slowdown', () => {
  // 2 workers take 1.8× as long as one: overhead dominates.
  const run = syntheticRun([
    { workers: 1, wallMs: around(100, 1) },
    { workers: 2, wallMs: around(180, 1) }
  ])
  const a = analyzeRun(run)

  it('says no significant speedup: slower with more workers, with the interval', () => {
    expect(a.verdict.code).toBe('slower')
    const h = verdictHeadline(a, en, 'en-US')
    expect(h.tone).toBe('none')
    expect(h.title).toBe('No significant speedup')
    expect(h.reasons[0]).toMatch(
      /^Slower with more workers: even the best, 2 workers, reach only 0\.56× \(95% CI 0\.5\d–0\.5\d×\)/
    )
  })
})

describe('the Results verdict: other reasons for no speedup', () => {
  it('an interval that includes 1', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: around(100, 9) },
      { workers: 2, wallMs: around(98, 9) }
    ])
    const h = verdictHeadline(analyzeRun(run), en, 'en-US')
    expect(h.title).toBe('No significant speedup')
    expect(h.reasons[0]).toMatch(/^The interval includes 1: the best, 2 workers, reach 1\.0\d×/)
  })

  it('a single repetition: no interval, so no claim, even at 1.6×', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: [1000] },
      { workers: 2, wallMs: [630] }
    ])
    const h = verdictHeadline(analyzeRun(run), en, 'en-US')
    expect(h.title).toBe('No significant speedup')
    expect(h.reasons[0]).toMatch(/^A single repetition: 2 workers reach 1\.59×, but without/)
  })

  it('oversubscribed: more workers than cores, as a reason beside the main one', () => {
    // Two cores; 4 workers no faster than one.
    const run = syntheticRun(
      [
        { workers: 1, wallMs: around(100, 9) },
        { workers: 4, wallMs: around(99, 9) }
      ],
      {},
      2
    )
    const h = verdictHeadline(analyzeRun(run), en, 'en-US')
    expect(h.title).toBe('No significant speedup')
    expect(h.reasons).toHaveLength(2)
    expect(h.reasons[1]).toBe(
      'Oversubscribed: 4 workers on 2 available cores take turns on the CPU, so no speedup beyond 2× is possible.'
    )
  })
})

describe('the Results verdict and headline card: the wait’s ideal is R ÷ ceil(R/N), not N', () => {
  // 16 requests of 10 ms: 1 worker 160 ms; 12 workers send ceil(16/12) = 2 each, 20 ms ideal.
  const config = { job: 'wait' as const, wait: { requests: 16, delayMs: 10 } }
  const run = syntheticRun(
    [
      { workers: 1, wallMs: around(161, 0.5) },
      { workers: 12, wallMs: around(21, 0.2) }
    ],
    config
  )
  const a = analyzeRun(run)

  it('says the ideal 8× (16 ÷ ceil(16/12)) and the share of it, in English and Korean', () => {
    expect(a.verdict.code).toBe('faster')
    expect(a.verdict.workers).toBe(12)
    const share = `${((a.verdict.speedup! / 8) * 100).toFixed(1)}%`
    const h = verdictHeadline(a, en, 'en-US', 'wait', 16)
    expect(h.detail).toBe(`${share} of the ideal 8× (16 requests on 12 workers: R ÷ ceil(R/N)).`)
    expect(h.detail).not.toContain('12×')
    const k = verdictHeadline(a, ko, 'ko-KR', 'wait', 16)
    expect(k.detail).toContain('이상적인 8×')
    expect(k.detail).toContain(share)
    expect(k.detail).not.toContain('12×')
  })

  it('the speedup card’s “ideal” is the same figure; N for every other workload', () => {
    expect(en.results.cards.speedupSub(idealSpeedup(run.config, 12))).toBe('ideal 8×')
    expect(ko.results.cards.speedupSub(idealSpeedup(run.config, 12))).toBe('이상적으로 8×')
    // 100 requests on 3 workers: ceil(100/3) = 34 rounds, 100 ÷ 34 ≈ 2.94.
    const odd = { ...run.config, wait: { requests: 100, delayMs: 10 } }
    expect(en.results.cards.speedupSub(idealSpeedup(odd, 3))).toBe('ideal 2.94×')
    const sum = syntheticRun([
      { workers: 1, wallMs: around(1000, 3) },
      { workers: 12, wallMs: around(100, 2) }
    ])
    expect(en.results.cards.speedupSub(idealSpeedup(sum.config, 12))).toBe('ideal 12×')
  })
})
