import type { Reporter, TestCase, TestModule } from 'vitest/node'

/**
 * Prints the plain closing line CI reads, `tests: N passed, N failed, N skipped`,
 * counted from vitest's own results, after the reason for every skipped test.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>
  ): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    const skips: string[] = []
    const visit = (test: TestCase): void => {
      const result = test.result()
      if (result.state === 'passed') passed++
      else if (result.state === 'failed') failed++
      else {
        skipped++
        // Tests skip with ctx.skip(reason); the reason is printed, never hidden.
        const note = result.state === 'skipped' ? result.note : undefined
        const file = test.module.moduleId.replace(process.cwd() + '/', '')
        skips.push(`${file} › ${test.fullName} — ${note ?? 'no reason given'}`)
      }
    }
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) visit(test)
      // A file that failed to load has no tests to count: count it as a failure.
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++
    }
    failed += unhandledErrors.length
    for (const s of skips) console.log(`skipped: ${s}`)
    console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
  }
}
