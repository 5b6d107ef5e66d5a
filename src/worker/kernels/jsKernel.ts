/**
 * The `js` kernel, the tutorial's loop: every element added, one at a time,
 * into a double.
 *
 * A double adds integers exactly only while every partial sum stays within
 * 2^53. Each chunk therefore adds the elements' offsets from the chunk's
 * first element (i − from, all in [0, k)), which keeps the partial sums
 * small whatever the range's magnitude, and the chunk's base (from · k) is
 * added back in BigInt. So the loop is as fast near ±2^53 as near 0.
 */

/**
 * The longest chunk whose offsets 0 + 1 + … + (k − 1) stay below 2^53:
 * k(k − 1)/2 < 2^53 for k = 2^26 (the sum is ≈ 2^51).
 */
export const JS_CHUNK = 2 ** 26

/**
 * Where the chunk starting at `from` ends: JS_CHUNK elements on, whatever the
 * magnitude (the kernel it replaced shrank chunks to 2^53 ÷ |from|, one
 * element next to ±2^53, and was 70× slower there).
 */
export const jsChunkEnd = (from: number, to: number): number => Math.min(to, from + JS_CHUNK)

/** Sum of (i − from) for i in [from, to); exact while to − from ≤ JS_CHUNK. */
function sumOffsets(from: number, to: number): number {
  let s = 0
  for (let i = from; i < to; i++) s += i - from
  return s
}

/** The exact sum of [from, to), chunk by chunk. */
export function sumSliceJs(from: number, to: number): bigint {
  let total = 0n
  for (let chunk = from; chunk < to;) {
    const next = jsChunkEnd(chunk, to)
    // Within the exact zone a double → BigInt conversion is lossless.
    total += BigInt(sumOffsets(chunk, next)) + BigInt(chunk) * BigInt(next - chunk)
    chunk = next
  }
  return total
}
