import { parseParentMessage } from '../shared/protocol'
import type { RunJobMessage } from '../shared/protocol'
import type { KernelName } from '../shared/kernel'
import { partRunnerFor } from '../engine/workloads/parts'
import { availableKernels } from './kernels'
import type { Transport } from './transport'

/** Monotonic, and comparable across processes to well under a millisecond. */
export const now = (): number => performance.timeOrigin + performance.now()

/**
 * The worker's message loop: runs one part of a workload at a time (the
 * workload's PartRunner does the work), answering progress at most every
 * `progressIntervalMs`, and stops at a cancel.
 */
export function startWorkerLoop(
  transport: Transport,
  kernels: KernelName[] = availableKernels()
): void {
  let current: { jobId: number; controller: AbortController } | null = null

  transport.onMessage((raw) => {
    const message = parseParentMessage(raw)
    if (!message) {
      transport.send({ type: 'error', jobId: null, message: 'malformed message from parent' })
      return
    }
    if (message.type === 'cancel') {
      if (current && (message.jobId === undefined || message.jobId === current.jobId)) {
        current.controller.abort()
      }
      return
    }
    if (current) {
      transport.send({ type: 'error', jobId: message.jobId, message: 'worker is busy' })
      return
    }
    const unavailable = partRunnerFor(message).unavailable?.(message, kernels) ?? null
    if (unavailable) {
      transport.send({ type: 'error', jobId: message.jobId, message: unavailable })
      return
    }
    current = { jobId: message.jobId, controller: new AbortController() }
    void runJob(transport, message, current.controller.signal).finally(() => {
      current = null
    })
  })

  transport.send({ type: 'ready', pid: process.pid, at: now(), kernels })
}

async function runJob(
  transport: Transport,
  job: RunJobMessage,
  signal: AbortSignal
): Promise<void> {
  try {
    let lastProgress = now()
    const ran = await partRunnerFor(job).run(job, {
      signal,
      progress: (fraction) => {
        const t = now()
        if (t - lastProgress < job.progressIntervalMs) return
        lastProgress = t
        transport.send({ type: 'progress', jobId: job.jobId, fraction })
      }
    })
    if (!ran) {
      transport.send({ type: 'cancelled', jobId: job.jobId })
      return
    }
    transport.send({
      type: 'result',
      jobId: job.jobId,
      computeMs: ran.endedAt - ran.startedAt,
      startedAt: ran.startedAt,
      endedAt: ran.endedAt,
      ...ran.output
    })
  } catch (e) {
    // A cancel that lands while a part throws (an aborted request) is a cancel, not an error.
    if (signal.aborted) {
      transport.send({ type: 'cancelled', jobId: job.jobId })
      return
    }
    transport.send({
      type: 'error',
      jobId: job.jobId,
      message: e instanceof Error ? e.message : String(e)
    })
  }
}
