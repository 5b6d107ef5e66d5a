import { defineConfig } from 'vitest/config'
import base from './vitest.config'

/**
 * The unit tests Stryker runs against each mutant of src/shared/stats and
 * src/shared/analysis (stryker.config.mjs). Only pure tests under Node: no
 * global setup (the mutants never need the built `out/`), no summary reporter.
 * Stryker's vitest runner narrows this further to the files that import the
 * mutated module (`related`), and per mutant to the tests that reached it.
 * (Spread rather than mergeConfig, which would concatenate the arrays.)
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    // Tests that start real workers from the built bundle (the bench service),
    // read the packaged output, or fuzz the IPC validation (a third of the time
    // of every mutant's run): slow, and not where a wrong number is caught.
    exclude: [
      'tests/unit/benchService*.test.ts',
      'tests/unit/packaging.test.ts',
      'tests/unit/workerBundle.test.ts',
      'tests/unit/utilityProcessBackend.test.ts',
      'tests/unit/fuzz.test.ts',
      'tests/unit/ipc.test.ts',
      'tests/unit/historyPages.test.ts'
    ],
    // One project, no lanes: Stryker runs the tests that reach each mutant.
    projects: undefined,
    globalSetup: [],
    reporters: ['default']
  }
})
