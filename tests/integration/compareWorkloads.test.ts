import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'

const tmp = mkdtempSync(join(tmpdir(), 'speedup-workloads-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('--compare-workloads (issue 17): CPU vs waiting, side by side', () => {
  it('runs the sum and the wait on thread, process and async: one table, the exports', async () => {
    const json = join(tmp, 'workloads.json')
    const csv = join(tmp, 'workloads.csv')
    const md = join(tmp, 'workloads.md')
    const r = await runCli([
      ...['--compare-workloads', '--workers', '1,4', '--requests', '12', '--delay', '5'],
      ...['--reps', '2', '--warmup', '0', '--range', '0:2_000_000'],
      ...['--json', json, '--csv', csv, '--markdown', md]
    ])
    expect(r.stderr).not.toMatch(/invalid|failed/)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('CPU vs waiting: workers 1,4 · sum of [0, 2,000,000) on process')
    expect(r.stdout).toMatch(
      /Workers\s+sum · process: speedup ± e\s+wait · thread: speedup ± e\s+wait · process: speedup ± e\s+wait · async: speedup ± e/
    )
    expect(r.stdout).toMatch(/^\s+4\s+\S/m)
    // One oversubscription rule, per workload: 4 summing workers on 2 cores take turns, 4 waiting ones do not.
    const warnings = r.stderr.split('\n').filter((l) => l.includes('logical cores'))
    if (warnings.length) expect(warnings.every((l) => l.includes('[sum · process,'))).toBe(true)

    const study = JSON.parse(readFileSync(json, 'utf8'))
    expect(study.format).toBe('speedup-lab/study')
    expect(
      study.workloadRuns.map((w: { job: string; backend: string }) => `${w.job}/${w.backend}`)
    ).toEqual(['sum/process', 'wait/thread', 'wait/process', 'wait/async'])
    for (const w of study.workloadRuns) {
      expect(w.run.correct).toBe(true)
      expect(w.run.config.job).toBe(w.job)
      expect(w.run.config.backend).toBe(w.backend)
      expect(w.run.results.map((x: { workers: number }) => x.workers)).toEqual([1, 4])
      if (w.job === 'wait') {
        expect(w.run.config.wait).toEqual({ requests: 12, delayMs: 5 })
        for (const x of w.run.results)
          for (const s of x.samples) expect(s.serverCpuMs).toBeGreaterThanOrEqual(0)
      }
    }
    expect(study.analysis.workloadComparison.series).toHaveLength(4)
    expect(study.analysis.verdict.map((f: { code: string }) => f.code)).toContain(
      'workload-comparison'
    )
    const rows = readFileSync(csv, 'utf8').split('\r\n')
    const head = rows[0].split(',')
    const workloadRows = rows.filter((l) => l.startsWith('workload,'))
    expect(workloadRows).toHaveLength(8)
    const ideal = workloadRows.map((l) => l.split(',')[head.indexOf('idealMs')])
    // The sum has no ideal wait; the wait's is ceil(12/N)·5 ms.
    expect(ideal).toEqual(['', '', '60', '15', '60', '15', '60', '15'])
    expect(readFileSync(md, 'utf8')).toContain('## CPU vs waiting')
  })

  it('refuses, before anything runs: the cluster, a bad request count', async () => {
    const cluster = await runCli(['--compare-workloads', '--server', 'nats://127.0.0.1:4222'])
    expect(cluster.code).toBe(2)
    expect(cluster.stderr).toMatch(/backend: comparing workloads runs locally/)
    const zero = await runCli(['--compare-workloads', '--requests', '0'])
    expect(zero.code).toBe(2)
    expect(zero.stderr).toMatch(/wait\.requests|requests/)
    expect(zero.stdout).toBe('')
  })
})
