import { randomUUID } from 'node:crypto'
import type { RunConfig } from '../../../shared/config'
import { BenchFailure } from '../../../shared/errors'
import { expandCommand } from '../../../shared/command/commandTemplate'
import type { CommandSettings } from '../../../shared/command/commandSettings'
import type { CommandOutput, CommandPart } from '../../../shared/workloads/commandPart'
import type { Workload, WorkloadSession } from '../workload'
import { CommandExecutor, commandPlanOf, copyName } from './commandExecutor'
import { registerCommandRun } from './runCopy'

interface CommandSession {
  executor: CommandExecutor
  settings: CommandSettings
  signal: AbortSignal
  /** Executions so far per worker count. */
  executions: Map<number, number>
}

interface CommandCombined {
  copies: number
  failed: string[]
}

const settingsOf = (config: RunConfig): CommandSettings => {
  if (!config.command)
    throw new BenchFailure({ code: 'invalid-input', message: 'A command run needs its command.' })
  return config.command
}

/**
 * The user's own command (issue 20): N copies at once ({index}), or one
 * process told to use N ({workers}). The session checks the program and the
 * folder before anything is timed, runs --setup, measures what an empty
 * command costs (its CPU taken off every copy's), and runs --cleanup at the end; each
 * part is one copy, run by an in-process worker so the engine holds every
 * copy's process group.
 */
export const commandWorkload: Workload<
  CommandPart,
  CommandOutput,
  CommandCombined,
  CommandSession
> = {
  name: 'command',
  // A repetition's time is its copies' own span: they start together behind a barrier, after
  // their processes are up; the in-process dispatch and result delivery around them are not the job.
  timesOwnSpan: true,

  async open(config, ctx) {
    const settings = settingsOf(config)
    const controller = new AbortController()
    const forget = registerCommandRun(controller)
    const executor = new CommandExecutor(commandPlanOf(settings), controller.signal)
    const size = settings.size
    try {
      await executor.check({ workers: Math.min(...config.workers), index: 0, rep: 0, size })
      await executor.step(executor.plan.setup, { size })
      const cost = await executor.calibrate()
      ctx.log(
        `[command] an empty copy costs ${cost.wallMs.toFixed(2)} ms, CPU ${cost.cpuMs.toFixed(2)} ms (median of ${cost.samples}); its CPU taken off every copy's`
      )
    } catch (e) {
      forget()
      throw e
    }
    const session: WorkloadSession<CommandSession> = {
      startCost: { ...executor.cost },
      value: {
        executor,
        settings,
        signal: controller.signal,
        executions: new Map()
      },
      failed: new Promise<never>(() => undefined),
      async close() {
        try {
          // After a cancel nobody waits for the cleanup: the user asked to stop.
          if (!controller.signal.aborted) await executor.step(executor.plan.cleanup, { size })
        } finally {
          forget()
        }
      }
    }
    return session
  },

  // {rep} is the runner's: the measured repetition, 0 for every warm-up (however many it takes).
  async prepare(_config, workers, session, rep) {
    if (!session?.executor.plan.prepare) return
    await session.executor.step(session.executor.plan.prepare, {
      workers,
      rep,
      size: session.settings.size
    })
  },

  plan(_config, workers, session, rep) {
    if (!session) throw new Error('the command workload plans within its session')
    const { executor, settings } = session
    const done = session.executions.get(workers) ?? 0
    session.executions.set(workers, done + 1)
    const copies = settings.shape === 'copies' ? workers : 1
    // The repetition's copies start together, behind one barrier (see runCopy).
    const startGroup = randomUUID()
    return Array.from({ length: copies }, (_, index) => {
      const expanded = expandCommand(executor.plan.command, {
        workers,
        index,
        rep,
        size: settings.size
      })
      return {
        job: 'command' as const,
        name: copyName(settings.shape, index, copies),
        line: expanded.line,
        argv: expanded.argv ? executor.resolveArgv(expanded.argv) : null,
        cwd: executor.plan.cwd,
        env: executor.plan.env,
        timeoutMs: settings.timeoutMs,
        costCpuMs: executor.cost.cpuMs,
        ignoreFailure: settings.ignoreFailure,
        startGroup,
        startGroupSize: copies
      }
    })
  },

  combine(outputs) {
    return {
      copies: outputs.length,
      failed: outputs.flatMap((o) => (o.failure ? [o.failure] : []))
    }
  },

  check(config, _parts, _outputs, combined) {
    const exited0 = combined.copies - combined.failed.length
    return {
      actual: String(exited0),
      expected: String(combined.copies),
      // --ignore-failure: a failed copy marks its repetition, the run goes on and stands.
      correct: exited0 === combined.copies || settingsOf(config).ignoreFailure,
      check: {
        job: 'command',
        what: 'exit-codes',
        params: { copies: combined.copies, failed: combined.failed.length }
      }
    }
  },

  timing(output) {
    return {
      cpuUserMs: output.cpuUserMs,
      cpuSystemMs: output.cpuSystemMs,
      peakRssBytes: output.peakRssBytes,
      exitCode: output.exitCode,
      signal: output.signal,
      outputHash: output.outputHash,
      outputBytes: output.outputBytes,
      ...(output.failure ? { failure: output.failure } : {})
    }
  }
}
