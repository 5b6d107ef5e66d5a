import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import type { Socket } from 'node:net'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { now, realtimeOffset } from '../../clock'
import { watchOrphanGroup } from '../../backends/orphanReaper'
import { killTree, runningMembers } from './processTree'

/** Standard output kept (hashed) per copy; the rest is discarded and counted. */
export const OUTPUT_KEPT_BYTES = 1024 * 1024
/** Standard error kept per copy (its end), for the last lines of a failure. */
const STDERR_KEPT_BYTES = 16 * 1024
export const STDERR_TAIL_LINES = 5
/** How often a running copy's peak memory is read (Linux; each read costs ~0.5 ms here). */
const MEMORY_SAMPLE_MS = 100
/** After the copy ended, how long its pipes may stay open (held by something it started elsewhere). */
const DRAIN_MS = 1000

/**
 * The job's own shell, /bin/sh, started before the clock: it tells its pid
 * and that it is up ("p…", "r" on fd 3, one write), waits for the go (a line
 * on fd 3, written when every copy of the repetition is up), closes fd 3, and
 * then runs the line as `sh -c` would (through the shell: `eval`, with no
 * arguments and none of these variables) or execs the program (--no-shell;
 * no program: the empty copy). Its start is thus outside the timed span, like
 * hyperfine's shell spawning time, and the go starts the copies together:
 * Node's spawn() is synchronous (it forks this large process and waits for
 * the exec), so copies spawned one after another would start milliseconds
 * apart, and each copy's time would hold its spawn. A job whose go never
 * comes (fd 3 closed) exits 125 without running.
 */
const JOB_WAITS = `printf "p%s\\nr\\n" $$ >&3; read -r __speedup_go <&3 || exit 125; exec 3>&-; `
const SHELL_JOB = `${JOB_WAITS}eval "shift; unset __speedup_go; $1"`
const PROGRAM_JOB = `${JOB_WAITS}unset __speedup_go; exec "$@"`

/**
 * The measuring wrapper (POSIX): a shell that runs the job in the foreground
 * and prints `times` (the CPU time of the children it reaped: the job's whole
 * tree, user and system, from the same counters as
 * getrusage(RUSAGE_CHILDREN)) on fd 3. Node cannot read a child's rusage, and
 * a reaped child's /proc entry is gone: this is the cheapest exact source.
 * bash where /bin/bash exists: its `times` reads getrusage (milliseconds),
 * dash's times(2) (10 ms clock ticks, truncated: a 100 ms job's CPU would
 * read about 5 % low); bash in posix mode reads no BASH_ENV, and its special
 * builtins (times, exit) come before any function. Its exit status is the
 * job's (128 + n for a job killed by signal n, as shells report it).
 *
 * In the foreground, not `job & wait $!`: bash keeps the statuses of reaped
 * background jobs in a table sized by the process limit (32768 entries, 512 kB),
 * allocated and filled when the first one is reaped, inside the timed span:
 * 1.8 ms of page faults per copy on the build machine.
 *
 * The job's end: bash stamps it ($EPOCHREALTIME, the system's real-time
 * clock in µs, "e…") as soon as the job's wait returns, before it prints
 * `times`; the engine takes that stamp (see endOf), so its own wake to read
 * the report, and the report itself, are outside the span. Without the stamp
 * (sh as the wrapper) the clock stops at the first sign the job ended that
 * the engine sees: the `times` line, or the wrapper's exit. What is left
 * inside the span (the go read, the eval or exec, the job's exit, the
 * wrapper's wake) is measured on an empty command (CommandExecutor.calibrate)
 * and shown; the job's shell start, before the go, is in its CPU time and so
 * in the empty command's, taken off the CPU.
 */
function wrapper(bash: boolean): string {
  return [
    'if [ "$1" = s ]; then',
    `  /bin/sh -c '${SHELL_JOB}' sh "$2"`,
    'else',
    '  shift',
    `  /bin/sh -c '${PROGRAM_JOB}' sh "$@"`,
    'fi',
    ...(bash
      ? ['__speedup_s=$?; __speedup_e=$EPOCHREALTIME', 'echo e$__speedup_e >&3']
      : ['__speedup_s=$?']),
    'times >&3',
    'exit $__speedup_s'
  ].join('\n')
}
const BASH_WRAPPER = wrapper(true)
const SH_WRAPPER = wrapper(false)

