import type { ComparisonDifference } from '@shared/analysis/compareRuns'
import type { Messages } from './i18n'

/**
 * A setting's value as the form names it ("Warm", "Processes"; "웜",
 * "프로세스"), not as the record stores it ("warm", "process"). Values the
 * form has no word for (a CPU model, a command line, a number) stay as
 * recorded.
 */
function valueWord(field: string, value: string, m: Messages): string {
  const f = m.form
  const v = m.compare.value
  const words: Record<string, Record<string, string>> = {
    pool: { warm: f.poolWarm, cold: f.poolCold },
    backend: {
      process: f.backendProcess,
      thread: f.backendThread,
      cluster: f.backendCluster,
      async: v.async
    },
    workload: { split: f.workloadSplit, replicate: f.workloadReplicate, weak: f.workloadWeak },
    job: { sum: m.command.sum, command: m.command.job },
    serial: { true: v.yes, false: v.no }
  }
  if (value === 'auto') return v.auto
  if (value === '—') return v.none
  return words[field]?.[value] ?? value
}

/** "Compared across pool: Cold → Warm" / "다른 풀끼리 비교: 콜드 → 웜". */
export function differenceText(d: ComparisonDifference, m: Messages): string {
  return m.compare.difference(
    m.compare.field[d.field] ?? d.field,
    valueWord(d.field, d.baseline, m),
    valueWord(d.field, d.candidate, m)
  )
}
