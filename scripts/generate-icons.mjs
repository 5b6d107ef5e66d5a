// Renders build/icon.svg (the one icon source) to the PNG sizes the installers use:
// build/icons/NxN.png (16…1024, Linux and the source for .ico/.icns) and build/icon.png (512).
// Uses Debian's Chromium through playwright-core: no native addon, same pixels on every run here.
// Run: node scripts/generate-icons.mjs   (set CHROMIUM_PATH to use another Chromium)
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const svg = readFileSync(join(root, 'build/icon.svg'), 'utf8')
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--headless']
})
try {
  mkdirSync(join(root, 'build/icons'), { recursive: true })
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  const render = async (size, file) => {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        `<img id="icon" src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`
    )
    await page.locator('#icon').evaluate((img) => img.decode())
    await page.screenshot({
      path: join(root, file),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size }
    })
    console.log(`${file} (${size}×${size})`)
  }
  for (const size of ICON_SIZES) await render(size, `build/icons/${size}x${size}.png`)
  await render(512, 'build/icon.png')
} finally {
  await browser.close()
}