let bashFound: boolean | null = null
/**
 * bash measures the CPU time, unless there is no /bin/bash or the
 * environment holds what changes a bash at its start (SHELLOPTS, BASHOPTS,
 * exported functions): then dash's ticks, and the environment untouched.
 */
function useBash(env: NodeJS.ProcessEnv): boolean {
  if (process.platform === 'win32') return false
  bashFound ??= existsSync('/bin/bash')
  return (
    bashFound &&
    !Object.keys(env).some(
      (k) => k === 'SHELLOPTS' || k === 'BASHOPTS' || k.startsWith('BASH_FUNC_')
    )
  )
}

/**
 * The copies of one repetition start together: each says when its wrapper is
 * up (or when it ended without getting there), and all are let go once the
 * last has. A copy alone needs none.
 */
export class StartBarrier {
  private arrived = 0
  private release!: () => void
  readonly open: Promise<void>

  constructor(readonly count: number) {
    this.open = new Promise<void>((resolve) => (this.release = resolve))
    if (count <= 0) this.release()
  }

  /** One copy is ready (or will never be): resolves when every copy is. */
  arrive(): Promise<void> {
    this.arrived++
    if (this.arrived >= this.count) this.release()
    return this.open
  }
}

/** Barriers of repetitions whose copies are still being handed out, by group id. */
const barriers = new Map<string, { barrier: StartBarrier; handedOut: number }>()

/**
 * The barrier of a repetition's `size` copies, shared by id: each copy (a
 * part, run by its own in-process worker) asks once; the entry is forgotten
 * once all have asked.
 */
export function sharedBarrier(group: string, size: number): StartBarrier {
  const entry = barriers.get(group) ?? { barrier: new StartBarrier(size), handedOut: 0 }
  entry.handedOut++
  if (entry.handedOut >= size) barriers.delete(group)
  else barriers.set(group, entry)
  return entry.barrier
}

/** Every copy running in this process, by process group, with the call that ends its tree. */
const liveCopies = new Map<number, () => void>()
/** Runs of a command in progress (setup, calibration, cleanup included): a cancel aborts them. */
const liveRuns = new Set<AbortController>()

/** Registers a command run's controller, so stopAllCopies aborts it; returns the call that forgets it. */
export function registerCommandRun(controller: AbortController): () => void {
  liveRuns.add(controller)
  return () => liveRuns.delete(controller)
}

/**
 * Ends every copy still running in this process and waits until each one's
 * tree is gone: what the engine does before it lets its process exit (a
 * Ctrl-C, a closed window), so nothing outlives it.
 */
export async function stopAllCopies(): Promise<void> {
  for (const run of liveRuns) run.abort()
  const groups = [...liveCopies.keys()]
  for (const stop of liveCopies.values()) stop()
  await Promise.all(groups.map((g) => killTree(g)))
}

/** The wrapper's $0: how `ps` and the tests tell a copy apart. */
export const COPY_TAG = 'speedup-lab-copy'

export interface CopySpec {
  /** How failures name it, e.g. "copy 3 of 4" or "--prepare". */
  name: string
  /** Run through the shell (sh -c / cmd /c) … */
  line: string
  /** … or, when set, these words directly (argv[0] already resolved to a path). */
  argv: string[] | null
  cwd: string
  env: NodeJS.ProcessEnv
  timeoutMs: number
  signal?: AbortSignal
  /** Called with the job's pid once it runs (tests check by pid that nothing is left). */
  onPid?: (pid: number, pgid: number) => void
  /** The repetition's barrier: the copy's job starts when every copy's wrapper is up. */
  barrier?: StartBarrier
}

/**
 * What one copy did. Times are epoch ms (clock.ts); null means "not measured",
 * never 0. `startedAt` is the go (POSIX: the wrapper is up, every copy of the
 * repetition too), `endedAt` the job's end: the wrapper's stamp of it (bash,
 * where it agrees with the engine's clock), else when the engine saw it (its
 * `times` line, else its own exit, whichever came first); `spawnedAt` is when
 * its process was asked for, before the clock started.
 */
