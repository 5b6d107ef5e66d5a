import { describe, expect, it } from 'vitest'
import { warningText as warningMessage } from '../../../src/shared/report'
import { scalingWarnings, type ScalingWarning } from '../../../src/shared/scaling'

const CLEAN = [1001, 998, 1003, 999, 1002, 1000, 997, 1001]

const codes = (ws: ScalingWarning[]): string[] => ws.map((w) => w.code).sort()

describe('scalingWarnings', () => {
  it('says nothing about clean, steady repetitions', () => {
    expect(scalingWarnings({ workers: 2, wallMs: CLEAN, spawnMs: 40, logicalCores: 4 })).toEqual([])
  })

  it('reports outliers with their repetition numbers and times', () => {
    const ws = scalingWarnings({
      workers: 2,
      wallMs: [1001, 998, 1003, 1480, 1002, 1000, 997, 1001]
    })
    expect(codes(ws)).toEqual(['outliers'])
    const w = ws[0]
    expect(w).toMatchObject({
      code: 'outliers',
      severity: 'warning',
      repetitions: [4],
      valuesMs: [1480]
    })
    // Each outlier's modified Z, after the plain words for it (220 typical spreads from the median).
    expect(warningMessage(w)).toContain(
      '#4 (1,480 ms, +47.9%, far from the others: modified Z 220)'
    )
    expect(warningMessage(w, 'ko')).toContain('#4(1,480ms, 다른 반복들과 멀리 떨어짐: 수정 Z 220)')
    expect(warningMessage(w)).toContain('median of 1,001 ms')
  })

  it('reports a first repetition much slower than the rest', () => {
    const ws = scalingWarnings({ workers: 4, wallMs: [1450, ...CLEAN.slice(1)] })
    const w = ws.find((x) => x.code === 'slow-first-repetition')
    expect(w).toBeDefined()
    expect(w).toMatchObject({ firstMs: 1450, restMedianMs: 1000 })
    expect(warningMessage(w!)).toContain('1,450 ms, 1.45× the median of the rest (1,000 ms)')
    expect(warningMessage(w!)).toMatch(/warm-up/)
    // 20% slower is not "much slower".
    const mild = scalingWarnings({ workers: 4, wallMs: [1200, ...CLEAN.slice(1)] })
    expect(mild.some((x) => x.code === 'slow-first-repetition')).toBe(false)
  })

  it('after warm-ups until steady, a slow first repetition asks for a fixed count, not one more', () => {
    const fixed = scalingWarnings({ workers: 4, wallMs: [1450, ...CLEAN.slice(1)], warmup: 1 })
    const auto = scalingWarnings({ workers: 4, wallMs: [1450, ...CLEAN.slice(1)], warmup: 'auto' })
    const text = (ws: ScalingWarning[], lang: 'en' | 'ko'): string =>
      warningMessage(
        ws.find((x) => x.code === 'slow-first-repetition')!,
        lang
      )
    expect(text(fixed, 'en')).toMatch(/Add a warm-up repetition\.$/)
    expect(text(auto, 'en')).toMatch(/too early here: fix their number \(--warmup 5\)\.$/)
    expect(text(auto, 'en')).not.toContain('Add a warm-up repetition')
    expect(text(auto, 'ko')).toContain('--warmup 5')
    expect(text(fixed, 'ko')).toContain('워밍업을 한 번 추가하세요')
  })

  it('reports a job shorter than starting the workers', () => {
    const ws = scalingWarnings({ workers: 2, wallMs: [12, 11, 13], spawnMs: 48 })
    const w = ws.find((x) => x.code === 'job-shorter-than-spawn')
    expect(w).toMatchObject({ jobMs: 12, spawnMs: 48 })
    expect(warningMessage(w!)).toContain('48.0 ms')
    expect(warningMessage(w!)).toContain('(12.0 ms)')
  })

  it('reports a wide interval', () => {
    const ws = scalingWarnings({ workers: 2, wallMs: [100, 140, 90, 125, 80, 110] })
    const w = ws.find((x) => x.code === 'wide-interval')
    expect(w).toBeDefined()
    if (w?.code !== 'wide-interval') return
    expect(w.relativeHalfWidth).toBeGreaterThan(0.1)
    expect(warningMessage(w)).toMatch(
      /^The 95% interval for the median is ±[\d.]+ ms \(±[\d.]+% of [\d,.]+ ms\)/
    )
  })

  it('uses a given interval instead of bootstrapping', () => {
    const interval = {
      method: 'student-t' as const,
      level: 0.9,
      estimate: 1000,
      lower: 800,
      upper: 1200,
      halfWidth: 200
    }
    const ws = scalingWarnings({ workers: 2, wallMs: CLEAN, interval })
    expect(warningMessage(ws.find((x) => x.code === 'wide-interval')!)).toContain(
      'The 90% interval'
    )
  })

  it('warns of more workers than logical cores', () => {
    const ws = scalingWarnings({ workers: 8, wallMs: CLEAN, logicalCores: 2 })
    expect(ws).toEqual([
      expect.objectContaining({
        code: 'more-workers-than-cores',
        severity: 'warning',
        logicalCores: 2
      })
    ])
    expect(warningMessage(ws[0])).toContain('8 workers on 2 logical cores')
  })

  it('reports a trend across repetitions, slowing (throttling) and speeding up', () => {
    const slowing = [1000, 1012, 1019, 1035, 1041, 1058, 1066, 1080, 1089, 1101]
    const up = scalingWarnings({ workers: 2, wallMs: slowing })
    const w = up.find((x) => x.code === 'trend')
    expect(w).toMatchObject({ direction: 'slowing' })
    if (w?.code !== 'trend') return
    expect(w.pValue).toBeLessThan(0.001)
    expect(warningMessage(w)).toContain(
      'about 9.7% from first to last; a trend across repetitions, Mann–Kendall test, p < 0.001'
    )
    expect(warningMessage(w, 'ko')).toContain('반복 전체에 걸친 추세, Mann–Kendall 검정, p < 0.001')
    expect(warningMessage(w)).toMatch(/throttling/)
    const down = scalingWarnings({ workers: 2, wallMs: [...slowing].reverse() })
    expect(down.find((x) => x.code === 'trend')).toMatchObject({ direction: 'speeding-up' })
  })

  it('ignores a significant but negligible drift', () => {
    const drift = CLEAN.map((_, i) => 1000 + i * 0.5)
    expect(scalingWarnings({ workers: 2, wallMs: drift }).some((w) => w.code === 'trend')).toBe(
      false
    )
  })

  it('honours custom thresholds', () => {
    const ws = scalingWarnings({
      workers: 2,
      wallMs: [1200, ...CLEAN.slice(1)],
      thresholds: { firstRepetitionRatio: 1.1 }
    })
    expect(ws.some((x) => x.code === 'slow-first-repetition')).toBe(true)
  })
})
