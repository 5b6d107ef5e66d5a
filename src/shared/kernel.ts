/**
 * The loops that add the elements (no zod here: the worker bundle imports it).
 * js: the tutorial's loop, one double addition per element (exact, chunked).
 * wasm: a WebAssembly SIMD loop (i64x2 lanes, 128-bit flush) near the hardware limit.
 */
export const KERNELS = ['js', 'wasm'] as const

export type KernelName = (typeof KERNELS)[number]

export const isKernelName = (v: unknown): v is KernelName =>
  typeof v === 'string' && (KERNELS as readonly string[]).includes(v)

/** The kernel a configuration runs: absent (older records, older callers) is the js loop. */
export const kernelOf = (config: { kernel?: KernelName }): KernelName => config.kernel ?? 'js'
