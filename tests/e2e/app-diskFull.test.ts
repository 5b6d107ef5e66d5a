import { execFileSync } from 'node:child_process'
import { mkdtemp, open, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { parseRunEnvelope } from '../../src/shared/runExport'
import { launchChromium, openApp } from './harness'
import type { App } from './harness'
import { VIEWPORT, fillForm, runButton, waitForReady } from './ui/helpers'

/** Fills what space is left on the disk holding `path`, until it refuses even one byte. */
async function fillDisk(path: string): Promise<void> {
  const handle = await open(path, 'w')
  try {
    for (let size = 1 << 16; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          const { bytesWritten } = await handle.write(Buffer.alloc(size, 0x2e))
          if (bytesWritten < size) break
        } catch {
          break
        }
      }
    }
  } finally {
    await handle.close()
  }
}

/**
 * A full disk, as the user meets it: history on a real tmpfs with no room
 * left. The run finishes, is not saved, says so in words, stays on screen,
 * and exports.
 */
describe('a run finished on a full disk', () => {
  let browser: Browser | null = null
  let app: App | null = null
  let mnt: string | null = null
  afterAll(async () => {
    await app?.close()
    await browser?.close()
    if (mnt) {
      execFileSync('umount', [mnt])
      await rm(mnt, { recursive: true, force: true })
    }
  })

  it('says "Not saved: the disk is full", keeps the run on screen and exports it', async (ctx) => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      ctx.skip('mounting a tmpfs needs root on Linux')
      return
    }
    mnt = await mkdtemp(join(tmpdir(), 'speedup-fulldisk-'))
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt])
    await fillDisk(join(mnt, 'filler'))
    browser = await launchChromium()
    app = await openApp({ browser, viewport: VIEWPORT, historyDir: mnt })
    const { page } = app
    await waitForReady(page)
    await page.getByRole('button', { name: 'Tutorial' }).click()
    await fillForm(page, { end: '1000000', reps: '1', warmup: '0' })
    await runButton(page).click()

    const notice = page.locator('.controls [role="alert"]')
    await notice.waitFor({ timeout: 120_000 })
    expect(await notice.getAttribute('data-code')).toBe('not-saved')
    expect(await notice.textContent()).toContain('Not saved: the disk is full')

    // The run is on screen, with its sums…
    const sum = page.getByTestId('sum')
    await sum.waitFor({ timeout: 10_000 })
    expect(await sum.innerText()).toMatch(/\d/)
    // …not in history…
    expect((await app.history.list()).runs).toEqual([])
    const left = await readdir(mnt)
    expect(left.filter((f) => f.startsWith('history') && f !== 'history.jsonl')).toEqual([])
    if (left.includes('history.jsonl'))
      expect(await readFile(join(mnt, 'history.jsonl'), 'utf8')).toBe('')
    // …and still exports (to a folder with room).
    await page.getByRole('button', { name: 'Export JSON' }).first().click()
    await expect.poll(() => app!.savedFiles.length, { timeout: 30_000 }).toBe(1)
    // The dialog's answer is recorded before the file is written: wait for the write.
    await expect
      .poll(
        () =>
          readFile(app!.savedFiles[0], 'utf8').then(
            () => true,
            () => false
          ),
        {
          timeout: 30_000
        }
      )
      .toBe(true)
    // One run exports as the run envelope of issue 9; the record inside reads back.
    const text = await readFile(app.savedFiles[0], 'utf8')
    expect(JSON.parse(text)).toMatchObject({ format: 'speedup-lab/run' })
    const exported = parseRunEnvelope(text)
    expect(exported.ok).toBe(true)
    expect(exported.ok && exported.value.config.range.end).toBe(1_000_000)
  }, 180_000)
})
