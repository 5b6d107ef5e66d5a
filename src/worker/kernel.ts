/**
 * The product's job: the exact sum of every integer in [start, end), in
 * resumable slices, by one of the kernels in ./kernels (`js`, the tutorial's
 * loop, by default; `wasm`, a SIMD loop near the hardware limit).
 */
import type { KernelName } from '../shared/kernel'
import { sliceSumFor } from './kernels'
import type { SliceSum } from './kernels'

/**
 * A resumable summation of [start, end), so a worker can do it in slices
 * and stay responsive to cancel messages between them.
 */
export class RangeSum {
  private cursor: number
  private total = 0n
  private readonly sliceSum: SliceSum
  readonly start: number
  readonly end: number

  constructor(start: number, end: number, kernel: KernelName = 'js') {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
      throw new RangeError('range bounds must be safe integers')
    }
    if (end < start) throw new RangeError('end must be ≥ start')
    this.start = start
    this.end = end
    this.cursor = start
    this.sliceSum = sliceSumFor(kernel)
  }

  get done(): boolean {
    return this.cursor >= this.end
  }

  /** Elements summed so far. */
  get elementsDone(): number {
    return this.cursor - this.start
  }

  /** Fraction of the range already summed, 0…1. */
  get fraction(): number {
    if (this.end === this.start) return 1
    return (this.cursor - this.start) / (this.end - this.start)
  }

  /** Sums at most `maxElements` more elements; returns how many it did. */
  step(maxElements: number): number {
    const first = this.cursor
    // end − first may not be a safe integer (up to 2^54); comparing against end is exact.
    const sliceEnd = Math.min(this.end, first + Math.max(1, Math.floor(maxElements)))
    this.total += this.sliceSum(first, sliceEnd)
    this.cursor = sliceEnd
    return sliceEnd - first
  }

  get sum(): bigint {
    return this.total
  }
}

/** The exact sum of [start, end), in one go. */
export function sumRange(start: number, end: number, kernel: KernelName = 'js'): bigint {
  const job = new RangeSum(start, end, kernel)
  while (!job.done) job.step(Number.MAX_SAFE_INTEGER)
  return job.sum
}
