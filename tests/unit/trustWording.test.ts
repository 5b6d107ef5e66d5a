/**
 * Issue 19, item 3 and 5: every conclusion from the numbers beside it. Each
 * sentence is fed data that looks like it contradicts it (the cases the issue
 * found) and must not say what the data do not.
 */
import { describe, expect, it } from 'vitest'
import { syntheticRun } from '../helpers/syntheticRun'
import { analyzeRun } from '../../src/shared/analysis'
import { runVerdictText, sweepText, warningText } from '../../src/shared/report/findings'
import { repetitionsText } from '../../src/shared/report/repetitionsText'
import { kernelLesson, type KernelSweepSummary } from '../../src/shared/analysis/kernelComparison'
import { findBreakEven } from '../../src/shared/stats/findBreakEven'
import { breakEvenTooWide } from '../../src/shared/analysis/findingFacts'
import { sizeSweepTable } from '../../src/shared/report/tables'
import { breakEvenPlace } from '../../src/shared/report/findings'
import type { SizePointAnalysis, SizeSweepAnalysis } from '../../src/shared/analysis/types'
import { speedupWithError } from '../../src/shared/analysis/speedupWithError'

const reps = (ms: number, spread = 0.2, n = 6): number[] =>
  Array.from({ length: n }, (_, i) => ms + (i - (n - 1) / 2) * spread)

describe('"Best" never names an oversubscribed count that is not significantly better', () => {
  it('3 workers on 2 cores, within the errors of 2: the best is 2', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: reps(100) },
      { workers: 2, wallMs: reps(52, 1) },
      { workers: 3, wallMs: reps(51.5, 1) }
    ])
    const a = analyzeRun(run)
    expect(a.workers[2].verdict).toBe('faster')
    expect(a.verdict.workers).toBe(2)
    expect(runVerdictText(run, a)).toContain('Best: 2 workers')
  })

  it('an oversubscribed count clearly beyond the fastest within the cores may be named', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: reps(100) },
      { workers: 2, wallMs: reps(60) },
      { workers: 3, wallMs: reps(45) }
    ])
    expect(analyzeRun(run).verdict.workers).toBe(3)
  })
})

describe('"No worker count above one" is never said when one was measured', () => {
  it('2 workers within the noise: Karp–Flatt says why there is not enough evidence', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: reps(100, 4) },
      { workers: 2, wallMs: reps(95, 12) }
    ])
    const a = analyzeRun(run)
    expect(a.workers[1].verdict).toBe('no-difference')
    const md = a.karpFlatt!
    expect(md.points).toEqual([])
    expect(md.left).toEqual([{ workers: 2, reason: 'not-significant' }])
  })
})

describe('repetitions are said fewest to most', () => {
  it('"33–30 reps (auto)" becomes "30–33 reps (auto)"', () => {
    const run = syntheticRun(
      [
        { workers: 1, wallMs: reps(90, 0.2, 33) },
        { workers: 2, wallMs: reps(100, 0.2, 30) }
      ],
      { reps: 'auto' }
    )
    expect(repetitionsText(run)).toBe('30–33 reps (auto)')
    expect(repetitionsText(syntheticRun([{ workers: 1, wallMs: [1] }], { reps: 1 }))).toBe('1 rep')
  })
})

describe('outliers: only slow ones are blamed on interference', () => {
  it('a fast outlier is named as fast, not blamed on other programs', () => {
    const run = syntheticRun([
      { workers: 1, wallMs: [100, 100.1, 99.9, 100, 100.05, 99.95, 70] },
      { workers: 2, wallMs: reps(52) }
    ])
    const w = analyzeRun(run).warnings.find((x) => x.code === 'outliers')!
    const en = warningText(w)
    expect(en).toContain('Fast: #7 (70.0 ms, −30.0%, far from the others: modified Z')
    expect(en).not.toContain('other programs or the OS interrupted')
    const ko = warningText(w, 'ko')
    expect(ko).toContain('빠른 반복: #7')
    expect(ko).not.toContain('방해했습니다')
  })
})

