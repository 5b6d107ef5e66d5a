/**
 * The worker entry: one bundle that runs unchanged under Electron's
 * utilityProcess, child_process.fork and worker_threads.
 */
import { startWorkerLoop } from './loop'
import { detectTransport } from './transport'

startWorkerLoop(detectTransport())
