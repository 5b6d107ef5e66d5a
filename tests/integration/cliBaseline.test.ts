import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli'
import type { CliOutcome } from '../helpers/cli'

/** The built CLI, quiet (no progress lines). */
const cli = (args: string[]): Promise<CliOutcome> => runCli(['--quiet', ...args])

const tmp = mkdtempSync(join(tmpdir(), 'speedup-baseline-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/**
 * A real regression, with real runs: the same small job on a warm pool (the
 * workers started before timing) and then on a cold one (spawning the
 * processes inside every timed repetition, tens of milliseconds) is many
 * times slower — far beyond any noise on a busy machine.
 */
const JOB = ['--range', '0:100_000', '--workers', '1,2', '--warmup', '1', '--reps', '5']

describe('speedup-lab --baseline', () => {
  const warm = join(tmp, 'warm.json')
  const cold = join(tmp, 'cold.json')

  it('records the baseline runs', async () => {
    expect((await cli([...JOB, '--pool', 'warm', '--json', warm])).code).toBe(0)
    expect((await cli([...JOB, '--pool', 'cold', '--json', cold])).code).toBe(0)
  })

  it('detects the regression, prints the table, and --fail-on-regression exits 1', async () => {
    const csv = join(tmp, 'cmp.csv')
    const json = join(tmp, 'cmp.json')
    const md = join(tmp, 'cmp.md')
    const r = await cli([
      ...JOB,
      '--pool',
      'cold',
      '--baseline',
      warm,
      '--fail-on-regression',
      '50',
      '--comparison-csv',
      csv,
      '--comparison-json',
      json,
      '--comparison-markdown',
      md
    ])
    expect(r.stderr).toMatch(/regression beyond 50% at 1, 2 workers \(--fail-on-regression\)/)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`Compared with the baseline ${warm}`)
    expect(r.stdout).toMatch(/^\s+1\s.*\]\s+regressed/m)
    expect(r.stdout).toMatch(/^\s+2\s.*\]\s+regressed/m)
    expect(r.stdout).toContain('Note: compared across pool: warm → cold')

    const rows = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), {
      header: true
    }).data
    expect(rows.map((row) => [row.workers, row.timeVerdict])).toEqual([
      ['1', 'regressed'],
      ['2', 'regressed']
    ])
    const doc = JSON.parse(readFileSync(json, 'utf8'))
    expect(doc.format).toBe('speedup-lab/comparison')
    expect(doc.comparison.regressed).toEqual([1, 2])
    expect(Number(rows[0].timeRatio)).toBeCloseTo(doc.comparison.rows[0].time.ratio, 10)
    expect(doc.comparison.rows[0].time.low).toBeGreaterThan(1.5)
    expect(readFileSync(md, 'utf8')).toContain('1 worker: regressed — median +')
  })

  it('exits 0 when the change is an improvement', async () => {
    const r = await cli([...JOB, '--pool', 'warm', '--baseline', cold, '--fail-on-regression', '5'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^\s+1\s.*\]\s+improved/m)
    expect(r.stdout).toMatch(/1 worker: improved — median −\d/)
  })

  it('refuses a baseline of another job before running, saying what differs', async () => {
    const other = await cli(['--range', '0:200_000', '--workers', '1', '--baseline', warm])
    expect(other.code).toBe(2)
    expect(other.stdout).toBe('')
    expect(other.stderr).toContain(
      'the runs summed different ranges (baseline 0:100000, this run 0:200000)'
    )
    const workload = await cli([...JOB, '--workload', 'replicate', '--baseline', warm])
    expect(workload.code).toBe(2)
    expect(workload.stderr).toContain('baseline split, this run replicate')
  })

  it('refuses a file that is not a run, and options that need --baseline', async () => {
    const bad = join(tmp, 'bad.json')
    writeFileSync(bad, '{"hello": "world"}')
    const r = await cli([...JOB, '--baseline', bad])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${bad} cannot be a baseline: it is not a Speedup Lab run`)
    const missing = await cli([...JOB, '--baseline', join(tmp, 'nope.json')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('(ENOENT)')
    const alone = await cli([...JOB, '--fail-on-regression', '5'])
    expect(alone.code).toBe(2)
    expect(alone.stderr).toContain('--fail-on-regression needs --baseline FILE.json')
    const pct = await cli([...JOB, '--baseline', warm, '--fail-on-regression', 'ten'])
    expect(pct.code).toBe(2)
    expect(pct.stderr).toContain('"ten" is not a percentage')
  })
})
