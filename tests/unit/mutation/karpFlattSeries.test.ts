/**
 * The Karp–Flatt series, number by number: each test pins an order, a number
 * or a trend that a mutant of karpFlattSeries.ts changed without any other
 * test noticing (docs/MUTATION.md). Expected slopes and standard errors are
 * recomputed here from the textbook least-squares formulas.
 */
import { describe, expect, it } from 'vitest'
import {
  KARP_FLATT_MIN_CHANGE,
  karpFlattSeries,
  karpFlattTrend
} from '../../../src/shared/analysis/karpFlattSeries'

/** The speedup whose Karp–Flatt serial fraction at N workers is e. */
const speedupFor = (e: number, n: number): number => 1 / (e + (1 - e) / n)

const pointsFor = (workers: number[], e: number[], error?: number) =>
  workers.map((n, i) => ({
    workers: n,
    speedup: speedupFor(e[i], n),
    ...(error === undefined ? {} : { error })
  }))

/** Ordinary least squares of y on x: slope and its standard error (n − 2 df). */
function ols(x: number[], y: number[]): { slope: number; slopeError: number } {
  const n = x.length
  const xBar = x.reduce((a, b) => a + b, 0) / n
  const yBar = y.reduce((a, b) => a + b, 0) / n
  const sxx = x.reduce((s, v) => s + (v - xBar) ** 2, 0)
  const slope = x.reduce((s, v, i) => s + (v - xBar) * (y[i] - yBar), 0) / sxx
  const intercept = yBar - slope * xBar
  const rss = x.reduce((s, v, i) => s + (y[i] - intercept - slope * v) ** 2, 0)
  return { slope, slopeError: Math.sqrt(rss / (n - 2) / sxx) }
}

