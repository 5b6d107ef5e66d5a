/**
 * WebAssembly text (.wat) → binary, at build time, with the `wabt` package
 * (the WebAssembly Binary Toolkit compiled to JavaScript; no native code).
 * The kernel's source stays in the repository; no binary is committed.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import wabtInit from 'wabt'
import type { Plugin } from 'vite'

/** Assembles a .wat file (SIMD enabled) into a validated module binary. */
export async function compileWatFile(path: string): Promise<Uint8Array> {
  const wabt = await wabtInit()
  const source = await readFile(path, 'utf8')
  const module = wabt.parseWat(basename(path), source, { simd: true })
  try {
    module.resolveNames()
    module.validate()
    return module.toBinary({}).buffer
  } finally {
    module.destroy()
  }
}

/**
 * `import bytes from './x.wat'` gives the assembled module as a Uint8Array,
 * inlined into the importing bundle: the worker carries its kernel with it,
 * so fork, worker_threads, utilityProcess and the packaged app (asar) all
 * find it without a file path.
 */
export function watPlugin(): Plugin {
  return {
    name: 'speedup-lab:wat',
    async load(id) {
      if (!id.endsWith('.wat')) return null
      const bytes = await compileWatFile(id)
      const base64 = Buffer.from(bytes).toString('base64')
      return `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0))\n`
    }
  }
}
