// The mutation score over every file run so far, from the per-run caches
// (reports/mutation/by-file/*.json, each a mutation-testing-report-schema
// JSON that `npm run mutation -- --incrementalFile …` writes). A file run in
// more than one cache counts once, from the newest cache (by modification
// time), so a re-run replaces its earlier result. Score = killed + timed out
// over killed + timed out + survived + no coverage (as Stryker counts it).
// Also lists the files in scope (src/shared/stats, src/shared/analysis,
// without types.ts and index.ts, and the report's number formatting) that no
// cache holds yet.
// Usage: node scripts/mutationTally.mjs [dir]
import { readdirSync } from 'node:fs'
import { latestByFile } from './mutationCaches.mjs'

const dir = process.argv[2] ?? 'reports/mutation/by-file'

/** file → { cache, counts } from its newest cache. */
const latest = new Map()
for (const [file, { cache, mutants }] of latestByFile(dir)) {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 }
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++
    else if (m.status === 'Timeout') c.timeout++
    else if (m.status === 'Survived') c.survived++
    else if (m.status === 'NoCoverage') c.noCoverage++
    else c.other++ // CompileError, RuntimeError, Ignored, Pending: not counted
  }
  latest.set(file, { cache, c })
}

const pct = (k, v) => (v ? ((100 * k) / v).toFixed(2) : '—')
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0 }
const rows = [...latest.entries()].sort(([a], [b]) => a.localeCompare(b))
for (const [file, { cache, c }] of rows) {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage
  for (const k of Object.keys(total)) total[k] += c[k]
  console.log(
    `${pct(c.killed + c.timeout, valid).padStart(6)} %  ${String(valid).padStart(4)}  k${c.killed} t${c.timeout} s${c.survived} nc${c.noCoverage}  ${file}  [${cache}]`
  )
}
const valid = total.killed + total.timeout + total.survived + total.noCoverage
console.log(
  `ALL ${rows.length} files: ${pct(total.killed + total.timeout, valid)} % of ${valid} ` +
    `(killed ${total.killed}, timeout ${total.timeout}, survived ${total.survived}, no coverage ${total.noCoverage})`
)

const inScope = [
  ...['src/shared/stats', 'src/shared/analysis'].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'index.ts')
      .map((f) => `${d}/${f}`)
  ),
  // The report layer's number formatting (stryker.config.mjs).
  'src/shared/format.ts',
  'src/shared/report/groupDigits.ts',
  'src/shared/report/figure.ts'
]
const notRun = inScope.filter((f) => ![...latest.keys()].some((k) => k.endsWith(f)))
console.log(
  `Not run (${notRun.length} of ${inScope.length} in scope): ${notRun.join(', ') || 'none'}`
)
