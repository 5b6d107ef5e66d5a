import type { KernelComparison } from '../shared/analysis/kernelComparison'
import { breakEvenPlace as describeBreakEvenSize, kernelSentences } from '../shared/report'
import { layoutTable } from './table'
import { formatFixed, formatInteger, formatThroughput, formatWithError } from '../shared/format'

/** The kernels side by side: the loop's speed, the break-even per pool, the speedup at the largest size. */
export function formatKernelTable(c: KernelComparison): string {
  const head = [
    'Kernel',
    'ns/element',
    'Per worker',
    'Break-even (warm)',
    'Break-even (cold)',
    `Speedup at ${formatInteger(c.largestSize)}`
  ]
  const rows = c.kernels.map((k) => [
    k.kernel,
    formatFixed(k.nsPerElement, 3),
    formatThroughput(k.nsPerElement === null ? null : 1e9 / k.nsPerElement),
    describeBreakEvenSize(k.breakEven.warm, c.smallestSize, c.largestSize),
    describeBreakEvenSize(k.breakEven.cold, c.smallestSize, c.largestSize),
    k.speedupAtLargest
      ? formatWithError(k.speedupAtLargest.speedup, k.speedupAtLargest.speedupError)
      : '—'
  ])
  return [
    `Kernels compared (${c.backend}, 1 vs ${c.workers} workers)`,
    layoutTable(head, rows, false),
    ...(kernelSentences(c).length ? ['', ...kernelSentences(c)] : [])
  ].join('\n')
}
