/**
 * The app beside a real cluster, for the e2e tests of the cluster backend: a
 * nats-server on 127.0.0.1 with user `lab` and the given password, real
 * agents (the built CLI), and the built renderer in Chromium, ready, with
 * discovery shortened to 250 ms.
 */
import type { Browser } from 'playwright-core'
import { startAgent, startNatsServer } from '../../helpers/cluster'
import type { AgentProcess, NatsServer } from '../../helpers/cluster'
import { launchChromium, openApp } from '../harness'
import type { App } from '../harness'
import { VIEWPORT, waitForReady } from './helpers'

export interface ClusterApp {
  server: NatsServer
  agents: AgentProcess[]
  browser: Browser
  app: App
  /** Closes the app and the browser, then stops the agents and the server. */
  close(): Promise<void>
}

/** One agent: its `speedup-lab worker` options and how many workers it offers. */
export interface AgentSpec {
  args: string[]
  workers: number
}

export async function openClusterApp(password: string, specs: AgentSpec[]): Promise<ClusterApp> {
  let server: NatsServer | undefined
  let agents: AgentProcess[] = []
  let browser: Browser | undefined
  let app: App | undefined
  const close = async (): Promise<void> => {
    await app?.close()
    await browser?.close()
    await Promise.all(agents.map((a) => a.stop()))
    await server?.stop()
  }
  try {
    server = await startNatsServer({ user: 'lab', pass: password })
    const url = `nats://lab:${password}@127.0.0.1:${server.port}`
    agents = specs.map((s) => startAgent(url, s.args, s.workers))
    await Promise.all(agents.map((a) => a.ready))
    browser = await launchChromium()
    app = await openApp({
      browser,
      viewport: { ...VIEWPORT, height: 1100 },
      engine: { cluster: { discoverMs: 250 } }
    })
    await waitForReady(app.page)
    return { server, agents, browser, app, close }
  } catch (e) {
    await close()
    throw e
  }
}
