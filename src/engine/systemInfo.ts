import os from 'node:os'
import type { SystemInfo } from '../shared/system'

/** Facts about this machine, recorded with every run. */
export function collectSystemInfo(extra: Partial<SystemInfo> = {}): SystemInfo {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model.trim() || 'unknown CPU',
    logicalCores: cpus.length,
    availableParallelism: os.availableParallelism(),
    totalMemoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    nodeVersion: process.versions.node,
    ...extra
  }
}
