/**
 * What only the code should know, found in a text a user reads: the rule
 * the catalog tests share (tests/renderer/rawIdentifiers.test.ts,
 * tests/unit/report/rawIdentifiers.test.ts).
 */

/** Enum values of the configuration, as the code writes them. */
const ENUMS = [
  'process',
  'thread',
  'cluster',
  'async',
  'split',
  'replicate',
  'weak',
  'warm',
  'cold',
  'sum',
  'wait'
]

/** Words that look like identifiers but are names users know. */
const ALLOWED = new Set([
  'macOS',
  'iOS',
  'npm',
  'dns.lookup',
  'python3.13t',
  'utilityProcess',
  'setTimeout',
  'libuv',
  'pid',
  // Node's own API names, taught by the explainer as written in code.
  'worker_threads',
  'randomBytes'
])

/** The raw identifiers in `text`, each once; empty when it reads as words. */
export function rawIdentifiers(text: string, language: 'en' | 'ko'): string[] {
  // Command lines, placeholders and options the user types are quoted as typed: not ours to word.
  const words = text.replace(/\{[a-z]+\}/g, ' ').replace(/--[a-z][a-z-]*/g, ' ')
  const found = new Set<string>()
  const add = (m: string): void => {
    if (!ALLOWED.has(m)) found.add(m)
  }
  for (const m of words.matchAll(/\b[a-z]+[A-Z][A-Za-z]*\b/g)) add(m[0])
  for (const m of words.matchAll(/\b[a-z]+_[a-z_]+\b/g)) add(m[0])
  for (const m of words.matchAll(/\b[a-z]+(?:-[a-z]+){2,}\b/g)) add(m[0])
  const e = ENUMS.join('|')
  for (const m of words.matchAll(new RegExp(`\\b(?:${e})\\s*(?:→|->)\\s*(?:${e})\\b`, 'g')))
    add(m[0])
  // Korean may gloss a term with the English one in brackets, 워커 없음(async); never bare.
  if (language === 'ko')
    for (const m of words.matchAll(new RegExp(`(?<![A-Za-z(-])(?:${e})(?![A-Za-z-])`, 'g')))
      add(m[0])
  return [...found]
}
