import { splitShellWords } from './shellWords'

/**
 * workers: one process told to use N (`{workers}`): strong scaling, speedup T1/TN.
 * copies: N copies at once (`{index}` tells them apart): scaled speedup N·T1/TN.
 */
export const COMMAND_SHAPES = ['workers', 'copies'] as const
export type CommandShape = (typeof COMMAND_SHAPES)[number]

export const PLACEHOLDERS = ['workers', 'index', 'rep', 'size'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

/** Which command of a run a template is: the measured one, or a lifecycle step. */
export type CommandRole = 'command' | 'setup' | 'prepare' | 'cleanup'

/** A template's text, a placeholder, or a literal run of it. */
export type TemplatePiece = string | { placeholder: Placeholder }

/** A command line parsed once: its pieces (through a shell) or its words (run directly). */
export interface CommandTemplate {
  role: CommandRole
  line: string
  shell: boolean
  /** The whole line, for the shell. */
  pieces: TemplatePiece[]
  /** --no-shell: each word's pieces (placeholders are filled in after splitting). */
  words: TemplatePiece[][] | null
  uses: Placeholder[]
}

export interface TemplateIssue {
  code: string
  message: string
  params?: Record<string, string | number>
}

export type TemplateResult =
  { ok: true; template: CommandTemplate } | { ok: false; issue: TemplateIssue }

/** Values for one execution; a placeholder the template uses must have its value. */
export interface PlaceholderValues {
  workers?: number
  index?: number
  rep?: number
  size?: number
}

/** The longest command line accepted (Linux's ARG_MAX is far above; a line this long is a mistake). */
export const MAX_COMMAND_LENGTH = 8192

/** What each role of each shape knows. */
export function knownPlaceholders(
  role: CommandRole,
  shape: CommandShape,
  sizes: boolean
): Placeholder[] {
  const size: Placeholder[] = sizes ? ['size'] : []
  switch (role) {
    case 'command':
      return shape === 'workers' ? ['workers', 'rep', ...size] : ['index', 'rep', ...size]
    // Before a repetition, {workers} is its N (the number of copies for --copies).
    case 'prepare':
      return ['workers', 'rep', ...size]
    case 'setup':
    case 'cleanup':
      return size
  }
}

const FLAG: Record<CommandRole, string> = {
  command: '--command',
  setup: '--setup',
  prepare: '--prepare',
  cleanup: '--cleanup'
}

/** `{name}`: a word of letters in braces (so `awk '{print $1}'` and `find -exec {} ;` are left alone). */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g

function piecesOf(
  text: string,
  known: readonly Placeholder[],
  who: string
):
  { ok: true; pieces: TemplatePiece[]; uses: Placeholder[] } | { ok: false; issue: TemplateIssue } {
  const pieces: TemplatePiece[] = []
  const uses: Placeholder[] = []
  let last = 0
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]
    if (!(known as readonly string[]).includes(name)) {
      const hint =
        name === 'index' && who === '--command'
          ? ' ({index} numbers the copies of --copies; --command is one process told to use {workers})'
          : name === 'workers' && who === '--copies'
            ? ' (--copies runs N copies, each told apart by {index}; one process told to use N is --command)'
            : name === 'size'
              ? ' ({size} needs --sizes)'
              : ''
      return {
        ok: false,
        issue: {
          code: 'placeholder-unknown',
          message: `${who} does not know {${name}}${hint}; it knows ${known.length ? known.map((k) => `{${k}}`).join(', ') : 'no placeholder'} (to pass a literal brace, quote it: '{'${name}})`,
          params: { placeholder: name, role: who, known: known.map((k) => `{${k}}`).join(', ') }
        }
      }
    }
    if (m.index > last) pieces.push(text.slice(last, m.index))
    pieces.push({ placeholder: name as Placeholder })
    if (!uses.includes(name as Placeholder)) uses.push(name as Placeholder)
    last = m.index + m[0].length
  }
  if (last < text.length) pieces.push(text.slice(last))
  return { ok: true, pieces, uses }
}

/**
 * Parses a command line once, for a role and shape: refuses an empty line,
 * a placeholder that role does not know, and (with `shell` false) what only a
 * shell could run.
 */
export function parseCommandTemplate(
  line: string,
  options: { role: CommandRole; shape: CommandShape; shell: boolean; sizes: boolean }
): TemplateResult {
  const who =
    options.role === 'command'
      ? options.shape === 'copies'
        ? '--copies'
        : '--command'
      : FLAG[options.role]
  if (line.trim() === '')
    return {
      ok: false,
      issue: { code: 'command-empty', message: `${who} is empty`, params: { role: who } }
    }
  if (line.length > MAX_COMMAND_LENGTH)
    return {
      ok: false,
      issue: {
        code: 'command-too-long',
        message: `${who} is longer than ${MAX_COMMAND_LENGTH} characters`,
        params: { role: who, max: MAX_COMMAND_LENGTH }
      }
    }
  if (line.includes('\0'))
    return {
      ok: false,
      issue: {
        code: 'command-nul',
        message: `${who} contains a NUL character`,
        params: { role: who }
      }
    }
  const known = knownPlaceholders(options.role, options.shape, options.sizes)
  const whole = piecesOf(line, known, who)
  if (!whole.ok) return whole
  let words: TemplatePiece[][] | null = null
  if (!options.shell) {
    const split = splitShellWords(line)
    if (!split.ok)
      return {
        ok: false,
        issue: {
          code: `command-${split.code}`,
          message: `${who}: ${split.reason}`,
          params: { role: who, reason: split.reason }
        }
      }
    if (split.words.length === 0)
      return {
        ok: false,
        issue: { code: 'command-empty', message: `${who} is empty`, params: { role: who } }
      }
    words = split.words.map((w) => {
      const p = piecesOf(w, known, who)
      return p.ok ? p.pieces : [w]
    })
  }
  // The measured command of a size sweep must use {size}, or every size would run the same job.
  if (options.role === 'command' && options.sizes && !whole.uses.includes('size'))
    return {
      ok: false,
      issue: {
        code: 'size-unused',
        message: `--sizes needs {size} in ${who}: otherwise every size runs the same job`,
        params: { role: who }
      }
    }
  return {
    ok: true,
    template: {
      role: options.role,
      line,
      shell: options.shell,
      pieces: whole.pieces,
      words,
      uses: whole.uses
    }
  }
}

function fill(pieces: TemplatePiece[], values: PlaceholderValues): string {
  return pieces
    .map((p) => {
      if (typeof p === 'string') return p
      const v = values[p.placeholder]
      if (v === undefined) throw new Error(`no value for {${p.placeholder}}`)
      return String(v)
    })
    .join('')
}

/** One execution's command: the line as shown (and given to the shell), and argv when run directly. */
export interface ExpandedCommand {
  line: string
  /** --no-shell: the program and its arguments. */
  argv: string[] | null
}

export function expandCommand(
  template: CommandTemplate,
  values: PlaceholderValues
): ExpandedCommand {
  return {
    line: fill(template.pieces, values),
    argv: template.words ? template.words.map((w) => fill(w, values)) : null
  }
}

/** The first word a shell would run (after `NAME=value` assignments), when the line splits plainly. */
export function programOf(line: string): string | null {
  const split = splitShellWords(line)
  const words = split.ok
    ? split.words
    : // A line with shell syntax: the words before the first operator still name the program.
      line
        .trim()
        .split(/[|&;<>()\s]+/)
        .filter(Boolean)
  const first = words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w))
  if (first === undefined || /[{}$`'"\\*?]/.test(first)) return null
  return first
}
