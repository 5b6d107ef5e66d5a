import {
  commandSettingsSchema,
  DEFAULT_COMMAND_TIMEOUT_MS,
  type CommandSettings
} from '@shared/command/commandSettings'
import { parseCommandTemplate, type CommandShape } from '@shared/command/commandTemplate'
import { parseSizeList } from '@shared/study'
import { parseDurationText } from '@shared/command/duration'
import { i18n } from '../i18n'
import { issueText } from '../i18n/issueText'

export type CommandField = 'line' | 'sizes' | 'cwd' | 'timeout' | 'setup' | 'prepare' | 'cleanup'

/**
 * "Your command": what the user typed for the command workload, the
 * settings it means, and every problem with it, found by the same schema main
 * validates with. Main still confirms the exact command natively before it
 * first runs; nothing here can skip that.
 */
export class CommandForm {
  shape = $state<CommandShape>('workers')
  line = $state('')
  shell = $state(true)
  cwd = $state('')
  setup = $state('')
  prepare = $state('')
  cleanup = $state('')
  timeout = $state('10m')
  ignoreFailure = $state(false)
  /**
   * The values of {size}, as typed (the CLI's --sizes LIST): one value is a
   * run at it; several are a size sweep (Run or Scaling's Run study), each
   * size 1 worker vs N. The run config itself holds one size (the first).
   */
  sizes = $state('')

  readonly timeoutParse = $derived(parseDurationText(this.timeout))

  /** The line uses {size} (parsed as the engine will; a line that does not parse: its text). */
  readonly usesSize = $derived.by(() => {
    const t = parseCommandTemplate(this.line, {
      role: 'command',
      shape: this.shape,
      shell: this.shell,
      sizes: true
    })
    return t.ok ? t.template.uses.includes('size') : this.line.includes('{size}')
  })

  /** The values of {size} when the line uses it, each at least 1 (the study schema's rule). */
  readonly sizesParse = $derived.by(() => {
    if (!this.usesSize) return null
    const parsed = parseSizeList(this.sizes)
    if (parsed.ok && parsed.value[0] < 1)
      return {
        ok: false as const,
        message: 'a size must be at least 1',
        code: 'too-small' as const,
        params: { min: 1 }
      }
    return parsed
  })

  /** What a size sweep of this command runs: its sizes, or null (no {size}, or bad values). */
  readonly sweepSizes: number[] | null = $derived(
    this.sizesParse?.ok ? this.sizesParse.value : null
  )

  readonly candidate = $derived({
    shape: this.shape,
    line: this.line,
    shell: this.shell,
    ...(this.cwd.trim() ? { cwd: this.cwd.trim() } : {}),
    ...(this.setup.trim() ? { setup: this.setup } : {}),
    ...(this.prepare.trim() ? { prepare: this.prepare } : {}),
    ...(this.cleanup.trim() ? { cleanup: this.cleanup } : {}),
    timeoutMs: this.timeoutParse.ok ? this.timeoutParse.value : DEFAULT_COMMAND_TIMEOUT_MS,
    ignoreFailure: this.ignoreFailure,
    // The templates are checked knowing {size} (as the CLI's --sizes does); while its values
    // do not parse the sizes field says so, and 1 keeps the line's own check meaningful.
    ...(this.usesSize ? { size: this.sweepSizes?.[0] ?? 1 } : {})
  })

  readonly validation = $derived(commandSettingsSchema.safeParse(this.candidate))

  readonly settings: CommandSettings | null = $derived(
    this.validation.success && this.timeoutParse.ok ? this.validation.data : null
  )

  /** Messages per field, in the user's language (from the issue codes). */
  readonly issues: Partial<Record<CommandField, string[]>> = $derived.by(() => {
    const out: Partial<Record<CommandField, string[]>> = {}
    const add = (field: CommandField, message: string): void => {
      const list = (out[field] ??= [])
      if (!list.includes(message)) list.push(message)
    }
    if (!this.timeoutParse.ok) add('timeout', i18n.m.command.timeoutBad)
    const sizes = this.sizesParse
    if (sizes && !sizes.ok)
      add(
        'sizes',
        issueText(
          { field: 'sizes.0', message: sizes.message, code: sizes.code, params: sizes.params },
          i18n.m
        )
      )
    if (!this.validation.success)
      for (const issue of this.validation.error.issues) {
        const path = String(issue.path[0] ?? 'line')
        const field: CommandField = (
          ['cwd', 'setup', 'prepare', 'cleanup'].includes(path)
            ? path
            : path === 'timeoutMs'
              ? 'timeout'
              : 'line'
        ) as CommandField
        const params = (issue as { params?: Record<string, string | number> }).params ?? {}
        const { code, ...rest } = params
        add(
          field,
          issueText(
            {
              field: path,
              message: issue.message,
              ...(typeof code === 'string' ? { code, params: rest } : {})
            },
            i18n.m
          )
        )
      }
    return out
  })

  readonly valid = $derived(this.settings !== null && Object.keys(this.issues).length === 0)

  apply(s: CommandSettings): void {
    this.shape = s.shape
    this.line = s.line
    this.shell = s.shell
    this.cwd = s.cwd ?? ''
    this.setup = s.setup ?? ''
    this.prepare = s.prepare ?? ''
    this.cleanup = s.cleanup ?? ''
    this.timeout = `${s.timeoutMs / 1000}s`
    this.ignoreFailure = s.ignoreFailure
    // A run keeps the one size it ran at; a sweep's other sizes are the form's to give again.
    if (s.size !== undefined) this.sizes = String(s.size)
  }
}
