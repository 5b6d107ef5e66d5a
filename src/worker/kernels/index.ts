/**
 * The kernels a worker can run, by name, and which of them this runtime
 * supports. Both add every element of [from, to) exactly; the closed form
 * only verifies.
 */
import type { KernelName } from '../../shared/kernel'
import { sumSliceJs } from './jsKernel'
import sumRangeWasm from './sumRange.wat'
import { canRunWasm, createWasmSliceSum } from './wasmKernel'
import type { SliceSum } from './wasmKernel'

export type { SliceSum }

/** The assembled wasm kernel (sumRange.wat), inlined into the bundle at build time. */
export const WASM_KERNEL_BYTES: Uint8Array = sumRangeWasm

/** Kernels this runtime can run; `validate` stands in for WebAssembly.validate in tests. */
export function availableKernels(validate?: (bytes: Uint8Array) => boolean): KernelName[] {
  return canRunWasm(WASM_KERNEL_BYTES, validate) ? ['js', 'wasm'] : ['js']
}

/** Why a kernel cannot run here, in words a user acts on; null when it can. */
export function kernelUnavailableReason(
  kernel: KernelName,
  available: readonly KernelName[]
): string | null {
  if (available.includes(kernel)) return null
  return kernel === 'wasm'
    ? 'the wasm kernel needs WebAssembly SIMD (i64x2), which this worker runtime does not support; choose the js kernel'
    : `the ${kernel} kernel is not available in this worker runtime`
}

let wasmSlice: SliceSum | null = null

/** The exact slice sum of `kernel` (the wasm module is compiled once, on first use). */
export function sliceSumFor(kernel: KernelName): SliceSum {
  if (kernel === 'js') return sumSliceJs
  wasmSlice ??= createWasmSliceSum(WASM_KERNEL_BYTES)
  return wasmSlice
}
