/**
 * Reads the app's bundled Korean font (Noto Sans KR, @fontsource-variable)
 * for HTML reports: the @font-face rules of the built renderer's CSS
 * (out/renderer/assets, inside the app's asar when packaged) and the woff2
 * chunks they name. Shared by the CLI and the app's main process, both
 * Electron-free here; the choice of chunks and their embedding is pure
 * (src/shared/report/exporters/html/fontFaces.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { FontChunk, FontSource } from '../shared/report/exporters/html/fontFaces'

const FAMILY = 'Noto Sans KR Variable'

/** Every @font-face of the family in a CSS text, its src resolved against `base`. */
function facesIn(
  css: string,
  base: string
): { file: string; unicodeRange: string; weight: string }[] {
  const out: { file: string; unicodeRange: string; weight: string }[] = []
  for (const m of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const block = m[1]
    if (!block.includes(FAMILY)) continue
    const src = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(block)?.[1]
    const range = /unicode-range:\s*([^;}]+)/.exec(block)?.[1]?.trim()
    const weight = /font-weight:\s*([^;}]+)/.exec(block)?.[1]?.trim() ?? '100 900'
    if (src && range) out.push({ file: resolve(base, src), unicodeRange: range, weight })
  }
  return out
}

/** The built renderer's CSS files, or the font package's own CSS in a checkout. */
function cssCandidates(rendererDir: string): { css: string; base: string }[] {
  const assets = join(rendererDir, 'assets')
  const found: { css: string; base: string }[] = []
  if (existsSync(assets)) {
    for (const name of readdirSync(assets)) {
      if (!name.endsWith('.css')) continue
      const css = readFileSync(join(assets, name), 'utf8')
      if (css.includes(FAMILY)) found.push({ css, base: assets })
    }
  }
  if (found.length) return found
  // A checkout without a built renderer: the package itself, found upwards from here.
  for (let dir = rendererDir; ; dir = dirname(dir)) {
    const pkg = join(dir, 'node_modules', '@fontsource-variable', 'noto-sans-kr', 'index.css')
    if (existsSync(pkg)) return [{ css: readFileSync(pkg, 'utf8'), base: dirname(pkg) }]
    if (dirname(dir) === dir) return []
  }
}

/**
 * The font's chunks, read once when first asked for (a report that needs no
 * Korean never reads them); none when the font cannot be found.
 */
export function bundledFontSource(rendererDir: string): FontSource {
  let chunks: FontChunk[] | null = null
  return () => {
    if (chunks) return chunks
    chunks = []
    try {
      for (const { css, base } of cssCandidates(rendererDir)) {
        for (const face of facesIn(css, base)) {
          if (!existsSync(face.file)) continue
          chunks.push({
            family: FAMILY,
            unicodeRange: face.unicodeRange,
            weight: face.weight,
            woff2: new Uint8Array(readFileSync(face.file))
          })
        }
      }
    } catch {
      // No font: Korean falls back to the system's fonts; the report is still written.
    }
    return chunks
  }
}
