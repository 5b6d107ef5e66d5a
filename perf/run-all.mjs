// Runs every performance benchmark in perf/ (files *.perf.ts) one after another.
import { readdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const only = process.argv[2]
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.perf.ts') || f.endsWith('.perf.mjs'))
  .filter((f) => !only || f.includes(only))
  .sort()
for (const file of files) {
  console.log(`\n=== perf/${file}`)
  execFileSync('npx', ['tsx', join('perf', file)], { stdio: 'inherit' })
}
