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
  /**
   * What the speedups at the largest size teach, judged on the figures beside
   * them: `pays-off-later` only when the faster loop's speedup is lower beyond
   * the combined errors and no break-even says the opposite (the faster loop's
   * warm break-even clearly below the slower one's); `contradicted` when the
   * speedups point one way and the break-evens the other; else `within-noise`.
   */
  lesson: 'pays-off-later' | 'within-noise' | 'contradicted' | null
}

/** The warm break-evens' error intervals as places on the size axis (open ends beyond the sizes). */
function clearlyEarlier(a: BreakEven | null, b: BreakEven | null): boolean {
  if (!a || !b) return false
  const upperA =
    a.status === 'always'
      ? Number.NEGATIVE_INFINITY
      : (a.interval.upper ?? Number.POSITIVE_INFINITY)
  const lowerB =
    b.status === 'never' ? Number.POSITIVE_INFINITY : (b.interval.lower ?? Number.NEGATIVE_INFINITY)
  return upperA < lowerB
}

/** The lesson of the speedups at the largest size, from those speedups and the break-evens. */
export function kernelLesson(
  fast: KernelSweepSummary,
  slow: KernelSweepSummary
): KernelComparison['lesson'] {
  const [sf, ss] = [fast.speedupAtLargest, slow.speedupAtLargest]
  if (!sf || !ss) return null
  const apart = Math.abs(sf.speedup - ss.speedup) > Math.hypot(sf.speedupError, ss.speedupError)
  if (!apart || !(sf.speedup < ss.speedup)) return 'within-noise'
  // The faster loop winning earlier (its break-even clearly below) contradicts "later".
  return clearlyEarlier(fast.breakEven.warm, slow.breakEven.warm)
    ? 'contradicted'
    : 'pays-off-later'
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
    ratio,
    lesson: fast && slow ? kernelLesson(fast, slow) : null
  }
}
