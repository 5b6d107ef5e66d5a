/**
 * What else used the CPU while a run went on, measured by the engine around
 * the run and stored with it (RunRecord.load): the figures only, in cores
 * (CPU time ÷ wall time), so "0.9" reads "0.9 of a core". The analysis
 * (analysis/contention.ts) decides whether they amount to contention.
 */
export interface CpuLoad {
  /**
   * Where the figures come from: Linux `/proc/stat` and `/proc/self/stat`
   * (other processes and steal exact to the clock tick), or `os.cpus()` times
   * and `process.cpuUsage()` elsewhere (own child processes are then
   * estimated from the workers' compute times).
   */
  source: 'proc-stat' | 'os-cpus'
  /** Wall time the sample spans, ms (the whole run: warm-ups, pool start, every repetition). */
  wallMs: number
  /** Logical cores the counters cover. */
  cores: number
  /** CPU time used by every other process during the run (not below the controller), in cores. */
  otherCores: number
  /** CPU time the hypervisor gave other guests (steal), in cores; null where the OS does not say. */
  stealCores: number | null
  /**
   * CPU time of this run's own processes, in cores: the controller and every
   * process below it (workers, copies, the latency server; in the app also its
   * window, which draws the run).
   */
  ownCores: number
  /** One-minute load average at the start and the end of the run; null where the OS has none. */
  loadAverage: { start: number; end: number } | null
}
