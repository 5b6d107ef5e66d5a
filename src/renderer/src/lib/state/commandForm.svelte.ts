import {
  commandSettingsSchema,
  DEFAULT_COMMAND_TIMEOUT_MS,
  type CommandSettings
} from '@shared/command/commandSettings'
import type { CommandShape } from '@shared/command/commandTemplate'
import { parseDurationText } from '@shared/command/duration'
import { i18n } from '../i18n'
import { issueText } from '../i18n/issueText'

export type CommandField = 'line' | 'cwd' | 'timeout' | 'setup' | 'prepare' | 'cleanup'

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

  readonly timeoutParse = $derived(parseDurationText(this.timeout))

  readonly candidate = $derived({
    shape: this.shape,
    line: this.line,
    shell: this.shell,
    ...(this.cwd.trim() ? { cwd: this.cwd.trim() } : {}),
    ...(this.setup.trim() ? { setup: this.setup } : {}),
    ...(this.prepare.trim() ? { prepare: this.prepare } : {}),
    ...(this.cleanup.trim() ? { cleanup: this.cleanup } : {}),
    timeoutMs: this.timeoutParse.ok ? this.timeoutParse.value : DEFAULT_COMMAND_TIMEOUT_MS,
    ignoreFailure: this.ignoreFailure
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
  }
}