export interface CopyOutcome {
  name: string
  spawnedAt: number
  /** When its wrapper said it was up (POSIX), or null: it never was. */
  readyAt: number | null
  /** The process group the copy ran in (POSIX: the wrapper's pid). */
  pgid: number | null
  /** The job's own pid (the program or its shell). */
  pid: number | null
  startedAt: number
  endedAt: number
  /**
   * Whose clock ended the span: the wrapper's stamp of the job's end (bash),
   * or the engine seeing the end (the report, or the wrapper's exit).
   */
  endClock: 'wrapper' | 'engine'
  /** When the engine itself saw the job end (the report, or the wrapper's exit): ≥ endedAt. */
  seenEndedAt: number
  wallMs: number
  userMs: number | null
  systemMs: number | null
  /** The largest peak resident memory of the job's processes (Linux, its tree sampled), bytes. */
  peakRssBytes: number | null
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  cancelled: boolean
  /** sha256 of the first OUTPUT_KEPT_BYTES of standard output. */
  stdoutHash: string
  stdoutBytes: number
  stdoutDiscardedBytes: number
  stderrTail: string[]
  /** The copy could not start at all (e.g. the working folder vanished). */
  spawnError: string | null
  /** Processes the copy left in its group after it ended (they were stopped). */
  leftRunning: boolean
}

const SIGNALS: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM'
}

/** `times`' second line: the children's user and system time ("0m1.230000s 0m0.010000s"). */
export function parseTimes(text: string): { userMs: number; systemMs: number } | null {
  const lines = text.split('\n').filter((l) => /\d+m[\d.]+s/.test(l))
  const children = lines[1]
  if (!children) return null
  const t = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => (Number(m[1]) * 60 + Number(m[2])) * 1000
  )
  return t.length >= 2 && t.every(Number.isFinite) ? { userMs: t[0], systemMs: t[1] } : null
}

/** How far the wrapper's stamp may lie past the engine's sight of the end, or the offset move (ms). */
const STAMP_TOLERANCE_MS = 0.5

/**
 * The job's end on the engine's clock (epoch ms, clock.ts), from the
 * wrapper's stamp ("e" and $EPOCHREALTIME: seconds, and µs after a point or,
 * in some locales, a comma) and the real-time clock's offset from ours at the
 * go and now. null (the engine's own sight of the end counts) when there is
 * no stamp, when the offset moved meanwhile (the system clock was set), or
 * when the stamp lies outside [the go, the engine seeing the end], beyond the
 * offset's error: a stamp is only trusted where our own clock agrees.
 */
export function stampedEnd(
  fd3: string,
  at: { startedAt: number; seenAt: number; offsetAtGo: number; offsetNow: number }
): number | null {
  const m = /(?:^|\n)e(\d+)[.,](\d{6})\n/.exec(fd3)
  if (!m) return null
  if (Math.abs(at.offsetNow - at.offsetAtGo) > STAMP_TOLERANCE_MS) return null
  const end = Number(m[1]) * 1000 + Number(m[2]) / 1000 - at.offsetNow
  if (end < at.startedAt - STAMP_TOLERANCE_MS || end > at.seenAt + STAMP_TOLERANCE_MS) return null
  return Math.min(Math.max(end, at.startedAt), at.seenAt)
}

/** The last `n` non-empty lines of a text. */
export function lastLines(text: string, n: number): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter(Boolean)
    .slice(-n)
}

/** The children of a process's main thread (Linux /proc; empty when it is gone). */
async function childrenOf(pid: number): Promise<number[]> {
  try {
    const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'latin1')
    return text.split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
}

/** Processes of a tree read per sample, at most: a fork bomb is not walked. */
const TREE_SAMPLE_LIMIT = 64

/**
 * The largest peak resident memory (VmHWM) in the job's process tree: the job
 * is a subshell of the wrapper through the shell, the program its child, so
 * the job's own process alone would be the shell's few hundred kB.
 */
async function treePeakRss(root: number): Promise<number | null> {
  let peak: number | null = null
  const seen = new Set<number>()
  let level = [root]
  while (level.length > 0 && seen.size < TREE_SAMPLE_LIMIT) {
    const next: number[] = []
    for (const pid of level) {
      if (seen.has(pid) || seen.size >= TREE_SAMPLE_LIMIT) continue
      seen.add(pid)
      const [rss, children] = await Promise.all([peakRss(pid), childrenOf(pid)])
      if (rss !== null) peak = Math.max(peak ?? 0, rss)
      next.push(...children)
    }
    level = next
  }
  return peak
}

async function peakRss(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'latin1')
    const m = /^VmHWM:\s+(\d+) kB/m.exec(status)
    return m ? Number(m[1]) * 1024 : null
  } catch {
    return null
  }
}

