import type { SystemInfo } from '../system'

/**
 * Which machine a run was measured on, as far as the record tells: the CPU,
 * its cores, the memory (in whole GiB: the kernel's count moves a little
 * between versions) and the OS family (not its release: an update does not
 * make another machine). No host name is stored (exports leave the machine),
 * so two identical machines share a key. Null for a cluster run, whose
 * workers ran on other machines.
 */
export function machineKey(system: SystemInfo): string | null {
  if (system.cluster !== undefined) return null
  return [
    system.cpuModel,
    `${system.logicalCores}/${system.physicalCores ?? '?'}`,
    `${Math.round(system.totalMemoryBytes / 2 ** 30)} GiB`,
    system.os.split(' ')[0],
    system.arch
  ].join(' · ')
}
