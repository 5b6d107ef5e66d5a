/**
 * The command workload's warnings (issue 20), from what its copies recorded:
 * a copy whose output changed between repetitions, output beyond the 1 MB
 * kept per copy, and repetitions in which a copy failed (with
 * --ignore-failure). Nothing here applies to the other workloads: their
 * timings carry none of these fields.
 */
import { outputChanges } from '../command/copyFigures'
import { parseCommandTemplate } from '../command/commandTemplate'
import type { RunConfig } from '../config'
import type { WorkerCountResult } from '../result'
import type { ScalingWarning } from './scalingWarnings'

/** Output kept and hashed per copy (the engine's bound, src/engine/workloads/command/runCopy.ts). */
export const OUTPUT_KEPT_BYTES = 1024 * 1024

export function commandWarnings(result: WorkerCountResult): ScalingWarning[] {
  const warnings: ScalingWarning[] = []
  const { workers, samples } = result
  const changes = outputChanges(samples)
  if (changes.length)
    warnings.push({
      code: 'output-changed',
      severity: 'warning',
      workers,
      repetitions: [...new Set(changes.map((c) => c.rep))],
      copies: [...new Set(changes.map((c) => c.copy))].sort((a, b) => a - b)
    })
  const largest = Math.max(0, ...samples.flatMap((s) => s.workers.map((w) => w.outputBytes ?? 0)))
  if (largest > OUTPUT_KEPT_BYTES)
    warnings.push({
      code: 'output-truncated',
      severity: 'info',
      workers,
      bytes: largest,
      keptBytes: OUTPUT_KEPT_BYTES
    })
  const failed = samples.filter((s) => s.workers.some((w) => w.failure))
  if (failed.length)
    warnings.push({
      code: 'copies-failed',
      severity: 'warning',
      workers,
      repetitions: failed.map((s) => s.rep),
      first: failed[0].workers.find((w) => w.failure)?.failure ?? ''
    })
  return warnings
}

/**
 * One process told to use N (`--command`) whose line never says {workers}: nothing tells
 * it N, so every worker count runs the same job and no speedup can come from the count.
 * Said once, at the widest count measured above one.
 */
export function commandRunWarnings(config: RunConfig, counts: readonly number[]): ScalingWarning[] {
  const command = config.command
  const widest = Math.max(0, ...counts)
  if (config.job !== 'command' || !command || command.shape !== 'workers' || widest < 2) return []
  const parsed = parseCommandTemplate(command.line, {
    role: 'command',
    shape: 'workers',
    shell: command.shell,
    sizes: command.size !== undefined
  })
  return parsed.ok && !parsed.template.uses.includes('workers')
    ? [{ code: 'workers-unheard', severity: 'warning', workers: widest }]
    : []
}
