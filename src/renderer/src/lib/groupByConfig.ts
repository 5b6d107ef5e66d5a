import { configKey } from '@shared/history'
import type { RunSummary } from '@shared/history'

export interface ConfigGroup {
  key: string
  count: number
  /** A run of the group, to describe its configuration. */
  summary: RunSummary
}

/** The configurations among `runs`, most frequent first. */
export function groupByConfig(runs: readonly RunSummary[]): ConfigGroup[] {
  const groups = new Map<string, ConfigGroup>()
  for (const run of runs) {
    const key = configKey(run.config)
    const group = groups.get(key)
    if (group) group.count++
    else groups.set(key, { key, count: 1, summary: run })
  }
  return [...groups.values()].sort((a, b) => b.count - a.count)
}
