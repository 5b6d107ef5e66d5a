// The Stryker caches in one folder (reports/mutation/by-file/*.json), read oldest first, so
// that each mutated file is taken from the newest cache that holds it. Shared by
// mutationTally.mjs (the scores) and mutationAccount.mjs (the survivors and their reasons).
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** file (relative to the working folder) → { cache, source, mutants } from its newest cache. */
export function latestByFile(dir) {
  const caches = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => a.mtime - b.mtime)
  const latest = new Map()
  for (const { name } of caches) {
    const report = JSON.parse(readFileSync(join(dir, name), 'utf8'))
    for (const [file, { source, mutants }] of Object.entries(report.files))
      latest.set(relative(process.cwd(), file) || file, { cache: name, source, mutants })
  }
  return latest
}