describe('karpFlattSeries, number by number', () => {
  it('orders the points by worker count, whatever order they come in', () => {
    const e = [0.02, 0.05, 0.07]
    const sorted = pointsFor([2, 4, 8], e)
    for (const order of [
      [2, 0, 1],
      [1, 2, 0],
      [2, 1, 0]
    ]) {
      const k = karpFlattSeries(order.map((i) => sorted[i]))
      expect(k.points.map((p) => p.workers)).toEqual([2, 4, 8])
      k.points.forEach((p, i) => expect(p.serialFraction).toBeCloseTo(e[i], 12))
    }
  })

  it('has no slope for a single point, only its serial fraction', () => {
    const k = karpFlattSeries(pointsFor([4], [0.1]))
    expect(k.slope).toBeNull()
    expect(k.slopeError).toBeNull()
    expect(k.meanSerialFraction!).toBeCloseTo(0.1, 12)
    expect(k.trend).toBe('insufficient')
  })

  it('propagates an error of 0 as 0, and leaves a missing or negative error out', () => {
    const [s, n] = [3.2, 4]
    expect(karpFlattSeries([{ workers: n, speedup: s, error: 0 }]).points[0].error).toBe(0)
    expect(karpFlattSeries([{ workers: n, speedup: s, error: -0.05 }]).points[0].error).toBeNull()
    expect(karpFlattSeries([{ workers: n, speedup: s }]).points[0].error).toBeNull()
  })

  it('with three points and no errors: the OLS slope, its error on 1 df, and flat when t < t(0.975, 1)', () => {
    // t = b / SE = 3.18: significant on 5 df (2.571), not on 1 df (12.706).
    const [x, e] = [
      [2, 4, 8],
      [0.02, 0.05, 0.07]
    ]
    const k = karpFlattSeries(pointsFor(x, e))
    const expected = ols(x, e)
    expect(k.slope!).toBeCloseTo(expected.slope, 12)
    expect(k.slopeError!).toBeCloseTo(expected.slopeError, 12)
    expect(k.slopeError!).toBeCloseTo(0.0024743582965, 10)
    expect(k.trend).toBe('flat')
    expect(k.meanSerialFraction!).toBeCloseTo(0.14 / 3, 12)
  })

  it('with five scattered points and no errors: the slope’s error on n − 2 = 3 df', () => {
    const [x, e] = [
      [2, 3, 4, 6, 8],
      [0.02, 0.05, 0.03, 0.06, 0.05]
    ]
    const k = karpFlattSeries(pointsFor(x, e))
    const expected = ols(x, e)
    expect(k.slope!).toBeCloseTo(expected.slope, 12)
    expect(Math.abs(k.slopeError! - expected.slopeError)).toBeLessThan(1e-12 * expected.slopeError)
    expect(expected.slopeError).toBeGreaterThan(1e-3)
  })

  it('weighs equally when any point lacks an error, or has an error of 0', () => {
    const [x, e] = [
      [2, 4, 8, 16],
      [0.02, 0.03, 0.05, 0.09]
    ]
    const expected = ols(x, e)
    const mixed = pointsFor(x, e).map((p, i) => (i === 1 ? p : { ...p, error: 0.01 }))
    const zero = pointsFor(x, e).map((p, i) => ({ ...p, error: i === 2 ? 0 : 0.01 }))
    for (const points of [mixed, zero]) {
      const k = karpFlattSeries(points)
      expect(k.slope!).toBeCloseTo(expected.slope, 12)
      expect(k.slopeError!).toBeCloseTo(expected.slopeError, 12)
      expect(k.meanSerialFraction!).toBeCloseTo(0.19 / 4, 12)
      expect(k.trend).toBe('growing')
    }
  })

  it('has slope 0 and no trend when every point has the same worker count', () => {
    const e = [0.05, 0.06, 0.08]
    for (const error of [undefined, 0.01]) {
      const k = karpFlattSeries(pointsFor([4, 4, 4], e, error))
      expect(k.slope).toBe(0)
      expect(k.slopeError).toBeNull()
      expect(k.trend).toBe('insufficient')
    }
  })

  it('calls a significant rise of under 0.005 across the sweep flat, not growing or shrinking', () => {
    // e rises 0.0006 per worker: 0.0036 from 2 to 8 workers, with tiny errors.
    const k = karpFlattSeries(pointsFor([2, 4, 8], [0.01, 0.0112, 0.0136], 0.0001))
    expect(k.slope!).toBeCloseTo(0.0006, 10)
    expect(Math.abs(k.slope!)).toBeGreaterThan(1.96 * k.slopeError!)
    expect(k.trend).toBe('flat')
  })

  it('calls a fall within the errors flat, not shrinking', () => {
    const k = karpFlattSeries(pointsFor([2, 4, 8], [0.09, 0.07, 0.03], 0.5))
    expect(k.slope!).toBeLessThan(0)
    expect(k.trend).toBe('flat')
  })
})

describe('karpFlattTrend at its exact boundaries', () => {
  it('calls a slope exactly at the critical value not significant', () => {
    // |b| = t·SE exactly: flat; a hair above: a trend.
    expect(karpFlattTrend(2, 1, 2, 0.1)).toBe('flat')
    expect(karpFlattTrend(-2, 1, 2, -0.1)).toBe('flat')
    expect(karpFlattTrend(2.0000000000000004, 1, 2, 0.1)).toBe('growing')
    expect(karpFlattTrend(-2.0000000000000004, 1, 2, -0.1)).toBe('shrinking')
  })

  it('counts a change of exactly the minimum, either way, and not less', () => {
    expect(KARP_FLATT_MIN_CHANGE).toBe(0.005)
    expect(karpFlattTrend(3, 1, 2, 0.005)).toBe('growing')
    expect(karpFlattTrend(-3, 1, 2, -0.005)).toBe('shrinking')
    expect(karpFlattTrend(3, 1, 2, 0.004999999999999999)).toBe('flat')
    expect(karpFlattTrend(-3, 1, 2, -0.004999999999999999)).toBe('flat')
  })
})
