import { parseParentMessage } from '../shared/protocol'
import type { RunJobMessage } from '../shared/protocol'
import type { KernelName } from '../shared/kernel'
import { RangeSum } from './kernel'
import { availableKernels, kernelUnavailableReason } from './kernels'
import type { Transport } from './transport'

/** Monotonic, and comparable across processes to well under a millisecond. */
export const now = (): number => performance.timeOrigin + performance.now()

/** Work between two yields to the event loop: short enough to see a cancel within 50 ms. */
const SLICE_TARGET_MS = 10
const INITIAL_SLICE = 1 << 20
const MAX_SLICE = 1 << 26

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * The worker's message loop: runs one job at a time, in slices, answering
 * progress at most every `progressIntervalMs`, and stops at a cancel.
 */
export function startWorkerLoop(
  transport: Transport,
  kernels: KernelName[] = availableKernels()
): void {
  let current: { jobId: number; cancelled: boolean } | null = null

  transport.onMessage((raw) => {
    const message = parseParentMessage(raw)
    if (!message) {
      transport.send({ type: 'error', jobId: null, message: 'malformed message from parent' })
      return
    }
    if (message.type === 'cancel') {
      if (current && (message.jobId === undefined || message.jobId === current.jobId)) {
        current.cancelled = true
      }
      return
    }
    if (current) {
      transport.send({ type: 'error', jobId: message.jobId, message: 'worker is busy' })
      return
    }
    const unavailable = kernelUnavailableReason(message.kernel, kernels)
    if (unavailable) {
      transport.send({ type: 'error', jobId: message.jobId, message: unavailable })
      return
    }
    current = { jobId: message.jobId, cancelled: false }
    void runJob(transport, message, current).finally(() => {
      current = null
    })
  })

  transport.send({ type: 'ready', pid: process.pid, at: now(), kernels })
}

async function runJob(
  transport: Transport,
  job: RunJobMessage,
  state: { cancelled: boolean }
): Promise<void> {
  try {
    const work = new RangeSum(job.start, job.end, job.kernel)
    const startedAt = now()
    let lastProgress = startedAt
    let slice = INITIAL_SLICE
    while (!work.done) {
      const t0 = performance.now()
      work.step(slice)
      const dt = performance.now() - t0
      // Aim each slice at SLICE_TARGET_MS, whatever the machine's speed.
      if (dt > 0)
        slice = Math.min(MAX_SLICE, Math.max(1024, Math.floor(slice * (SLICE_TARGET_MS / dt))))
      if (work.done) break
      const t = now()
      if (t - lastProgress >= job.progressIntervalMs) {
        lastProgress = t
        transport.send({ type: 'progress', jobId: job.jobId, fraction: work.fraction })
      }
      await yieldToEventLoop()
      if (state.cancelled) {
        transport.send({ type: 'cancelled', jobId: job.jobId })
        return
      }
    }
    const endedAt = now()
    const elements = job.end - job.start
    transport.send({
      type: 'result',
      jobId: job.jobId,
      sum: work.sum.toString(),
      computeMs: endedAt - startedAt,
      startedAt,
      endedAt,
      kernel: job.kernel,
      nsPerElement: elements > 0 ? ((endedAt - startedAt) * 1e6) / elements : null
    })
  } catch (e) {
    transport.send({
      type: 'error',
      jobId: job.jobId,
      message: e instanceof Error ? e.message : String(e)
    })
  }
}
