import type { NetworkCostAnalysis } from '../shared/analysis'
import { formatCount, formatSize } from '../shared/analysis'
import type { BreakEven } from '../shared/stats/findBreakEven'
import { formatPercent, formatValue } from '../shared/stats/formatNumber'
import { layoutTable, ms } from './table'

/** A break-even for a table cell: "≈ 180,000 (120,000 … 250,000)", "< 10,000", "> 10^8". */
export function breakEvenCell(b: BreakEven, sizes: readonly number[]): string {
  if (b.status === 'always') return `< ${formatCount(Math.min(...sizes))} (N won at every size)`
  if (b.status === 'never') return `> ${formatCount(Math.max(...sizes))} (N never won)`
  if (b.size === null) return 'none (the winner changes back and forth)'
  const lower = b.interval.lower === null ? '…' : formatSize(b.interval.lower)
  const upper = b.interval.upper === null ? '…' : formatSize(b.interval.upper)
  return `≈ ${formatSize(b.size)} (${lower} … ${upper})${b.status === 'mixed' ? ', mixed' : ''}`
}

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
    formatCount(p.size),
    ms(p.localTnMs),
    ms(p.clusterTnMs),
    p.networkMs === null ? '—' : ms(p.networkMs),
    p.networkShare === null ? '—' : formatPercent(p.networkShare)
  ])
  const sizes = c.points.map((p) => p.size)
  const difference =
    c.difference === 'unplaced'
      ? 'cannot be compared (a break-even could not be placed)'
      : c.difference === 'same'
        ? 'the same place on the sizes measured'
        : `${c.ratio !== null ? `${formatValue(c.ratio)}× ` : ''}${c.difference === 'cluster-later' ? 'later' : 'earlier'} on the cluster` +
          (c.apart ? ' (beyond the errors)' : ' (within the errors)')
  const kernel = c.kernel ? `${c.kernel} kernel, ` : ''
  return (
    `Network cost: ${kernel}${c.pool} pool, 1 vs ${n} workers — ${local} and cluster side by side\n` +
    `${layoutTable(head, rows, false)}\n` +
    `Break-even (N first beats 1): ${local} ${breakEvenCell(c.local.breakEven, sizes)} · ` +
    `cluster ${breakEvenCell(c.cluster.breakEven, sizes)} · difference: ${difference}`
  )
}
