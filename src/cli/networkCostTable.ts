import type { NetworkCostAnalysis } from '../shared/analysis'
import { breakEvenCell, networkDifferenceText } from '../shared/report'
import { formatInteger, formatMsCell, formatPercent } from '../shared/format'
import { layoutTable } from './table'

/**
 * The network-cost study side by side: per size each backend's N-worker
 * median and the network's part of the cluster's; under it each backend's
 * break-even and how far apart they are.
 */
export function formatNetworkCostTable(c: NetworkCostAnalysis): string {
  const n = c.workers
  const local = c.local.backend
  const head = [
    'Size',
    `${local}: ${n} workers (ms)`,
    `cluster: ${n} workers (ms)`,
    'Network (ms)',
    'Network share'
  ]
  const rows = c.points.map((p) => [
    formatInteger(p.size),
    formatMsCell(p.localTnMs),
    formatMsCell(p.clusterTnMs),
    p.networkMs === null ? '—' : formatMsCell(p.networkMs),
    p.networkShare === null ? '—' : formatPercent(p.networkShare)
  ])
  const sizes = c.points.map((p) => p.size)
  const kernel = c.kernel ? `${c.kernel} kernel, ` : ''
  return (
    `Network cost: ${kernel}${c.pool} pool, 1 vs ${n} workers — ${local} and cluster side by side\n` +
    `${layoutTable(head, rows, false)}\n` +
    `Break-even (N first beats 1): ${local} ${breakEvenCell(c.local.breakEven, sizes)} · ` +
    `cluster ${breakEvenCell(c.cluster.breakEven, sizes)} · difference: ${networkDifferenceText(c)}`
  )
}
