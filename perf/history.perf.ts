/**
 * History store figures (npm run perf -- history): how long a history of
 * 10,000 runs (HISTORY_RUNS to change) takes to list from a cold start, to
 * list again, to fetch one run, and to append one. The target for the cold
 * list is under 300 ms. Prints figures; asserts nothing.
 */
import { appendFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { median } from 'simple-statistics'
import { createHistoryStore } from '../src/main/history/historyStore'
import type { RunRecord, Sample, WorkerCountResult } from '../src/shared/result'

const RUNS = Number(process.env.HISTORY_RUNS ?? 10_000)
const TARGET_MS = 300

/** A run as the default configuration on a 2-core machine stores it: 1 and 2 workers, 5 reps. */
function realisticRun(i: number): RunRecord {
  const sample = (rep: number, workers: number): Sample => {
    const wallMs = 600 / workers + Math.random() * 20
    return {
      rep,
      wallMs,
      spawnMs: null,
      computeMs: Array.from({ length: workers }, () => wallMs - Math.random()),
      mergeMs: Math.random() / 100,
      overheadMs: Math.random(),
      workers: Array.from({ length: workers }, (_, w) => ({
        name: `w${w + 1}/${workers}`,
        pid: 10_000 + w,
        spawnStart: null,
        readyAt: null,
        dispatchedAt: Math.random(),
        computeStart: 0.4 + Math.random(),
        computeEnd: wallMs - Math.random(),
        receivedAt: wallMs,
        computeMs: wallMs - 1
      }))
    }
  }
  const result = (workers: number): WorkerCountResult => ({
    workers,
    sum: '499999999500000000',
    expectedSum: '499999999500000000',
    correct: true,
    samples: Array.from({ length: 5 }, (_, r) => sample(r + 1, workers))
  })
  return {
    id: `perf-${i}`,
    startedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    finishedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000 + 9000).toISOString(),
    status: 'completed',
    config: {
      range: { start: 0, end: 1_000_000_000 },
      workers: [1, 2],
      workload: 'split',
      backend: 'process',
      pool: 'warm',
      warmup: 1,
      reps: 5
    },
    system: {
      cpuModel: 'Intel(R) Xeon(R) CPU @ 2.20GHz',
      logicalCores: 2,
      availableParallelism: 2,
      totalMemoryBytes: 8_335_646_720,
      os: 'Linux 6.1.0',
      arch: 'x64',
      nodeVersion: process.versions.node
    },
    results: [result(1), result(2)],
    correct: true
  }
}

const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

const row = (label: string, value: string): void => console.log(`  ${label.padEnd(44)} ${value}`)

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'history-perf-'))
  try {
    // Written in chunks: 100,000 runs (HISTORY_RUNS=100000) exceed the longest string V8 makes.
    await writeFile(join(dir, 'history.jsonl'), '')
    for (let from = 0; from < RUNS; from += 5000) {
      const chunk = Array.from({ length: Math.min(5000, RUNS - from) }, (_, i) =>
        JSON.stringify(realisticRun(from + i))
      )
      await appendFile(join(dir, 'history.jsonl'), chunk.join('\n') + '\n')
    }
    const bytes = (await stat(join(dir, 'history.jsonl'))).size
    console.log(`History store — ${RUNS.toLocaleString('en')} runs, ${(bytes / 1e6).toFixed(1)} MB`)

    // First open of a history without its summary index (an upgrade, a deleted index): every record is read.
    let count = 0
    const first = await time(
      async () => (count = (await createHistoryStore(dir).list()).runs.length)
    )
    // Cold: a fresh store each time, as when the app starts and opens its history.
    const cold: number[] = []
    for (let i = 0; i < 5; i++) {
      const store = createHistoryStore(dir)
      cold.push(await time(() => store.list()))
    }
    const store = createHistoryStore(dir)
    await store.list()
    const warm: number[] = []
    for (let i = 0; i < 5; i++) warm.push(await time(() => store.list()))
    const get = await time(() => store.get(`perf-${RUNS >> 1}`))
    const append = await time(() => store.append(realisticRun(RUNS)))
    // Later appends in the same session (the first also pays for compiling the record's checks).
    const appends: number[] = []
    for (let i = 1; i <= 5; i++)
      appends.push(await time(() => store.append(realisticRun(RUNS + i))))
    const afterAppend = await time(() => createHistoryStore(dir).list())

    const coldMedian = median(cold)
    const verdict = coldMedian < TARGET_MS ? 'met' : 'MISSED'
    row('runs listed', `${count.toLocaleString('en')}`)
    row('first open, no summary index (reads all)', `${first.toFixed(1)} ms`)
    row(
      'open with the summary index (median of 5)',
      `${coldMedian.toFixed(1)} ms  (target < ${TARGET_MS} ms: ${verdict})`
    )
    row(
      'open with the summary index (min … max)',
      `${Math.min(...cold).toFixed(1)} … ${Math.max(...cold).toFixed(1)} ms`
    )
    row('list again, same store (median of 5)', `${median(warm).toFixed(2)} ms`)
    row('get one run', `${get.toFixed(2)} ms`)
    row('append one run (fsync, one index journal line)', `${append.toFixed(2)} ms`)
    row('append again (median of 5)', `${median(appends).toFixed(2)} ms`)
    row('open after the append (index kept current)', `${afterAppend.toFixed(1)} ms`)
    row('load average while measuring (1 min)', loadavg()[0].toFixed(2))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

void main()
