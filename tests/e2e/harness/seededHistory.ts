/**
 * The app opened on a history of given runs, as a user who has run them
 * before finds it: the runs are written to history.jsonl in a fresh data
 * folder, then the app starts on that folder.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { waitForReady } from '../ui/helpers'
import { launchChromium, openApp } from './openApp'
import type { App } from './openApp'

/** A fresh data folder whose history.jsonl holds `records`, one per line. */
export async function historyDirWith(prefix: string, records: readonly unknown[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  await writeFile(
    join(dir, 'history.jsonl'),
    records.map((r) => JSON.stringify(r)).join('\n') + '\n'
  )
  return dir
}

export interface SeededApp {
  browser: Browser
  app: App
  /** Closes the app and the browser and removes the data folder. */
  close(): Promise<void>
}

/** Chromium with the app ready on a history of `records`. */
export async function openAppWithHistory(
  records: readonly unknown[],
  options: { prefix: string; viewport: { width: number; height: number } }
): Promise<SeededApp> {
  const historyDir = await historyDirWith(options.prefix, records)
  const browser = await launchChromium()
  const app = await openApp({ browser, historyDir, viewport: options.viewport })
  await waitForReady(app.page)
  return {
    browser,
    app,
    close: async () => {
      await app.close()
      await browser.close()
      await rm(historyDir, { recursive: true, force: true })
    }
  }
}
