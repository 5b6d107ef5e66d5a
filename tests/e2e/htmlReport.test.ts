import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import { CHROMIUM_PATH } from './harness'

/** A fontconfig that knows only DejaVu (no Hangul): the OS alone cannot draw Korean here. */
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>CACHE</cachedir>
</fontconfig>
`

/** Opens a written report from disk with every request recorded and refused (but the file itself). */
async function openReport(
  browser: Browser,
  file: string
): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ offline: true })
  const page = await context.newPage()
  const requests: string[] = []
  const errors: string[] = []
  const url = pathToFileURL(file).href
  page.on('request', (r) => requests.push(r.url()))
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await context.route('**/*', (route) =>
    route.request().url() === url ? route.continue() : route.abort()
  )
  await page.goto(url)
  await page.evaluate('document.fonts.ready.then(() => true)')
  return { page, requests: requests.filter((r) => !r.startsWith('data:')), errors }
}

/** The fonts Chromium drew a node's text with (family, from the page or the OS, glyphs). */
async function fontsOf(cdp: CDPSession, selector: string) {
  const { root } = await cdp.send('DOM.getDocument')
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  return fonts
}

describe('the HTML report opens from disk, draws its charts and asks nothing of the network', () => {
  let dir: string
  let browser: Browser
  const files = { en: '', ko: '' }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speedup-html-'))
    // The user's path: the built CLI writes the reports of a real 2-worker run.
    for (const lang of ['en', 'ko'] as const) {
      files[lang] = join(dir, `report-${lang}.html`)
      const r = await runCli([
        '--range',
        '0:2000000',
        '--workers',
        '1,2',
        '--reps',
        '3',
        '--warmup',
        '0',
        '--quiet',
        '--html',
        files[lang],
        '--lang',
        lang
      ])
      expect(r.code, r.stderr).toBe(0)
    }
    const conf = join(dir, 'fonts.conf')
    await writeFile(conf, FONTS_CONF.replace('CACHE', join(dir, 'cache')))
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
      env: { ...process.env, FONTCONFIG_FILE: conf }
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: one file, the verdict, the table and the three charts drawn; no request`, async () => {
      const html = await readFile(files[lang], 'utf8')
      expect(html).toContain(`<html lang="${lang}">`)
      expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/)
      // Nothing to fetch: no script, no external URL in any attribute or style.
      expect(html).not.toMatch(/<script|<link|src="http|url\(http/i)
      const { page, requests, errors } = await openReport(browser, files[lang])
      expect(requests).toEqual([pathToFileURL(files[lang]).href])
      expect(errors).toEqual([])
      expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toMatch(
        /faster|no-difference|slower|too-small/
      )
      // The serial base case first, then one row per worker count.
      const body = page.locator('table').first().locator('tbody tr')
      expect(await body.count()).toBe(3)
      expect(await body.first().textContent()).toContain(lang === 'en' ? 'serial' : '직렬')
      for (const chart of ['speedup', 'wall-time', 'timeline']) {
        const svg = page.locator(`figure[data-chart="${chart}"] svg[role="img"]`)
        const box = await svg.boundingBox()
        expect(box!.width, chart).toBeGreaterThan(200)
        expect(box!.height, chart).toBeGreaterThan(80)
        expect(Number(await svg.getAttribute('data-points')), chart).toBeGreaterThanOrEqual(2)
      }
      // The speedup chart: a point per worker count, the 2-worker interval, the ideal line.
      const speedup = page.locator('figure[data-chart="speedup"]')
      expect(await speedup.locator('circle.point').count()).toBe(2)
      expect(await speedup.locator('line.ideal').count()).toBe(1)
      expect(await speedup.locator('line.interval').count()).toBe(1)
      expect(await page.locator('figure[data-chart="wall-time"] rect.bar').count()).toBe(2)
      expect(await page.locator('figure[data-chart="timeline"] rect.phase.compute').count()).toBe(2)
      await page.context().close()
    })
  }

  it('ko: Korean is drawn with the font embedded in the file (the OS has none here)', async () => {
    const html = await readFile(files.ko, 'utf8')
    expect(html).toMatch(/@font-face\{font-family:'Noto Sans KR Variable'/)
    expect(html).toContain('data:font/woff2;base64,')
    const { page, requests } = await openReport(browser, files.ko)
    expect(requests).toHaveLength(1)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    for (const selector of ['h2', 'figure[data-chart="speedup"] figcaption strong', 'th']) {
      const text = await page.locator(selector).first().innerText()
      expect(text, selector).toMatch(/[\uac00-\ud7a3]/)
      const fonts = await fontsOf(cdp, selector)
      const own = fonts.filter((f) => f.isCustomFont && /Noto Sans KR/.test(f.familyName))
      const hangul = [...text].filter((c) => /[\uac00-\ud7a3]/.test(c)).length
      // Every Hangul glyph comes from the page's own face; the OS's fonts draw at most the ASCII.
      expect(
        own.reduce((n, f) => n + f.glyphCount, 0),
        selector
      ).toBeGreaterThanOrEqual(hangul)
      const ascii = [...text].filter((c) => c.charCodeAt(0) < 0x80).length
      const os = fonts.filter((f) => !f.isCustomFont).reduce((n, f) => n + f.glyphCount, 0)
      expect(os, selector).toBeLessThanOrEqual(ascii)
    }
    await page.context().close()
  })

  it('en: no font is embedded (Latin uses the reader’s fonts), so the file stays small', async () => {
    const html = await readFile(files.en, 'utf8')
    expect(html).not.toContain('@font-face')
    expect((await stat(files.en)).size).toBeLessThan(100_000)
  })
})
