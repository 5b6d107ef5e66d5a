import type { CommandOutput, CommandPart } from '../../../shared/workloads/commandPart'
import type { PartRunner } from '../workload'
import { describeFailure } from './commandExecutor'
import { runCopy, sharedBarrier } from './runCopy'

/**
 * The worker half of the command workload: runs one copy (in a process
 * group of its own) and measures it. A copy that did not exit 0 fails the
 * part, naming it, unless the run ignores failures (then its output says so).
 * The empty command's measured CPU (its shell's start) is taken off the
 * copy's CPU; its time is as timed from its go.
 */
export const commandPartRunner: PartRunner<CommandPart, CommandOutput> = {
  job: 'command',
  async run(part, io) {
    // A copy says nothing while it runs: a heartbeat keeps the pool's watchdog from taking it
    // for hung (the timeout, not silence, bounds a copy). Its share done is unknown: 0.
    const heartbeat = setInterval(() => io.progress(0), 500)
    const o = await runCopy({
      name: part.name,
      line: part.line,
      argv: part.argv,
      cwd: part.cwd,
      env: { ...process.env, ...Object.fromEntries(part.env) },
      timeoutMs: part.timeoutMs,
      signal: io.signal,
      barrier: sharedBarrier(part.startGroup, part.startGroupSize)
    }).finally(() => clearInterval(heartbeat))
    if (o.cancelled) return null
    const failure = describeFailure(o, part.timeoutMs)
    if (failure && !part.ignoreFailure) throw new Error(failure)
    const userMs = o.userMs === null ? null : Math.max(0, o.userMs - part.costCpuMs)
    const systemMs =
      o.systemMs === null || o.userMs === null
        ? o.systemMs
        : Math.max(0, o.systemMs - Math.max(0, part.costCpuMs - o.userMs))
    return {
      output: {
        job: 'command',
        name: part.name,
        pid: o.pid,
        exitCode: o.exitCode,
        signal: o.signal,
        cpuUserMs: userMs,
        cpuSystemMs: systemMs,
        peakRssBytes: o.peakRssBytes,
        outputHash: o.stdoutHash,
        outputBytes: o.stdoutBytes,
        outputDiscardedBytes: o.stdoutDiscardedBytes,
        failure,
        leftRunning: o.leftRunning
      },
      // The copy's time as timed, from its go: the empty copy's residual inside it (shown in the
      // Method section) is not taken off, so a job shorter than it never reads 0 (a speedup of 0/0).
      startedAt: o.startedAt,
      endedAt: o.endedAt
    }
  }
}
