/**
 * The command workload's part and its output: one copy of the user's
 * command to run, and what it did. They never leave the engine's process
 * (command parts run on in-process workers, never remote), but are checked
 * like every part, as the contract wants.
 */
export interface CommandPart {
  job: 'command'
  /** "copy 2 of 4", or "the command" (one process told to use N). */
  name: string
  /** The line for the shell (placeholders filled in) … */
  line: string
  /** … or the words to run directly (--no-shell). */
  argv: string[] | null
  cwd: string
  /** NAME=value pairs added to the engine's environment. */
  env: [string, string][]
  timeoutMs: number
  /** The empty command's measured CPU (its shell's start, inside every copy's), taken off this copy's. */
  costCpuMs: number
  /** Keep going when it does not exit 0 (its output says how it failed). */
  ignoreFailure: boolean
  /**
   * The repetition's copies start together: the id they share and how many
   * they are (each waits until every copy's wrapper is up).
   */
  startGroup: string
  startGroupSize: number
}

export interface CommandOutput {
  job: 'command'
  name: string
  pid: number | null
  exitCode: number | null
  signal: string | null
  /** User and system CPU time of the copy's tree (ms); null: not measured on this OS. */
  cpuUserMs: number | null
  cpuSystemMs: number | null
  /** The largest peak resident memory of its processes (bytes, sampled); null: not measured. */
  peakRssBytes: number | null
  /** sha256 of the first 1 MB of standard output, its total size and what was discarded. */
  outputHash: string
  outputBytes: number
  outputDiscardedBytes: number
  /** How it failed, naming it (exit code or signal, last stderr lines); null when it exited 0. */
  failure: string | null
  /** It left processes running in its group (they were stopped). */
  leftRunning: boolean
}

type Loose = Record<string, unknown>
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const numOrNull = (v: unknown): v is number | null => v === null || isNum(v)
const strOrNull = (v: unknown): v is string | null => v === null || isStr(v)

export function readCommandPart(raw: Loose): CommandPart | null {
  const env = raw.env
  return isStr(raw.name) &&
    isStr(raw.line) &&
    (raw.argv === null ||
      (Array.isArray(raw.argv) && raw.argv.length > 0 && raw.argv.every(isStr))) &&
    isStr(raw.cwd) &&
    Array.isArray(env) &&
    env.every((p) => Array.isArray(p) && p.length === 2 && isStr(p[0]) && isStr(p[1])) &&
    isNum(raw.timeoutMs) &&
    raw.timeoutMs > 0 &&
    isNum(raw.costCpuMs) &&
    typeof raw.ignoreFailure === 'boolean' &&
    isStr(raw.startGroup) &&
    Number.isInteger(raw.startGroupSize) &&
    (raw.startGroupSize as number) >= 1
    ? {
        job: 'command',
        name: raw.name,
        line: raw.line,
        argv: raw.argv as string[] | null,
        cwd: raw.cwd,
        env: env as [string, string][],
        timeoutMs: raw.timeoutMs,
        costCpuMs: raw.costCpuMs,
        ignoreFailure: raw.ignoreFailure,
        startGroup: raw.startGroup,
        startGroupSize: raw.startGroupSize as number
      }
    : null
}

export function readCommandOutput(raw: Loose): CommandOutput | null {
  return isStr(raw.name) &&
    numOrNull(raw.pid) &&
    numOrNull(raw.exitCode) &&
    strOrNull(raw.signal) &&
    numOrNull(raw.cpuUserMs) &&
    numOrNull(raw.cpuSystemMs) &&
    numOrNull(raw.peakRssBytes) &&
    isStr(raw.outputHash) &&
    isNum(raw.outputBytes) &&
    isNum(raw.outputDiscardedBytes) &&
    strOrNull(raw.failure) &&
    typeof raw.leftRunning === 'boolean'
    ? {
        job: 'command',
        name: raw.name,
        pid: raw.pid,
        exitCode: raw.exitCode,
        signal: raw.signal,
        cpuUserMs: raw.cpuUserMs,
        cpuSystemMs: raw.cpuSystemMs,
        peakRssBytes: raw.peakRssBytes,
        outputHash: raw.outputHash,
        outputBytes: raw.outputBytes,
        outputDiscardedBytes: raw.outputDiscardedBytes,
        failure: raw.failure,
        leftRunning: raw.leftRunning
      }
    : null
}
