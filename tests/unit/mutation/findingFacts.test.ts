/**
 * The facts every catalog words a finding from (findingFacts.ts), pinned at
 * their edges (docs/MUTATION.md): which sizes count as usable (both times
 * positive), which worker counts were left out for a reason, which weak-scaling
 * point is the widest, which Karp–Flatt case applies, when a break-even's
 * interval is too wide to give as one figure (more than √10, half a decade),
 * and whether N already wins at the smallest size.
 */
import { describe, expect, it } from 'vitest'
import {
  BREAK_EVEN_MAX_SPAN,
  breakEvenTooWide,
  karpFlattCode,
  leftFor,
  usableSizes,
  widestScaled,
  winsAtSmallest
} from '../../../src/shared/analysis/findingFacts'
import type { KarpFlattSeries } from '../../../src/shared/analysis/karpFlattSeries'
import type { ScaledSpeedup } from '../../../src/shared/analysis/scaledSpeedup'
import type {
  GustafsonAnalysis,
  SizePointAnalysis,
  SizeSweepAnalysis
} from '../../../src/shared/analysis/types'
import type { BreakEven } from '../../../src/shared/stats/findBreakEven'

const point = (size: number, t1: number, tn: number, winner: 'one' | 'many'): SizePointAnalysis =>
  ({ size, t1: { value: t1 }, tn: { value: tn }, winner }) as unknown as SizePointAnalysis
const sweep = (points: SizePointAnalysis[]): SizeSweepAnalysis =>
  ({ points }) as unknown as SizeSweepAnalysis
const series = (points: number, left?: KarpFlattSeries['left']): KarpFlattSeries => ({
  points: Array.from({ length: points }, (_, i) => ({
    workers: i + 2,
    serialFraction: 0.1,
    error: null
  })),
  trend: 'growing',
  slope: null,
  slopeError: null,
  meanSerialFraction: null,
  ...(left ? { left } : {})
})
const breakEven = (lower: number | null, upper: number | null): BreakEven =>
  ({ interval: { lower, upper } }) as unknown as BreakEven

describe('usableSizes and winsAtSmallest', () => {
  it('keeps only the sizes with both times above zero, in order', () => {
    const s = sweep([
      point(10, 0, 5, 'many'),
      point(20, 5, 0, 'many'),
      point(30, -1, 5, 'many'),
      point(40, 5, 4, 'one'),
      point(50, 5, 3, 'many')
    ])
    expect(usableSizes(s).map((p) => p.size)).toEqual([40, 50])
  })

  it('reads the winner at the smallest usable size; false without one', () => {
    // The unusable first size says 'many': it must not decide.
    expect(winsAtSmallest(sweep([point(10, 0, 5, 'many'), point(20, 5, 6, 'one')]))).toBe(false)
    expect(winsAtSmallest(sweep([point(10, 5, 0, 'one'), point(20, 5, 4, 'many')]))).toBe(true)
    expect(winsAtSmallest(sweep([point(10, 0, 0, 'many')]))).toBe(false)
    expect(winsAtSmallest(sweep([]))).toBe(false)
  })
})

describe('leftFor', () => {
  it('lists the worker counts left out for one reason, joined by ", "', () => {
    const s = series(2, [
      { workers: 2, reason: 'not-significant' },
      { workers: 16, reason: 'oversubscribed' },
      { workers: 4, reason: 'not-significant' }
    ])
    expect(leftFor(s, 'not-significant')).toBe('2, 4')
    expect(leftFor(s, 'oversubscribed')).toBe('16')
    expect(leftFor(s, 'out-of-range')).toBe('')
    expect(leftFor(series(2), 'not-significant')).toBe('')
  })
})

describe('widestScaled', () => {
  const at = (workers: number): ScaledSpeedup =>
    ({ workers, scaledSpeedup: workers }) as unknown as ScaledSpeedup
  it('is the point with the most workers, whatever the order; the first of a tie; null for none', () => {
    const four = at(4)
    const sixteen = at(16)
    const g = (points: ScaledSpeedup[]): GustafsonAnalysis =>
      ({ workload: 'weak', points }) as GustafsonAnalysis
    expect(widestScaled(g([four, sixteen, at(8)]))).toBe(sixteen)
    expect(widestScaled(g([sixteen, four]))).toBe(sixteen)
    const again = at(16)
    expect(widestScaled(g([four, sixteen, again]))).toBe(sixteen)
    expect(widestScaled(g([]))).toBeNull()
  })
})

describe('karpFlattCode', () => {
  it('no points: not-enough-evidence only when counts were left out', () => {
    expect(karpFlattCode(series(0))).toBe('no-points')
    expect(karpFlattCode(series(0, []))).toBe('no-points')
    expect(karpFlattCode(series(0, [{ workers: 2, reason: 'not-significant' }]))).toBe(
      'not-enough-evidence'
    )
  })
  it('one point, else the trend', () => {
    expect(karpFlattCode(series(1))).toBe('one-point')
    expect(karpFlattCode(series(2))).toBe('growing')
    expect(karpFlattCode({ ...series(3), trend: 'flat' })).toBe('flat')
  })
})

describe('breakEvenTooWide', () => {
  it('is wide when an end is missing or the ends are more than √10 apart', () => {
    expect(BREAK_EVEN_MAX_SPAN).toBe(Math.sqrt(10))
    expect(breakEvenTooWide(breakEven(null, 1000))).toBe(true)
    expect(breakEvenTooWide(breakEven(1000, null))).toBe(true)
    expect(breakEvenTooWide(breakEven(1000, 3000))).toBe(false)
    expect(breakEvenTooWide(breakEven(1000, 3200))).toBe(true)
    // Exactly half a decade is still one figure.
    expect(breakEvenTooWide(breakEven(1, Math.sqrt(10)))).toBe(false)
  })
})
