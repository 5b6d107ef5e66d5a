import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, openApp } from './harness'
import type { App } from './harness'
import { inPage, waitForReady, waitInPage } from './ui/helpers'

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

/** The bundled face's family inside its files (CDP names the file's own family). */
const BUNDLED = /^Noto Sans KR/
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/gu
const VIEWS = ['results', 'scaling', 'history', 'system', 'explain'] as const

/**
 * Which Hangul characters of `text`, drawn one by one on a canvas in `font`
 * exactly as the page is (no font load asked for), look like the private-use
 * character U+E000, which no font has: those are missing-glyph boxes.
 */
function boxesOnCanvas(page: Page, font: string, text: string): Promise<string[]> {
  return page.evaluate(
    inPage<{ font: string; text: string }, string[]>(`
      const draw = (s) => {
        const canvas = document.createElement('canvas')
        canvas.width = 48
        canvas.height = 48
        const ctx = canvas.getContext('2d')
        ctx.font = arg.font
        ctx.fillText(s, 4, 38)
        return ctx.getImageData(0, 0, 48, 48).data.join(',')
      }
      const box = draw('\\ue000')
      return [...new Set(arg.text)].filter((ch) => draw(ch) === box)`),
    { font, text }
  )
}

interface DomNode {
  nodeId: number
  nodeType: number
  nodeName: string
  nodeValue: string
  children?: DomNode[]
}

/**
 * Every element on show whose own text holds Hangul and which Chromium draws
 * (in part) with another font than the bundled one: the element, its text
 * and the fonts it was drawn with, as the DevTools protocol reports them.
 */
async function hangulNotInBundledFace(cdp: CDPSession): Promise<string[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1 })) as { root: DomNode }
  const found: string[] = []
  const visit = async (node: DomNode): Promise<void> => {
    const text = (node.children ?? [])
      .filter((c) => c.nodeType === 3)
      .map((c) => c.nodeValue)
      .join('')
    const hangul = text.match(HANGUL)?.length ?? 0
    if (node.nodeType === 1 && hangul > 0 && node.nodeName !== 'OPTION') {
      type Fonts = { fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[] }
      // A node the page replaced meanwhile (a live status line) has nothing to report.
      const { fonts } = (await cdp
        .send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })
        .catch(() => ({ fonts: [] }))) as Fonts
      // An element that is not drawn (display: none) has no fonts; one that is
      // draws each syllable as one glyph, all of which must be the bundled face's.
      const bundled = fonts
        .filter((f) => f.isCustomFont && BUNDLED.test(f.familyName))
        .reduce((sum, f) => sum + f.glyphCount, 0)
      if (fonts.length > 0 && bundled < hangul)
        found.push(
          `${node.nodeName} «${text.trim().slice(0, 40)}»: ${fonts
            .map((f) => `${f.familyName} ${f.glyphCount}`)
            .join(', ')}`
        )
    }
    for (const child of node.children ?? []) await visit(child)
  }
  await visit(root)
  return found
}

async function openView(page: Page, view: (typeof VIEWS)[number]): Promise<void> {
  await page.locator(`#tab-${view}`).click()
  await page.locator(`#panel-${view}`).waitFor()
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
}

describe('Korean text on a machine without CJK fonts, started in Korean', () => {
  let browser: Browser
  let app: App
  let cdp: CDPSession
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
    app = await openApp({ browser, locale: 'ko-KR', viewport: { width: 1280, height: 860 } })
    await waitForReady(app.page)
    cdp = await app.context.newCDPSession(app.page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('the OS fonts alone draw Hangul as boxes here (the check can fail)', async () => {
    expect(await boxesOnCanvas(app.page, '32px sans-serif', '한')).toEqual(['한'])
  })

  it('every Hangul glyph of the first paint is the bundled face’s, bold included', async () => {
    const { page } = app
    expect(await page.evaluate('document.documentElement.lang')).toBe('ko')
    // The Run button is bold: the face that drew it in boxes was DejaVu Sans Bold.
    expect(
      await page.evaluate(`getComputedStyle(document.getElementById('run-button')).fontWeight`)
    ).not.toBe('400')
    expect(await hangulNotInBundledFace(cdp)).toEqual([])
    expect(app.pageErrors.filter((e) => /font|Content Security Policy/i.test(e))).toEqual([])
  })

  it('after a run, every view’s Hangul and every chart’s Hangul are drawn, not boxes', async () => {
    const { page } = app
    await page.getByLabel('범위 끝').fill('2,000,000')
    await page.getByLabel('반복 횟수').fill('3')
    await page.getByRole('button', { name: '벤치마크 실행' }).click()
    await waitInPage(
      page,
      `const el = document.querySelector('section.results[data-run-id]')
       return !!el && el.getAttribute('aria-busy') !== 'true' && document.querySelectorAll('section.results canvas').length > 0`,
      null
    )
    const found: string[] = []
    for (const view of VIEWS) {
      await openView(page, view)
      for (const problem of await hangulNotInBundledFace(cdp)) found.push(`${view}: ${problem}`)
    }
    expect(found).toEqual([])

    // Each chart's own font (what chart.js last set on its canvas) and its
    // Korean words (its title): drawn as the chart draws them, no load asked for.
    await openView(page, 'results')
    // Back on Results its graphs are drawn again, one per task: read them once all are drawn.
    await waitInPage(
      page,
      `const el = document.querySelector('section.results[data-run-id]')
       return !!el && el.getAttribute('aria-busy') !== 'true'`,
      null
    )
    const charts = (await page.evaluate(`[...document.querySelectorAll('section.results canvas')]
      .map((c) => ({ font: c.getContext('2d').font, title: c.closest('[role="img"]')?.getAttribute('aria-label') ?? '' }))`)) as {
      font: string
      title: string
    }[]
    expect(charts.length).toBeGreaterThan(1)
    for (const { font, title } of charts) {
      expect(title).toMatch(HANGUL)
      const large = font.replace(/\d+(\.\d+)?px/, '32px')
      const hangul = (title.match(HANGUL) ?? []).join('')
      expect({ font, boxes: await boxesOnCanvas(page, large, hangul) }).toEqual({ font, boxes: [] })
    }
  })
})
