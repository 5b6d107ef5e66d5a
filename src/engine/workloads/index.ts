/**
 * The workloads the engine can run, by name (the controller halves; the
 * worker halves are in ./parts.ts). To add one, see docs/ARCHITECTURE.md,
 * "Workloads".
 */
import type { RunConfig } from '../../shared/config'
import { jobOf } from '../../shared/workloads/jobs'
import type { JobName } from '../../shared/workloads/jobs'
import { commandWorkload } from './command'
import { sumWorkload } from './sum'
import { waitWorkload } from './wait'
import type { Workload } from './workload'

export const workloads: { [J in JobName]: Workload } = {
  sum: sumWorkload as unknown as Workload,
  command: commandWorkload as unknown as Workload,
  wait: waitWorkload as unknown as Workload
}

/** The workload a configuration runs. */
export const workloadOf = (config: RunConfig): Workload => workloads[jobOf(config)]

export type { Workload, WorkloadCheck, WorkloadSession, PartRunner, PartIo } from './workload'
