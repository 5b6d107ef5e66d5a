/** What showWhenReady needs of a BrowserWindow (a fake one in tests). */
export interface ShowableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown
  maximize(): void
  show(): void
}

/**
 * Shows the window once, when its first frame is painted, already maximized
 * if it was: maximizing earlier shows an empty window (maximize() shows a
 * hidden window on most platforms) before the page is there.
 */
export function showWhenReady(window: ShowableWindow, { maximized }: { maximized: boolean }): void {
  window.once('ready-to-show', () => {
    if (maximized) window.maximize()
    window.show()
  })
}

/** The window's background before the page paints: the page's own --bg (app.css). */
export function windowBackground(dark: boolean): string {
  return dark ? '#111418' : '#eef0f3'
}
