import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { BenchFailure } from '../../../shared/errors'
import {
  expandCommand,
  parseCommandTemplate,
  programOf
} from '../../../shared/command/commandTemplate'
import type { CommandSettings } from '../../../shared/command/commandSettings'
import type {
  CommandRole,
  CommandShape,
  CommandTemplate,
  PlaceholderValues
} from '../../../shared/command/commandTemplate'
import { findOnPath, shellKnows } from './findProgram'
import { runCopy, StartBarrier } from './runCopy'
import type { CopyOutcome } from './runCopy'

/** What the executor runs: the templates parsed once, and hyperfine's lifecycle. */
export interface CommandPlan {
  shape: CommandShape
  command: CommandTemplate
  setup: CommandTemplate | null
  prepare: CommandTemplate | null
  cleanup: CommandTemplate | null
  /** The working folder (absolute); the caller's own when not given. */
  cwd: string
  /** Added to (and overriding) the engine's environment. */
  env: [string, string][]
  timeoutMs: number
}

/** The cost of starting a copy with nothing to do (the shell, the wrapper), taken off each copy. */
export interface CopyCost {
  wallMs: number
  cpuMs: number
  samples: number
}

/** One repetition: every copy's outcome (its times with the start cost taken off) and its wall. */
export interface RepetitionOutcome {
  /** First copy's go → last copy ended, as timed (as the engine times a repetition). */
  wallMs: number
  copies: CopyOutcome[]
  /** The first copy that did not exit 0, in words that name it; null when all did. */
  failure: string | null
}

const CALIBRATION_RUNS = 10

/** "copy 3 of 4", or "the command" for the one process of --command. */
export function copyName(shape: CommandShape, index: number, count: number): string {
  return shape === 'copies' ? `copy ${index + 1} of ${count}` : 'the command'
}

