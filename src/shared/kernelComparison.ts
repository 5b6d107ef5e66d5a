/**
 * A study that compared kernels (`--compare-kernels`, the Scaling view's
 * choice): the same size sweep with each kernel, read side by side. The
 * faster loop shrinks the compute and leaves the start-up and messaging cost
 * as it was, so N workers need a bigger job to win (the break-even moves up)
 * and at a fixed size the speedup is lower. Figures only come from the
 * study's own runs and its analysis; the sentences are English (the CLI and
 * Markdown), the renderer words the same figures in its language.
 */
import type { StudyAnalysis, SizeSweepAnalysis } from './analysis'
import type { KernelName, PoolMode, RunBackend } from './config'
import type { BreakEven } from './stats/findBreakEven'
import type { SpeedupEstimate } from './analysis/speedupWithError'
import type { StudyRecord } from './study'
import { medianNsPerElement } from './throughput'
import { formatFixed, formatInteger, formatSize, formatSpeedup } from './format'

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
  sentences: string[]
}

/** "about 2,000,000", "below 10,000", "above 1,000,000,000": a break-even in words. */
export function describeBreakEvenSize(
  b: BreakEven | null,
  smallest: number,
  largest: number
): string {
  if (!b) return '—'
  switch (b.status) {
    case 'always':
      return `below ${formatInteger(smallest)}`
    case 'never':
      return `above ${formatInteger(largest)}`
    case 'crosses':
      return b.size === null ? 'unclear' : `about ${formatSize(b.size)}`
    case 'mixed':
      return b.size === null ? 'unclear (noisy)' : `about ${formatSize(b.size)} (noisy)`
  }
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
  const n = study.sweepWorkers
  const sentences: string[] = []
  if (fast && slow && ratio !== null) {
    sentences.push(
      `The ${fast.kernel} loop took ${formatFixed(ratio, 1)}× less time per element than ${slow.kernel} ` +
        `(${formatFixed(fast.nsPerElement, 3)} vs ${formatFixed(slow.nsPerElement, 3)} ns, 1 worker, ${formatInteger(largestSize)} elements).`
    )
    for (const pool of ['warm', 'cold'] as const) {
      const [bs, bf] = [slow.breakEven[pool], fast.breakEven[pool]]
      if (!bs || !bf) continue
      sentences.push(
        `${backend}, ${pool} pool: the break-even (where ${n} workers first beat 1) is ` +
          `${describeBreakEvenSize(bs, smallestSize, largestSize)} elements with ${slow.kernel} and ` +
          `${describeBreakEvenSize(bf, smallestSize, largestSize)} with ${fast.kernel}.`
      )
    }
    const [ss, sf] = [slow.speedupAtLargest, fast.speedupAtLargest]
    if (ss && sf) {
      const why =
        sf.speedup < ss.speedup
          ? 'the same overhead weighs more against a shorter compute, so a faster loop makes parallelism pay off later.'
          : 'here the noise hides the drop a shorter compute should show against the same overhead.'
      sentences.push(
        `At ${formatInteger(largestSize)} elements (warm) ${n} workers were ${formatSpeedup(ss.speedup)} as fast as 1 ` +
          `with ${slow.kernel} and ${formatSpeedup(sf.speedup)} with ${fast.kernel}: ${why}`
      )
    }
  }
  return {
    backend,
    workers: n,
    smallestSize,
    largestSize,
    kernels: rows,
    faster: fast?.kernel ?? null,
    slower: slow?.kernel ?? null,
    ratio,
    sentences
  }
}
