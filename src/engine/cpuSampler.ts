import { readFileSync } from 'node:fs'
import os from 'node:os'
import type { CpuLoad } from '../shared/cpuLoad'
import type { RunRecord } from '../shared/result'
import { now } from './clock'

/** Jiffies of the whole machine from /proc/stat's first line. */
interface ProcStat {
  busy: number
  steal: number
  total: number
}

/** Parses /proc/stat's aggregate "cpu" line; null when it is not there. */
export function parseProcStat(text: string): ProcStat | null {
  const line = text.split('\n').find((l) => l.startsWith('cpu '))
  if (!line) return null
  const f = line.trim().split(/\s+/).slice(1).map(Number)
  if (f.length < 4 || f.some((x) => !Number.isFinite(x))) return null
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = f
  // guest and guest_nice are already inside user and nice.
  const busy = user + nice + system + irq + softirq
  return { busy, steal, total: busy + idle + iowait + steal }
}

/**
 * CPU time of this process, its threads and every child it has waited for
 * (utime + stime + cutime + cstime), in jiffies, from /proc/self/stat. Workers
 * that exit during the run (cold pools, and every pool when it is terminated)
 * are waited for by Node, so by the end of a run they are all in it.
 */
export function parseSelfStat(text: string): number | null {
  // The command name is in parentheses and may hold spaces: count fields after the last ')'.
  const rest = text
    .slice(text.lastIndexOf(')') + 2)
    .trim()
    .split(/\s+/)
    .map(Number)
  // rest[0] is field 3 (state); utime..cstime are fields 14..17.
  const own = rest.slice(11, 15)
  if (own.length < 4 || own.some((x) => !Number.isFinite(x))) return null
  return own.reduce((a, b) => a + b, 0)
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

interface Reading {
  at: number
  proc: { stat: ProcStat; self: number } | null
  cpus: { busy: number; total: number }
  selfUs: number
  load: number | null
}

function takeReading(): Reading {
  const stat = read('/proc/stat')
  const self = read('/proc/self/stat')
  const parsed = stat === null ? null : parseProcStat(stat)
  const own = self === null ? null : parseSelfStat(self)
  const cpus = os.cpus()
  let busy = 0
  let total = 0
  for (const c of cpus) {
    const t = c.times
    busy += t.user + t.nice + t.sys + t.irq
    total += t.user + t.nice + t.sys + t.irq + t.idle
  }
  const usage = process.cpuUsage()
  const load = os.platform() === 'win32' ? null : os.loadavg()[0]
  return {
    at: now(),
    proc: parsed && own !== null ? { stat: parsed, self: own } : null,
    cpus: { busy, total },
    selfUs: usage.user + usage.system,
    load
  }
}

/**
 * The CPU load between two readings. On Linux: other processes' share is the
 * machine's busy jiffies minus this process tree's, steal is the hypervisor's;
 * both are fractions of all jiffies times the cores, so no clock-tick constant
 * is needed. Elsewhere: os.cpus() times minus this process's CPU time and
 * `childCpuMs` (the workers' own compute, which the OS does not give).
 */
export function loadBetween(a: Reading, b: Reading, childCpuMs = 0): CpuLoad {
  const cores = os.cpus().length || 1
  const wallMs = Math.max(0, b.at - a.at)
  const loadAverage = a.load !== null && b.load !== null ? { start: a.load, end: b.load } : null
  if (a.proc && b.proc) {
    const total = b.proc.stat.total - a.proc.stat.total
    const busy = b.proc.stat.busy - a.proc.stat.busy
    const own = b.proc.self - a.proc.self
    const share = (x: number): number => (total > 0 ? (Math.max(0, x) / total) * cores : 0)
    return {
      source: 'proc-stat',
      wallMs,
      cores,
      otherCores: share(busy - own),
      stealCores: share(b.proc.stat.steal - a.proc.stat.steal),
      ownCores: share(Math.min(own, busy)),
      loadAverage
    }
  }
  const total = b.cpus.total - a.cpus.total
  const busyMs = b.cpus.busy - a.cpus.busy
  const ownMs = (b.selfUs - a.selfUs) / 1000 + childCpuMs
  const share = (x: number): number => (total > 0 ? (Math.max(0, x) / total) * cores : 0)
  return {
    source: 'os-cpus',
    wallMs,
    cores,
    otherCores: share(busyMs - ownMs),
    stealCores: null,
    ownCores: share(Math.min(ownMs, busyMs)),
    loadAverage
  }
}

/** Starts measuring; `stop` answers what the machine did in between. */
export function startCpuSampler(): { stop(childCpuMs?: number): CpuLoad } {
  const start = takeReading()
  return { stop: (childCpuMs = 0) => loadBetween(start, takeReading(), childCpuMs) }
}

/**
 * Every worker's compute over the measured repetitions, ms: where the OS
 * cannot say what the workers used (no /proc), the estimate of their CPU.
 */
export function measuredComputeMs(record: RunRecord): number {
  let sum = 0
  for (const r of record.results) for (const s of r.samples) for (const ms of s.computeMs) sum += ms
  return sum
}