/** A sweep from (size, T1, TN) triples, every time ± error. */
function sweep(points: [number, number, number][], error: number): SizeSweepAnalysis {
  const analysed: SizePointAnalysis[] = points.map(([size, t1, tn]) => ({
    size,
    t1: { value: t1, error },
    tn: { value: tn, error },
    speedup: speedupWithError({ value: t1, error }, { value: tn, error }, 2),
    winner: tn < t1 ? 'many' : 'one',
    clear: tn < t1 ? tn + error < t1 - error : tn - error > t1 + error,
    correct: true,
    networkMs: null
  }))
  return {
    backend: 'process',
    pool: 'cold',
    workers: 2,
    points: analysed,
    breakEven: findBreakEven(analysed.map((p) => ({ size: p.size, t1: p.t1, tn: p.tn })))
  }
}

describe('break-even: an interval when the data say only that', () => {
  /** Errors so wide that the crossing may lie anywhere between 10^4 and 10^7. */
  const wideSweep = (): SizeSweepAnalysis =>
    sweep(
      [
        [10_000, 1, 1.4],
        [100_000, 10, 9],
        [1_000_000, 100, 60],
        [10_000_000, 1000, 550]
      ],
      0.9
    )

  it('wide errors give "between … and …", not "about 18,000"', () => {
    const s = wideSweep()
    expect(s.breakEven.status).toBe('crosses')
    const en = sweepText(s)
    expect(en).toMatch(/between [\d,]+ and [\d,]+ elements: the errors are too wide to say more/)
    expect(en).not.toMatch(/about/)
    expect(sweepText(s, 'ko')).toContain('오차가 너무 커서')
  })

  it('the same wide sweep: no table row, kernel cell or network cell names one size', () => {
    const s = wideSweep()
    expect(breakEvenTooWide(s.breakEven)).toBe(true)
    for (const language of ['en', 'ko'] as const) {
      const markers = sizeSweepTable(s, 'sum', language).rows.map((r) => r[r.length - 1])
      expect(markers.join(''), language).toBe('')
      const place = breakEvenPlace(s.breakEven, 10_000, 10_000_000, language)
      expect(place, language).not.toMatch(/about|약/)
      expect(place, language).toMatch(language === 'en' ? /^somewhere in .+ … .+$/ : /사이 어딘가$/)
    }
  })

  it('a cold sweep that wins at the smallest size never says it "first beat 1" higher up', () => {
    const s = sweep(
      [
        [10_000, 10, 8],
        [100_000, 20, 25],
        [1_000_000, 50, 60],
        [10_000_000, 400, 200]
      ],
      0.1
    )
    expect(s.breakEven.status).toBe('mixed')
    const en = sweepText(s)
    expect(en).toContain('already won at 10,000 elements')
    expect(en).not.toContain('first beat 1')
    expect(sweepText(s, 'ko')).toContain('이미 이겼지만')
  })
})

describe('the kernel lesson is said only when the figures beside it agree', () => {
  const summary = (
    kernel: 'js' | 'wasm',
    speedup: number,
    error: number,
    breakEvenAt: number
  ): KernelSweepSummary => {
    const b = findBreakEven([
      { size: breakEvenAt / 10, t1: { value: 1, error: 0.01 }, tn: { value: 2, error: 0.01 } },
      { size: breakEvenAt * 10, t1: { value: 2, error: 0.01 }, tn: { value: 1, error: 0.01 } }
    ])
    return {
      kernel,
      nsPerElement: kernel === 'js' ? 1 : 0.2,
      breakEven: { warm: b, cold: null },
      speedupAtLargest: {
        workers: 2,
        speedup,
        speedupError: error,
        efficiency: speedup / 2,
        efficiencyError: 0,
        basis: 'ci-half-width'
      }
    }
  }

  it('a lower speedup beyond the errors and a later break-even: "pays off later"', () => {
    expect(kernelLesson(summary('wasm', 1.5, 0.05, 1e6), summary('js', 1.9, 0.05, 1e4))).toBe(
      'pays-off-later'
    )
  })

  it('wasm breaking even below 10,000 and js near 70,000 contradict "later"', () => {
    expect(kernelLesson(summary('wasm', 1.5, 0.05, 3000), summary('js', 1.9, 0.05, 70_000))).toBe(
      'contradicted'
    )
  })

  it('speedups within the errors teach nothing', () => {
    expect(kernelLesson(summary('wasm', 1.8, 0.2, 1e6), summary('js', 1.9, 0.2, 1e4))).toBe(
      'within-noise'
    )
  })
})
