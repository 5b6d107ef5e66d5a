/**
 * A study that compared kernels (`--compare-kernels`, the Scaling view's
 * choice): the same size sweep with each kernel, read side by side. The
 * faster loop shrinks the compute and leaves the start-up and messaging cost
 * as it was, so N workers need a bigger job to win (the break-even moves up)
 * and at a fixed size the speedup is lower. Figures only, from the study's
 * own runs and its analysis; the report catalogs word them (report/catalog).
 */
import type { StudyAnalysis, SizeSweepAnalysis } from './types'
import type { KernelName, PoolMode, RunBackend } from '../config'
import type { BreakEven } from '../stats/findBreakEven'
import type { SpeedupEstimate } from './speedupWithError'
import type { StudyRecord } from '../study'
import { medianNsPerElement } from '../throughput'

export interface KernelSweepSummary {
  kernel: KernelName
  /** The loop's own speed: median ns/element of 1 worker at the largest size, warm pool. */
  nsPerElement: number | null
  /** Where N first beats 1, per pool (null when that pool's sweep is missing). */
  breakEven: Record<PoolMode, BreakEven | null>
  /** N over 1 at the largest size, warm pool. */
  speedupAtLargest: SpeedupEstimate | null
}

export interface KernelComparison {
  backend: RunBackend
  /** N of the sweep. */
  workers: number
  smallestSize: number
  largestSize: number
  kernels: KernelSweepSummary[]
  /** The faster and the slower loop, and how many times less time per element the faster took. */
  faster: KernelName | null
  slower: KernelName | null
  ratio: number | null
}

/** The kernels of a study side by side; null when the study did not compare kernels. */
export function compareKernels(
  study: StudyRecord,
  analysis: StudyAnalysis
): KernelComparison | null {
  const kernels = study.config.kernels
  if (!kernels || study.sweepWorkers === null) return null
  const backend = study.config.backends?.[0] ?? study.config.base.backend
  const sweepOf = (kernel: KernelName, pool: PoolMode): SizeSweepAnalysis | undefined =>
    analysis.sizeSweeps.find((s) => s.kernel === kernel && s.pool === pool && s.backend === backend)
  const runsOf = (kernel: KernelName) =>
    study.sizeRuns.filter((r) => r.kernel === kernel && r.backend === backend)
  const sizes = study.sizeRuns.map((r) => r.size)
  if (sizes.length === 0) return null
  const smallestSize = Math.min(...sizes)
  const largestSize = Math.max(...sizes)

  const rows: KernelSweepSummary[] = kernels.map((kernel) => {
    const largestWarm = runsOf(kernel).find((r) => r.pool === 'warm' && r.size === largestSize)
    const one = largestWarm?.run.results.find((r) => r.workers === 1)
    const warm = sweepOf(kernel, 'warm')
    return {
      kernel,
      nsPerElement: largestWarm && one ? medianNsPerElement(largestWarm.run.config, one) : null,
      breakEven: {
        warm: warm?.breakEven ?? null,
        cold: sweepOf(kernel, 'cold')?.breakEven ?? null
      },
      speedupAtLargest: warm?.points.find((p) => p.size === largestSize)?.speedup ?? null
    }
  })

  const timed = rows.filter((r) => r.nsPerElement !== null)
  const byNs = [...timed].sort((a, b) => a.nsPerElement! - b.nsPerElement!)
  const fast = byNs.length >= 2 ? byNs[0] : null
  const slow = byNs.length >= 2 ? byNs[byNs.length - 1] : null
  const ratio = fast && slow ? slow.nsPerElement! / fast.nsPerElement! : null
  return {
    backend,
    workers: study.sweepWorkers,
    smallestSize,
    largestSize,
    kernels: rows,
    faster: fast?.kernel ?? null,
    slower: slow?.kernel ?? null,
    ratio
  }
}
