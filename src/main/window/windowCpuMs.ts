import { app } from 'electron'

/**
 * CPU time the app's window has used so far, ms: every process of the app but
 * the main process (counted by the engine itself) and utility processes (the
 * `process` backend's workers, whose compute the engine counts from their
 * timings). Read around each run where /proc is missing (macOS, Windows) so
 * that drawing the run's progress is not taken for other programs.
 */
export function appWindowCpuMs(): number {
  let seconds = 0
  for (const metric of app.getAppMetrics()) {
    if (metric.type === 'Browser' || metric.type === 'Utility') continue
    seconds += metric.cpu.cumulativeCPUUsage ?? 0
  }
  return seconds * 1000
}
