/**
 * Splits a command line into words the way a POSIX shell does for one simple
 * command (for `--no-shell`, where no shell will see it): blanks separate words;
 * single quotes keep everything literally; double quotes keep everything but
 * `\` before `$ \` " \\` and a newline; a backslash outside quotes keeps the next
 * character. What only a shell can do (pipes, redirections, `;`, `&`, `$VAR`,
 * `` `cmd` ``, `$(cmd)`, subshells, `*` patterns, `~`) is refused with the reason, rather than
 * passed to the program as a literal word it never expected.
 */

export type SplitResult =
  { ok: true; words: string[] } | { ok: false; reason: string; code: SplitFailure }

export type SplitFailure = 'unclosed-quote' | 'needs-shell' | 'trailing-backslash'

const BLANK = /[ \t\n\r]/
/** Characters that mean something only to a shell when they stand unquoted. */
const OPERATOR = /[|&;<>()`]/

export function splitShellWords(line: string): SplitResult {
  const words: string[] = []
  let text = ''
  let inWord = false
  const push = (c: string): void => {
    text += c
    inWord = true
  }
  const needsShell = (what: string): SplitResult => ({
    ok: false,
    code: 'needs-shell',
    reason: `${what} needs a shell: run without --no-shell`
  })
  let i = 0
  while (i < line.length) {
    const c = line[i]
    if (BLANK.test(c)) {
      if (inWord) words.push(text)
      text = ''
      inWord = false
      i++
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1)
      if (close < 0)
        return { ok: false, code: 'unclosed-quote', reason: 'a single quote is not closed' }
      for (const ch of line.slice(i + 1, close)) push(ch)
      inWord = true
      i = close + 1
    } else if (c === '"') {
      i++
      inWord = true
      for (;;) {
        if (i >= line.length)
          return { ok: false, code: 'unclosed-quote', reason: 'a double quote is not closed' }
        const d = line[i]
        if (d === '"') {
          i++
          break
        }
        if (d === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1])) {
          if (line[i + 1] !== '\n') push(line[i + 1])
          i += 2
          continue
        }
        if (d === '$' || d === '`') return needsShell(`"${d}" inside double quotes`)
        push(d)
        i++
      }
    } else if (c === '\\') {
      if (i + 1 >= line.length)
        return { ok: false, code: 'trailing-backslash', reason: 'the line ends with a backslash' }
      // A backslash-newline joins two lines, as in a shell.
      if (line[i + 1] !== '\n') push(line[i + 1])
      i += 2
    } else if (OPERATOR.test(c)) {
      return needsShell(`"${c}"`)
    } else if (c === '$') {
      return needsShell('"$" (a variable or substitution)')
    } else if (c === '*' || c === '?') {
      return needsShell(`"${c}" (a file name pattern)`)
    } else if (c === '~' && !inWord) {
      return needsShell('"~" (the home folder)')
    } else if (c === '#' && !inWord) {
      // A comment runs to the end of the line, as in a shell.
      break
    } else {
      push(c)
      i++
    }
  }
  if (inWord) words.push(text)
  return { ok: true, words }
}

/** Quotes one word so a POSIX shell reads it back unchanged (for showing an argv as a line). */
export function quoteShellWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./{}-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}
