import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { alive, eventually } from '../helpers/engine'

const CLI = resolve(__dirname, '../../out/main/cli.js')

interface Outcome {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI; `during` gets the child while it runs (to signal it or its workers). */
function cli(args: string[], during?: (child: ReturnType<typeof spawn>) => void): Promise<Outcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => done({ code, stdout, stderr }))
    during?.(child)
  })
}

/** The pids of a process's children (its workers). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0)
  } catch {
    return []
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'speedup-cli-'))

describe('speedup-lab CLI', () => {
  it('--help prints the options and exits 0', async () => {
    const r = await cli(['--help'])
    expect(r.code).toBe(0)
    for (const option of [
      '--range',
      '--workers',
      '--workload',
      '--backend',
      '--pool',
      '--warmup',
      '--reps',
      '--csv',
      '--json'
    ]) {
      expect(r.stdout).toContain(option)
    }
  })

  it('runs, prints the table and a verdict, writes JSON and CSV that agree, exits 0', async () => {
    const json = join(tmp, 'run.json')
    const csv = join(tmp, 'run.csv')
    const r = await cli([
      '--range',
      '-1_000_000:3_000_000',
      '--workers',
      '1-3',
      '--reps',
      '2',
      '--warmup',
      '0',
      '--json',
      json,
      '--csv',
      csv
    ])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /Workers\s+Median ± σ \(ms\)\s+Min … Max \(ms\)\s+Speedup\s+Efficiency\s+Karp–Flatt\s+Sum/
    )
    expect(r.stdout.match(/✓$/gm)).toHaveLength(3)
    expect(r.stdout).toContain('Every total matches the closed form 3,999,998,000,000')

    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.config).toMatchObject({
      range: { start: -1_000_000, end: 3_000_000 },
      workers: [1, 2, 3],
      reps: 2
    })
    expect(report.system).toMatchObject({
      logicalCores: expect.any(Number),
      nodeVersion: process.versions.node
    })
    expect(report.system.cpuModel).toEqual(expect.any(String))
    expect(report.system.totalMemoryBytes).toBeGreaterThan(0)
    expect(report.results).toHaveLength(3)
    for (const res of report.results) {
      for (const key of [
        'medianMs',
        'meanMs',
        'stddevMs',
        'minMs',
        'maxMs',
        'speedup',
        'efficiency'
      ]) {
        expect(res[key]).toEqual(expect.any(Number))
      }
      expect(res.sum).toBe('3999998000000')
      expect(res.expectedSum).toBe('3999998000000')
      expect(res.correct).toBe(true)
      expect(res.samples).toHaveLength(2)
      expect(res.samples[0].computeMs).toHaveLength(res.workers)
      expect(res.samples[0]).toHaveProperty('spawnMs', null)
      expect(res.samples[0].wallMs).toBeGreaterThan(0)
    }
    expect(report.results[0].karpFlatt).toBeNull()
    expect(report.results[1].karpFlatt).toEqual(expect.any(Number))

    const parsed = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), {
      header: true,
      skipEmptyLines: true
    })
    expect(parsed.errors).toEqual([])
    expect(parsed.data.map((row) => Number(row.workers))).toEqual([1, 2, 3])
    parsed.data.forEach((row, i) => {
      expect(Number(row.medianMs)).toBeCloseTo(report.results[i].medianMs, 6)
      expect(Number(row.speedup)).toBeCloseTo(report.results[i].speedup, 6)
      expect(row.sum).toBe('3999998000000')
      expect(row.correct).toBe('true')
      expect(Number(row.rangeStart)).toBe(-1_000_000)
    })
  })

  it('runs the thread backend and the tutorial experiment (replicate, cold)', async () => {
    const r = await cli([
      '--range',
      '0:50_000_000',
      '--workers',
      '1,2',
      '--workload',
      'replicate',
      '--pool',
      'cold',
      '--backend',
      'thread',
      '--reps',
      '1',
      '--warmup',
      '0'
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Spawn (ms)')
    expect(r.stdout).toContain('2,499,999,950,000,000')
    expect(r.stdout).toContain('Replicate: 2 worker(s) did 2× the work')
  })

  it('exits 2 listing every problem, and starts no worker', async () => {
    const r = await cli([
      '--range',
      '5:1',
      '--workers',
      '0,x',
      '--workload',
      'foo',
      '--reps',
      '1.5',
      '--bogus'
    ])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    for (const reason of [
      'unknown option --bogus',
      'workers: "x" is not a worker count',
      'reps: "1.5" is not a whole number',
      'range.end: end must be greater than or equal to start',
      'workload: workload must be one of split, replicate'
    ]) {
      expect(r.stderr).toContain(reason)
    }
  })

  it.each([
    [['--range', '0:99999999999999999999'], 'range.end: end must be a safe integer'],
    [['--workers', '2000'], 'at most 1024'],
    [['--reps', '0'], 'reps must be at least 1'],
    [['--backend', 'gpu'], 'backend must be one of process, thread'],
    [['--pool'], '--pool needs a value'],
    [['--range', '1-9'], 'is not START:END']
  ])('exits 2 for %j', async (args, reason) => {
    const r = await cli(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(reason)
  })

  it('exits 130 on Ctrl-C after stopping every worker', async () => {
    let workers: number[] = []
    const r = await cli(
      ['--range', '0:100_000_000_000', '--workers', '2', '--reps', '1', '--warmup', '0'],
      (child) => {
        void (async () => {
          await eventually(() => (workers = childrenOf(child.pid!)).length === 2, 10_000)
          await new Promise((res) => setTimeout(res, 200))
          child.kill('SIGINT')
        })()
      }
    )
    expect(workers).toHaveLength(2)
    expect(r.code).toBe(130)
    expect(r.stderr).toContain('cancelled; every worker was stopped')
    expect(workers.every((pid) => !alive(pid))).toBe(true)
  })

  it('exits 1 naming the worker when one is killed', async () => {
    let victim = 0
    const r = await cli(
      ['--range', '0:100_000_000_000', '--workers', '2', '--reps', '1', '--warmup', '0'],
      (child) => {
        void (async () => {
          let workers: number[] = []
          await eventually(() => (workers = childrenOf(child.pid!)).length === 2, 10_000)
          await new Promise((res) => setTimeout(res, 200))
          victim = workers[0]
          process.kill(victim, 'SIGKILL')
        })()
      }
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      new RegExp(`the run failed: worker \\d \\(pid ${victim}\\) was killed by signal SIGKILL`)
    )
  })
})
