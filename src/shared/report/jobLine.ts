import type { RunConfig } from '../config'
import { kernelOf } from '../kernel'
import { REPORT_WORDS } from './catalog/words'
import { groupDigits } from './groupDigits'
import type { ReportLanguage } from './language'

/**
 * What a run measured, in one line, for every workload: the sum's range and
 * kernel, the wait's requests and delay with its ideal, or the user's command
 * and its shape; then the sum's and wait's backend and pool (and the sum's split). The CLI's header and the
 * Markdown and HTML reports all print this line, so a wait run is never
 * described as a sum of [0, 10^9).
 */
export function jobLine(c: RunConfig, language: ReportLanguage = 'en'): string {
  const w = REPORT_WORDS[language].config
  // A command: "Command:" or "Copies:" already names its shape; the sum's split or
  // replicate, a backend and a pool mean nothing to it (every copy is a new process).
  if (c.command) return w.commandOf(c.command.shape, c.command.line, c.command.shell)
  if (c.job === 'wait' && c.wait) {
    return [
      w.waitOf(groupDigits(String(c.wait.requests)), c.wait.delayMs),
      w.backend(c.backend),
      w.pool(c.pool)
    ].join(' · ')
  }
  return [
    w.sumOf(groupDigits(String(c.range.start)), groupDigits(String(c.range.end))),
    w.workload(c.workload),
    w.backend(c.backend),
    w.pool(c.pool),
    w.kernel(kernelOf(c))
  ].join(' · ')
}
