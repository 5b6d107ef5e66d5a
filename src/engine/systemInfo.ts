import os from 'node:os'
import type { SystemInfo } from '../shared/system'
import { physicalCores } from './cpuTopology'

/** Facts about this machine, recorded with every run. */
export function collectSystemInfo(extra: Partial<SystemInfo> = {}): SystemInfo {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model.trim() || 'unknown CPU',
    logicalCores: cpus.length,
    availableParallelism: os.availableParallelism(),
    ...physicalCoresField(),
    totalMemoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    nodeVersion: process.versions.node,
    ...extra
  }
}

function physicalCoresField(): { physicalCores?: number } {
  const n = physicalCores()
  return n === null ? {} : { physicalCores: n }
}
