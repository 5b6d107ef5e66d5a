/**
 * This machine's scaling figures (npm run perf -- scaling):
 * 1. problem-size sweep, 1 worker vs N = available cores, 10^4 … 10^9
 *    elements at half decades, warm and cold pools, both backends:
 *    the break-even size where N first beats one;
 * 2. worker sweep 1 … 4 on 0…10^9 (past the cores: oversubscription), warm,
 *    process and thread side by side: Amdahl's serial fraction f ± u and the
 *    USL where it fits better, Karp–Flatt e(N), speedup at 2 ± e, cold start
 *    of one worker and memory per worker.
 * Prints figures; asserts nothing (the machine is shared and noisy).
 * PERF_QUICK=1 uses 3 repetitions instead of 5.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import {
  backendComparisonText as comparisonMessage,
  karpFlattText as karpFlattMessage,
  modelsText as modelsMessage
} from '../src/shared/report'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createEngine, createMemoryProbe, runStudy } from '../src/engine'
import type { RunConfig } from '../src/shared/config'
import { analyzeStudy } from '../src/shared/scaling'
import { formatInteger, formatMiB, formatSize, formatValue } from '../src/shared/format'
import { DEFAULT_SWEEP_SIZES, type StudyProgress } from '../src/shared/study'

/**
 * The worker bundle, copied: this benchmark runs for minutes, and a build that
 * empties out/ meanwhile (npm test, npm run perf elsewhere in the tree) would
 * make a cold spawn fail with "exited with code 1".
 */
function privateWorkerBundle(): string {
  // Outside the tree, so a lint of the repository never sees the copied bundle.
  const dir = mkdtempSync(join(tmpdir(), 'speedup-scaling-'))
  cpSync(resolve(__dirname, '../out/main'), dir, { recursive: true })
  return join(dir, 'worker.js')
}

const workerPath = privateWorkerBundle()
const engine = createEngine({ workerPath })
const cores = availableParallelism()
const quick = process.env.PERF_QUICK === '1'
const reps = quick ? 3 : 5

const base: RunConfig = {
  range: { start: 0, end: 1_000_000_000 },
  workers: [1, Math.max(2, cores)],
  workload: 'split',
  backend: 'process',
  pool: 'warm',
  warmup: 1,
  reps
}

const row = (label: string, value: string): void => console.log(`  ${label.padEnd(50)} ${value}`)
const pm = (v: number, e: number | null | undefined, digits = 3): string =>
  `${formatValue(v, digits)}${e == null ? '' : ` ± ${formatValue(e, 2)}`}`
const ms = (x: number): string => (x >= 100 ? x.toFixed(1) : x >= 10 ? x.toFixed(2) : x.toFixed(3))

/** A progress line on stderr every 10% of a study, so a long sweep shows it is alive. */
function progress(label: string): (p: StudyProgress) => void {
  let shown = -1
  return (p) => {
    const tenth = Math.floor(p.fraction * 10)
    if (tenth > shown) {
      shown = tenth
      process.stderr.write(`  [${label}] ${tenth * 10}% · ${p.label}\n`)
    }
  }
}

