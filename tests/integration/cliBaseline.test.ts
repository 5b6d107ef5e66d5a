import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
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
  // Version 99 used to be accepted silently; wrong sums refused only after the whole run;
  // a 600 MB file failed with ERR_STRING_TOO_LONG at 1.1 GB of memory.
  describe('refuses before anything runs, saying what to do', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an export edited by hand
    const edited = (name: string, edit: (doc: any) => void): string => {
      const doc = JSON.parse(readFileSync(warm, 'utf8'))
      edit(doc)
      const path = join(tmp, name)
      writeFileSync(path, JSON.stringify(doc))
      return path
    }
    const refused = async (path: string, reason: RegExp): Promise<void> => {
      const r = await cli([...JOB, '--baseline', path])
      expect(r.code, r.stderr).toBe(2)
      // Nothing ran: no table, no plan.
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain(`${path} cannot be a baseline: `)
      expect(r.stderr).toMatch(reason)
    }

    it('a format version this build does not read', async () => {
      await refused(
        edited('v99.json', (d) => (d.version = 99)),
        /format version 99, and this Speedup Lab reads versions 2 to \d+: update Speedup Lab/
      )
    })

    it('wrong sums', async () => {
      const path = edited('wrong.json', (d) => {
        d.run.results[1].sum = '1'
        d.run.results[1].correct = false
      })
      await refused(
        path,
        /its total for 2 workers is wrong \(1, expected \d+\).*use the --json of a run whose sums were all correct/
      )
    })

    it('a byte-order mark', async () => {
      const path = join(tmp, 'bom.json')
      writeFileSync(path, `\uFEFF${readFileSync(warm, 'utf8')}`)
      await refused(path, /byte-order mark.*save it as UTF-8 without BOM/)
    })

    it('a file over 64 MB, without reading it', async () => {
      const path = join(tmp, 'huge.json')
      // Sparse: 600 MB on paper, nothing on disk.
      writeFileSync(path, '')
      truncateSync(path, 600 * 2 ** 20)
      await refused(
        path,
        /it is 600 MB, and a run's export is at most 64 MB: give the --json of one run/
      )
    })
  })
})
