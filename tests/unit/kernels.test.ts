import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KERNELS } from '../../src/shared/kernel'
import type { KernelName } from '../../src/shared/kernel'
import { expectedSum } from '../../src/shared/range'
import { RangeSum, sumRange } from '../../src/worker/kernel'
import {
  availableKernels,
  kernelUnavailableReason,
  WASM_KERNEL_BYTES
} from '../../src/worker/kernels'
import { JS_CHUNK, jsChunkEnd, sumSliceJs } from '../../src/worker/kernels/jsKernel'
import { canRunWasm } from '../../src/worker/kernels/wasmKernel'

const MAX = Number.MAX_SAFE_INTEGER
const closed = (start: number, end: number): bigint => expectedSum({ start, end })

/** Every kernel's answer for [start, end): they must all equal the closed form. */
const eachKernel = (start: number, end: number): Record<KernelName, bigint> =>
  Object.fromEntries(KERNELS.map((k) => [k, sumRange(start, end, k)])) as Record<KernelName, bigint>

const expectExact = (start: number, end: number): void => {
  const want = closed(start, end)
  for (const [kernel, got] of Object.entries(eachKernel(start, end)))
    expect({ kernel, start, end, sum: got }).toEqual({ kernel, start, end, sum: want })
}

describe('both kernels, against the closed form', () => {
  it('this runtime has WebAssembly SIMD, so both kernels run here', () => {
    expect(availableKernels()).toEqual(['js', 'wasm'])
  })

  it.each([
    ['empty', 5, 5],
    ['empty at −2^53', -MAX, -MAX],
    ['empty at +2^53', MAX, MAX],
    ['one element', 7, 8],
    ['one negative element', -7, -6],
    ['one element at −(2^53 − 1)', -MAX, -MAX + 1],
    ['one element at 2^53 − 2', MAX - 1, MAX],
    ['fewer than a SIMD iteration', 3, 10],
    ['exactly one SIMD iteration', 0, 8],
    ['one flush block and a tail', -1000, 1051],
    ['straddling zero', -5, 7],
    ['straddling zero, long', -1_234_567, 2_345_678],
    ['symmetric around zero', -100_000, 100_001],
    ['touching 2^53 − 1', MAX - 100_003, MAX],
    ['touching −(2^53 − 1)', -MAX, -MAX + 100_003],
    ['the tutorial range', 0, 50_000_000]
  ])('%s: [%d, %d)', (_name, start, end) => {
    expectExact(start, end)
  })

  it('agree with each other and the closed form on random ranges anywhere (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX, max: MAX }),
        fc.integer({ min: 0, max: 5000 }),
        (start, length) => {
          const end = Math.min(MAX, start + length)
          expectExact(start, end)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('stay exact on long ranges touching ±(2^53 − 1) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), fc.boolean(), (length, top) => {
        const [start, end] = top ? [MAX - length, MAX] : [-MAX, -MAX + length]
        expectExact(start, end)
      }),
      { numRuns: 20 }
    )
  })

  it('stay exact where lanes and chunks must flush: ranges longer than a js chunk (2^26) at 2^52', () => {
    const start = 2 ** 52 + 12_345
    const end = start + JS_CHUNK + 9
    expect(sumSliceJs(start, end)).toBe(closed(start, end))
    expect(sumRange(start, end, 'wasm')).toBe(closed(start, end))
  })

  it('give the same sum in any slicing (the worker sums in slices)', () => {
    for (const kernel of KERNELS) {
      for (const slice of [1, 7, 8, 9, 2049, 1 << 20]) {
        const job = new RangeSum(MAX - 70_000, MAX, kernel)
        while (!job.done) job.step(slice)
        expect(job.sum).toBe(closed(MAX - 70_000, MAX))
        expect(job.elementsDone).toBe(70_000)
      }
    }
  })

  it('the range spanning the whole safe interval is refused by neither: its bounds are safe', () => {
    // Only check that a job over the widest range starts and its first slices are exact.
    for (const kernel of KERNELS) {
      const job = new RangeSum(-MAX, MAX, kernel)
      job.step(1000)
      expect(job.sum).toBe(closed(-MAX, -MAX + 1000))
    }
  })
})

describe('the js kernel’s chunks (regression: they shrank to one element next to ±2^53)', () => {
  it('are 2^26 elements long at any magnitude, and their offsets sum exactly in a double', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX - JS_CHUNK }), (from) => {
        expect(jsChunkEnd(from, MAX) - from).toBe(JS_CHUNK)
      })
    )
    expect(jsChunkEnd(MAX - 100_000_000, MAX) - (MAX - 100_000_000)).toBe(JS_CHUNK)
    expect(jsChunkEnd(-MAX, 0) - -MAX).toBe(JS_CHUNK)
    expect(jsChunkEnd(MAX - 5, MAX)).toBe(MAX)
    // 0 + 1 + … + (2^26 − 1) < 2^53: every partial sum of a chunk's offsets is exact.
    expect((JS_CHUNK * (JS_CHUNK - 1)) / 2).toBeLessThan(2 ** 53)
  })
})

describe('wasm feature detection', () => {
  it('validates the assembled module with WebAssembly.validate', () => {
    expect(WASM_KERNEL_BYTES.byteLength).toBeGreaterThan(100)
    expect(canRunWasm(WASM_KERNEL_BYTES)).toBe(true)
  })

  it('offers only js when the runtime rejects SIMD (simulated)', () => {
    expect(availableKernels(() => false)).toEqual(['js'])
    expect(
      availableKernels(() => {
        throw new Error('no SIMD')
      })
    ).toEqual(['js'])
  })

  it('says why wasm cannot run, and nothing when it can', () => {
    expect(kernelUnavailableReason('wasm', ['js'])).toMatch(/WebAssembly SIMD/)
    expect(kernelUnavailableReason('wasm', ['js', 'wasm'])).toBeNull()
    expect(kernelUnavailableReason('js', ['js'])).toBeNull()
  })
})
