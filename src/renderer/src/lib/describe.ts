import type { RunConfig } from '@shared/config'
import { formatInteger } from '@shared/format'
import type { Messages } from './i18n'

/** "0 … 50,000,000" */
export function describeRange(config: RunConfig, locale: string): string {
  return `${formatInteger(config.range.start, locale)} … ${formatInteger(config.range.end, locale)}`
}

/** What a configuration is, for people: "0 … 50,000,000 · replicate · processes · cold". */
export function describeConfig(config: RunConfig, m: Messages, locale: string): string {
  return [
    describeRange(config, locale),
    m.words[config.workload],
    m.words[config.backend],
    m.words[config.pool],
    m.kernels.words[config.kernel ?? 'js']
  ].join(' · ')
}
