/**
 * One part of a workload as it crosses to a worker, and the worker's output
 * for it: a union over the workloads, told apart by `job`. Each workload's
 * fields and their checks live in its own file (sumPart.ts, …); a message
 * without `job` is the sum's (engines and agents before issue 17).
 */
import { readCommandOutput, readCommandPart } from './commandPart'
import type { CommandOutput, CommandPart } from './commandPart'
import { readSumOutput, readSumPart } from './sumPart'
import type { SumOutput, SumPart } from './sumPart'
import { readWaitOutput, readWaitPart } from './waitPart'
import type { WaitOutput, WaitPart } from './waitPart'

export type WorkloadPart = SumPart | WaitPart | CommandPart
export type PartOutput = SumOutput | WaitOutput | CommandOutput

type Loose = Record<string, unknown>

/** The part carried by a `run` message, checked by its workload; null when malformed or unknown. */
export function readPart(raw: Loose): WorkloadPart | null {
  switch (raw.job ?? 'sum') {
    case 'sum':
      return readSumPart(raw)
    case 'command':
      return readCommandPart(raw)
    case 'wait':
      return readWaitPart(raw)
    default:
      return null
  }
}

/** The output carried by a `result` message, checked by its workload; null when malformed. */
export function readOutput(raw: Loose): PartOutput | null {
  switch (raw.job ?? 'sum') {
    case 'sum':
      return readSumOutput(raw)
    case 'command':
      return readCommandOutput(raw)
    case 'wait':
      return readWaitOutput(raw)
    default:
      return null
  }
}
