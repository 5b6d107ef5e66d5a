/** The e2e harness: the built renderer in Chromium, `window.api` bridged to the real engine. */
export {
  openApp,
  callApi,
  launchChromium,
  RENDERER_DIR,
  WORKER_PATH,
  CHROMIUM_PATH
} from './openApp'
export type { App, OpenAppOptions } from './openApp'
export { serveStatic } from './staticServer'
export type { StaticServer } from './staticServer'
export { historyDirWith, openAppWithHistory } from './seededHistory'
export type { SeededApp } from './seededHistory'
