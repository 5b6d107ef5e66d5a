import { defineConfig } from 'vitest/config'
import base from './vitest.config'

/**
 * The unit tests Stryker runs against each mutant of src/shared/stats,
 * src/shared/analysis and the report's number formatting (stryker.config.mjs): the tests of the analysis itself,
 * pure and under Node. Not the renderer's, the CLI's, the exporters' or the
 * engine's tests: they also import the analysis (vitest's `related` would pick
 * them), but they check wording and plumbing, and importing them for every
 * mutant made one mutant take ~17 s here instead of ~1 s. A number or verdict
 * of the analysis is pinned by a test in this list (tests/unit/mutation/ holds
 * the ones written for mutants). No global setup (no built `out/`), no summary
 * reporter. `isolate: false`: the mutants are switched at run time (mutant
 * schemata), so a test file need not re-import the whole analysis per mutant.
 * (Spread rather than mergeConfig, which would concatenate the arrays.)
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'tests/unit/mutation/**/*.test.ts',
      'tests/unit/scaling/**/*.test.ts',
      'tests/unit/comparison/**/*.test.ts',
      'tests/unit/trust/warmedUp.test.ts',
      'tests/unit/speedupVerdicts.test.ts',
      'tests/unit/analyzeRun.test.ts',
      'tests/unit/contention.test.ts',
      'tests/unit/kernelComparison.test.ts',
      'tests/unit/networkCostStudy.test.ts',
      'tests/unit/commandWarnings.test.ts',
      'tests/unit/trustWording.test.ts',
      'tests/unit/format.test.ts'
    ],
    isolate: false,
    // One project, no lanes: Stryker runs the tests that reach each mutant.
    projects: undefined,
    globalSetup: [],
    reporters: ['default']
  }
})
