/**
 * Which model the analysis reports, case by case: each test pins a basis, a
 * choice or ΔAICc that a mutant of compareScalingModels.ts changed
 * (docs/MUTATION.md).
 */
import { describe, expect, it } from 'vitest'
import {
  AICC_MARGIN,
  compareScalingModels,
  uslEarnsItsParameter
} from '../../../src/shared/stats/compareScalingModels'

// A peak near 26 workers (the models test's data): the USL wins clearly.
const PEAKED = [2, 4, 8, 12, 16, 24, 32].map((workers, i) => ({
  workers,
  speedup: [1.93, 3.61, 6.05, 7.7, 8.62, 9.41, 9.18][i]
}))
// A little curvature (κ > 0) that five counts cannot justify: Amdahl is enough.
const SLIGHT = [2, 3, 4, 6, 8].map((workers, i) => ({
  workers,
  speedup: [1.939, 2.631, 3.477, 4.828, 5.576][i]
}))

describe('compareScalingModels, case by case', () => {
  it('has nothing to fit without a worker count above one', () => {
    expect(compareScalingModels([{ workers: 1, speedup: 1 }])).toEqual({
      amdahl: null,
      usl: null,
      best: null,
      deltaAicc: null,
      basis: 'no-fit'
    })
  })

  it('cannot test the USL with one count above one (no USL fit) or four (no USL AICc)', () => {
    const one = compareScalingModels([{ workers: 4, speedup: 3 }])
    expect(one).toMatchObject({
      usl: null,
      best: 'amdahl',
      deltaAicc: null,
      basis: 'usl-untestable'
    })
    expect(one.amdahl).not.toBeNull()
    const four = compareScalingModels(SLIGHT.slice(0, 4))
    expect(four.usl).not.toBeNull()
    expect(four.usl!.aicc).toBeNull()
    expect(four.amdahl!.aicc).not.toBeNull()
    expect(four).toMatchObject({ best: 'amdahl', deltaAicc: null, basis: 'usl-untestable' })
  })

  it('repetitions of one count: Amdahl has an AICc, the USL no fit, and the USL stays untested', () => {
    // Four points at 4 workers: enough for Amdahl's AICc (n = 4 > 3), one distinct count for the USL.
    const same = compareScalingModels([3, 3.1, 2.9, 3].map((speedup) => ({ workers: 4, speedup })))
    expect(same.amdahl!.aicc).not.toBeNull()
    expect(same).toMatchObject({
      usl: null,
      best: 'amdahl',
      deltaAicc: null,
      basis: 'usl-untestable'
    })
  })

  it('chooses the USL when κ > 0 and ΔAICc = AICc(Amdahl) − AICc(USL) ≥ 2', () => {
    const c = compareScalingModels(PEAKED)
    expect(c.usl!.kappa).toBeGreaterThan(0)
    expect(c.deltaAicc).toBe(c.amdahl!.aicc! - c.usl!.aicc!)
    expect(c.deltaAicc!).toBeGreaterThan(2)
    expect(c).toMatchObject({ best: 'usl', basis: 'usl-better' })
  })

  it('keeps Amdahl when κ > 0 but ΔAICc < 2', () => {
    const c = compareScalingModels(SLIGHT)
    expect(c.usl!.kappa).toBeGreaterThan(0)
    expect(c.deltaAicc).toBe(c.amdahl!.aicc! - c.usl!.aicc!)
    expect(c.deltaAicc!).toBeLessThan(2)
    expect(c).toMatchObject({ best: 'amdahl', basis: 'amdahl-enough' })
  })

  it('passes the weighting to both fits', () => {
    const points = PEAKED.map((p) => ({ ...p, error: 0.05 * p.speedup }))
    const c = compareScalingModels(points, { weighted: true })
    expect([c.amdahl!.weighted, c.usl!.weighted]).toEqual([true, true])
    const plain = compareScalingModels(points)
    expect([plain.amdahl!.weighted, plain.usl!.weighted]).toEqual([false, false])
  })
})

describe('uslEarnsItsParameter at its exact boundaries', () => {
  it('believes the USL from a ΔAICc of exactly the margin, not below it', () => {
    expect(AICC_MARGIN).toBe(2)
    expect(uslEarnsItsParameter(0.01, 2)).toBe(true)
    expect(uslEarnsItsParameter(0.01, 1.9999999999999998)).toBe(false)
    expect(uslEarnsItsParameter(0.01, 2.5)).toBe(true)
  })

  it('never for κ = 0 (Amdahl itself) or below, whatever the ΔAICc', () => {
    expect(uslEarnsItsParameter(0, 10)).toBe(false)
    expect(uslEarnsItsParameter(-0.01, 10)).toBe(false)
    expect(uslEarnsItsParameter(Number.MIN_VALUE, 10)).toBe(true)
  })
})
