import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, openApp } from './harness'
import type { App } from './harness'
import { inPage, waitForReady } from './ui/helpers'

/**
 * A fontconfig that knows only DejaVu (Latin, Greek, Cyrillic; no Hangul):
 * Chromium started with it sees a machine without any OS CJK font, as many
 * Linux desktops are.
 */
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>CACHE</cachedir>
</fontconfig>
`

/**
 * Draws `text` and the private-use character U+E000 (which no font has: it
 * is drawn as the missing-glyph box) in `font` on a canvas, and says whether
 * the two drawings differ: a Hangul syllable drawn exactly like U+E000 is a
 * box, not a letter.
 */
function drawnAsGlyph(page: Page, font: string, text: string): Promise<boolean> {
  return page.evaluate(
    inPage<{ font: string; text: string }, Promise<boolean>>(`
      const draw = (s) => {
        const canvas = document.createElement('canvas')
        canvas.width = 48
        canvas.height = 48
        const ctx = canvas.getContext('2d')
        ctx.font = '32px ' + arg.font
        ctx.fillText(s, 4, 38)
        return ctx.getImageData(0, 0, 48, 48).data.join(',')
      }
      return document.fonts
        .load('32px ' + arg.font, arg.text)
        .then(() => draw(arg.text) !== draw('\\ue000'))`),
    { font, text }
  )
}

describe('Korean text on a machine without CJK fonts', () => {
  let browser: Browser
  let app: App
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speedup-fonts-'))
    const conf = join(dir, 'fonts.conf')
    await writeFile(conf, FONTS_CONF.replace('CACHE', join(dir, 'cache')))
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
      env: { ...process.env, FONTCONFIG_FILE: conf }
    })
    app = await openApp({ browser, locale: 'ko-KR' })
    await waitForReady(app.page)
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('the OS fonts alone draw Hangul as boxes here (the check can fail)', async () => {
    expect(await drawnAsGlyph(app.page, 'sans-serif', '한')).toBe(false)
  })

  it('the app’s own font draws it, loaded from the app under its CSP', async () => {
    const { page } = app
    expect(await page.evaluate('document.documentElement.lang')).toBe('ko')
    const uiFont = (await page.evaluate('getComputedStyle(document.body).fontFamily')) as string
    expect(uiFont).toContain('Noto Sans KR Variable')
    expect(await drawnAsGlyph(page, uiFont, '한')).toBe(true)
    expect(await drawnAsGlyph(page, uiFont, '벤치마크 실행')).toBe(true)
    // The page itself asked for the Korean subsets while showing Korean text.
    const loaded = (await page.evaluate(
      `[...document.fonts].filter((f) => f.family.includes('Noto Sans KR Variable') && f.status === 'loaded').length`
    )) as number
    expect(loaded).toBeGreaterThan(0)
    expect(app.pageErrors.filter((e) => /font|Content Security Policy/i.test(e))).toEqual([])
  })
})
