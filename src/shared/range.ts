/** A half-open range [start, end) of safe integers. */
export interface Range {
  start: number
  end: number
}

/** Number of integers in [start, end). Exact as a bigint (it can exceed 2^53). */
export function rangeLength(range: Range): bigint {
  return BigInt(range.end) - BigInt(range.start)
}

/**
 * Splits [start, end) into `parts` contiguous near-equal ranges: the first
 * (length mod parts) get one element more. With more parts than elements
 * the surplus parts are empty (start === end), never negative.
 */
export function splitRange(range: Range, parts: number): Range[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be an integer ≥ 1')
  const length = rangeLength(range)
  const count = BigInt(parts)
  const base = length / count
  const extra = length % count
  const out: Range[] = []
  let cursor = BigInt(range.start)
  for (let i = 0n; i < count; i++) {
    const size = base + (i < extra ? 1n : 0n)
    const next = cursor + size
    out.push({ start: Number(cursor), end: Number(next) })
    cursor = next
  }
  return out
}

/** The closed form of the sum of [start, end): n·(a+b)/2 with b = end − 1. */
export function expectedSum(range: Range): bigint {
  const n = rangeLength(range)
  if (n === 0n) return 0n
  const a = BigInt(range.start)
  const b = BigInt(range.end) - 1n
  return (n * (a + b)) / 2n
}
