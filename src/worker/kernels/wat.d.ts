/** A WebAssembly text module, assembled at build time (scripts/wat.ts). */
declare module '*.wat' {
  const bytes: Uint8Array
  export default bytes
}
