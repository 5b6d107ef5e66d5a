/**
 * The worker halves of the workloads, by name: what the worker bundle
 * (src/worker/loop.ts) runs for a part. Kept apart from the controller halves
 * (./index.ts) so the worker bundle holds only what a worker runs.
 */
import type { JobName } from '../../shared/workloads/jobs'
import type { WorkloadPart } from '../../shared/workloads/parts'
import { commandPartRunner } from './command/part'
import { sumPartRunner } from './sum/part'
import { waitPartRunner } from './wait/part'
import type { PartRunner } from './workload'

export const partRunners: { [J in JobName]: PartRunner<Extract<WorkloadPart, { job: J }>> } = {
  sum: sumPartRunner,
  command: commandPartRunner,
  wait: waitPartRunner
}

/** The worker half of a part's workload. */
export const partRunnerFor = (part: WorkloadPart): PartRunner => partRunners[part.job] as PartRunner
