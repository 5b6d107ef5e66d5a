import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { parsePidStat, parseProcStat, startCpuSampler } from '../../src/engine/cpuSampler'

// A child that is never waited for while the run goes on (as the app's window is: Electron's
// renderer and GPU processes live below the main process, where the engine runs) burns about
// half a second of its own CPU time, then stays alive.
const BURN_JIFFIES = 50
const childScript = `
const { readFileSync } = require('node:fs')
const jiffies = () => {
  const t = readFileSync('/proc/self/stat', 'utf8')
  const f = t.slice(t.lastIndexOf(')') + 2).trim().split(/\\s+/).map(Number)
  return f[11] + f[12]
}
let x = 0
while (jiffies() < ${BURN_JIFFIES}) for (let i = 0; i < 1e5; i++) x += i
process.stdout.write('burnt ' + (x > 0) + '\\n')
setInterval(() => {}, 1000)
`

const machineTotal = (): number => {
  const stat = parseProcStat(readFileSync('/proc/stat', 'utf8'))
  if (!stat) throw new Error('no /proc/stat')
  return stat.total
}

let child: ReturnType<typeof spawn> | null = null
afterEach(() => {
  if (child?.pid !== undefined && child.exitCode === null) child.kill('SIGKILL')
  child = null
})

describe.runIf(process.platform === 'linux')('the CPU sampler on Linux', () => {
  it('counts a living child of the controller as its own, not as other programs', async () => {
    const totalBefore = machineTotal()
    const sampler = startCpuSampler()
    const c = spawn(process.execPath, ['-e', childScript], { stdio: ['ignore', 'pipe', 'inherit'] })
    child = c
    await new Promise<void>((resolve, reject) => {
      c.stdout?.on('data', (d: Buffer) => {
        if (d.toString().startsWith('burnt')) resolve()
      })
      c.on('exit', (code) => reject(new Error(`the child ended (${code})`)))
    })
    const childStat = parsePidStat(readFileSync(`/proc/${c.pid}/stat`, 'utf8'))
    const load = sampler.stop()
    const totalAfter = machineTotal()
    expect(c.exitCode).toBeNull()
    expect(load.source).toBe('proc-stat')
    expect(childStat?.jiffies ?? 0).toBeGreaterThanOrEqual(BURN_JIFFIES)
    // The child's share of the machine over a window that holds the sampler's: a lower bound
    // of what the sampler must count as this run's own.
    const childCores = ((childStat?.jiffies ?? 0) / (totalAfter - totalBefore)) * os.cpus().length
    expect(load.ownCores).toBeGreaterThanOrEqual(childCores)
  })
})
