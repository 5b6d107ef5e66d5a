import { describe, expect, it } from 'vitest'
import { karpFlattText as karpFlattMessage } from '../../../src/shared/report'
import { amdahlSpeedup, karpFlattSeries, uslSpeedup } from '../../../src/shared/scaling'

const sweep = (model: (n: number) => number, workers = [1, 2, 4, 8, 16]) =>
  workers.map((n) => ({ workers: n, speedup: model(n) }))

describe('karpFlattSeries', () => {
  it('is flat at the serial fraction for Amdahl data, and says what that caps', () => {
    const k = karpFlattSeries(sweep((n) => amdahlSpeedup(0.05, n)))
    expect(k.points.map((p) => p.workers)).toEqual([2, 4, 8, 16])
    k.points.forEach((p) => expect(p.serialFraction).toBeCloseTo(0.05, 12))
    expect(k.trend).toBe('flat')
    expect(karpFlattMessage(k)).toBe(
      'e stays near 0.05 (all 0.05) from 2 to 16 workers: the job behaves as if 5.0% of it ' +
        "were serial, which caps the speedup near 20× however many workers are added (Amdahl's law)."
    )
  })

  it('grows when a cost grows with the workers (USL κ > 0), and blames overhead, not serial code', () => {
    const k = karpFlattSeries(sweep((n) => uslSpeedup(0.02, 0.003, n), [1, 2, 3, 4, 6, 8]))
    expect(k.trend).toBe('growing')
    // Under the USL e(N) = σ + κN exactly, so the line's slope is κ.
    expect(k.slope!).toBeCloseTo(0.003, 12)
    expect(karpFlattMessage(k)).toMatch(
      /^e grows from 0\.0\d+ at 2 workers to 0\.\d+ at 8 workers: the loss is overhead/
    )
    expect(karpFlattMessage(k)).toContain('not serial code')
  })

  it('shrinks when a one-off cost is spread over more workers', () => {
    const e = [0.09, 0.08, 0.06, 0.02] // 0.1 − 0.005·N
    const k = karpFlattSeries(
      [2, 4, 8, 16].map((n, i) => ({ workers: n, speedup: 1 / (e[i] + (1 - e[i]) / n) }))
    )
    expect(k.points.map((p) => p.serialFraction)).toEqual(e.map((x) => expect.closeTo(x, 12)))
    expect(k.trend).toBe('shrinking')
    expect(karpFlattMessage(k)).toMatch(/^e falls from 0\.09 at 2 workers to 0\.02 at 16 workers/)
  })

  it('reports near-perfect scaling as such', () => {
    const k = karpFlattSeries(sweep((n) => n))
    expect(k.trend).toBe('flat')
    expect(karpFlattMessage(k)).toContain('no measurable serial part')
  })

  it('propagates the speedup error: σ_e = σ_S / (S²(1 − 1/N))', () => {
    const [n, s, sigma] = [4, 3.2, 0.05]
    const k = karpFlattSeries([{ workers: n, speedup: s, error: sigma }])
    const e = (x: number): number => (1 / x - 1 / n) / (1 - 1 / n)
    // Central difference of e(S), independent of the closed form.
    const h = 1e-6
    const numeric = (Math.abs(e(s + h) - e(s - h)) / (2 * h)) * sigma
    expect(k.points[0].error).toBeCloseTo(numeric, 9)
  })

  it('judges a trend against the errors when they are given', () => {
    // The same three values of e: a clear rise with small errors, noise with large ones.
    const base = [
      { workers: 2, speedup: 1.9 },
      { workers: 4, speedup: 3.4 },
      { workers: 8, speedup: 5.2 }
    ]
    const precise = karpFlattSeries(base.map((p) => ({ ...p, error: 0.005 })))
    const vague = karpFlattSeries(base.map((p) => ({ ...p, error: 0.5 })))
    expect(precise.trend).toBe('growing')
    expect(vague.trend).toBe('flat')
  })

  it('says when there is too little to judge', () => {
    expect(karpFlattSeries([{ workers: 1, speedup: 1 }]).trend).toBe('insufficient')
    const one = karpFlattSeries(sweep((n) => amdahlSpeedup(0.1, n), [1, 2]))
    expect(one.trend).toBe('insufficient')
    expect(karpFlattMessage(one)).toMatch(/^e is 0\.1 at 2 workers; measure more worker counts/)
    const two = karpFlattSeries(sweep((n) => amdahlSpeedup(0.1, n), [2, 4]))
    expect(two.trend).toBe('insufficient')
    expect(karpFlattMessage(two)).toContain('two points cannot tell a trend from noise')
  })
})
