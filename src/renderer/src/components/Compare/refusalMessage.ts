import type { ComparisonRefusal } from '@shared/analysis/compareRuns'
import type { Messages } from '../../lib/i18n'
import { formatWorkerList } from '../../lib/parse'
import { formatInteger } from '@shared/format'

const range = (r: { start: number; end: number }, locale: string): string =>
  `${formatInteger(r.start, locale)} … ${formatInteger(r.end, locale)}`

/** Why two runs cannot be compared, in the user's language. */
export function refusalMessage(refusal: ComparisonRefusal, m: Messages, locale: string): string {
  const t = m.compare.refusal
  switch (refusal.code) {
    case 'different-range':
      return t.differentRange(range(refusal.baseline, locale), range(refusal.candidate, locale))
    case 'different-workload':
      return t.differentWorkload(refusal.baseline, refusal.candidate)
    case 'no-common-workers':
      return t.noCommonWorkers(
        formatWorkerList(refusal.baseline),
        formatWorkerList(refusal.candidate)
      )
    case 'wrong-sum':
      return t.wrongSum(m.compare.side[refusal.side], refusal.workers)
    case 'no-samples':
      return t.noSamples(m.compare.side[refusal.side], refusal.workers)
  }
}
