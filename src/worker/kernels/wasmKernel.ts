/**
 * The `wasm` kernel: sumRange.wat (WebAssembly SIMD, four i64x2 accumulators
 * flushed into a 128-bit sum), instantiated from the module's bytes.
 */

interface SumRangeExports {
  sumRange(from: number, to: number): void
  hi(): bigint
  lo(): bigint
}

/** The WebAssembly namespace, or undefined where it is missing (e.g. node --jitless). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object) => { exports: unknown }
}
const wasmApi = (): WasmApi | undefined =>
  (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly

export type SliceSum = (from: number, to: number) => bigint

/**
 * Whether this runtime can run the module: WebAssembly itself, and the
 * features it uses (i64x2 SIMD). `validate` is injectable so a missing
 * feature can be simulated.
 */
export function canRunWasm(
  bytes: Uint8Array,
  validate: ((bytes: Uint8Array) => boolean) | undefined = wasmApi()?.validate
): boolean {
  if (typeof validate !== 'function') return false
  try {
    return validate.call(wasmApi(), bytes)
  } catch {
    return false
  }
}

/** Compiles the module (synchronously: it is ~550 bytes) and returns its exact slice sum. */
export function createWasmSliceSum(bytes: Uint8Array): SliceSum {
  const api = wasmApi()
  if (!api) throw new Error('WebAssembly is not available in this runtime')
  const exports = new api.Instance(new api.Module(bytes)).exports as SumRangeExports
  return (from, to) => {
    exports.sumRange(from, to)
    // hi:lo is a two's-complement 128-bit integer; lo's 64 bits are unsigned.
    return (BigInt.asIntN(64, exports.hi()) << 64n) + BigInt.asUintN(64, exports.lo())
  }
}
