import type { WindowState } from './windowState'

/** What the saver reads from a BrowserWindow. */
export interface MeasurableWindow {
  getNormalBounds(): { x: number; y: number; width: number; height: number }
  isMaximized(): boolean
}

export interface WindowStateSaver {
  /** Reads the window's state now and starts writing it; returns when it is written. */
  save(window: MeasurableWindow): Promise<void>
  /** Waits for every write started so far (the quit chain awaits this). */
  flush(): Promise<void>
}

/**
 * Saves the window's place one write at a time: the quit chain awaits the
 * last write before the app exits, so no half-written state or `.tmp` file is
 * left behind, and two writes never race for the same file.
 */
export function createWindowStateSaver(
  write: (state: WindowState) => Promise<void>,
  log: (line: string) => void
): WindowStateSaver {
  let last: Promise<void> = Promise.resolve()
  return {
    save(window) {
      const state: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() }
      last = last
        .then(() => write(state))
        .catch((e: unknown) => {
          log(`window state: ${String(e)}`)
        })
      return last
    },
    flush: () => last
  }
}
