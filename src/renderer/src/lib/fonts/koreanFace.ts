/** The Korean face the app ships (@fontsource-variable/noto-sans-kr), by its real family name. */
export const KOREAN_FACE = 'Noto Sans KR Variable'

declare const __APP_HANGUL__: string | undefined

/** Every Hangul character the app's sources hold, gathered at build time (scripts/hangul.ts). */
export const APP_HANGUL: string = typeof __APP_HANGUL__ === 'string' ? __APP_HANGUL__ : ''

/**
 * Loads the segments of the bundled Korean face that draw `text` (by default
 * every Hangul character of the app's own words) and settles once they are
 * ready. The face is split by unicode-range; Chromium asks for a segment
 * only when it meets its characters, and a segment that arrives after it has
 * drawn them with a fallback may never replace the boxes (on a machine
 * without a CJK font, the Run button stayed in DejaVu). A canvas never asks
 * at all. So Korean is shown only after this — the first paint and every
 * chart included. Never fails: without the face, Korean still shows in
 * whatever the OS has.
 */
export function loadKoreanFace(text: string = APP_HANGUL): Promise<void> {
  const fonts = globalThis.document?.fonts
  if (!fonts || text === '') return Promise.resolve()
  // One variable file per segment serves every weight (100–900), bold included.
  return fonts.load(`16px "${KOREAN_FACE}"`, text).then(
    () => undefined,
    () => undefined
  )
}
