import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { watPlugin } from './scripts/wat'

export default defineConfig({
  plugins: [
    // Unit tests import the worker's kernels, whose wasm module is assembled from .wat.
    watPlugin(),
    // The renderer's state classes (*.svelte.ts) use runes: compile them as the
    // browser runs them, so $state and $derived react in tests as in the app.
    svelte({ dynamicCompileOptions: () => ({ generate: 'client' }) })
  ],
  // The renderer's alias, so its pure view-model modules can be tested under Node.
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    // Integration and e2e tests start real processes on a 2-core machine:
    // run files one at a time so they do not starve each other.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/summaryReporter.ts']
  }
})
