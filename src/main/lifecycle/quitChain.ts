/** The longest quitting may take: after this the app exits whatever is still stopping. */
export const QUIT_TIMEOUT_MS = 3000

export interface QuitSteps {
  /** In order; each awaited, a failure logged and the next step run anyway. */
  steps: ReadonlyArray<readonly [name: string, run: () => Promise<unknown>]>
  /** Ends the app (app.quit(): before-quit fires again and passes). */
  quit(): void
  /** Ends it when a step hangs past the timeout (app.exit(): no more events to wait on). */
  exit?(): void
  log(line: string): void
  timeoutMs?: number
  setTimer?: (run: () => void, ms: number) => { unref?(): void }
}

/**
 * The `before-quit` listener: the first quit is held back (preventDefault)
 * while the steps run — save the window's place, cancel the run, stop the
 * workers — then quits for real. A step that hangs cannot keep the app open:
 * after `timeoutMs` it quits anyway. Registered before anything else can fail,
 * so even a failed page load quits cleanly.
 */
export function createQuitChain({
  steps,
  quit,
  exit = quit,
  log,
  timeoutMs = QUIT_TIMEOUT_MS,
  setTimer = setTimeout
}: QuitSteps): (event: { preventDefault(): void }) => void {
  let started = false
  let done = false
  const finish = (timedOut: boolean): void => {
    if (done) return
    done = true
    if (timedOut) {
      log(`quit: still stopping after ${timeoutMs} ms, quitting anyway`)
      exit()
    } else quit()
  }
  return (event) => {
    if (done) return
    event.preventDefault()
    if (started) return
    started = true
    setTimer(() => finish(true), timeoutMs).unref?.()
    void (async () => {
      for (const [name, run] of steps) {
        if (done) return
        try {
          await run()
        } catch (e) {
          log(`quit: ${name} failed: ${String(e)}`)
        }
      }
      finish(false)
    })()
  }
}
