/**
 * The CLI's options of the `command` workload, declared once with their help,
 * and read into CommandSettings (validated by the shared schema).
 */
import type { ConfigIssue } from '../shared/config'
import {
  commandSettingsSchema,
  DEFAULT_COMMAND_TIMEOUT_MS
} from '../shared/command/commandSettings'
import type { CommandSettings } from '../shared/command/commandSettings'
import { parseDurationText } from '../shared/command/duration'
import { parseSizeList } from '../shared/study'
import type { OptionSpec } from './optionSpec'

/** The command workload's options, in the order --help lists them (RUN_OPTIONS holds them). */
export const COMMAND_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'command',
    value: 'CMD',
    help:
      'your own command (local only, never on a cluster): one process told to use N workers ' +
      "through {workers}, e.g. 'xz -T{workers} -c data.bin > /dev/null': strong scaling, " +
      'speedup T1/TN. Placeholders: {workers}, {index} (--copies only), {rep} (the repetition, ' +
      'warm-ups 0), {size} (with --sizes); any other {name} is refused. --workers LIST is N.'
  },
  {
    name: 'copies',
    value: 'CMD',
    help:
      "N copies at once, told apart by {index} (0-based), e.g. 'gzip -c part{index}.bin > " +
      "/dev/null': throughput, the scaled speedup N·T1/TN (as --workload replicate)"
  },
  {
    name: 'no-shell',
    help:
      'run the words directly instead of through sh -c (cmd /c on Windows); pipes, ' +
      'redirections and $VARS are refused'
  },
  { name: 'setup', value: 'CMD', help: 'run once before anything (not timed)' },
  {
    name: 'prepare',
    value: 'CMD',
    help: 'run before each repetition (not timed; knows {workers}, {rep} and {size})'
  },
  { name: 'cleanup', value: 'CMD', help: 'run once after everything' },
  { name: 'cwd', value: 'DIR', help: 'the working folder (default: the current one)' },
  {
    name: 'env',
    value: 'NAME=VALUE',
    repeatable: true,
    help: 'add to the environment (repeatable)'
  },
  {
    name: 'timeout',
    value: 'DURATION',
    help:
      'per repetition, e.g. 30s, 10m, 1h (default 10m); a copy still running then is stopped ' +
      'and its repetition fails'
  },
  {
    name: 'ignore-failure',
    help: 'a copy exiting non-zero marks its repetition instead of failing the run'
  },
  {
    name: 'sizes',
    value: 'LIST',
    help:
      'the values of {size}, separated by commas (1e6, 10^7, 10^5..10^7 as --sweep-sizes reads ' +
      'them): one size sets {size}; several make a size sweep of the command, 1 worker vs the ' +
      'largest of --workers at each size, and its break-even'
  }
]

/** What --help says of a command run, below the options. */
export const COMMAND_HELP = `Your own command (--command, --copies): each copy runs in a process group of
its own; per copy: wall time, user + system CPU and peak memory (Linux), exit
code, a hash of its first 1 MB of output (compared across repetitions). CPU
utilization = CPU ÷ (wall × N). The shell's own start cost is measured and
taken off, as hyperfine does. A program that is not found stops the run
before anything is timed (exit 2).`

/** The parsed command-workload options, as readCommandOptions reads them. */
export function commandValues(
  values: Map<string, string | true>,
  repeated: Map<string, string[]>
): CommandCliValues {
  const out: Record<string, unknown> = {}
  for (const spec of COMMAND_OPTIONS) {
    const value = values.get(spec.name)
    if (value === undefined) continue
    out[spec.name] = spec.repeatable ? (repeated.get(spec.name) ?? []) : value
  }
  return out as CommandCliValues
}

export interface CommandCliValues {
  command?: string
  copies?: string
  'no-shell'?: boolean
  setup?: string
  prepare?: string
  cleanup?: string
  cwd?: string
  env?: string[]
  timeout?: string
  'ignore-failure'?: boolean
  sizes?: string
}

export interface CommandCli {
  /** The settings, when --command or --copies was given and everything parsed. */
  settings: CommandSettings | null
  /** --sizes: the values {size} takes (several: a size sweep, one run per size). */
  sizes: number[] | null
  issues: ConfigIssue[]
}

const ONLY_WITH = [
  'no-shell',
  'setup',
  'prepare',
  'cleanup',
  'cwd',
  'env',
  'timeout',
  'ignore-failure',
  'sizes'
] as const

/** Reads the command options; `given` says which options the user typed. */
export function readCommandOptions(
  values: CommandCliValues,
  given: (name: string) => boolean
): CommandCli {
  const issues: ConfigIssue[] = []
  const issue = (field: string, message: string, code?: string): void => {
    issues.push({ field, message, ...(code ? { code } : {}) })
  }
  const hasCommand = given('command')
  const hasCopies = given('copies')
  if (hasCommand && hasCopies) {
    issue(
      'command',
      '--command and --copies are two shapes: give one (--command: one process told to use N; --copies: N copies)',
      'command-shape-conflict'
    )
    return { settings: null, sizes: null, issues }
  }
  if (!hasCommand && !hasCopies) {
    for (const name of ONLY_WITH)
      if (given(name)) issue(name, `--${name} needs --command or --copies`, 'command-required')
    return { settings: null, sizes: null, issues }
  }
  let timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS
  if (values.timeout !== undefined) {
    const t = parseDurationText(values.timeout)
    if (t.ok) timeoutMs = t.value
    else issue('timeout', t.message)
  }
  const env: { name: string; value: string }[] = []
  for (const pair of values.env ?? []) {
    const eq = pair.indexOf('=')
    if (eq <= 0) issue('env', `"${pair}" is not NAME=VALUE`)
    else env.push({ name: pair.slice(0, eq), value: pair.slice(eq + 1) })
  }
  let sizes: number[] | null = null
  if (values.sizes !== undefined) {
    const parsed = parseSizeList(values.sizes)
    if (!parsed.ok) issue('sizes', parsed.message)
    else sizes = parsed.value
  }
  const input = {
    shape: hasCopies ? 'copies' : 'workers',
    line: (hasCopies ? values.copies : values.command) ?? '',
    shell: !values['no-shell'],
    ...(values.setup !== undefined ? { setup: values.setup } : {}),
    ...(values.prepare !== undefined ? { prepare: values.prepare } : {}),
    ...(values.cleanup !== undefined ? { cleanup: values.cleanup } : {}),
    ...(values.cwd !== undefined ? { cwd: values.cwd } : {}),
    ...(env.length ? { env } : {}),
    timeoutMs,
    ignoreFailure: values['ignore-failure'] === true,
    // The templates are checked knowing {size}; each point of a sweep sets its own.
    ...(sizes ? { size: sizes[0] } : {})
  }
  const parsed = commandSettingsSchema.safeParse(input)
  if (!parsed.success)
    for (const i of parsed.error.issues) {
      const field = String(i.path[0] ?? 'command')
      const code = (i as { params?: { code?: string } }).params?.code
      // The CLI's words: the line is --command or --copies.
      issue(field === 'line' ? (hasCopies ? 'copies' : 'command') : field, i.message, code)
    }
  if (issues.length) return { settings: null, sizes: null, issues }
  return { settings: parsed.success ? parsed.data : null, sizes, issues }
}
