import { chmodSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
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

export default defineConfig({
  main: {
    define: { __SPEEDUP_LAB_VERSION__: JSON.stringify(version) },
    // The worker's wasm kernel is assembled from src/worker/kernels/*.wat and inlined.
    plugins: [watPlugin(), cliBin()],
    build: {
      rollupOptions: {
        // The app, the headless runner and the worker bundle land side by side
        // in out/main, so both entry points find worker.js next to them.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/bin.ts'),
          worker: resolve(__dirname, 'src/worker/index.ts')
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
