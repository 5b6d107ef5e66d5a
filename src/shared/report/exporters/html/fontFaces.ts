/**
 * Korean in an HTML report renders from the app's own font (Noto Sans KR,
 * bundled with the app) embedded in the file: only the unicode-range chunks
 * that hold a character of the report's text, each as a base64 data: URL,
 * so the file opens anywhere (no CJK font installed, no network) and stays
 * small. Pure: the chunks' bytes are read by the caller (src/engine/reportFonts.ts).
 */

/** One @font-face of the bundled font: its family, the code points it covers, its woff2 bytes. */
export interface FontChunk {
  family: string
  /** The CSS unicode-range, as written ("U+ac00-ac2b,U+ac2d"). */
  unicodeRange: string
  weight: string
  woff2: Uint8Array
}

/** Reads where a font's bytes come from: every chunk of the bundled font, or none. */
export type FontSource = () => FontChunk[]

/** "U+ac00-ac2b,U+ac2d" → [[0xac00, 0xac2b], [0xac2d, 0xac2d]]. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      const [a, b] = part.split('-')
      const lo = parseInt(a.replace(/\?/g, '0'), 16)
      const hi = b !== undefined ? parseInt(b, 16) : parseInt(a.replace(/\?/g, 'f'), 16)
      return [lo, hi] as [number, number]
    })
}

/** The code points of `text` outside ASCII (ASCII is left to the system's fonts). */
export function wideCodePoints(text: string): number[] {
  const seen = new Set<number>()
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp > 0x7f) seen.add(cp)
  }
  return [...seen].sort((a, b) => a - b)
}

/** The chunks that hold at least one of the code points. */
export function chunksFor(
  chunks: readonly FontChunk[],
  codePoints: readonly number[]
): FontChunk[] {
  return chunks.filter((c) => {
    const ranges = parseUnicodeRange(c.unicodeRange)
    return codePoints.some((cp) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi))
  })
}

/** Bytes as base64, without Buffer (this module also runs in the renderer's tests). */
function base64(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out +=
      alphabet[(n >> 18) & 63] +
      alphabet[(n >> 12) & 63] +
      (b === undefined ? '=' : alphabet[(n >> 6) & 63]) +
      (c === undefined ? '=' : alphabet[n & 63])
  }
  return out
}

/**
 * A chunk's range without ASCII: Latin letters stay with the system's font
 * (the chunks also hold some ASCII, which would mix two Latin faces in a line).
 */
function wideRange(range: string): string {
  return parseUnicodeRange(range)
    .map(([lo, hi]) => [Math.max(lo, 0x80), hi] as const)
    .filter(([lo, hi]) => lo <= hi)
    .map(([lo, hi]) =>
      lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`
    )
    .join(',')
}

/** The @font-face rules for the chunks `text` needs, their bytes inline. */
export function embeddedFontCss(chunks: readonly FontChunk[], text: string): string {
  return chunksFor(chunks, wideCodePoints(text))
    .map(
      (c) =>
        `@font-face{font-family:'${c.family}';font-style:normal;font-weight:${c.weight};` +
        `font-display:block;src:url(data:font/woff2;base64,${base64(c.woff2)}) format('woff2');` +
        `unicode-range:${wideRange(c.unicodeRange)}}`
    )
    .join('\n')
}
