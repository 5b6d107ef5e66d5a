/**
 * The product's kernel: the exact sum of every integer in [start, end).
 *
 * A double adds integers exactly while every partial sum stays within
 * 2^53, so the range is walked in chunks whose sum is bounded by that, each
 * summed in a plain loop (as fast as an inexact one) and flushed into a
 * BigInt. Near ±2^53 chunks shrink to single elements: slower, still exact.
 */

const EXACT_LIMIT = 2 ** 53

/** Largest chunk length k starting at `from` such that any partial sum stays exact. */
export function exactChunkLength(from: number, end: number): number {
  // Every element of the chunk has |i| ≤ max(|from|, |last|) ≤ max(|from|, |end|).
  const magnitude = Math.max(Math.abs(from), Math.abs(end), 1)
  return Math.max(1, Math.floor(EXACT_LIMIT / magnitude) - 1)
}

/** Sum of [from, to) in a double; the caller guarantees the result is exact. */
function sumChunk(from: number, to: number): number {
  let s = 0
  for (let i = from; i < to; i++) s += i
  return s
}

/**
 * A resumable summation of [start, end), so a worker can do it in slices
 * and stay responsive to cancel messages between them.
 */
export class RangeSum {
  private cursor: number
  private total = 0n
  readonly start: number
  readonly end: number

  constructor(start: number, end: number) {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
      throw new RangeError('range bounds must be safe integers')
    }
    if (end < start) throw new RangeError('end must be ≥ start')
    this.start = start
    this.end = end
    this.cursor = start
  }

  get done(): boolean {
    return this.cursor >= this.end
  }

  /** Fraction of the range already summed, 0…1. */
  get fraction(): number {
    if (this.end === this.start) return 1
    return (this.cursor - this.start) / (this.end - this.start)
  }

  /** Sums at most `maxElements` more elements; returns how many it did. */
  step(maxElements: number): number {
    const sliceEnd = Math.min(this.end, this.cursor + Math.max(1, Math.floor(maxElements)))
    const first = this.cursor
    let from = this.cursor
    while (from < sliceEnd) {
      const to = Math.min(sliceEnd, from + exactChunkLength(from, sliceEnd))
      const partial = sumChunk(from, to)
      // Within the exact zone a double → BigInt conversion is lossless.
      this.total += BigInt(partial)
      from = to
    }
    this.cursor = sliceEnd
    return sliceEnd - first
  }

  get sum(): bigint {
    return this.total
  }
}

/** The exact sum of [start, end), in one go. */
export function sumRange(start: number, end: number): bigint {
  const job = new RangeSum(start, end)
  while (!job.done) job.step(Number.MAX_SAFE_INTEGER)
  return job.sum
}
