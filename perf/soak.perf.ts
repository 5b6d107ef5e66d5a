/**
 * Soak (npm run perf -- soak): 1,000 consecutive warm runs and 200 cold runs
 * of tiny ranges through the app's service (engine + history store, as the
 * Electron main process drives them), then the same warm soak on the thread
 * backend, whose workers live inside this process. Prints, per phase, the
 * resident memory and heap of this (the engine's) process at start and end
 * after a full GC, its open handles, its child processes, and the records
 * stored against the runs finished — records lost must be 0.
 * SOAK_WARM / SOAK_COLD change the counts. Prints figures; asserts nothing.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createHistoryStore } from '../src/main/history/historyStore'
import { createBenchService } from '../src/main/service/benchService'
import type { RunConfig } from '../src/shared/config'
import { childPids, tappedEngine } from '../tests/helpers/faults'

// A full, synchronous GC before each reading, without needing node --expose-gc.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const WARM = Number(process.env.SOAK_WARM ?? 1000)
const COLD = Number(process.env.SOAK_COLD ?? 200)

interface Reading {
  rssMb: number
  heapMb: number
  handles: number
  handleKinds: string
  children: number
}

async function read(): Promise<Reading> {
  // Let exits, closes and the pool's bounded waits (2 s at most) finish, then collect twice.
  await new Promise((r) => setTimeout(r, 2500))
  gc()
  gc()
  const memory = process.memoryUsage()
  const resources = process.getActiveResourcesInfo()
  const kinds = new Map<string, number>()
  for (const r of resources) kinds.set(r, (kinds.get(r) ?? 0) + 1)
  return {
    rssMb: memory.rss / 2 ** 20,
    heapMb: memory.heapUsed / 2 ** 20,
    handles: resources.length,
    handleKinds: [...kinds].map(([k, n]) => `${k}×${n}`).join(' '),
    children: childPids().length
  }
}

const row = (label: string, value: string): void => console.log(`  ${label.padEnd(40)} ${value}`)

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'soak-'))
  // A private copy of the worker bundle: a rebuild of out/ during the soak must not break it.
  await cp(resolve(__dirname, '../out/main'), join(dir, 'main'), { recursive: true })
  let spawned = 0
  const { engine, workers, log } = tappedEngine(
    { spawned: () => void spawned++ },
    join(dir, 'main', 'worker.js')
  )
  const history = createHistoryStore(dir)
  const service = createBenchService({
    engine,
    history,
    saveFile: async () => null,
    systemInfo: () => {
      throw new Error('not used')
    },
    emit: () => undefined
  })
  const base: RunConfig = {
    range: { start: -50_000, end: 150_000 },
    workers: [2],
    workload: 'split',
    backend: 'process',
    pool: 'warm',
    warmup: 0,
    reps: 1
  }
  console.log(
    `Soak — ${cpus()[0]?.model.trim()}, ${availableParallelism()} cores, Node ${process.versions.node}; ` +
      `each run: [${base.range.start}, ${base.range.end}), workers 1 and 2, 1 rep`
  )
  let stored = 0
  let finished = 0
  let failed = 0
  try {
    const phase = async (label: string, count: number, cfg: RunConfig): Promise<void> => {
      // One run first so the code is loaded and the history file exists before the start reading.
      const first = await service.handle('bench:run', cfg)
      if (first.ok) finished++
      else failed++
      const spawnedBefore = spawned
      const start = await read()
      const t0 = performance.now()
      for (let i = 0; i < count; i++) {
        const answer = await service.handle('bench:run', cfg)
        // Keep only the recent worker log and the workers still running: the soak
        // measures the engine's memory, not this harness's lists.
        if (log.length > 200) log.splice(0, log.length - 20)
        workers.splice(0, workers.length, ...workers.filter((w) => w.exited === null))
        if (answer.ok && answer.value.correct) finished++
        else {
          failed++
          console.log(`  run ${i} failed: ${answer.ok ? 'wrong sum' : answer.error.message}`)
          for (const line of log.slice(-6)) console.log(`    ${line}`)
        }
      }
      const seconds = (performance.now() - t0) / 1000
      const end = await read()
      stored = (await history.list()).runs.length
      const still = workers.filter((w) => w.exited === null).length
      console.log(
        `\n${label}: ${count} runs in ${seconds.toFixed(1)} s (${((seconds * 1000) / count).toFixed(1)} ms a run)`
      )
      row('RSS start → end (MB)', `${start.rssMb.toFixed(1)} → ${end.rssMb.toFixed(1)}`)
      row('heap used start → end (MB)', `${start.heapMb.toFixed(1)} → ${end.heapMb.toFixed(1)}`)
      row('open handles start → end', `${start.handles} → ${end.handles}`)
      row('  kinds at start', start.handleKinds)
      row('  kinds at end', end.handleKinds)
      row('child processes start → end', `${start.children} → ${end.children}`)
      row('workers started in the phase', `${spawned - spawnedBefore}`)
      row('workers still running at the end', `${still}`)
    }
    await phase('warm, process', WARM, base)
    await phase('cold, process', COLD, { ...base, pool: 'cold' })
    await phase('warm, thread', WARM, { ...base, backend: 'thread' })
    console.log('\nRecords')
    row('runs finished (correct)', `${finished}`)
    row('runs failed', `${failed}`)
    row('runs stored in history', `${stored}`)
    row('records lost (finished − stored)', `${finished - stored}`)
    row('damaged history lines', `${(await history.list()).damaged.length}`)
    row('load average (1 min) at the end', loadavg()[0].toFixed(2))
  } finally {
    await engine.dispose()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
