import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findOutliers, mannKendall, modifiedZScores } from '../../../src/shared/scaling'
import { seededNormal } from './helpers'

const WITH_SPIKE = [100.2, 99.8, 101.1, 100.5, 99.9, 100.0, 100.7, 131.0, 100.3, 99.5]

describe('modifiedZScores', () => {
  it('is 0.6745·(x − median)/MAD (numpy in reference_values.py)', () => {
    const z = modifiedZScores(WITH_SPIKE)
    expect(z.median).toBeCloseTo(100.25, 12)
    expect(z.mad).toBeCloseTo(0.4, 12)
    expect(z.scale).toBe('mad')
    const reference = [
      -0.0843124999999955, -0.7588125000000076, 1.4333124999999955, 0.4215625000000015,
      -0.5901874999999924, -0.4215625000000015, 0.7588125000000076, 51.852187500000184,
      0.0843124999999955, -1.2646875000000044
    ]
    z.scores.forEach((score, i) => expect(score).toBeCloseTo(reference[i], 9))
  })

  it('falls back to the mean absolute deviation when the MAD is 0, and to zeros when all are equal', () => {
    const z = modifiedZScores([10, 10, 10, 10, 50])
    expect(z.mad).toBe(0)
    expect(z.scale).toBe('mean-absolute-deviation')
    // meanAD = 40/5 = 8; z = 40 / (1.253314·8)
    expect(z.scores[4]).toBeCloseTo(40 / (1.253314 * 8), 12)
    expect(z.scores.every(Number.isFinite)).toBe(true)
    expect(modifiedZScores([7, 7, 7])).toMatchObject({ scale: 'none', scores: [0, 0, 0] })
  })

  it('does not change under a positive affine transform (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 100_000 }).map((x) => x / 100),
          { minLength: 3, maxLength: 40 }
        ),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (xs, shift, scale) => {
          const a = modifiedZScores(xs)
          const b = modifiedZScores(xs.map((x) => x * scale + shift))
          // Rounding can turn an exactly-0 MAD into a tiny one; compare only like with like.
          fc.pre(a.scale === 'mad' && b.scale === 'mad')
          // Relative: a small MAD makes large scores, whose rounding error grows with them.
          a.scores.forEach((s, i) =>
            expect(Math.abs(b.scores[i] - s)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(s)))
          )
        }
      )
    )
  })
})

describe('findOutliers', () => {
  it('flags the planted spike and nothing else', () => {
    const o = findOutliers(WITH_SPIKE)
    expect(o.indices).toEqual([7])
    expect(o.values).toEqual([131])
    expect(o.threshold).toBe(3.5)
  })

  it('flags nothing in steady timings', () => {
    expect(findOutliers([1001, 998, 1003, 999, 1002, 1000, 997, 1001]).indices).toEqual([])
  })

  it('rarely flags clean normal data: ~1% of values at n = 15, under 0.2% at n = 200', () => {
    // The MAD of a small sample is itself noisy, so small samples flag more than the
    // asymptotic P(|Z| > 3.5) = 0.05%; a rule with the wrong constant would flag far more.
    const normal = seededNormal(5)
    const rate = (n: number, samples: number): number => {
      let flagged = 0
      for (let s = 0; s < samples; s++) {
        flagged += findOutliers(Array.from({ length: n }, () => 250 + 4 * normal())).indices.length
      }
      return flagged / (n * samples)
    }
    expect(rate(15, 2000)).toBeLessThan(0.02)
    expect(rate(200, 100)).toBeLessThan(0.002)
  })

  it('flags a value planted far outside any data set (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 4, maxLength: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        (xs, at, above) => {
          const range = Math.max(...xs) - Math.min(...xs)
          // Far beyond the range, so beyond 3.5 robust scales whatever the MAD is.
          const planted = above
            ? Math.max(...xs) + 100 * (range + 1)
            : Math.min(...xs) - 100 * (range + 1)
          const position = at % (xs.length + 1)
          const data = [...xs.slice(0, position), planted, ...xs.slice(position)]
          expect(findOutliers(data).indices).toContain(position)
        }
      )
    )
  })
})

describe('mannKendall', () => {
  // scipy.stats.kendalltau(range(n), y, method='exact') and scipy.stats.theilslopes.
  it.each([
    [[5.1, 5.3, 5.2, 5.6, 5.5, 5.9, 6.0], 0.8095238095238096, 0.010714285714285714, 0.15],
    [[3, 1, 4, 1.5, 9, 2.6, 5.3, 5.8, 9.7, 7.9], 0.5555555555555555, 0.02860945767195767, 0.8],
    [[10, 9, 8, 7, 6], -1, 0.016666666666666666, -1]
  ])('matches scipy’s exact Kendall test for %j', (ys, tau, p, slope) => {
    const t = mannKendall(ys)
    expect(t.method).toBe('mann-kendall-exact')
    expect(t.tau).toBeCloseTo(tau, 12)
    expect(t.pValue).toBeCloseTo(p, 12)
    expect(t.slope).toBeCloseTo(slope, 12)
  })

  it('uses the tie-corrected normal approximation with continuity correction when values tie', () => {
    // Hand computation in reference_values.py: S = 58, var = 208, z = 57/√208.
    const t = mannKendall([100, 101, 101, 103, 102, 104, 104, 104, 106, 105, 107, 108])
    expect(t.method).toBe('mann-kendall-normal')
    expect(t.s).toBe(58)
    expect(t.z).toBeCloseTo(3.9522388981047576, 12)
    expect(t.pValue).toBeCloseTo(7.742338784705771e-5, 15)
    expect(t.slope).toBeCloseTo(2 / 3, 12)
  })

  it('gives a monotone run the smallest exact p-value, 2/n!', () => {
    expect(mannKendall([1, 2, 3, 4, 5, 6]).pValue).toBeCloseTo(2 / 720, 15)
  })

  it('flips S and keeps p when the order is reversed (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 60 }),
        (ys) => {
          const a = mannKendall(ys)
          const b = mannKendall([...ys].reverse())
          expect(b.s + a.s).toBe(0)
          expect(b.pValue).toBeCloseTo(a.pValue, 12)
          expect(a.pValue).toBeGreaterThan(0)
          expect(a.pValue).toBeLessThanOrEqual(1)
        }
      )
    )
  })

  it('needs three values', () => {
    expect(() => mannKendall([1, 2])).toThrow(RangeError)
  })
})
