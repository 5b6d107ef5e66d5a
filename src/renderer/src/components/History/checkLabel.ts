import type { RunConfig } from '@shared/config'
import type { Messages } from '../../lib/i18n'

/**
 * What a history row's ✓ or ✗ checked, in words: the history mixes jobs, so a
 * command's row says its copies exited 0 and a wait's that every request was
 * answered, never "sum correct" for a job that summed nothing.
 */
export function checkLabel(config: Pick<RunConfig, 'job'>, correct: boolean, m: Messages): string {
  switch (config.job) {
    case 'command':
      return correct ? m.command.exitZero : m.command.exitFailed
    case 'wait':
      return correct ? m.wait.answeredLabel : m.wait.unansweredLabel
    default:
      return correct ? m.results.table.correctLabel : m.results.table.wrongLabel
  }
}
