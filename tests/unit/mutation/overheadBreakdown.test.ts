/**
 * Edges of the overhead breakdown (overheadBreakdown.ts) the main tests
 * (tests/unit/scaling/overheadBreakdown.test.ts) leave open (docs/MUTATION.md):
 * spawn times only from the repetitions that measured one, network times only
 * where present, and an imbalance of 0, not NaN, when every worker computed
 * for 0 ms. Medians worked by hand.
 */
import { describe, expect, it } from 'vitest'
import { overheadBreakdown } from '../../../src/shared/analysis/overheadBreakdown'

describe('overheadBreakdown edges', () => {
  it('takes the median spawn and network time over the repetitions that have one', () => {
    const b = overheadBreakdown([
      { spawnMs: null, wallMs: 10, computeMs: [8], mergeMs: 0 },
      { spawnMs: 30, wallMs: 10, computeMs: [8], mergeMs: 0, networkMs: 2 },
      { spawnMs: 50, wallMs: 10, computeMs: [8], mergeMs: 0 },
      { spawnMs: null, wallMs: 10, computeMs: [8], mergeMs: 0, networkMs: 4 }
    ])
    // Spawns 30, 50 (not 0 for the nulls): median 40. Networks 2, 4: median 3.
    expect(b.spawnMs).toBe(40)
    expect(b.networkMs).toBe(3)
    expect(b.n).toBe(4)
    expect(b.dispatchMs).toBe(2)
  })

  it('gives an imbalance of 0 when the workers computed for 0 ms', () => {
    const b = overheadBreakdown([{ spawnMs: null, wallMs: 1, computeMs: [0, 0], mergeMs: 0 }])
    expect(b.imbalance).toBe(0)
    expect(b.computeSlowestMs).toBe(0)
    expect(b.dispatchMs).toBe(1)
  })

  it('reads the imbalance per repetition, then the median: 3/2 − 1 = 0.5', () => {
    const b = overheadBreakdown([
      { spawnMs: null, wallMs: 40, computeMs: [30, 10], mergeMs: 1 },
      { spawnMs: null, wallMs: 40, computeMs: [30, 10], mergeMs: 3 },
      { spawnMs: null, wallMs: 40, computeMs: [20, 20], mergeMs: 2 }
    ])
    expect(b.imbalance).toBe(0.5)
    expect(b.computeMeanMs).toBe(20)
    expect(b.computeSlowestMs).toBe(30)
    expect(b.mergeMs).toBe(2)
  })

  it('refuses no repetitions, and a repetition without compute times, saying which', () => {
    expect(() => overheadBreakdown([])).toThrow(new RangeError('no repetitions'))
    expect(() =>
      overheadBreakdown([{ spawnMs: null, wallMs: 1, computeMs: [], mergeMs: 0 }])
    ).toThrow(new RangeError('a repetition has no worker compute times'))
  })
})
