/**
 * The sum, the tutorial's job and the first workload: every integer of a
 * range added by N workers, split, replicated or in weak-scaling shares; the
 * total checked against the closed form n·(a+b)/2 of every part.
 */
import type { RunConfig } from '../../../shared/config'
import { BenchFailure } from '../../../shared/errors'
import { kernelOf } from '../../../shared/kernel'
import { expectedSum, splitRange } from '../../../shared/range'
import type { Range } from '../../../shared/range'
import type { SumOutput, SumPart } from '../../../shared/workloads/sumPart'
import type { Workload } from '../workload'

/** The ranges the N workers get: a split of the range, N copies of it, or N consecutive shares. */
export function rangesFor(config: RunConfig, workers: number): Range[] {
  const { start, end } = config.range
  switch (config.workload) {
    case 'split':
      return splitRange(config.range, workers)
    case 'replicate':
      return Array.from({ length: workers }, () => ({ start, end }))
    case 'weak':
      return Array.from({ length: workers }, (_, i) => ({
        start: start + i * (end - start),
        end: start + (i + 1) * (end - start)
      }))
  }
}

export const sumWorkload: Workload<SumPart, SumOutput, bigint[]> = {
  name: 'sum',

  plan: (config, workers) =>
    rangesFor(config, workers).map((r) => ({ job: 'sum', ...r, kernel: kernelOf(config) })),

  /** A worker whose runtime cannot run the chosen kernel stops the run before anything is measured. */
  assertRunnable(config, worker) {
    const kernel = kernelOf(config)
    if (worker.kernels.includes(kernel)) return
    const message =
      kernel === 'wasm'
        ? `${worker.label} cannot run the wasm kernel: its runtime has no WebAssembly SIMD (i64x2). Choose the js kernel.`
        : `${worker.label} cannot run the ${kernel} kernel.`
    throw new BenchFailure({
      code: 'invalid-input',
      message,
      issues: [
        { field: 'kernel', message, code: 'kernel-unsupported', params: { worker: worker.label } }
      ]
    })
  },

  // The partial sums as BigInts: the total is their sum (the merge the runner times).
  combine: (outputs) => outputs.map((o) => BigInt(o.sum)),

  check(_config, parts, _outputs, partials) {
    const expected = parts.map(expectedSum)
    const total = partials.reduce((a, b) => a + b, 0n)
    const expectedTotal = expected.reduce((a, b) => a + b, 0n)
    return {
      actual: total.toString(),
      expected: expectedTotal.toString(),
      // Every part must be right, not only the total (two wrong parts could cancel out).
      correct: total === expectedTotal && partials.every((p, i) => p === expected[i]),
      check: { job: 'sum', what: 'closed-form' }
    }
  },

  timing: (output) => ({ kernel: output.kernel, nsPerElement: output.nsPerElement })
}
