/**
 * The network's cost (networkCost.ts), case by case on hand-built sweeps
 * (docs/MUTATION.md): where each break-even lies ('always' below every size,
 * 'never' above, a mixed sweep without a crossing nowhere), the ratio only of
 * two interpolated sizes, 'apart' only when the error intervals do not touch,
 * the network's share of the cluster's time per size, and which local sweep
 * pairs with which cluster sweep.
 */
import { describe, expect, it } from 'vitest'
import { networkCost, networkCosts } from '../../../src/shared/analysis/networkCost'
import type { SizeSweepAnalysis } from '../../../src/shared/analysis/types'
import type { BreakEven } from '../../../src/shared/stats/findBreakEven'

const be = (
  status: BreakEven['status'],
  size: number | null,
  lower: number | null = size,
  upper: number | null = size
): BreakEven => ({ status, size, interval: { lower, upper } }) as unknown as BreakEven
const sweep = (
  backend: SizeSweepAnalysis['backend'],
  breakEven: BreakEven,
  points: { size: number; tn: number; networkMs?: number | null }[] = [],
  change: Partial<SizeSweepAnalysis> = {}
): SizeSweepAnalysis =>
  ({
    backend,
    pool: 'warm',
    workers: 4,
    breakEven,
    points: points.map((p) => ({
      size: p.size,
      tn: { value: p.tn },
      networkMs: p.networkMs ?? null
    })),
    ...change
  }) as unknown as SizeSweepAnalysis

describe('networkCost', () => {
  it('cluster later by the ratio of the sizes, apart when the intervals do not meet', () => {
    const c = networkCost(
      sweep('process', be('crosses', 1000, 800, 1200)),
      sweep('cluster', be('crosses', 4000, 3000, 5000))
    )
    expect(c).toMatchObject({ difference: 'cluster-later', ratio: 4, apart: true, workers: 4 })
    expect(c.local.backend).toBe('process')
    expect(c.pool).toBe('warm')
    expect(c).not.toHaveProperty('kernel')
    // Touching intervals are not apart; overlapping the other way neither.
    expect(
      networkCost(
        sweep('process', be('crosses', 1000, 800, 3000)),
        sweep('cluster', be('crosses', 4000, 3000, 5000))
      ).apart
    ).toBe(false)
    const earlier = networkCost(
      sweep('process', be('crosses', 4000, 3000, 5000)),
      sweep('cluster', be('crosses', 1000, 800, 1200))
    )
    expect(earlier).toMatchObject({ difference: 'cluster-earlier', ratio: 0.25, apart: true })
  })

  it('never apart when the places are the same, whatever the intervals; touching from above is not apart', () => {
    const same = networkCost(
      sweep('process', be('crosses', 500, 100, 200)),
      sweep('cluster', be('crosses', 500, 300, 400))
    )
    expect(same).toMatchObject({ difference: 'same', apart: false })
    const touching = networkCost(
      sweep('process', be('crosses', 4000, 3000, 5000)),
      sweep('cluster', be('crosses', 1000, 800, 3000))
    )
    expect(touching).toMatchObject({ difference: 'cluster-earlier', apart: false })
  })

  it('places always below and never above every size; same when both are on one side', () => {
    expect(
      networkCost(sweep('process', be('always', null)), sweep('cluster', be('crosses', 500)))
        .difference
    ).toBe('cluster-later')
    expect(
      networkCost(sweep('process', be('crosses', 500)), sweep('cluster', be('never', null)))
        .difference
    ).toBe('cluster-later')
    expect(
      networkCost(sweep('process', be('never', null)), sweep('cluster', be('crosses', 500)))
        .difference
    ).toBe('cluster-earlier')
    const same = networkCost(
      sweep('process', be('never', null)),
      sweep('cluster', be('never', null))
    )
    expect(same).toMatchObject({ difference: 'same', ratio: null, apart: false })
    expect(
      networkCost(sweep('process', be('crosses', 500)), sweep('cluster', be('crosses', 500)))
    ).toMatchObject({ difference: 'same', ratio: 1, apart: false })
  })

  it('a mixed sweep without a crossing is unplaced, never apart', () => {
    const u = networkCost(
      sweep('process', be('mixed', null, 10, 20)),
      sweep('cluster', be('crosses', 5000, 4000, 6000))
    )
    expect(u).toMatchObject({ difference: 'unplaced', ratio: null, apart: false })
    expect(
      networkCost(sweep('process', be('crosses', 500)), sweep('cluster', be('mixed', null)))
        .difference
    ).toBe('unplaced')
  })

  it('no ratio when either side is always, even with a size given', () => {
    expect(
      networkCost(sweep('process', be('always', 100)), sweep('cluster', be('crosses', 400))).ratio
    ).toBeNull()
    expect(
      networkCost(sweep('process', be('crosses', 100)), sweep('cluster', be('always', 400))).ratio
    ).toBeNull()
  })

  it('open interval ends: apart only where a finite end separates them', () => {
    // Local interval open above: it reaches the cluster's.
    expect(
      networkCost(
        sweep('process', be('crosses', 1000, 800, null)),
        sweep('cluster', be('crosses', 4000, 3000, 5000))
      ).apart
    ).toBe(false)
    // Cluster interval open below: the same.
    expect(
      networkCost(
        sweep('process', be('crosses', 1000, 800, 1200)),
        sweep('cluster', be('crosses', 4000, null, 5000))
      ).apart
    ).toBe(false)
  })

  it('per common size: both medians and the network’s share; the median network time', () => {
    const c = networkCost(
      sweep('process', be('crosses', 1000), [
        { size: 10, tn: 5 },
        { size: 100, tn: 6 },
        { size: 1000, tn: 7 },
        // Measured only locally: no point.
        { size: 2000, tn: 9 }
      ]),
      sweep('cluster', be('crosses', 1000), [
        { size: 100, tn: 8, networkMs: 2 },
        { size: 1000, tn: 0, networkMs: 6 },
        { size: 10, tn: 10, networkMs: null },
        { size: 5, tn: 1, networkMs: 100 }
      ])
    )
    expect(c.points).toEqual([
      { size: 10, localTnMs: 5, clusterTnMs: 10, networkMs: null, networkShare: null },
      { size: 100, localTnMs: 6, clusterTnMs: 8, networkMs: 2, networkShare: 0.25 },
      { size: 1000, localTnMs: 7, clusterTnMs: 0, networkMs: 6, networkShare: null }
    ])
    // The median of 2 and 6 (the size only the cluster measured is left out).
    expect(c.networkMs).toBe(4)
    expect(
      networkCost(sweep('process', be('crosses', 1)), sweep('cluster', be('crosses', 1))).networkMs
    ).toBeNull()
  })
})

describe('networkCosts', () => {
  it('pairs each local sweep with the cluster sweep of its pool, kernel and N', () => {
    const local = sweep('process', be('crosses', 100), [], { kernel: 'wasm' })
    const other = sweep('thread', be('crosses', 100), [], { pool: 'cold' })
    const clusterWarm = sweep('cluster', be('crosses', 300), [], { kernel: 'wasm' })
    const clusterJs = sweep('cluster', be('crosses', 900), [])
    const clusterN8 = sweep('cluster', be('crosses', 700), [], { kernel: 'wasm', workers: 8 })
    const costs = networkCosts([clusterN8, clusterJs, local, other, clusterWarm])
    expect(costs).toHaveLength(1)
    expect(costs[0]).toMatchObject({ kernel: 'wasm', ratio: 3, local: { backend: 'process' } })
    expect(networkCosts([clusterWarm, clusterJs])).toEqual([])
  })
})
