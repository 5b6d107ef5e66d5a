import type { RunRecord } from '../shared/result'

/** The --json document: { config, system, results } plus when and whether it was right. */
export function toJsonReport(run: RunRecord): Record<string, unknown> {
  return {
    runId: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    correct: run.correct,
    config: run.config,
    system: run.system,
    results: run.results
  }
}