/** How a copy ended, when it did not exit 0: its name, code or signal, and its last stderr lines. */
export function describeFailure(copy: CopyOutcome, timeoutMs: number): string | null {
  const pid = copy.pid !== null ? ` (pid ${copy.pid})` : ''
  const tail = copy.stderrTail.length ? `; its last lines: ${copy.stderrTail.join(' ⏎ ')}` : ''
  if (copy.spawnError) return `${copy.name} could not start: ${copy.spawnError}`
  if (copy.cancelled) return `${copy.name}${pid} was cancelled`
  if (copy.timedOut)
    return `${copy.name}${pid} ran past the timeout (${formatDuration(timeoutMs)}) and was stopped${tail}`
  if (copy.exitCode === 0 && copy.signal === null) return null
  if (copy.exitCode === 127) return `${copy.name}${pid} exited with code 127 (not found)${tail}`
  const how =
    copy.exitCode !== null && copy.signal
      ? `exited with code ${copy.exitCode} (killed by ${copy.signal})`
      : copy.signal
        ? `was killed by ${copy.signal}`
        : `exited with code ${copy.exitCode}`
  return `${copy.name}${pid} ${how}${tail}`
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`
  return `${+(ms / 60_000).toFixed(1)} min`
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/**
 * Runs a user's command the way hyperfine does, but N at once: setup once,
 * prepare before each repetition (untimed), the copies together, cleanup
 * once; a copy that fails is named with its exit and its last stderr lines.
 */
export class CommandExecutor {
  readonly env: NodeJS.ProcessEnv
  /** --no-shell: the program's path, so the wrapper never runs a shell builtin of the same name. */
  private programPath: string | null = null
  cost: CopyCost = { wallMs: 0, cpuMs: 0, samples: 0 }

  constructor(
    readonly plan: CommandPlan,
    private readonly signal?: AbortSignal,
    /** Called with every copy's pids while it runs (tests verify nothing is left). */
    private readonly onPid?: (pid: number, pgid: number) => void
  ) {
    this.env = { ...process.env, ...Object.fromEntries(plan.env) }
  }

  /**
   * Refuses, before anything is timed, a working folder that is not one and a
   * program that is not there ("not found: xz"). The program is the command's
   * first word (after NAME=value) with the first values filled in.
   */
  async check(first: PlaceholderValues): Promise<void> {
    const { plan } = this
    let isDir = false
    try {
      isDir = statSync(plan.cwd).isDirectory()
    } catch {
      isDir = false
    }
    if (!isDir) throw invalid('cwd', 'cwd-missing', `not a folder: ${plan.cwd}`, { path: plan.cwd })
    const expanded = expandCommand(plan.command, first)
    if (expanded.argv) {
      const path = findOnPath(expanded.argv[0], plan.cwd, this.env)
      if (!path)
        throw invalid('command', 'program-not-found', `not found: ${expanded.argv[0]}`, {
          program: expanded.argv[0]
        })
      // A program named without a placeholder is the same path in every repetition: look it up once.
      if (plan.command.words?.[0].every((piece) => typeof piece === 'string'))
        this.programPath = path
      return
    }
    const program = programOf(expanded.line)
    if (program && !(await shellKnows(program, plan.cwd, this.env)))
      throw invalid('command', 'program-not-found', `not found: ${program}`, { program })
  }

  /**
   * Measures what a copy costs with nothing to run (hyperfine's shell
   * spawning time; here what is left inside the timed span once the copy is
   * up: the job's shell waking on the go, its exit, the wrapper's wake, and,
   * where bash does not stamp the end, the engine seeing it): the median of a
   * few runs of an empty command through the same path, after one discarded.
   */
  async calibrate(): Promise<CopyCost> {
    const walls: number[] = []
    const cpus: number[] = []
    // --no-shell's empty copy runs no program: its shell's `exec` with nothing to exec (POSIX).
    const empty = this.plan.command.shell
      ? { line: '', argv: null }
      : { line: '', argv: process.platform === 'win32' ? [':'] : [] }
    for (let i = 0; i <= CALIBRATION_RUNS; i++) {
      this.throwIfCancelled()
      const o = await runCopy({
        name: 'the empty command',
        ...empty,
        cwd: this.plan.cwd,
        env: this.env,
        timeoutMs: 10_000,
        signal: this.signal
      })
      if (o.cancelled) this.throwIfCancelled()
      if (i === 0) continue
      walls.push(o.wallMs)
      cpus.push((o.userMs ?? 0) + (o.systemMs ?? 0))
    }
    this.cost = { wallMs: median(walls), cpuMs: median(cpus), samples: walls.length }
    return this.cost
  }

  /** Runs a lifecycle step (setup, prepare, cleanup); a failure stops the run, naming it. */
  async step(template: CommandTemplate | null, values: PlaceholderValues): Promise<void> {
    if (!template) return
    this.throwIfCancelled()
    const flag = `--${template.role}`
    const expanded = expandCommand(template, values)
    const o = await runCopy({
      name: flag,
      line: expanded.line,
      argv: expanded.argv ? this.lookUp(expanded.argv) : null,
      cwd: this.plan.cwd,
      env: this.env,
      timeoutMs: this.plan.timeoutMs,
      signal: this.signal,
      onPid: this.onPid
    })
    this.throwIfCancelled()
    const failure = describeFailure(o, this.plan.timeoutMs)
    if (failure)
      throw new BenchFailure({
        code: 'worker-error',
        message: `${failure} (${flag} ${expanded.line})`,
        worker: { name: flag, pid: o.pid, exitCode: o.exitCode, signal: o.signal }
      })
  }

  /** One repetition on `count` copies (copies) or one process told to use `count` (workers). */
  async repetition(
    count: number,
    values: { rep: number; size?: number }
  ): Promise<RepetitionOutcome> {
    await this.step(this.plan.prepare, { workers: count, ...values })
    this.throwIfCancelled()
    const copies = this.plan.shape === 'copies' ? count : 1
    // The copies start together, once every wrapper is up (see runCopy).
    const barrier = new StartBarrier(copies)
    const outcomes = await Promise.all(
      Array.from({ length: copies }, (_, index) => {
        const expanded = expandCommand(this.plan.command, { workers: count, index, ...values })
        return runCopy({
          name: copyName(this.plan.shape, index, copies),
          line: expanded.line,
          argv: expanded.argv ? this.resolveArgv(expanded.argv) : null,
          cwd: this.plan.cwd,
          env: this.env,
          timeoutMs: this.plan.timeoutMs,
          signal: this.signal,
          onPid: this.onPid,
          barrier
        })
      })
    )
    this.throwIfCancelled()
    const first = Math.min(...outcomes.map((o) => o.startedAt))
    const last = Math.max(...outcomes.map((o) => o.endedAt))
    const corrected = outcomes.map((o) => this.takeOffCost(o))
    const failures = outcomes.map((o) => describeFailure(o, this.plan.timeoutMs))
    return {
      wallMs: last - first,
      copies: corrected,
      failure: failures.find((f) => f !== null) ?? null
    }
  }

  private takeOffCost(o: CopyOutcome): CopyOutcome {
    // CPU is taken off user time first (the shell's own start is mostly user time), never below 0.
    const cpuCost = this.cost.cpuMs
    const userMs = o.userMs === null ? null : Math.max(0, o.userMs - cpuCost)
    const left = o.userMs === null ? 0 : Math.max(0, cpuCost - o.userMs)
    return {
      ...o,
      wallMs: Math.max(0, o.wallMs - this.cost.wallMs),
      userMs,
      systemMs: o.systemMs === null ? null : Math.max(0, o.systemMs - left)
    }
  }

  /** --no-shell: the measured command's program as a path (looked up once when its name has no placeholder). */
  resolveArgv(argv: string[]): string[] {
    if (this.programPath) return [this.programPath, ...argv.slice(1)]
    return this.lookUp(argv)
  }

  /** --no-shell: any program's path, so the wrapper never runs a shell builtin of the same name. */
  private lookUp(argv: string[]): string[] {
    const found = findOnPath(argv[0], this.plan.cwd, this.env)
    return found ? [found, ...argv.slice(1)] : argv
  }

  private throwIfCancelled(): void {
    if (this.signal?.aborted)
      throw new BenchFailure({ code: 'cancelled', message: 'The run was cancelled.' })
  }
}

function invalid(
  field: string,
  code: string,
  message: string,
  params: Record<string, string | number>
): BenchFailure {
  return new BenchFailure({
    code: 'invalid-input',
    message,
    issues: [{ field, message, code, params }]
  })
}

/** The working folder a plan runs in: `cwd` resolved against the caller's, or the caller's own. */
export function resolveCwd(cwd: string | undefined, base: string = process.cwd()): string {
  return cwd ? resolve(base, cwd) : base
}

/** A validated configuration's command settings as the executor runs them (templates parsed once). */
export function commandPlanOf(
  settings: CommandSettings,
  base: string = process.cwd()
): CommandPlan {
  const parse = (role: CommandRole): CommandTemplate | null => {
    const text = role === 'command' ? settings.line : settings[role]
    if (text === undefined || (role !== 'command' && text.trim() === '')) return null
    const parsed = parseCommandTemplate(text, {
      role,
      shape: settings.shape,
      shell: settings.shell,
      sizes: settings.size !== undefined
    })
    if (!parsed.ok)
      throw invalid(role === 'command' ? 'line' : role, parsed.issue.code, parsed.issue.message, {
        ...parsed.issue.params
      })
    return parsed.template
  }
  return {
    shape: settings.shape,
    command: parse('command')!,
    setup: parse('setup'),
    prepare: parse('prepare'),
    cleanup: parse('cleanup'),
    cwd: resolveCwd(settings.cwd, base),
    env: (settings.env ?? []).map(({ name, value }) => [name, value]),
    timeoutMs: settings.timeoutMs
  }
}
