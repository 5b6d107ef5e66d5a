import type { WebPreferences } from 'electron'

/**
 * The main window's web preferences. The page gets `window.api` from the
 * preload and nothing else: an isolated, sandboxed renderer without Node,
 * with web security on. A unit test fails if any of these regress.
 */
export function securePreferences(
  preloadPath: string,
  { devTools = true }: { devTools?: boolean } = {}
): WebPreferences {
  return {
    preload: preloadPath,
    // Off in packaged builds: no DevTools, whatever the keyboard or a menu says.
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false
  }
}
