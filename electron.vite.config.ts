import { chmodSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { build } from 'vite'
import type { Plugin } from 'vite'
import { hangulInSources } from './scripts/hangul'
import { watPlugin } from './scripts/wat'
import { apiVerbsJson } from './src/shared/api'

/**
 * `electron-vite dev` injects component styles as <style> tags and talks to
 * its HMR server over a websocket; the strict CSP would block both. Loosen
 * it for the dev server only — production builds keep the policy as written.
 */
const devServerCsp = (): Plugin => ({
  name: 'speedup-lab:dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*")
})

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  version: string
}

/** The `speedup-lab` bin: a shebang first and the executable bit, so a global install runs it. */
const cliBin = (): Plugin => ({
  name: 'speedup-lab:cli-bin',
  apply: 'build',
  generateBundle(_options, bundle) {
    const cli = bundle['cli.js']
    if (cli?.type === 'chunk' && !cli.code.startsWith('#!'))
      cli.code = `#!/usr/bin/env node\n${cli.code}`
  },
  writeBundle(options) {
    if (options.dir) chmodSync(join(options.dir, 'cli.js'), 0o755)
  }
})

const WORKER_ENTRY = resolve(__dirname, 'src/worker/index.ts')

/**
 * out/main/worker.js as one self-contained file, built apart from main's entries:
 * the packaged app leaves it alone outside the integrity-checked app.asar
 * (worker_threads cannot load from inside one, electron-builder.yml asarUnpack),
 * so it must not require a chunk shared with main — that chunk would have to be
 * unpacked too, and main's code with it. tests/unit/workerBundle.test.ts checks.
 */
const standaloneWorker = (): Plugin => ({
  name: 'speedup-lab:standalone-worker',
  apply: 'build',
  async generateBundle() {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      plugins: [watPlugin()],
      build: {
        write: false,
        ssr: true,
        target: 'node20',
        minify: false,
        rollupOptions: {
          input: WORKER_ENTRY,
          output: { format: 'cjs', entryFileNames: 'worker.js', codeSplitting: false }
        }
      },
      // Everything but Node's own modules goes inside the file.
      ssr: { noExternal: true, target: 'node' }
    })
    const outputs = Array.isArray(result) ? result : [result]
    for (const output of outputs) {
      if (!('output' in output)) throw new Error('the worker build returned no bundle')
      const [worker, ...rest] = output.output
      if (rest.some((file) => file.type === 'chunk') || worker.type !== 'chunk')
        throw new Error('the worker must build to one file')
      this.emitFile({ type: 'asset', fileName: 'worker.js', source: worker.code })
      // `electron-vite dev` rebuilds main when a file of the worker changes, too.
      if (this.meta.watchMode)
        for (const id of worker.moduleIds) if (!id.startsWith('\0')) this.addWatchFile(id)
    }
  }
})

export default defineConfig({
  main: {
    define: { __SPEEDUP_LAB_VERSION__: JSON.stringify(version) },
    // The worker's wasm kernel is assembled from src/worker/kernels/*.wat and inlined.
    plugins: [watPlugin(), cliBin(), standaloneWorker()],
    build: {
      rollupOptions: {
        // The app and the headless runner land in out/main beside worker.js
        // (standaloneWorker above), so both find the worker next to them.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/bin.ts')
        }
      }
    }
  },
  preload: {
    // The sandboxed preload cannot require zod: it gets the IPC contract's verbs as data.
    define: { __BENCH_API_VERBS__: apiVerbsJson() },
    build: {
      rollupOptions: {
        // The window is sandboxed, so the preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    }
  },
  renderer: {
    resolve: {
      alias: { '@shared': resolve(__dirname, 'src/shared') }
    },
    plugins: [svelte(), devServerCsp()],
    // The Hangul the app's own words use: loaded with the Korean messages (lib/fonts).
    define: {
      __APP_HANGUL__: JSON.stringify(
        hangulInSources([resolve(__dirname, 'src/renderer/src'), resolve(__dirname, 'src/shared')])
      )
    },
    // The window parses every byte it is sent before "Run benchmark" appears: ship it minified.
    build: { minify: true }
  }
})
