import { describe, expect, it } from 'vitest'
import { overheadBreakdown } from '../../../src/shared/scaling'

describe('overheadBreakdown', () => {
  it('splits repetitions into medians of spawn, dispatch, compute (slowest and mean) and merge', () => {
    const b = overheadBreakdown([
      { spawnMs: 40, wallMs: 110, computeMs: [100, 80], mergeMs: 0.2 },
      { spawnMs: 44, wallMs: 104, computeMs: [96, 96], mergeMs: 0.3 },
      { spawnMs: 90, wallMs: 130, computeMs: [90, 120], mergeMs: 0.1 }
    ])
    // By hand: dispatch = wall − slowest = 10, 8, 10; slowest 100, 96, 120; mean 90, 96, 105;
    // imbalance = slowest/mean − 1 = 1/9, 0, 1/7.
    expect(b).toEqual({
      n: 3,
      spawnMs: 44,
      dispatchMs: 10,
      computeSlowestMs: 100,
      computeMeanMs: 96,
      imbalance: expect.closeTo(1 / 9, 12),
      mergeMs: 0.2,
      networkMs: null
    })
  })

  it('gains a network part for cluster runs: the median of the measured round trips', () => {
    const b = overheadBreakdown([
      { spawnMs: null, wallMs: 110, computeMs: [100], mergeMs: 0, networkMs: 0.4 },
      { spawnMs: null, wallMs: 110, computeMs: [100], mergeMs: 0, networkMs: 0.9 },
      { spawnMs: null, wallMs: 110, computeMs: [100], mergeMs: 0, networkMs: 0.5 }
    ])
    expect(b.networkMs).toBe(0.5)
  })

  it('has no spawn time for warm pools and rejects empty input', () => {
    const warm = overheadBreakdown([{ spawnMs: null, wallMs: 50, computeMs: [49], mergeMs: 0 }])
    expect(warm.spawnMs).toBeNull()
    expect(warm.imbalance).toBe(0)
    expect(() => overheadBreakdown([])).toThrow(RangeError)
    expect(() =>
      overheadBreakdown([{ spawnMs: null, wallMs: 1, computeMs: [], mergeMs: 0 }])
    ).toThrow(RangeError)
  })
})