async function main(): Promise<void> {
  const load = loadavg().map((x) => x.toFixed(2))
  console.log(
    `Scaling — ${cpus()[0]?.model.trim()}, ${cores} cores available, Node ${process.versions.node}, ` +
      `load average ${load.join(' ')} at the start`
  )
  const t0 = performance.now()
  const dump: Record<string, unknown> = {}

  // 1. Problem-size sweep, each backend: 1 vs N, warm and cold.
  for (const backend of ['process', 'thread'] as const) {
    const study = await runStudy(
      engine,
      { base: { ...base, backend }, sizes: [...DEFAULT_SWEEP_SIZES] },
      { onProgress: progress(`sizes, ${backend}`) }
    )
    const analysis = analyzeStudy(study)
    dump[`sizes-${backend}`] = { study, analysis }
    for (const sweep of analysis.sizeSweeps) {
      console.log(
        `\nSize sweep, ${backend}, ${sweep.pool} pool: 1 vs ${sweep.workers} workers, split, ` +
          `${reps} reps (+1 warm-up); medians ± 95% CI half-width (ms)`
      )
      console.log(
        `  ${'size'.padStart(13)} ${'1 worker'.padStart(20)} ${`${sweep.workers} workers`.padStart(20)} ${'speedup'.padStart(16)}  winner`
      )
      for (const p of sweep.points) {
        console.log(
          `  ${formatInteger(p.size).padStart(13)} ${`${ms(p.t1.value)} ± ${ms(p.t1.error)}`.padStart(20)} ` +
            `${`${ms(p.tn.value)} ± ${ms(p.tn.error)}`.padStart(20)} ` +
            `${pm(p.speedup.speedup, p.speedup.speedupError).padStart(16)}  ` +
            `${p.winner === 'many' ? 'N' : '1'}${p.clear ? '' : ' (within errors)'}`
        )
      }
      const b = sweep.breakEven
      row(
        'break-even size (elements)',
        b.size === null
          ? `${b.status} (none inside the sweep)`
          : `≈ ${formatSize(b.size)} (${b.status}; between ${formatInteger(b.bracket!.below)} and ${formatInteger(b.bracket!.above)})`
      )
      row(
        'break-even bounds from the errors',
        `${b.interval.lower === null ? '< smallest' : formatSize(b.interval.lower)} … ${b.interval.upper === null ? '> largest' : formatSize(b.interval.upper)}`
      )
    }
    if (!study.correct) console.log('  !! a total was wrong')
  }

  // 2. Worker sweep 1…4, both backends side by side, with start cost and memory.
  const study = await runStudy(
    engine,
    { base: { ...base, workers: [1, 2, 3, 4] }, backends: ['process', 'thread'] },
    { onProgress: progress('backends') },
    { measureMemory: createMemoryProbe({ workerPath }) }
  )
  const analysis = analyzeStudy(study)
  dump.backends = { study, analysis }
  const comparison = analysis.backendComparison!
  for (const b of comparison.backends) {
    const a = b.analysis
    console.log(`\n${b.backend}, warm, split, 0…1e9, workers 1…4, ${reps} reps (+1 warm-up):`)
    for (const w of a.workers) {
      const ci = w.medianInterval
      row(
        `${w.workers} worker(s): median [95% CI] (ms); speedup ± e`,
        `${ms(w.medianMs)} [${ci ? `${ms(ci.lower)} … ${ms(ci.upper)}` : '—'}]; ` +
          `${pm(w.speedup.speedup, w.speedup.speedupError)}×` +
          (w.karpFlatt ? `; e = ${pm(w.karpFlatt.serialFraction, w.karpFlatt.error)}` : '')
      )
    }
    // 0.8 ns per element is this kernel on an idle core: more means the core was shared.
    const one = study.backendRuns.find((r) => r.backend === b.backend)!.run.results[0]
    const computeMs = one.samples.map((x) => x.computeMs[0]).sort((x, y) => x - y)
    row(
      '1 worker: kernel ns per element (median compute)',
      `${((computeMs[computeMs.length >> 1] * 1e6) / 1e9).toFixed(3)} (≈ 0.8 on an idle core)`
    )
    const fit = a.models.comparison?.amdahl
    if (fit) {
      row(
        'Amdahl serial fraction f ± u (workers 1…4)',
        pm(fit.serialFraction, fit.serialFractionError)
      )
      row(
        'Amdahl ceiling 1/f',
        fit.ceiling === null ? 'none (f = 0)' : `${pm(fit.ceiling, fit.ceilingError)}×`
      )
    }
    const usl = a.models.comparison?.usl
    if (usl) {
      row('USL σ, κ', `${pm(usl.sigma, usl.sigmaError)}, ${pm(usl.kappa, usl.kappaError)}`)
    }
    row('model chosen', a.models.comparison?.best ?? '—')
    console.log(`  ${modelsMessage(a.models)}`)
    if (a.karpFlatt) console.log(`  ${karpFlattMessage(a.karpFlatt)}`)
    row(
      'cold start of one worker (median ms, 1000-element probe)',
      b.coldStartMs === null ? '—' : ms(b.coldStartMs)
    )
    if (b.memory) {
      row(
        `memory per worker (${b.memory.method})`,
        `${formatMiB(b.memory.rssBytesPerWorker)} RSS` +
          (b.memory.pssBytesPerWorker === null
            ? ''
            : `, ${formatMiB(b.memory.pssBytesPerWorker)} PSS`)
      )
    }
    const warnings = a.warnings.filter((w) => w.code !== 'more-workers-than-cores')
    if (warnings.length)
      row(
        'warnings (noise on a shared machine)',
        warnings.map((w) => `${w.workers}:${w.code}`).join(' ')
      )
  }
  console.log(`\n  ${comparisonMessage(comparison)}`)
  if (!study.correct) console.log('  !! a total was wrong')
  console.log(
    `\nTook ${((performance.now() - t0) / 1000).toFixed(0)} s; load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}.`
  )
  mkdirSync(resolve(__dirname, '.tmp'), { recursive: true })
  writeFileSync(resolve(__dirname, '.tmp/scaling.json'), JSON.stringify(dump, null, 1))
  await engine.dispose()
  rmSync(dirname(workerPath), { recursive: true, force: true })
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
