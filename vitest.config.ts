import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { watPlugin } from './scripts/wat'

/**
 * The suite runs in three phases on a 2-core machine. Vitest runs the projects
 * of one `sequence.groupOrder` together, sharing one number of workers (so
 * projects of one worker each never run side by side: they are one queue).
 * - Phase 0: the unit tests, pure and CPU-bound, beside the cluster tests,
 *   which mostly wait (for a lease to expire, a heartbeat to be missed, a
 *   stopped process to be continued): two files at a time.
 * - Phase 1: the integration tests (real processes and threads), two at a time.
 * - Phase 2, one file at a time: the browser tests (Chromium with the real
 *   engine behind it), and the integration files that fill both cores by
 *   themselves or time a silence: 64 processes, the watchdog's limit, and
 *   studies over the cluster (two at once on a loaded machine ran those past
 *   their 60 s limit).
 * No test asserts a duration, so sharing the cores changes only how long the
 * suite takes.
 */
const waitingLane = ['tests/integration/cluster*.test.ts', 'tests/e2e/cluster.test.ts']
const aloneIntegration = [
  'tests/integration/load.test.ts',
  'tests/integration/watchdog.test.ts',
  'tests/integration/networkCostStudy.test.ts'
]

const unitFolders = ['tests/unit', 'tests/renderer']
/**
 * Unit test files that replace a module (`vi.mock`) or a global for the whole
 * file. The other unit files share one module cache per worker (isolate: false:
 * importing the app's modules afresh for every file was two thirds of the unit
 * time); a file that mocks a module needs a cache of its own, or it would get
 * the real module another file imported first. Found by reading the files, so a
 * new mocking test is isolated without anyone listing it.
 */
const mockingUnitFiles = unitFolders.flatMap((folder) =>
  readdirSync(resolve(__dirname, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(folder, f).replaceAll('\\', '/'))
    .filter((f) =>
      /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/.test(readFileSync(resolve(__dirname, f), 'utf8'))
    )
)
const unitFiles = unitFolders.map((folder) => `${folder}/**/*.test.ts`)

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
        // Pure tests under Node, beside the cluster tests (phase 0).
        extends: true,
        test: {
          name: 'unit',
          include: unitFiles,
          exclude: mockingUnitFiles,
          maxWorkers: 2,
          isolate: false,
          sequence: { groupOrder: 0 }
        }
      },
      {
        // The unit files that mock a module, each with a module cache of its own.
        extends: true,
        test: {
          name: 'unit-mocking',
          include: mockingUnitFiles,
          maxWorkers: 2,
          sequence: { groupOrder: 0 }
        }
      },
      {
        // Real processes and threads.
        extends: true,
        test: {
          name: 'processes',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...waitingLane, ...aloneIntegration],
          maxWorkers: 2,
          sequence: { groupOrder: 1 }
        }
      },
      {
        // Integration files that need the machine to themselves (see above).
        extends: true,
        test: {
          name: 'alone',
          include: aloneIntegration,
          fileParallelism: false,
          sequence: { groupOrder: 2 }
        }
      },
      {
        // Chromium with the real engine behind it.
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: waitingLane,
          fileParallelism: false,
          sequence: { groupOrder: 2 }
        }
      },
      {
        extends: true,
        test: {
          name: 'cluster',
          include: waitingLane,
          maxWorkers: 2,
          sequence: { groupOrder: 0 }
        }
      }
    ]
  }
})
