/**
 * SIGINT and SIGTERM, caught from the CLI's first line: loading the engine
 * takes a few hundred ms, and a signal in that window used to kill the
 * process without a word. The first signal cancels (every worker is stopped,
 * exit 130); a second one exits at once.
 */
export interface CliSignals {
  /** Aborted at the first signal, even one that came before the run started. */
  readonly signal: AbortSignal
}

export const CANCELLED_EXIT = 130

export function trapSignals(): CliSignals {
  const controller = new AbortController()
  let received = 0
  const onSignal = (name: NodeJS.Signals): void => {
    received++
    const fresh = process.stderr.isTTY ? '\n' : ''
    if (received === 1) {
      process.stderr.write(`${fresh}speedup-lab: ${name}: cancelling… (stopping every worker)\n`)
      controller.abort()
      // Stopping takes milliseconds; if something still holds the process after 5 s, go anyway.
      setTimeout(() => {
        process.stderr.write('speedup-lab: still stopping after 5 s: exiting now.\n')
        process.exit(CANCELLED_EXIT)
      }, 5000).unref()
      return
    }
    process.stderr.write(`speedup-lab: ${name} again: stopping now.\n`)
    process.exit(CANCELLED_EXIT)
  }
  // Signal listeners do not keep the process alive, so they stay until it exits.
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return { signal: controller.signal }
}
