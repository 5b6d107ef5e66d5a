// Lists what `npm run mutation` left alive, file by file, from its JSON report
// (reports/mutation/mutation.json): the score per file (killed + timed out over
// all valid mutants, no-coverage counted as alive) and each survivor's line and
// replacement, to write a killing test or a reason it is equivalent
// (docs/MUTATION.md).  Usage: node scripts/mutationSurvivors.mjs [file-substring] [report.json]
// The report may also be an incremental file (reports/mutation/by-file/NAME.json):
// both are mutation-testing-report-schema JSON.
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync(process.argv[3] ?? 'reports/mutation/mutation.json', 'utf8'))
const only = process.argv[2]
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 }
for (const [file, { source, mutants }] of Object.entries(report.files).sort()) {
  const count = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 }
  for (const m of mutants) {
    const key =
      m.status === 'Killed'
        ? 'killed'
        : m.status === 'Timeout'
          ? 'timeout'
          : m.status === 'Survived'
            ? 'survived'
            : m.status === 'NoCoverage'
              ? 'noCoverage'
              : 'other'
    count[key]++
    total[key]++
  }
  const valid = count.killed + count.timeout + count.survived + count.noCoverage
  const score = valid ? ((100 * (count.killed + count.timeout)) / valid).toFixed(2) : '—'
  console.log(
    `${file}: ${score} % of ${valid} (killed ${count.killed}, timeout ${count.timeout}, survived ${count.survived}, no coverage ${count.noCoverage}${count.other ? `, other ${count.other}` : ''})`
  )
  if (only === undefined || !file.includes(only)) continue
  const lines = source.split('\n')
  for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
    const { start, end } = m.location
    const text = lines[start.line - 1].trim()
    console.log(
      `  ${m.status === 'NoCoverage' ? 'NC' : 'S '} L${start.line}:${start.column}-${end.line}:${end.column} ${m.mutatorName}: ${JSON.stringify(m.replacement)}\n      ${text}`
    )
  }
}
const valid = total.killed + total.timeout + total.survived + total.noCoverage
console.log(
  `ALL: ${((100 * (total.killed + total.timeout)) / valid).toFixed(2)} % of ${valid} (killed ${total.killed}, timeout ${total.timeout}, survived ${total.survived}, no coverage ${total.noCoverage}, other ${total.other})`
)
