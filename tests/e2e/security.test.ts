/**
 * The built renderer in Chromium (the e2e harness): the page has no Node
 * globals, nothing but `window.api` is exposed to it, and its CSP is in
 * force — eval and injected inline scripts do not run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from './harness'
import type { App } from './harness'

describe('the renderer page', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
    await app.page.waitForSelector('#app *')
  })
  afterAll(async () => {
    await app?.close()
  })

  it('has no require, process, module, Buffer or Electron objects', async () => {
    const types = await app.page.evaluate(() => {
      const g = globalThis as Record<string, unknown>
      return Object.fromEntries(
        [
          'require',
          'process',
          'module',
          'exports',
          'Buffer',
          'global',
          'ipcRenderer',
          'electron'
        ].map((name) => [name, typeof g[name]])
      )
    })
    expect(Object.values(types).every((t) => t === 'undefined')).toBe(true)
    expect(await app.page.evaluate(() => typeof (globalThis as { api?: unknown }).api)).toBe(
      'object'
    )
  })

  it('runs no eval and no injected inline script (the CSP holds)', async () => {
    // Runs in the page; a string, so this Node-typed file carries no DOM code.
    const outcome = (await app.page.evaluate(`(async () => {
      // From a timer, not from this evaluate call: DevTools' evaluate may eval past the CSP.
      const later = (fn) => new Promise((resolve) => setTimeout(() => {
        try { resolve(fn()) } catch (e) { resolve(String(e)) }
      }, 0))
      const evalResult = await later(() => (0, eval)('1 + 1'))
      const functionResult = await later(() => new Function('return 2')())
      // A string timer compiles its code: the CSP stops that too.
      setTimeout('window.__stringTimer = true', 0)
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.head.append(script)
      const img = document.createElement('img')
      img.setAttribute('onerror', 'window.__handler = true')
      img.src = 'data:,not-an-image'
      document.body.append(img)
      await new Promise((r) => setTimeout(r, 200))
      return {
        evalResult: String(evalResult),
        functionResult: String(functionResult),
        stringTimer: window.__stringTimer === true,
        injected: window.__injected === true,
        handler: window.__handler === true
      }
    })()`)) as {
      evalResult: string
      functionResult: string
      stringTimer: boolean
      injected: boolean
      handler: boolean
    }
    expect(outcome.evalResult).toMatch(/EvalError/)
    expect(outcome.functionResult).toMatch(/EvalError/)
    expect(outcome).toMatchObject({ stringTimer: false, injected: false, handler: false })
    expect(app.pageErrors.filter((e) => !/Content Security Policy|EvalError/.test(e))).toEqual([])
  })
})