function command(spec: CopySpec): {
  file: string
  args: string[]
  verbatim: boolean
  /** The wrapper stamps the job's end (bash). */
  stamps: boolean
} {
  if (process.platform === 'win32') {
    if (spec.argv)
      return { file: spec.argv[0], args: spec.argv.slice(1), verbatim: false, stamps: false }
    return {
      file: 'cmd.exe',
      args: ['/d', '/s', '/c', `"${spec.line}"`],
      verbatim: true,
      stamps: false
    }
  }
  const bash = useBash(spec.env)
  const head = bash ? ['--posix', '-c', BASH_WRAPPER, COPY_TAG] : ['-c', SH_WRAPPER, COPY_TAG]
  return {
    file: bash ? '/bin/bash' : '/bin/sh',
    args: spec.argv ? [...head, 'n', ...spec.argv] : [...head, 's', spec.line],
    verbatim: false,
    stamps: bash
  }
}

/**
 * Runs one copy in a process group of its own and measures it: wall time,
 * CPU time and peak memory where the OS reports them, exit status, a hash of
 * its output. A timeout or an abort ends its whole tree (SIGTERM, SIGKILL
 * 100 ms later). Never rejects: every way it can end is in the outcome.
 */
export function runCopy(spec: CopySpec): Promise<CopyOutcome> {
  const { file, args, verbatim, stamps } = command(spec)
  const posix = process.platform !== 'win32'
  const hash = createHash('sha256')
  let stdoutBytes = 0
  let stderr = ''
  let fd3 = ''
  let jobPid: number | null = null
  let peak: number | null = null
  let timedOut = false
  let cancelled = false
  let spawnError: string | null = null
  const spawnedAt = now()
  // Without the wrapper's go (Windows) the clock starts with the spawn.
  let startedAt = spawnedAt
  const child = spawn(file, args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: posix ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
    // A group of its own: the copy's whole tree can be ended at once, and a
    // Ctrl-C to the terminal reaches the engine, which ends it in order.
    detached: posix,
    windowsHide: true,
    windowsVerbatimArguments: verbatim
  })
  const pgid = child.pid ?? null
  // Should this process die before the copy (SIGKILL, a crash), the reaper ends its group.
  const forgetOrphan = posix ? watchOrphanGroup(child.pid) : () => undefined

  // The barrier learns once of this copy: up, or ended (or never started) without getting there.
  let arrived = false
  const arrive = (): Promise<void> => {
    if (arrived) return Promise.resolve()
    arrived = true
    return spec.barrier?.arrive() ?? Promise.resolve()
  }
  if (!posix) void arrive()

  child.stdout?.on('data', (chunk: Buffer) => {
    const room = OUTPUT_KEPT_BYTES - stdoutBytes
    if (room > 0) hash.update(room >= chunk.length ? chunk : chunk.subarray(0, room))
    stdoutBytes += chunk.length
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEPT_BYTES)
  })
  let sampler: ReturnType<typeof setInterval> | null = null
  const sample = async (): Promise<void> => {
    if (jobPid === null) return
    const rss = await treePeakRss(jobPid)
    if (rss !== null) peak = Math.max(peak ?? 0, rss)
  }
  // fd 3 is a socket pair: the wrapper's lines come in, the go goes out.
  const fd3Stream = posix ? (child.stdio[3] as Socket | null) : null
  // A go written to a wrapper that was just stopped: nothing to report.
  fd3Stream?.on('error', () => undefined)
  let exited = false
  let readyAt: number | null = null
  // When the wrapper's `times` came, printed as soon as its wait for the job returned.
  let reportedEndAt: number | null = null
  // The real-time clock less ours at the go, when the wrapper stamps the job's end.
  let offsetAtGo: number | null = null
  // The first memory sample, read before the copy says it is up: its reads of /proc (on
  // libuv's threads) end before the go, not inside the span of a short job.
  let firstSample: Promise<void> = Promise.resolve()
  fd3Stream?.on('data', (chunk: Buffer) => {
    fd3 += chunk.toString('latin1')
    if (reportedEndAt === null && parseTimes(fd3) !== null) reportedEndAt = now()
    if (jobPid === null) {
      const m = /(?:^|\n)p(\d+)\n/.exec(fd3)
      if (m) {
        jobPid = Number(m[1])
        if (pgid !== null) spec.onPid?.(jobPid, pgid)
        if (process.platform === 'linux') {
          firstSample = sample()
          sampler = setInterval(() => void sample(), MEMORY_SAMPLE_MS)
          sampler.unref?.()
        }
      }
    }
    if (readyAt === null && /(^|\n)r\n/.test(fd3)) {
      readyAt = now()
      void firstSample
        .then(() => arrive())
        .then(() => {
          if (exited || killing) return
          // Measured (at most once a second) before the go: the spin is outside the span.
          if (stamps) offsetAtGo = realtimeOffset()
          startedAt = now()
          arm()
          fd3Stream.write('g\n')
        })
    }
  })

  let killing: Promise<void> | null = null
  const stop = (): void => {
    if (pgid !== null && !killing) killing = killTree(pgid)
  }
  // --timeout bounds the copy's own time: armed at its go (at the spawn without one), so 256
  // copies spawned one after another do not spend a copy's time waiting for the last.
  let timer: ReturnType<typeof setTimeout> | null = null
  const arm = (): void => {
    timer = setTimeout(() => {
      timedOut = true
      stop()
    }, spec.timeoutMs)
    timer.unref?.()
  }
  if (!posix) arm()
  const onAbort = (): void => {
    cancelled = true
    stop()
  }
  if (pgid !== null) liveCopies.set(pgid, stop)
  if (spec.signal?.aborted) onAbort()
  else spec.signal?.addEventListener('abort', onAbort, { once: true })

  return new Promise<CopyOutcome>((resolve) => {
    let endedAt = 0
    let exit: [number | null, string | null] = [null, null]
    let leftRunning = false
    let finished = false
    const finish = async (): Promise<void> => {
      if (finished) return
      finished = true
      if (timer) clearTimeout(timer)
      if (sampler) clearInterval(sampler)
      spec.signal?.removeEventListener('abort', onAbort)
      if (killing) await killing
      if (pgid !== null) liveCopies.delete(pgid)
      forgetOrphan()
      const times = posix ? parseTimes(fd3) : null
      const [code, sig] = exit
      const byShell = posix && code !== null && code > 128 ? SIGNALS[code - 128] : undefined
      // Ended before its go (stopped while the others started, or it could not start): no span.
      // The job ended by the first sign of it the engine saw: the wrapper's report, or its exit;
      // earlier, by the wrapper's own stamp where it agrees with that.
      if (reportedEndAt !== null) endedAt = Math.min(endedAt, reportedEndAt)
      const offsetNow = offsetAtGo === null ? null : realtimeOffset()
      const stamped =
        offsetAtGo === null || offsetNow === null
          ? null
          : stampedEnd(fd3, { startedAt, seenAt: endedAt, offsetAtGo, offsetNow })
      const endClock = stamped === null ? 'engine' : 'wrapper'
      const seenEndedAt = endedAt
      if (stamped !== null) endedAt = stamped
      const began = Math.min(startedAt, endedAt)
      resolve({
        name: spec.name,
        pgid,
        pid: jobPid,
        spawnedAt,
        readyAt,
        startedAt: began,
        endedAt,
        endClock,
        seenEndedAt,
        wallMs: endedAt - began,
        userMs: times?.userMs ?? null,
        systemMs: times?.systemMs ?? null,
        peakRssBytes: peak,
        exitCode: sig ? null : code,
        signal: sig ?? byShell ?? null,
        timedOut,
        cancelled,
        stdoutHash: hash.digest('hex'),
        stdoutBytes,
        stdoutDiscardedBytes: Math.max(0, stdoutBytes - OUTPUT_KEPT_BYTES),
        stderrTail: lastLines(stderr, STDERR_TAIL_LINES),
        spawnError,
        leftRunning
      })
    }
    child.once('error', (err) => {
      spawnError = err.message
      exited = true
      if (endedAt === 0) endedAt = now()
      void arrive()
      void finish()
    })
    child.once('exit', (code, signal) => {
      endedAt = now()
      exited = true
      exit = [code, signal]
      // A wrapper that ended before it was up (stopped, or its shell failed) holds nobody back.
      void arrive()
      // Whatever the copy left behind in its group (a `cmd &`) is stopped: nothing stays running,
      // and nothing keeps its pipes open.
      if (posix && pgid !== null && !killing && runningMembers(pgid).length > 0) {
        leftRunning = true
        stop()
      }
      // Wait for the pipes to drain (the times line is on fd 3), but not forever: a process
      // that left the group (setsid) may hold them.
      const drain = setTimeout(() => {
        for (const s of child.stdio) s?.destroy()
        void finish()
      }, DRAIN_MS)
      drain.unref?.()
      child.once('close', () => clearTimeout(drain))
    })
    child.once('close', () => void finish())
  })
}
