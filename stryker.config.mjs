// Mutation testing of the code every figure comes from (issue 24): `npm run mutation`.
// Scope by default: src/shared/stats, src/shared/analysis and the report
// layer's number formatting (src/shared/format.ts, report/groupDigits.ts,
// report/figure.ts). A smaller scope:
//   npm run mutation -- --mutate src/shared/analysis/runVerdictCode.ts
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'src/shared/stats/**/*.ts',
    'src/shared/analysis/**/*.ts',
    'src/shared/format.ts',
    'src/shared/report/groupDigits.ts',
    'src/shared/report/figure.ts',
    // Types and re-exports hold no behaviour to mutate.
    '!src/shared/**/types.ts',
    '!src/shared/**/index.ts'
  ],
  // Only the tests that reached a mutant run against it.
  coverageAnalysis: 'perTest',
  // Re-use earlier results for mutants and tests that did not change: a re-run
  // after a small change takes minutes. The file is a local cache (see README).
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // json: the survivors, read by scripts/mutationSurvivors.mjs.
  reporters: ['html', 'json', 'clear-text', 'progress-append-only'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The build machine has 2 cores shared with other work: one test runner
  // (on a machine of your own, --concurrency N).
  concurrency: 1,
  // A mutant that loops forever (a convergence loop's bound) costs this much
  // beyond the tests' normal time: 20 s cost ~7 min of one 48-min run here.
  timeoutMS: 5000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
  ignoreStatic: true
}
