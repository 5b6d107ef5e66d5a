import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  describeTimings,
  meanInterval,
  medianInterval,
  quantileSorted,
  seededRandom
} from '../../../src/shared/scaling'
import { relativeError, seededNormal } from './helpers'

const WALL = [1203.1, 1187.4, 1221.9, 1195.0, 1210.6, 1199.8, 1188.2, 1230.5, 1201.7, 1192.3]

describe('seededRandom', () => {
  it('produces the mulberry32 stream that reference_values.py computes independently', () => {
    const random = seededRandom(42)
    const first = Array.from({ length: 5 }, random)
    expect(first).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693,
      0.17481389874592423
    ])
  })

  it('stays in [0, 1) and differs between seeds', () => {
    const a = seededRandom(1)
    const b = seededRandom(2)
    const xs = Array.from({ length: 1000 }, a)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(xs.slice(0, 3)).not.toEqual(Array.from({ length: 3 }, b))
  })
})

describe('meanInterval (Student t)', () => {
  // scipy.stats.t.interval(level, 9, loc=mean, scale=sem) in reference_values.py.
  it('matches scipy at 95% and 90%', () => {
    const ci95 = meanInterval(WALL)
    expect(ci95).toMatchObject({ method: 'student-t', level: 0.95, df: 9 })
    expect(ci95?.estimate).toBeCloseTo(1203.05, 10)
    expect(relativeError(ci95!.lower, 1192.8660346583817)).toBeLessThan(1e-13)
    expect(relativeError(ci95!.upper, 1213.2339653416182)).toBeLessThan(1e-13)
    expect(ci95!.standardError).toBeCloseTo(4.501882322367437, 12)
    const ci90 = meanInterval(WALL, 0.9)
    expect(relativeError(ci90!.lower, 1194.7975412935716)).toBeLessThan(1e-13)
    expect(relativeError(ci90!.upper, 1211.3024587064283)).toBeLessThan(1e-13)
  })

  it('is undefined for fewer than two values and rejects a bad level', () => {
    expect(meanInterval([5])).toBeNull()
    expect(() => meanInterval(WALL, 1)).toThrow(RangeError)
  })

  it('covers the true mean of normal data about 95% of the time', () => {
    const normal = seededNormal(2024)
    let covered = 0
    const trials = 4000
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 6 }, () => 50 + 3 * normal())
      const ci = meanInterval(xs)!
      if (ci.lower <= 50 && 50 <= ci.upper) covered++
    }
    // Binomial sd at 95% is 0.0034; ±0.015 would only fail for a wrong t quantile.
    expect(covered / trials).toBeGreaterThan(0.935)
    expect(covered / trials).toBeLessThan(0.965)
  })
})

describe('medianInterval (percentile bootstrap)', () => {
  // reference_values.py re-implements mulberry32 and the resampling, then takes
  // numpy.percentile (linear = type 7) of the bootstrap medians.
  it.each([
    [WALL, {}, 1192.3, 1212.5],
    [WALL, { seed: 7, resamples: 2000, level: 0.9 }, 1192.3, 1210.6],
    [[10, 12, 11, 50, 13, 9], { seed: 1, resamples: 5000 }, 9.5, 31.5]
  ])('reproduces the numpy computation %#', (values, options, lower, upper) => {
    const ci = medianInterval(values, options)
    expect(ci?.lower).toBeCloseTo(lower, 9)
    expect(ci?.upper).toBeCloseTo(upper, 9)
  })

  it('states how it was made', () => {
    expect(medianInterval(WALL)).toMatchObject({
      method: 'bootstrap-percentile',
      level: 0.95,
      resamples: 10_000,
      seed: 0x5eed,
      estimate: 1200.75
    })
    expect(medianInterval([3])).toBeNull()
  })

  it('is deterministic, ordered, inside the data, and shifts and scales with it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 30 }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (xs, shift, scale) => {
          const options = { resamples: 200, seed: 9 }
          const ci = medianInterval(xs, options)!
          expect(medianInterval(xs, options)).toEqual(ci)
          expect(ci.lower).toBeLessThanOrEqual(ci.upper)
          expect(ci.lower).toBeGreaterThanOrEqual(Math.min(...xs))
          expect(ci.upper).toBeLessThanOrEqual(Math.max(...xs))
          const moved = medianInterval(
            xs.map((x) => x * scale + shift),
            options
          )!
          const tol = 1e-9 * (Math.abs(shift) + scale * 1000)
          expect(Math.abs(moved.lower - (ci.lower * scale + shift))).toBeLessThanOrEqual(tol)
          expect(Math.abs(moved.upper - (ci.upper * scale + shift))).toBeLessThanOrEqual(tol)
        }
      ),
      { numRuns: 60 }
    )
  })

  it('covers the true median of skewed data close to the nominal level', () => {
    // Log-normal timings (right-skewed like real ones): true median e^0 = 1.
    const normal = seededNormal(77)
    let covered = 0
    const trials = 300
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 31 }, () => Math.exp(0.3 * normal()))
      const ci = medianInterval(xs, { resamples: 1000, seed: t })!
      if (ci.lower <= 1 && 1 <= ci.upper) covered++
    }
    expect(covered / trials).toBeGreaterThan(0.88)
    expect(covered / trials).toBeLessThan(0.99)
  })
})

describe('quantileSorted', () => {
  it('interpolates like numpy.percentile (type 7)', () => {
    // numpy.percentile([1, 2, 4, 8], [0, 25, 50, 90, 100]) = [1, 1.75, 3, 6.8, 8]
    const xs = [1, 2, 4, 8]
    expect([0, 0.25, 0.5, 0.9, 1].map((p) => quantileSorted(xs, p))).toEqual([
      1,
      1.75,
      3,
      expect.closeTo(6.8, 12),
      8
    ])
  })
})

describe('describeTimings', () => {
  it('combines the summary with both intervals', () => {
    const d = describeTimings(WALL)
    expect(d.n).toBe(10)
    expect(d.medianMs).toBe(1200.75)
    expect(d.minMs).toBe(1187.4)
    expect(d.maxMs).toBe(1230.5)
    expect(d.medianInterval?.lower).toBeCloseTo(1192.3, 9)
    expect(d.meanInterval?.upper).toBeCloseTo(1213.2339653416182, 9)
  })
})
