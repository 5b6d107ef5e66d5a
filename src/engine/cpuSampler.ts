import { readdirSync, readFileSync } from 'node:fs'
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

/** One /proc/<pid>/stat line: its parent and its CPU time in jiffies. */
export interface PidStat {
  ppid: number
  /** utime + stime + cutime + cstime: the process, its threads and every child it has waited for. */
  jiffies: number
}

/** Parses one /proc/<pid>/stat line; null when it is not one. */
export function parsePidStat(text: string): PidStat | null {
  // The command name is in parentheses and may hold spaces: count fields after the last ')'.
  const close = text.lastIndexOf(')')
  if (close < 0) return null
  const rest = text
    .slice(close + 2)
    .trim()
    .split(/\s+/)
    .map(Number)
  // rest[0] is field 3 (state), rest[1] field 4 (ppid); utime..cstime are fields 14..17.
  const own = rest.slice(11, 15)
  if (own.length < 4 || own.some((x) => !Number.isFinite(x)) || !Number.isInteger(rest[1]))
    return null
  return { ppid: rest[1], jiffies: own.reduce((a, b) => a + b, 0) }
}

/**
 * CPU time of `root` and every living process below it, jiffies. A process
 * counts its own time and that of every child it has already waited for, so a
 * descendant that exits between two readings moves from its own line into its
 * parent's and the sum keeps it. Living descendants are what /proc/self/stat
 * alone misses: the app's window (Electron's renderer, GPU and zygote
 * processes are the main process's descendants, never waited for while the
 * app runs), a warm pool's workers and a command's copies still running.
 */
export function treeJiffies(stats: ReadonlyMap<number, PidStat>, root: number): number | null {
  const self = stats.get(root)
  if (!self) return null
  const children = new Map<number, number[]>()
  for (const [pid, s] of stats) {
    if (pid === root) continue
    const list = children.get(s.ppid)
    if (list) list.push(pid)
    else children.set(s.ppid, [pid])
  }
  let sum = 0
  const seen = new Set<number>()
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.pop() as number
    if (seen.has(pid)) continue
    seen.add(pid)
    sum += stats.get(pid)?.jiffies ?? 0
    for (const child of children.get(pid) ?? []) queue.push(child)
  }
  return sum
}

/** Every process's stat line from /proc; processes that end while it reads are left out. */
function readAllPidStats(): Map<number, PidStat> {
  const stats = new Map<number, PidStat>()
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return stats
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue
    const text = read(`/proc/${name}/stat`)
    const parsed = text === null ? null : parsePidStat(text)
    if (parsed) stats.set(Number(name), parsed)
  }
  return stats
}

/** CPU time of this process and its living descendants, jiffies; null without /proc. */
export function ownTreeJiffies(root = process.pid): number | null {
  return treeJiffies(readAllPidStats(), root)
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
  /** CPU time of the app's other processes (its window), ms, where /proc is not there to count them. */
  appMs: number
  load: number | null
}

/**
 * Where /proc is missing (macOS, Windows), the front end may say how much CPU
 * its own other processes have used so far (the Electron app: its renderer
 * and GPU processes, from app.getAppMetrics()), ms since they started, so that
 * drawing the run's progress is not counted as other programs.
 */
export type AppCpuMs = () => number

function takeReading(appCpuMs?: AppCpuMs): Reading {
  const stat = read('/proc/stat')
  const parsed = stat === null ? null : parseProcStat(stat)
  const own = parsed === null ? null : ownTreeJiffies()
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
    appMs: parsed === null && appCpuMs ? safeAppMs(appCpuMs) : 0,
    load
  }
}

const safeAppMs = (appCpuMs: AppCpuMs): number => {
  try {
    const ms = appCpuMs()
    return Number.isFinite(ms) && ms >= 0 ? ms : 0
  } catch {
    return 0
  }
}

/**
 * The CPU load between two readings. On Linux: other processes' share is the
 * machine's busy jiffies minus this process tree's, steal is the hypervisor's;
 * both are fractions of all jiffies times the cores, so no clock-tick constant
 * is needed; this process tree is this process and every living descendant
 * (ownTreeJiffies). Elsewhere: os.cpus() times minus this process's CPU time,
 * `childCpuMs` (the workers' own compute, which the OS does not give) and the
 * app's window (AppCpuMs).
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
  const ownMs = (b.selfUs - a.selfUs) / 1000 + childCpuMs + Math.max(0, b.appMs - a.appMs)
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
export function startCpuSampler(appCpuMs?: AppCpuMs): { stop(childCpuMs?: number): CpuLoad } {
  const start = takeReading(appCpuMs)
  return { stop: (childCpuMs = 0) => loadBetween(start, takeReading(appCpuMs), childCpuMs) }
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
