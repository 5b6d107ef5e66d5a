import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine'
import type { RunProgress } from '../../src/shared/result'
import { runToJson } from '../../src/shared/runExport'
import { runToCsv } from '../../src/shared/report/exporters/runCsv'
import { alive, config, failureOf, spyEngine, WORKER_PATH } from '../helpers/engine'
import { schemaErrors } from '../helpers/runExportSchema'

const engines: { dispose(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()))
})
const tmp = mkdtempSync(join(tmpdir(), 'speedup-wait-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const serverPidOf = (log: string[]): number | null => {
  const line = log.find((l) => /^\[latency server pid \d+\] listening on 127\.0\.0\.1:\d+/.test(l))
  return line ? Number(/pid (\d+)/.exec(line)![1]) : null
}

const waitConfig = (requests: number, delayMs: number, over = {}) =>
  config({ job: 'wait', wait: { requests, delayMs }, workers: [1, 4], reps: 2, ...over })

describe('the wait workload (issue 17): requests to a latency server, shared among N workers', () => {
  for (const backend of ['process', 'thread', 'async'] as const) {
    it(`answers every request exactly once: ${backend}`, async () => {
      const { engine, log } = spyEngine()
      engines.push(engine)
      const run = await engine.run(waitConfig(18, 5, { backend }))
      expect(run.config.job).toBe('wait')
      expect(run.correct).toBe(true)
      expect(run.results.map((r) => r.workers)).toEqual([1, 4])
      for (const r of run.results) {
        expect(r.check).toEqual({
          job: 'wait',
          what: 'each-request-once',
          params: { requests: 18, missing: 0, duplicated: 0, outOfRange: 0 }
        })
        expect([r.sum, r.expectedSum]).toEqual(['18', '18'])
        for (const s of r.samples) {
          expect(s.workers).toHaveLength(r.workers)
          // Each worker waited for its ceil(18/N) answers of 5 ms, one after another.
          expect(Math.max(...s.computeMs)).toBeGreaterThanOrEqual(Math.ceil(18 / r.workers) * 5)
          // The latency server's own CPU time, read over its channel around the repetition.
          expect(s.serverCpuMs).toBeGreaterThanOrEqual(0)
          expect(s.serverCpuMs).toBeLessThan(s.wallMs * 2 + 1000)
        }
      }
      // The exports carry the wait's figures, and the published schema accepts them.
      const exported = JSON.parse(runToJson(run))
      expect(schemaErrors(exported)).toEqual([])
      const rows = exported.results as { idealMs: number; serverCpuMs: number | null }[]
      expect(rows.map((r) => r.idealMs)).toEqual([18 * 5, 5 * 5])
      for (const r of rows) expect(r.serverCpuMs).toBeGreaterThanOrEqual(0)
      expect(runToCsv(run).split('\r\n')[0]).toMatch(/,idealMs,overheadPerRequestMs,serverCpuMs,/)
      // The server was a process of its own, on 127.0.0.1, and it is gone after the run.
      const server = serverPidOf(log)
      expect(server).not.toBeNull()
      expect(server).not.toBe(process.pid)
      expect(alive(server)).toBe(false)
      // async has no worker process: every "worker" was this process's own event loop.
      if (backend === 'async') expect(log.some((l) => /ready/.test(l) && /pid/.test(l))).toBe(false)
    })
  }

  it('fails the run naming the latency server when it is killed mid-run', async () => {
    const { engine, log } = spyEngine()
    engines.push(engine)
    let killed = false
    const failure = await failureOf(
      engine.run(waitConfig(40, 50, { workers: [1], reps: 3 }), {
        onProgress: (p: RunProgress) => {
          const pid = serverPidOf(log)
          if (!killed && pid !== null && p.phase === 'measuring' && p.perWorker[0] > 0) {
            killed = true
            process.kill(pid, 'SIGKILL')
          }
        }
      })
    )
    expect(killed).toBe(true)
    expect(failure.error.code).toBe('worker-crashed')
    expect(failure.error.message).toMatch(
      /^the latency server \(pid \d+\) was killed by signal SIGKILL during the run\.$/
    )
  })

  it('says the latency server could not start, before any worker starts', async () => {
    // A worker bundle whose latency server cannot start (as when it cannot listen).
    const broken = join(tmp, 'broken-worker.js')
    writeFileSync(
      broken,
      `if (process.argv.includes('--latency-server')) { console.error('listen EACCES 127.0.0.1'); process.exit(1) }\n` +
        `require(${JSON.stringify(WORKER_PATH)})\n`
    )
    const log: string[] = []
    const engine = createEngine({ workerPath: broken, log: (l) => log.push(l) })
    engines.push(engine)
    const failure = await failureOf(engine.run(waitConfig(8, 1)))
    expect(failure.error.code).toBe('unavailable')
    expect(failure.error.message).toMatch(
      /^The latency server could not start: it exited with code 1 \(listen EACCES 127\.0\.0\.1\)\.$/
    )
    expect(log.some((l) => /\] ready$/.test(l))).toBe(false)
  })

  it(
    'cancel while the latency server starts: it is stopped at once, not after its start limit',
    {
      // The server is given 20 s to listen; without the cancel reaching it the run would wait
      // that long. This bound catches that wait, it does not time the cancel.
      timeout: 15_000
    },
    async () => {
      // A worker bundle whose latency server starts but never listens (a machine too busy to
      // get it going); it says its pid through a file.
      const pidFile = join(tmp, 'server.pid')
      const stuck = join(tmp, 'stuck-worker.js')
      writeFileSync(
        stuck,
        `if (process.argv.includes('--latency-server')) { require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000) }\n` +
          `else require(${JSON.stringify(WORKER_PATH)})\n`
      )
      const engine = createEngine({ workerPath: stuck, log: () => undefined })
      engines.push(engine)
      const running = engine.run(waitConfig(8, 1))
      const failed = failureOf(running)
      let pid = 0
      while (!pid) {
        await new Promise((r) => setTimeout(r, 20))
        try {
          pid = Number(readFileSync(pidFile, 'utf8'))
        } catch {
          // not started yet
        }
      }
      expect(alive(pid)).toBe(true)
      expect(await engine.cancel()).toBe(true)
      expect(alive(pid)).toBe(false)
      expect((await failed).error.code).toBe('cancelled')
    }
  )

  it('cancel: the server and every worker are gone when cancel resolves', async () => {
    const { engine, handles, log } = spyEngine()
    engines.push(engine)
    let cancelledIn: number | null = null
    let pids: number[] = []
    const running = engine.run(waitConfig(64, 200, { workers: [4], reps: 3 }), {
      onProgress: (p) => {
        if (cancelledIn !== null || p.phase !== 'measuring' || p.perWorker.every((f) => f === 0))
          return
        cancelledIn = 0
        pids = [serverPidOf(log)!, ...handles.map((h) => h.pid!)]
        const t0 = performance.now()
        void engine.cancel().then(() => {
          cancelledIn = performance.now() - t0
          // Checked at once: nothing is left to go away later.
          expect(pids.filter(alive)).toEqual([])
        })
      }
    })
    const failure = await failureOf(running)
    expect(failure.error.code).toBe('cancelled')
    expect(pids).toHaveLength(5)
    expect(pids.filter(alive)).toEqual([])
    // The figure is printed, not asserted (the machine is shared): the issue asks for ≤ 200 ms.
    console.log(`wait cancel: server and 4 workers gone in ${cancelledIn} ms`)
  })
})
