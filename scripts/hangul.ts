import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Hangul syllables, jamo and compatibility jamo: what the bundled Korean face must draw. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/gu

/**
 * Every Hangul character written in the sources under `dirs`, once each, in
 * code point order. The renderer gets it as `__APP_HANGUL__` and loads the
 * font segments that draw it before Korean is first shown: a segment loaded
 * after Chromium has drawn its characters with a fallback can stay unused
 * (the Run button stayed in boxes), and a canvas never asks for one.
 */
export function hangulInSources(dirs: readonly string[]): string {
  const found = new Set<string>()
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (/\.(ts|svelte)$/.test(entry.name))
        for (const ch of readFileSync(path, 'utf8').match(HANGUL) ?? []) found.add(ch)
    }
  }
  for (const dir of dirs) visit(dir)
  return [...found].sort().join('')
}
