import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium, openApp } from '../harness'
import type { App } from '../harness'
import { VIEWPORT, waitForReady } from './helpers'

/**
 * One browser and one app for a describe block: launched, opened at VIEWPORT
 * and ready (the machine read) before its tests, both closed after them.
 * `use` receives them, for the block's own variables.
 */
export function appForSuite(use: (app: App, browser: Browser) => void): void {
  let browser: Browser | undefined
  let app: App | undefined
  beforeAll(async () => {
    browser = await launchChromium()
    app = await openApp({ browser, viewport: VIEWPORT })
    await waitForReady(app.page)
    use(app, browser)
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })
}
