/**
 * SIGINT, SIGTERM and SIGHUP, caught from the CLI's first line: loading the
 * engine takes a few hundred ms, and a signal in that window used to kill the
 * process without a word. The first signal cancels (every worker is stopped);
 * a second one exits at once. A closed terminal (SIGHUP) ends with 129, as a
 * shell reports a hang-up; Ctrl-C and SIGTERM with 130, "cancelled".
 */
export interface CliSignals {
  /** Aborted at the first signal, even one that came before the run started. */
  readonly signal: AbortSignal
  /** The exit code for the signal received: 129 after SIGHUP, 130 otherwise. */
  exitCode(): number
}

export const CANCELLED_EXIT = 130
export const HANGUP_EXIT = 129

/**
 * A terminal and npm can deliver the same Ctrl-C twice within milliseconds (the
 * terminal signals the whole process group, npm forwards its own copy): only a
 * second signal this long after the first is the user insisting.
 */
const REPEAT_MS = 250

export function trapSignals(): CliSignals {
  const controller = new AbortController()
  let first: { name: NodeJS.Signals; at: number } | null = null
  const exitCode = (): number => (first?.name === 'SIGHUP' ? HANGUP_EXIT : CANCELLED_EXIT)
  const onSignal = (name: NodeJS.Signals): void => {
    const fresh = process.stderr.isTTY ? '\n' : ''
    if (first === null) {
      first = { name, at: performance.now() }
      const why = name === 'SIGHUP' ? ' (the terminal or the process that started it is gone)' : ''
      process.stderr.write(
        `${fresh}speedup-lab: ${name}${why}: cancelling… (stopping every worker)\n`
      )
      controller.abort()
      // Stopping takes milliseconds; if something still holds the process after 5 s, go anyway.
      setTimeout(() => {
        process.stderr.write('speedup-lab: still stopping after 5 s: exiting now.\n')
        process.exit(exitCode())
      }, 5000).unref()
      return
    }
    if (performance.now() - first.at < REPEAT_MS) return
    process.stderr.write(`speedup-lab: ${name} again: stopping now.\n`)
    process.exit(exitCode())
  }
  // Signal listeners do not keep the process alive, so they stay until it exits.
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  // Node resets every signal to its default at start, so `nohup` never protected it anyway:
  // a run that must outlive its terminal is started with `setsid` (or in tmux, screen).
  process.on('SIGHUP', onSignal)
  return { signal: controller.signal, exitCode }
}
