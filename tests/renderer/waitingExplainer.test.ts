/**
 * The explainer's "Threads for waiting" (issue 17): its words in both
 * languages say the three things the issue asks for, and its rule on the
 * user's own wait run says "past the cores" only when the speedup's interval
 * lies above the core count.
 */
import { describe, expect, it } from 'vitest'
import type { RunConfig } from '../../src/shared/config'
import type { RunSummary } from '../../src/shared/history'
import { en } from '../../src/renderer/src/lib/i18n/en'
import { ko } from '../../src/renderer/src/lib/i18n/ko'
import { pickExplainerRuns } from '../../src/renderer/src/lib/explainer'
import { waitingLesson } from '../../src/renderer/src/lib/results/waitingLesson'
import { syntheticRun } from '../helpers/syntheticRun'

const WAIT = { job: 'wait' as const, wait: { requests: 64, delayMs: 20 } }
const tight = (t: number): number[] => [t, t * 1.002, t * 0.998, t * 1.001, t * 0.999, t]

describe('the words of "Threads for waiting", in English and Korean', () => {
  for (const [language, m] of [
    ['en', en],
    ['ko', ko]
  ] as const) {
    const w = m.explain.waiting
    it(`${language}: why waiting scales, the event loop and libuv's pool, the free-threaded CPython`, () => {
      expect(w.heading).toMatch(language === 'en' ? /Threads for waiting/ : /스레드/)
      expect(w.why).toContain('ceil(R/N)')
      // Node: no thread for a socket (the event loop), the pool for files, dns.lookup, crypto, zlib.
      expect(w.node).toMatch(language === 'en' ? /event loop/ : /이벤트 루프/)
      for (const word of ['libuv', 'dns.lookup', 'crypto', 'zlib', 'UV_THREADPOOL_SIZE', '4'])
        expect(w.node).toContain(word)
      // CPython 3.13's free-threaded build changes the GIL half.
      for (const word of ['3.13', 'free-threaded', 'GIL', 'PEP 703'])
        expect(w.python).toContain(word)
      expect(w.pastCores(32, '15×', 2)).toContain('32')
      expect(w.pastCores(32, '15×', 2)).toContain('15×')
      expect(w.withinCores(2)).toContain('2')
      expect(w.notShown(4, '1.9×', 2)).toContain('1.9×')
      expect(w.noWorker(8)).toContain('8')
      expect(w.figures(4, 16, '10 ms', '41 ms', '3.9×', '4×')).toContain('16')
    })
  }

  it('the two languages are not the same text', () => {
    expect(en.explain.waiting.node).not.toBe(ko.explain.waiting.node)
    expect(ko.explain.waiting.why).toMatch(/[가-힣]/)
    expect(ko.explain.waiting.python).toMatch(/[가-힣]/)
  })
})

describe('the rule on the user’s own wait run', () => {
  it('past the cores: 32 waiting workers on 2 cores, the whole interval above 2', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: tight(1300) },
        { workers: 32, wallMs: tight(45) }
      ],
      { ...WAIT, backend: 'thread' },
      2
    )
    const lesson = waitingLesson(run)!
    expect(lesson.code).toBe('past-cores')
    expect(lesson.cores).toBe(2)
    expect(lesson.workers).toBe(32)
    expect(lesson.speedup).toBeCloseTo(1300 / 45, 1)
    expect(lesson.idealSpeedup).toBe(32)
    expect(lesson.idealMs).toBe(40)
  })

  it('within the cores: every count ≤ the cores says nothing of passing them', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: tight(1300) },
        { workers: 2, wallMs: tight(660) }
      ],
      { ...WAIT, backend: 'process' },
      2
    )
    expect(waitingLesson(run)!.code).toBe('within-cores')
  })

  it('not shown: past the cores in count, but not significantly above them in speedup', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: tight(1300) },
        { workers: 8, wallMs: [600, 1300, 400, 1200, 500, 900] }
      ],
      { ...WAIT, backend: 'async' },
      2
    )
    const lesson = waitingLesson(run)!
    expect(lesson.code).toBe('not-shown')
    expect(lesson.backend).toBe('async')
  })

  it('a sum run has no waiting lesson', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: tight(100) },
      { workers: 2, wallMs: tight(55) }
    ])
    expect(waitingLesson(run)).toBeNull()
  })

  it('the explainer picks the newest wait run for it, and the sum’s sections never read a wait run', () => {
    const summary = (id: string, config: Partial<RunConfig>, minute: number): RunSummary => ({
      id,
      startedAt: new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString(),
      config: {
        range: { start: 0, end: 1 },
        workers: [1, 4],
        workload: 'split',
        backend: 'thread',
        pool: 'warm',
        warmup: 0,
        reps: 2,
        ...config
      },
      cpuModel: 'cpu',
      correct: true,
      points: []
    })
    const newestFirst = [
      summary('wait2', WAIT, 3),
      summary('sum', {}, 2),
      summary('wait1', WAIT, 1)
    ]
    const picks = pickExplainerRuns(newestFirst, null)
    expect(picks.wait).toBe('wait2')
    expect(picks.split).toBe('sum')
    // Only wait runs: nothing is set against the tutorial's total.
    expect(pickExplainerRuns([newestFirst[0]], null).replay).toBeNull()
  })
})
