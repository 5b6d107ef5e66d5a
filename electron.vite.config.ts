import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { Plugin } from 'vite'
import { watPlugin } from './scripts/wat'

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

export default defineConfig({
  main: {
    // The worker's wasm kernel is assembled from src/worker/kernels/*.wat and inlined.
    plugins: [watPlugin()],
    build: {
      rollupOptions: {
        // The app, the headless runner and the worker bundle land side by side
        // in out/main, so both entry points find worker.js next to them.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          worker: resolve(__dirname, 'src/worker/index.ts')
        }
      }
    }
  },
  preload: {
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
    // The window parses every byte it is sent before "Run benchmark" appears: ship it minified.
    build: { minify: true }
  }
})
