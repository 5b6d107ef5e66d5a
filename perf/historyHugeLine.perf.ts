/**
 * History store under a huge line (npm run perf -- historyHugeLine): a history
 * of two runs with one line of 16, 32, 64 and 128 MB between them, listed by
 * a fresh store each time: how long the list takes (the line is set aside,
 * copied in 1 MB chunks) and the process's peak RSS so far (sizes ascend, so
 * each figure is the peak up to that size). Then the cost of an append, which
 * takes the cross-process lock. Prints figures; asserts nothing.
 */
import { mkdtemp, open, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { median } from 'simple-statistics'
import { createHistoryStore } from '../src/main/history/historyStore'
import { MAX_HISTORY_LINE_BYTES } from '../src/shared/historySave'
import { sampleRun } from '../tests/helpers/runRecord'

const MB = 1024 * 1024
const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`

async function hugeLine(sizeMb: number): Promise<{ ms: number; rss: number; ok: boolean }> {
  const dir = await mkdtemp(join(tmpdir(), 'history-huge-'))
  try {
    const handle = await open(join(dir, 'history.jsonl'), 'w')
    await handle.write(`${JSON.stringify(sampleRun({}, 0))}\n{"id":"huge","x":"`)
    const block = Buffer.alloc(MB, 0x78)
    for (let i = 0; i < sizeMb; i++) await handle.write(block)
    await handle.write(`"}\n${JSON.stringify(sampleRun({}, 1))}\n`)
    await handle.close()
    const t0 = performance.now()
    const listing = await createHistoryStore(dir).list()
    const ms = performance.now() - t0
    const ok = listing.runs.length === 2 && listing.damaged.length === 1
    return { ms, rss: process.resourceUsage().maxRSS * 1024, ok }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function appendCost(count: number): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'history-append-'))
  try {
    const store = createHistoryStore(dir)
    const times: number[] = []
    for (let i = 0; i < count; i++) {
      const t0 = performance.now()
      await store.append(sampleRun({}, i))
      times.push(performance.now() - t0)
    }
    return times
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

void (async () => {
  console.log(`line limit ${mb(MAX_HISTORY_LINE_BYTES)}; load average ${loadavg()[0].toFixed(1)}`)
  console.log('line     list      peak RSS  listed 2 runs + 1 set aside')
  for (const size of [16, 32, 64, 128]) {
    const r = await hugeLine(size)
    console.log(
      `${`${size} MB`.padEnd(8)} ${`${r.ms.toFixed(0)} ms`.padEnd(9)} ${mb(r.rss).padEnd(9)} ${r.ok}`
    )
  }
  const times = await appendCost(200)
  console.log(
    `append (lock, write, fsync, unlock), 200 runs: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`
  )
})()
