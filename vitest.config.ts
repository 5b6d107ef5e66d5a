import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { watPlugin } from './scripts/wat'

/**
 * Cluster tests mostly wait: for a lease to expire (5 s), a heartbeat to be
 * missed, a stopped process to be continued. They run in a lane of their own,
 * beside the lane of tests that start real workers and browsers, so their
 * waiting overlaps someone else's computing. Each lane runs its files one at a
 * time, so no more than two test files share the 2 cores.
 */
const waitingLane = ['tests/integration/cluster*.test.ts', 'tests/e2e/cluster.test.ts']

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
    // Every file belongs to one of the projects below (their includes are not
    // merged with a root include, which would run each file in every project).
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/summaryReporter.ts'],
    projects: [
      {
        // Pure tests under Node: two files at a time, before anything heavy starts.
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 }
        }
      },
      {
        // Real processes, threads and Chromium on a 2-core machine: one file at a time.
        extends: true,
        test: {
          name: 'processes',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          exclude: waitingLane,
          fileParallelism: false,
          sequence: { groupOrder: 1 }
        }
      },
      {
        extends: true,
        test: {
          name: 'cluster',
          include: waitingLane,
          fileParallelism: false,
          sequence: { groupOrder: 1 }
        }
      }
    ]
  }
})
