import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { parseRunEnvelope } from '../../src/shared/runExport'
import { alive, eventually } from '../helpers/engine'
import { schemaErrors } from '../helpers/runExportSchema'
import { runCli } from '../helpers/cli'

/** The pids of a process's worker children (not the engine's orphan reaper). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('worker.js'))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((n) => n > 0)
  } catch {
    return []
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'speedup-cli-'))

describe('speedup-lab CLI', () => {
  it('--help prints the options and exits 0', async () => {
    const r = await runCli(['--help'])
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
    const r = await runCli([
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
    // stderr holds the plan, warnings (a noisy machine earns some) and the files written, never an error.
    expect(
      r.stderr
        .split('\n')
        .filter(
          (l) =>
            l &&
            !l.startsWith('speedup-lab: warning [') &&
            !l.startsWith('speedup-lab: plan: ') &&
            !l.startsWith('speedup-lab: wrote ')
        )
    ).toEqual([])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /Workers\s+Median ± σ \(ms\)\s+95% CI \(median\)\s+Min … Max \(ms\)\s+Speedup ± e\s+95% CI \(S\)\s+Verdict\s+Efficiency\s+Karp–Flatt\s+Per worker\s+Sum/
    )
    // Three worker counts and the serial base case (the job in the CLI's own thread), each checked.
    expect(r.stdout.match(/✓$/gm)).toHaveLength(4)
    expect(r.stdout).toMatch(/^\s*serial\s.*✓$/m)
    expect(r.stdout).toContain('Every total matches the closed form 3,999,998,000,000')

    const report = JSON.parse(readFileSync(json, 'utf8'))
    // A real export, validated against the published JSON Schema and read back as a record.
    expect(schemaErrors(report)).toEqual([])
    expect(parseRunEnvelope(report)).toMatchObject({ ok: true, value: { id: report.runId } })
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
    expect(report.format).toBe('speedup-lab/run')
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
      expect(res.verdict).toMatch(/^(baseline|faster|slower|no-difference|too-small)$/)
    }
    // The measured record rides along under `run`, samples and all.
    for (const res of report.run.results) {
      expect(res.samples).toHaveLength(2)
      expect(res.samples[0].computeMs).toHaveLength(res.workers)
      expect(res.samples[0]).toHaveProperty('spawnMs', null)
      expect(res.samples[0].wallMs).toBeGreaterThan(0)
    }
    expect(report.results[0].karpFlatt).toBeNull()
    expect(report.results[0].verdict).toBe('baseline')
    // Karp–Flatt only where it is a serial fraction (1 ≤ S ≤ N) of a significant speedup.
    const two = report.results[1]
    if (two.speedup >= 1 && two.speedup <= 2 && two.verdict === 'faster')
      expect(two.karpFlatt).toEqual(expect.any(Number))
    else expect(two.karpFlatt).toBeNull()

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
    const r = await runCli([
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
    expect(r.stdout).toContain('Scaled speedup S = N·T1/TN (replicate')
    // One repetition: no interval, so no claim of "faster" (issue 9).
    expect(r.stdout).not.toMatch(/faster than 1/)
  })

  it('adds the analysis to --json, intervals and errors to --csv, writes --markdown, warns on stderr', async () => {
    const json = join(tmp, 'analysed.json')
    const csv = join(tmp, 'analysed.csv')
    const md = join(tmp, 'analysed.md')
    const over = availableParallelism() + 1
    const r = await runCli([
      ...['--range', '0:2_000_000', '--workers', `1,${over}`, '--reps', '3', '--warmup', '0'],
      ...['--json', json, '--csv', csv, '--markdown', md]
    ])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(
      `speedup-lab: warning [${over} workers]: ${over} workers on ${availableParallelism()} logical cores`
    )
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['config', 'system', 'results', 'verdict', 'warnings', 'run'])
    )
    expect(report.method).toMatchObject({
      level: 0.95,
      medianInterval: 'bootstrap-percentile',
      meanInterval: 'student-t'
    })
    const [one, many] = report.results
    // Three repetitions: the median's interval would be min…max, so it is missing.
    expect(one.medianCiLower).toBeNull()
    expect(many.speedupError).toEqual(expect.any(Number))
    expect(many.oversubscribed).toBe(true)
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain(
      'more-workers-than-cores'
    )
    const parsed = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), {
      header: true,
      skipEmptyLines: true
    })
    expect(parsed.errors).toEqual([])
    expect(Number(parsed.data[1].speedupError)).toBeCloseTo(many.speedupError, 9)
    expect(parsed.data[0].medianCiUpper).toBe('')
    expect(Number(parsed.data[1].computeSlowestMs)).toBeGreaterThan(0)
    const markdown = readFileSync(md, 'utf8')
    expect(markdown).toMatch(/^# Speedup Lab report\n/)
    // On a busy machine the contention finding leads the verdict; the check follows it.
    expect(markdown).toMatch(
      /## Verdict\n\n(⚠ Shared cores: .*\n)?✓ Every total matches the closed form/
    )
    expect(markdown).toContain('| Workers | n | Median (ms) | 95% CI (median) |')
  })

  it('--sweep-sizes and --compare-backends: size tables with break-even, backends side by side', async () => {
    const json = join(tmp, 'study.json')
    const csv = join(tmp, 'study.csv')
    const md = join(tmp, 'study.md')
    const r = await runCli([
      ...['--sweep-sizes=1000,300_000', '--compare-backends', '--range', '0:1_000_000'],
      ...['--workers', '1,2', '--reps', '2', '--warmup', '0'],
      ...['--json', json, '--csv', csv, '--markdown', md]
    ])
    expect(r.code).toBe(0)
    // Warnings, and each file written, by name.
    expect(
      r.stderr.split('\n').filter((l) => l && !l.startsWith('speedup-lab: warning ['))
    ).toEqual([json, csv, md].map((f) => `speedup-lab: wrote ${f}`))
    for (const title of [
      'process, warm pool',
      'process, cold pool',
      'thread, warm pool',
      'thread, cold pool'
    ]) {
      expect(r.stdout).toContain(`${title} — times are medians ± their 95% CI half-width`)
    }
    expect(r.stdout).toMatch(/Size\s+1 worker \(ms\)\s+2 workers \(ms\)\s+Speedup ± e\s+Winner/)
    expect(r.stdout).toMatch(/^\s*300,000\s/m)
    expect(r.stdout).toContain('Backends side by side')
    expect(r.stdout).toMatch(/Backend\s+Cold start \(ms\)\s+RSS per worker\s+PSS per worker/)
    expect(r.stdout).toMatch(
      /process, cold pool: 2 workers (first beat|never beat|beat 1 at every|win at)/
    )
    expect(r.stdout).toContain('Cold start of one worker: process')

    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.kind).toBe('study')
    expect(report.config).toMatchObject({ sizes: [1000, 300_000], backends: ['process', 'thread'] })
    expect(report.sizeRuns).toHaveLength(8)
    expect(report.analysis.sizeSweeps).toHaveLength(4)
    expect(report.analysis.sizeSweeps[0].breakEven.status).toEqual(expect.any(String))
    expect(report.analysis.backendComparison.backends).toHaveLength(2)
    expect(report.backendRuns[0].memory.rssBytesPerWorker).toBeGreaterThan(0)

    const parsed = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), {
      header: true,
      skipEmptyLines: true
    })
    expect(parsed.errors).toEqual([])
    const kinds = parsed.data.map((row) => row.kind)
    expect(kinds.filter((k) => k === 'size')).toHaveLength(8)
    expect(kinds.filter((k) => k === 'break-even')).toHaveLength(4)
    expect(kinds.filter((k) => k === 'backend')).toHaveLength(4)
    expect(kinds.filter((k) => k === 'model')).toHaveLength(2)
    const markdown = readFileSync(md, 'utf8')
    expect(markdown).toMatch(/^# Speedup Lab study\n/)
    expect(markdown).toContain('## Threads vs processes')
  })

  it('exits 2 listing every problem, and starts no worker', async () => {
    const r = await runCli([
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
      'range.end: end must be greater than start (an empty range has nothing to sum)',
      'workload: "foo" is not a workload (split, replicate, weak, wait)'
    ]) {
      expect(r.stderr).toContain(reason)
    }
  })

  it.each([
    [['--range', '0:99999999999999999999'], 'range.end: end must be a safe integer'],
    [['--workers', '2000'], 'at most 256'],
    [['--reps', '0'], 'reps must be at least 1'],
    [['--backend', 'gpu'], 'backend must be one of process, thread'],
    [['--pool'], '--pool needs a value'],
    [['--range', '1-9'], 'is not START:END'],
    [['--sweep-sizes=1.5e0'], 'sweep-sizes: "1.5e0" is not a size'],
    [['--range', '0:1,5'], 'range: end: "1,5": separators must group digits in threes'],
    [['--csv', 'same.out', '--json', 'same.out'], 'json: --csv already writes same.out'],
    [['--workers', '999'], 'at most 256'],
    [['--sweep-sizes', '--workers', '1'], 'workers: a size sweep compares 1 worker with N'],
    [['--compare-backends=gpu'], 'compare-backends: "gpu" is not a backend']
  ])('exits 2 for %j', async (args, reason) => {
    const r = await runCli(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(reason)
  })

  it('exits 130 on Ctrl-C after stopping every worker', async () => {
    let workers: number[] = []
    const r = await runCli(
      [
        '--range',
        '0:100_000_000_000',
        '--no-serial',
        '--workers',
        '2',
        '--reps',
        '1',
        '--warmup',
        '0'
      ],
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
    const r = await runCli(
      [
        '--range',
        '0:100_000_000_000',
        '--no-serial',
        '--workers',
        '2',
        '--reps',
        '1',
        '--warmup',
        '0'
      ],
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
