/**
 * The `command` workload's own settings, as they travel in a run's
 * configuration (CLI, IPC, history): the user's command line, its shape, and
 * hyperfine's lifecycle options. Validated here once; the engine parses the
 * templates again from the validated text (parseCommandTemplate).
 */
import { z } from 'zod'
import { COMMAND_SHAPES, MAX_COMMAND_LENGTH, parseCommandTemplate } from './commandTemplate'
import type { CommandRole, CommandShape } from './commandTemplate'

/** Per repetition, unless --timeout says otherwise: a hung copy fails its repetition by name. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 10 * 60_000
export const MAX_COMMAND_TIMEOUT_MS = 24 * 60 * 60_000
export const MAX_ENV_VARS = 64
export const MAX_CWD_LENGTH = 4096

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

const commandText = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .max(MAX_COMMAND_LENGTH, `${what} is longer than ${MAX_COMMAND_LENGTH} characters`)

const commandSettingsObject = z
  .object({
    /** workers: one process told to use N ({workers}); copies: N copies at once ({index}). */
    shape: z.enum(COMMAND_SHAPES, { error: 'command.shape must be workers or copies' }),
    /** The command line, with its placeholders. */
    line: commandText('the command'),
    /** Through the shell (sh -c; cmd /c on Windows), or the words run directly (--no-shell). */
    shell: z.boolean({ error: 'command.shell must be true or false' }),
    setup: commandText('--setup').optional(),
    prepare: commandText('--prepare').optional(),
    cleanup: commandText('--cleanup').optional(),
    /** The working folder; absent: the engine's own. */
    cwd: z
      .string({ error: 'the working folder must be text' })
      .min(1, 'the working folder is empty')
      .max(MAX_CWD_LENGTH)
      .optional(),
    /** NAME=value pairs added to the environment, in order. */
    env: z
      .array(
        z
          .object({
            name: z.string().regex(ENV_NAME, 'an environment name is letters, digits and _'),
            value: z.string().max(MAX_COMMAND_LENGTH)
          })
          .strict(),
        { error: 'command.env must be a list of { name, value }' }
      )
      .max(MAX_ENV_VARS, `at most ${MAX_ENV_VARS} environment variables`)
      .optional(),
    /** Per repetition (every copy of it). */
    timeoutMs: z
      .number({ error: 'the timeout must be a number' })
      .int('the timeout must be whole milliseconds')
      .min(1, 'the timeout must be positive')
      .max(MAX_COMMAND_TIMEOUT_MS, 'the timeout must be at most 24 hours'),
    /** Keep going when a copy exits non-zero, marking its repetition. */
    ignoreFailure: z.boolean({ error: 'command.ignoreFailure must be true or false' }),
    /** The value of {size} (one size of a --sizes sweep); absent: the command has no {size}. */
    size: z
      .number({ error: 'a size must be a number' })
      .int('a size must be a whole number')
      .min(1, 'a size must be at least 1')
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
  })
  .strict()

export type CommandSettings = z.infer<typeof commandSettingsObject>

const ROLES: CommandRole[] = ['command', 'setup', 'prepare', 'cleanup']

/** The command's text for a role (the measured line, or a lifecycle step when given). */
export const textOf = (s: CommandSettings, role: CommandRole): string | undefined =>
  role === 'command' ? s.line : s[role]

/** Every template parses for its role and shape (placeholders, --no-shell words). */
function templatesParse(s: CommandSettings, ctx: z.RefinementCtx): void {
  for (const role of ROLES) {
    const text = textOf(s, role)
    if (text === undefined) continue
    // An empty lifecycle step is as good as none; an empty command is refused.
    if (role !== 'command' && text.trim() === '') continue
    const parsed = parseCommandTemplate(text, {
      role,
      shape: s.shape,
      shell: s.shell,
      sizes: s.size !== undefined
    })
    if (!parsed.ok)
      ctx.addIssue({
        code: 'custom',
        path: [role === 'command' ? 'line' : role],
        message: parsed.issue.message,
        params: { code: parsed.issue.code, ...parsed.issue.params }
      })
  }
}

export const commandSettingsSchema = commandSettingsObject.superRefine(templatesParse)

/** What the form and the CLI start from. */
export function defaultCommandSettings(shape: CommandShape = 'workers'): CommandSettings {
  return {
    shape,
    line: '',
    shell: true,
    timeoutMs: DEFAULT_COMMAND_TIMEOUT_MS,
    ignoreFailure: false
  }
}

/**
 * The exact text a user confirms before a command first runs, and that its
 * approval is remembered by (hashed): everything that decides what runs and
 * where. Two settings with the same text run the same processes.
 */
export function commandApprovalText(s: CommandSettings): string {
  const lines = [
    `${s.shape === 'copies' ? '--copies' : '--command'}${s.shell ? '' : ' --no-shell'} ${s.line}`
  ]
  if (s.setup?.trim()) lines.push(`--setup ${s.setup}`)
  if (s.prepare?.trim()) lines.push(`--prepare ${s.prepare}`)
  if (s.cleanup?.trim()) lines.push(`--cleanup ${s.cleanup}`)
  if (s.cwd) lines.push(`--cwd ${s.cwd}`)
  for (const { name, value } of s.env ?? []) lines.push(`--env ${name}=${value}`)
  return lines.join('\n')
}
