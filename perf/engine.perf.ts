/**
 * The engine's performance figures on this machine (npm run perf):
 * kernel speed, speedup at 2 warm process workers on the default range,
 * overhead per repetition, cold spawn cost per backend, cancel latency.
 * Prints figures and ratios; asserts nothing (the machine is shared and noisy).
 */
import { availableParallelism, cpus } from 'node:os'
import { resolve } from 'node:path'
import { median } from 'simple-statistics'
import { createEngine } from '../src/engine'
import { analyzeRun } from '../src/shared/analysis/analyzeRun'
import type { RunConfig } from '../src/shared/config'
import type { RunRecord } from '../src/shared/result'

const engine = createEngine({ workerPath: resolve(__dirname, '../out/main/worker.js') })
const cores = availableParallelism()
const quick = process.env.PERF_QUICK === '1'

const base: RunConfig = {
  range: { start: 0, end: 1_000_000_000 },
  workers: [1, 2],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  warmup: 1,
  reps: quick ? 3 : 7
}

const fmt = (x: number, d = 2): string => x.toFixed(d)
const row = (label: string, value: string): void => console.log(`  ${label.padEnd(52)} ${value}`)

async function run(config: Partial<RunConfig>): Promise<RunRecord> {
  return engine.run({ ...base, ...config })
}

async function main(): Promise<void> {
  console.log(
    `Engine performance — ${cpus()[0]?.model.trim()}, ${cores} cores available, Node ${process.versions.node}`
  )

  // 1. Speedup at 2 warm process workers, default range (the headline figure).
  for (const backend of ['process', 'thread'] as const) {
    const r = await run({ backend })
    const [one, two] = r.results
    const [a1, a2] = analyzeRun(r).workers
    const overhead = two.samples.flatMap((s) => s.overheadMs)
    const overhead1 = one.samples.flatMap((s) => s.overheadMs)
    console.log(`\n${backend}, warm, split, 0…1e9, ${base.reps} reps (+1 warm-up):`)
    row('median wall, 1 worker (ms)', fmt(a1.medianMs, 1))
    row('median wall, 2 workers (ms)', fmt(a2.medianMs, 1))
    row('speedup at 2 workers (median T1 / median T2)', `${fmt(a2.speedup.speedup, 3)}×`)
    row('efficiency at 2 workers', `${fmt(a2.speedup.efficiency * 100, 1)} %`)
    row('overhead per rep, 1 worker (median; wall − compute, ms)', fmt(median(overhead1), 3))
    row('overhead per rep, 2 workers (median; wall − slowest, ms)', fmt(median(overhead), 3))
    row(
      'kernel, 1 worker (ns per element, median compute)',
      fmt((median(one.samples.map((s) => s.computeMs[0])) * 1e6) / 1e9, 3)
    )
    row(
      'load imbalance at 2 (median slowest/mean − 1)',
      `${fmt(median(two.samples.map((s) => Math.max(...s.computeMs) / (s.computeMs.reduce((a, b) => a + b) / s.computeMs.length) - 1)) * 100, 2)} %`
    )
    if (!r.correct) console.log('  !! a total was wrong')
  }

  // 2. Cold start cost per worker, both backends: a tiny job so the spawn dominates.
  for (const backend of ['process', 'thread'] as const) {
    const r = await run({
      backend,
      pool: 'cold',
      range: { start: 0, end: 1000 },
      warmup: 1,
      reps: quick ? 5 : 10
    })
    console.log(`\n${backend}, cold, 1000 elements:`)
    for (const res of analyzeRun(r).workers) {
      row(`spawn → ready, ${res.workers} worker(s) (median ms)`, fmt(res.spawnMedianMs ?? NaN, 1))
      row(`wall incl. spawn, ${res.workers} worker(s) (median ms)`, fmt(res.medianMs, 1))
    }
  }

  // 3. The tutorial's experiment: 0…50,000,000, replicate, cold, 1 vs 2.
  const t = await run({
    range: { start: 0, end: 50_000_000 },
    workload: 'replicate',
    pool: 'cold',
    warmup: 0,
    reps: quick ? 3 : 5
  })
  console.log('\nThe tutorial: replicate, cold, 0…5e7, process:')
  const ta = analyzeRun(t).workers
  t.results.forEach((res, i) => {
    row(`${res.workers} worker(s): median wall incl. spawn (ms)`, fmt(ta[i].medianMs, 1))
    row(`${res.workers} worker(s): total`, `${res.sum} ${res.correct ? '✓' : '✗'}`)
  })
  row('efficiency (T1/T2, same work per worker)', `${fmt(ta[1].speedup.efficiency, 3)}`)
  row('scaled speedup (2·T1/T2: twice the work)', `${fmt(ta[1].speedup.speedup, 3)}×`)

  // 4. Cancel latency: from cancel() to every worker gone.
  const latencies: number[] = []
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    let measuring = false
    const running = engine.run(
      { ...base, range: { start: 0, end: 1e11 }, workers: [2], warmup: 0, reps: 1 },
      {
        onProgress: (p) => {
          if (p.phase === 'measuring') measuring = true
        }
      }
    )
    while (!measuring) await new Promise((r) => setTimeout(r, 5))
    await new Promise((r) => setTimeout(r, 50))
    const t0 = performance.now()
    await engine.cancel()
    latencies.push(performance.now() - t0)
    await running.catch(() => undefined)
  }
  console.log('\nCancel during compute (2 process workers):')
  row('cancel() → every worker stopped (median ms)', fmt(median(latencies), 1))
  row('worst of the tries (ms)', fmt(Math.max(...latencies), 1))
  await engine.dispose()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
