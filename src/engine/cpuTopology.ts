import { readFileSync, readdirSync } from 'node:fs'

/**
 * Physical cores of this machine from Linux's CPU topology
 * (/sys/devices/system/cpu/cpuN/topology: one core per distinct
 * package id and core id), so hyperthreads sharing a core are counted once.
 * Null where the topology is not readable (other systems, containers that hide it).
 */
export function physicalCores(root = '/sys/devices/system/cpu'): number | null {
  try {
    const cores = new Set<string>()
    for (const name of readdirSync(root)) {
      if (!/^cpu\d+$/.test(name)) continue
      const dir = `${root}/${name}/topology`
      let core: string
      try {
        core = readFileSync(`${dir}/core_id`, 'utf8').trim()
      } catch {
        continue // offline CPUs have no topology
      }
      let pkg = '0'
      try {
        pkg = readFileSync(`${dir}/physical_package_id`, 'utf8').trim()
      } catch {
        // single-package machines may omit it
      }
      cores.add(`${pkg}:${core}`)
    }
    return cores.size > 0 ? cores.size : null
  } catch {
    return null
  }
}
