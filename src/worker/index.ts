/**
 * The worker entry: one bundle that runs unchanged under Electron's
 * utilityProcess, child_process.fork and worker_threads.
 */
import { isMainThread } from 'node:worker_threads'
import { startLatencyServerProcess } from '../engine/workloads/wait/latencyServer'
import { startWorkerLoop } from './loop'
import { detectTransport } from './transport'

// The same bundle starts the wait workload's latency server, in a process of its own.
if (isMainThread && process.argv.includes('--latency-server'))
  startLatencyServerProcess(process.argv)
else startWorkerLoop(detectTransport())
