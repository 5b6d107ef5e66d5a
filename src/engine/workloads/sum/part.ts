/**
 * The sum's worker half: adds every integer of the part's range with its
 * kernel, in slices of about 10 ms so that a cancel is seen within ~50 ms
 * and progress goes out between slices. Runs in the worker bundle.
 */
import type { SumOutput, SumPart } from '../../../shared/workloads/sumPart'
import { RangeSum } from '../../../worker/kernel'
import { kernelUnavailableReason } from '../../../worker/kernels'
import type { KernelName } from '../../../shared/kernel'
import { now } from '../../clock'
import type { PartRunner } from '../workload'

/** Work between two yields to the event loop: short enough to see a cancel within 50 ms. */
const SLICE_TARGET_MS = 10
const INITIAL_SLICE = 1 << 20
const MAX_SLICE = 1 << 26

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export const sumPartRunner: PartRunner<SumPart, SumOutput> = {
  job: 'sum',

  unavailable: (part, kernels) =>
    kernelUnavailableReason(part.kernel, kernels as readonly KernelName[]),

  async run(part, io) {
    const work = new RangeSum(part.start, part.end, part.kernel)
    const startedAt = now()
    let slice = INITIAL_SLICE
    while (!work.done) {
      const t0 = performance.now()
      work.step(slice)
      const dt = performance.now() - t0
      // Aim each slice at SLICE_TARGET_MS, whatever the machine's speed.
      if (dt > 0)
        slice = Math.min(MAX_SLICE, Math.max(1024, Math.floor(slice * (SLICE_TARGET_MS / dt))))
      if (work.done) break
      io.progress(work.fraction)
      await yieldToEventLoop()
      if (io.signal.aborted) return null
    }
    const endedAt = now()
    const elements = part.end - part.start
    return {
      output: {
        job: 'sum',
        sum: work.sum.toString(),
        kernel: part.kernel,
        nsPerElement: elements > 0 ? ((endedAt - startedAt) * 1e6) / elements : null
      },
      startedAt,
      endedAt
    }
  }
}
