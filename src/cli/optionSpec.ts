/**
 * Command-line options declared once, each with its help: the parser and
 * `--help` both read the declarations. The parser is strict about what it
 * cannot read: an unknown option, an argument nobody asked for, a flag given
 * a value, and a value-taking option followed by another option or by
 * nothing (`--markdown --workers 1-3` must not write a file named
 * "--workers"), each named in an issue; nothing runs with an issue.
 */
export interface OptionSpec {
  /** The long name, without dashes. */
  name: string
  /** A one-letter alias (-h). */
  short?: string
  /** What its value is called in the help (FILE, START:END); absent for a flag. */
  value?: string
  /** The value may be left out (--sweep-sizes alone): shown as --name[=VALUE]. */
  optionalValue?: boolean
  /** The option may be given more than once (--env A=1 --env B=2): every value is kept, in order. */
  repeatable?: boolean
  /** One paragraph; a newline starts a new line. */
  help: string
}

export interface ParsedOptions {
  /** Each option given, by name: its value, or true for a flag ('' for an optional value left out). */
  values: Map<string, string | true>
  /** Every value of a repeatable option, in the order given (values holds the last one). */
  repeated: Map<string, string[]>
  issues: { field: string; message: string }[]
}

const isOptionLike = (arg: string, specs: readonly OptionSpec[]): boolean =>
  arg.startsWith('--') || specs.some((s) => s.short !== undefined && arg === `-${s.short}`)

export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  const values = new Map<string, string | true>()
  const repeated = new Map<string, string[]>()
  const issues: ParsedOptions['issues'] = []
  const take = (spec: OptionSpec, value: string): void => {
    values.set(spec.name, value)
    if (spec.repeatable) repeated.set(spec.name, [...(repeated.get(spec.name) ?? []), value])
  }
  const byName = new Map(specs.map((s) => [s.name, s]))
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]))
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    let spec: OptionSpec | undefined
    let inline: string | undefined
    let shown = arg
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
      inline = eq === -1 ? undefined : arg.slice(eq + 1)
      spec = byName.get(name)
      shown = `--${name}`
    } else if (/^-[A-Za-z]$/.test(arg)) {
      spec = byShort.get(arg.slice(1))
    } else {
      issues.push({ field: 'arguments', message: `unexpected argument "${arg}"` })
      continue
    }
    if (!spec) {
      issues.push({ field: 'arguments', message: `unknown option ${shown}` })
      continue
    }
    if (spec.value === undefined) {
      if (inline !== undefined)
        issues.push({ field: spec.name, message: `${shown} takes no value` })
      else values.set(spec.name, true)
      continue
    }
    if (inline !== undefined) {
      take(spec, inline)
      continue
    }
    const next = argv[i + 1]
    if (next !== undefined && !isOptionLike(next, specs)) {
      take(spec, next)
      i++
    } else if (spec.optionalValue) {
      values.set(spec.name, '')
    } else if (next === undefined) {
      issues.push({
        field: spec.name,
        message: `${shown} needs a value (${spec.value}) and is the last argument`
      })
    } else {
      issues.push({
        field: spec.name,
        message: `${shown} needs a value (${spec.value}) but is followed by the option ${next.split('=')[0]}`
      })
      // The option that followed is read as itself on the next turn.
    }
  }
  return { values, repeated, issues }
}

const WIDTH = 80
const COLUMN = 25

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line)
        line = word
      } else line = line ? `${line} ${word}` : word
    }
    lines.push(line)
  }
  return lines
}

/** "  --range START:END      half-open range …", each option's help wrapped beside it. */
export function optionsHelp(specs: readonly OptionSpec[]): string {
  const out: string[] = []
  for (const s of specs) {
    const value = s.value === undefined ? '' : s.optionalValue ? `[=${s.value}]` : ` ${s.value}`
    const flag = `${s.short ? `-${s.short}, ` : ''}--${s.name}${value}`
    const help = wrap(s.help, WIDTH - COLUMN)
    const indent = ' '.repeat(COLUMN)
    if (flag.length + 2 < COLUMN - 1) {
      out.push(`  ${flag.padEnd(COLUMN - 2)}${help[0]}`, ...help.slice(1).map((l) => indent + l))
    } else {
      out.push(`  ${flag}`, ...help.map((l) => indent + l))
    }
  }
  return out.join('\n')
}
