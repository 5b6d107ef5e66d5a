import type { RunConfig } from '@shared/config'
import { formatInteger, formatValue } from '@shared/format'
import { jobOf } from '@shared/workloads/jobs'
import type { Messages } from './i18n'

/** "0 … 50,000,000" */
export function describeRange(config: RunConfig, locale: string): string {
  return `${formatInteger(config.range.start, locale)} … ${formatInteger(config.range.end, locale)}`
}

/** The longest command text a short configuration shows (the whole line is in its title). */
const COMMAND_CHARS = 40

/**
 * A configuration's short form, part by part, what tells runs apart first:
 * the job, its size (range, requests or command), how it is shared, backend,
 * pool, and the kernel of a sum. Each part is shown whole: a narrow place
 * wraps between parts, never inside one.
 */
export function configParts(config: RunConfig, m: Messages, locale: string): string[] {
  const job = jobOf(config)
  const size =
    job === 'wait' && config.wait
      ? m.history.waitJob(config.wait.requests, `${formatValue(config.wait.delayMs, 3, locale)} ms`)
      : job === 'command' && config.command
        ? config.command.line.length > COMMAND_CHARS
          ? `${config.command.line.slice(0, COMMAND_CHARS - 1)}…`
          : config.command.line
        : describeRange(config, locale)
  // A command: its shape, not the sum's split or replicate; no backend or pool (every copy
  // is a new process of its own, whatever the form's pool said).
  if (job === 'command' && config.command)
    return [
      m.history.jobs[job],
      size,
      config.command.shape === 'copies' ? m.command.shapeCopies : m.command.shapeWorkers
    ]
  return [
    m.history.jobs[job],
    size,
    m.words[config.workload],
    m.words[config.backend],
    m.words[config.pool],
    ...(job === 'sum' ? [m.kernels.words[config.kernel ?? 'js']] : [])
  ]
}

/** What a configuration is, for people: "sum · 0 … 50,000,000 · replicate · processes · cold pool · js kernel". */
export function describeConfig(config: RunConfig, m: Messages, locale: string): string {
  return configParts(config, m, locale).join(' · ')
}
