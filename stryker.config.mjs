// Mutation testing of the code every figure comes from (issue 24): `npm run mutation`.
// Scope by default: src/shared/stats and src/shared/analysis. A smaller scope:
//   npm run mutation -- --mutate src/shared/analysis/runVerdictCode.ts
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'src/shared/stats/**/*.ts',
    'src/shared/analysis/**/*.ts',
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
  // The build machine has 2 cores shared with other work.
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
  ignoreStatic: true
}
