// Accounts for every mutant `npm run mutation` left alive (issue 24): each
// survivor (and no-coverage mutant) of each file, from the newest cache that
// holds the file (as scripts/mutationTally.mjs counts them), is matched with a
// reason in scripts/mutationReasons.mjs — an equivalent mutant (no input can
// tell it apart) or a known gap (a test could kill it; none does yet).
// Prints one table per file, grouped by line and reason, and the survivors no
// reason covers; exits 1 if there are any.
//   node scripts/mutationAccount.mjs            # the tables and the unlisted
//   node scripts/mutationAccount.mjs --write    # also puts the tables into docs/MUTATION.md
//                                               # (between the survivors markers)
import { readFileSync, writeFileSync } from 'node:fs'
import { latestByFile } from './mutationCaches.mjs'
import { reasons } from './mutationReasons.mjs'

/** file → { cache, source, alive } from its newest cache. */
const latest = new Map(
  [...latestByFile('reports/mutation/by-file')].map(([file, { cache, source, mutants }]) => [
    file,
    {
      cache,
      source,
      alive: mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    }
  ])
)

const reasonFor = (file, m) =>
  reasons.find(
    (r) =>
      r.file === file &&
      m.location.start.line >= r.lines[0] &&
      m.location.start.line <= r.lines[1] &&
      (r.col === undefined || m.location.start.column === r.col) &&
      (r.endCol === undefined || m.location.end.column === r.endCol) &&
      (r.match === undefined || r.match.test(`${m.mutatorName} ${m.replacement}`))
  )

const short = (s) => {
  const one = s.replace(/\s+/g, ' ')
  return one.length > 48 ? `${one.slice(0, 45)}…` : one
}
const cell = (s) => s.replace(/\|/g, '\\|')

const out = []
const unlisted = []
let listed = 0
for (const [file, { alive }] of [...latest.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  if (alive.length === 0) continue
  /** One row per line and reason. */
  const rows = new Map()
  for (const m of alive.sort((a, b) => a.location.start.line - b.location.start.line)) {
    const r = reasonFor(file, m)
    if (!r) {
      unlisted.push({ file, m })
      continue
    }
    listed++
    const key = `${m.location.start.line}\u0000${r.kind}\u0000${r.why}`
    const row = rows.get(key) ?? { line: m.location.start.line, r, mutants: [] }
    row.mutants.push(`${m.status === 'NoCoverage' ? '(nc) ' : ''}\`${short(m.replacement)}\``)
    rows.set(key, row)
  }
  if (rows.size === 0) continue
  out.push(`**${file.replace(/^src\/shared\//, '')}** (${alive.length})`, '')
  out.push('| line | mutants | kind | why |', '| ---- | ------- | ---- | --- |')
  for (const { line, r, mutants } of rows.values())
    out.push(`| ${line} | ${cell(mutants.join(', '))} | ${r.kind} | ${cell(r.why)} |`)
  out.push('')
}
const table = out.join('\n')
console.log(table)
for (const { file, m } of unlisted)
  console.log(
    `UNLISTED ${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} ${JSON.stringify(m.replacement)}`
  )
// A reason that matches no survivor any more (its mutants were killed) is stale: remove it.
const used = new Set()
for (const [file, { alive }] of latest) for (const m of alive) used.add(reasonFor(file, m))
for (const r of reasons.filter((x) => !used.has(x)))
  console.log(`UNUSED REASON ${r.file}:${r.lines.join('-')} ${r.kind}: ${r.why.slice(0, 60)}`)
console.log(`listed ${listed}, unlisted ${unlisted.length}`)

if (process.argv.includes('--write')) {
  const doc = 'docs/MUTATION.md'
  const text = readFileSync(doc, 'utf8')
  const start = '<!-- survivors:start (scripts/mutationAccount.mjs --write) -->'
  const end = '<!-- survivors:end -->'
  const [before, rest] = text.split(start)
  if (rest === undefined) throw new Error(`${doc} has no ${start}`)
  const after = rest.split(end)[1]
  writeFileSync(doc, `${before}${start}\n\n${table}\n${end}${after}`)
}
process.exitCode = unlisted.length ? 1 : 0
