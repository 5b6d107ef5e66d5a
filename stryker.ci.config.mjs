// The mutation step of CI (`npm run mutation:ci`, .ci/run): a small scope of
// the verdict logic that fits CI's time budget, from scratch every time (no
// cache), failing below a 90 % score. The full scope (`npm run mutation`,
// stryker.config.mjs) takes about an hour on 2 cores, far beyond CI's
// 10 minutes: see docs/MUTATION.md.
import base from './stryker.config.mjs'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: [
    // S = T1/TN, efficiency and Karp–Flatt's serial fraction.
    'src/shared/analysis/speedup.ts',
    // The speedup's 95 % interval, carried through the ratio.
    'src/shared/analysis/speedupWithError.ts',
    // workerVerdict: faster or slower only when that interval excludes 1. (The
    // rest of the file, the whole run's verdict, adds ~100 mutants: ~3 min.)
    'src/shared/analysis/runVerdictCode.ts:30-42'
  ],
  incremental: false,
  reporters: ['clear-text'],
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 90, low: 80, break: 90 },
  concurrency: 1
}
