import { median } from 'simple-statistics'
import type { BreakEven } from '../stats/findBreakEven'
import type { NetworkCostAnalysis, SizeSweepAnalysis } from './types'

/**
 * A break-even as a place on the size axis: below every size measured
 * (`always`), above every one (`never`), the interpolated size, or nowhere
 * (a `mixed` sweep without a crossing).
 */
function placeOf(b: BreakEven): number | null {
  if (b.status === 'always') return Number.NEGATIVE_INFINITY
  if (b.status === 'never') return Number.POSITIVE_INFINITY
  return b.size
}

/** The break-even's error interval, open-ended where it lies beyond the sizes measured. */
const boundsOf = (b: BreakEven): [number, number] => [
  b.interval.lower ?? Number.NEGATIVE_INFINITY,
  b.interval.upper ?? Number.POSITIVE_INFINITY
]

/** One local sweep beside the cluster's (same pool, kernel and N). */
export function networkCost(
  local: SizeSweepAnalysis,
  cluster: SizeSweepAnalysis
): NetworkCostAnalysis {
  const a = placeOf(local.breakEven)
  const b = placeOf(cluster.breakEven)
  const difference: NetworkCostAnalysis['difference'] =
    a === null || b === null
      ? 'unplaced'
      : b > a
        ? 'cluster-later'
        : b < a
          ? 'cluster-earlier'
          : 'same'
  const ratio =
    local.breakEven.size !== null &&
    cluster.breakEven.size !== null &&
    local.breakEven.status !== 'always' &&
    cluster.breakEven.status !== 'always'
      ? cluster.breakEven.size / local.breakEven.size
      : null
  const [localLower, localUpper] = boundsOf(local.breakEven)
  const [clusterLower, clusterUpper] = boundsOf(cluster.breakEven)
  const apart =
    difference !== 'unplaced' &&
    difference !== 'same' &&
    (clusterLower > localUpper || localLower > clusterUpper)
  const points = local.points.flatMap((l) => {
    const c = cluster.points.find((p) => p.size === l.size)
    if (!c) return []
    const networkMs = c.networkMs
    return [
      {
        size: l.size,
        localTnMs: l.tn.value,
        clusterTnMs: c.tn.value,
        networkMs,
        networkShare: networkMs !== null && c.tn.value > 0 ? networkMs / c.tn.value : null
      }
    ]
  })
  const measured = points.flatMap((p) => (p.networkMs === null ? [] : [p.networkMs]))
  return {
    pool: local.pool,
    ...(local.kernel ? { kernel: local.kernel } : {}),
    workers: local.workers,
    local: { backend: local.backend, breakEven: local.breakEven },
    cluster: { breakEven: cluster.breakEven },
    difference,
    ratio,
    apart,
    points,
    networkMs: measured.length > 0 ? median(measured) : null
  }
}

/** Every local sweep that has a cluster sweep of the same pool and kernel beside it. */
export function networkCosts(sweeps: readonly SizeSweepAnalysis[]): NetworkCostAnalysis[] {
  const clusters = sweeps.filter((s) => s.backend === 'cluster')
  return sweeps.flatMap((local) => {
    if (local.backend === 'cluster') return []
    const cluster = clusters.find(
      (c) => c.pool === local.pool && c.kernel === local.kernel && c.workers === local.workers
    )
    return cluster ? [networkCost(local, cluster)] : []
  })
}
